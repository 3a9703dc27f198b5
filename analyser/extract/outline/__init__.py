"""The document outline: sections, numbered items and in-paragraph points, as a tree.

``extract_outline(src)`` finds the enumeration markers of a document and keeps those that form
real sequences:

* sections: ``第一部分`` ``第一章`` ``第一节`` ``一、`` (kind ``"section"``), heading = the title;
  a document without numbered sections may have unnumbered title lines instead (see
  :mod:`.titled`; their marker is the empty span at the title);
* items: ``第一条`` ``（一）`` ``1.`` ``（1）`` ``①`` and bullet lines ``——`` (kind ``"item"``),
  heading = the text after the marker up to the first 。 or the line end;
* points: ``一是`` ``一要`` ``第一是`` ``第一，`` ``首先…其次…最后`` inside running text
  (kind ``"point"``), heading = the first clause after the marker up to the first 。.

Families nest by a fixed hierarchy (部分 > 章 > 节 > 一、 > 甲、 > 条 > （一） > 1. > （1） > ① > ——);
points hang under the innermost node whose span holds them. Top-level nodes are the sections
(or whatever is outermost in a document without sections).

Examples
--------
>>> from analyser.text.document import DocumentText
>>> src = DocumentText.from_text("一、工作歷程\\n一是強化頂層設計。按照要求。\\n二是創新籌資方式。\\n二、主要成效\\n（一）住房。")
>>> nodes = extract_outline(src)
>>> [(n.kind, n.number, n.marker.text, n.heading.text) for n in nodes]
[('section', 1, '一、', '工作歷程'), ('section', 2, '二、', '主要成效')]
>>> [(p.kind, p.marker.text, p.heading.text) for p in nodes[0].children]
[('point', '一是', '強化頂層設計'), ('point', '二是', '創新籌資方式')]
"""
from __future__ import annotations

from analyser.facts import OutlineNode
from analyser.text.document import DocumentText

from .markers import FAMILY_RANK, SECTION_FAMILIES, line_candidates, point_candidates
from .titled import title_lines
from .tree import Draft, Layout, line_runs, nest, point_runs

__all__ = ["extract_outline"]


def extract_outline(src: DocumentText) -> list[OutlineNode]:
    """The outline tree of ``src``: top-level nodes in text order, each with its children.

    Parameters
    ----------
    src : DocumentText
        The prepared document; only markers inside ``src.body`` count.

    Returns
    -------
    list of OutlineNode
        Sorted by ``start``; ``level`` is the depth (1 for top-level nodes).

    Examples
    --------
    >>> from analyser.text.document import DocumentText
    >>> extract_outline(DocumentText.from_text("第一书记要抓好落实。宪法第八、第九两条。"))
    []
    """
    view = src.view
    if not view:
        return []
    lo, hi = src.body
    layout = Layout(src.paragraphs, len(view))
    lines = [c for c in line_candidates(view) if lo <= c.marker[0] and c.marker[1] <= hi]
    points = [c for c in point_candidates(view) if lo <= c.marker[0] and c.marker[1] <= hi]
    line_drafts = line_runs(view, lines, layout, hi)
    if not any(d.family in SECTION_FAMILIES for d in line_drafts):
        titled = _titled_sections(view, layout, lo, hi, {c.marker[0] for c in lines})
        if titled:
            line_drafts = line_runs(view, lines, layout, hi, titled)
    point_drafts = point_runs(view, points, line_drafts, layout, hi)
    roots = nest(line_drafts + point_drafts)
    return [_freeze(src, d, 1) for d in roots]


def _titled_sections(view: str, layout: Layout, lo: int, hi: int, marked: set[int]) -> list[Draft]:
    """Unnumbered title lines as sections numbered by position (empty marker at the title)."""
    titles = title_lines(view, layout, lo, hi, marked)
    out = []
    for i, (a, b) in enumerate(titles):
        end = titles[i + 1][0] if i + 1 < len(titles) else hi
        while end > b and view[end - 1].isspace():
            end -= 1
        out.append(Draft("section", "titled", i + 1, (a, a), a, a, end, (a, b), FAMILY_RANK["dun"]))
    return out


def _freeze(src: DocumentText, d: Draft, level: int, limit: int | None = None) -> OutlineNode:
    heading = src.span(*d.heading) if d.heading else None
    end = d.end if limit is None else min(d.end, limit)
    children = tuple(_freeze(src, c, level + 1, end) for c in d.children)
    return OutlineNode(
        kind=d.kind,  # type: ignore[arg-type]
        level=level,
        marker=src.span(*d.marker),
        number=d.number,
        heading=heading,
        start=d.start,
        end=end,
        children=children,
    )
