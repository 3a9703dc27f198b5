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
(or whatever is outermost in a document without sections); a section family nested under another
node (一、 under 壹、 or 第一章) gives items there.

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

from .backmatter import back_matter_start, signed_annex_start
from .lines import logical_paragraphs
from .markers import FAMILY_RANK, line_candidates, point_candidates
from .titled import title_lines
from .tree import Draft, Layout, line_runs, nest, point_runs, title_line

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
    all_lines = line_candidates(view)
    layout = Layout(logical_paragraphs(view, src.paragraphs, {c.marker[0] for c in all_lines}), len(view))
    lines = [c for c in all_lines if lo <= c.marker[0] and c.marker[1] <= hi]
    hi = back_matter_start(view, lo, hi, lines)
    lines = [c for c in lines if c.marker[1] <= hi]
    annex = signed_annex_start(view, lo, hi)
    if annex is not None and line_runs(view, [c for c in lines if c.marker[1] <= annex], layout, annex):
        hi = annex  # the main text has an outline of its own: the annex after the signature is appended matter
        lines = [c for c in lines if c.marker[1] <= hi]
    points = [c for c in point_candidates(view) if lo <= c.marker[0] and c.marker[1] <= hi]
    line_drafts = line_runs(view, lines, layout, hi)
    if not any(d.kind == "section" for d in line_drafts):
        marked = {c.marker[0] for c in lines}
        titles = title_lines(view, layout, lo, hi, marked)
        family = _title_family(view, line_drafts, layout, titles, hi)
        if family is not None:
            line_drafts = line_runs(view, lines, layout, hi, promote=family)
        elif titles:
            line_drafts = line_runs(view, lines, layout, hi, _titled_sections(view, titles, hi))
    taken = {d.marker[0] for d in line_drafts}
    points = [c for c in points if c.marker[0] not in taken]  # 第一、关于… as a title line is an item
    point_drafts = point_runs(view, points, line_drafts, layout, hi)
    roots = nest(line_drafts + point_drafts)
    return [_freeze(src, d, 1) for d in roots]


#: A family stands as the sections only when each of its nodes holds at least this many paragraphs.
SECTION_PARAGRAPHS = 3


def _title_family(
    view: str, drafts: list[Draft], layout: Layout, titles: list[tuple[int, int]], hi: int
) -> str | None:
    """The family of numbered title lines that divides a document without section markers
    ((一)一九五七年经济战线上的胜利 … (五)…): its nodes are the outermost, every one is a title line
    standing alone (short, no sentence punctuation) and holds several paragraphs, and it opens
    the outline: before any other numbered line and any unnumbered title line (else the unnumbered titles are the sections and the family
    their items)."""
    numbered = [d for d in drafts if d.family != "dash"]
    if not numbered:
        return None
    family = min(numbered, key=lambda d: (d.start, d.rank)).family  # the family that opens the outline
    nodes = [d for d in numbered if d.family == family]
    if len(nodes) < 2 or (titles and titles[0][0] < nodes[0].start):
        return None
    for i, d in enumerate(nodes):
        if not title_line(view, d.start, d.body, layout):
            return None
        end = nodes[i + 1].start if i + 1 < len(nodes) else hi
        if layout.index(max(d.start, end - 1)) - layout.index(d.start) + 1 < SECTION_PARAGRAPHS:
            return None
    return family


def _titled_sections(view: str, titles: list[tuple[int, int]], hi: int) -> list[Draft]:
    """Unnumbered title lines as sections numbered by position (empty marker at the title)."""
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
    # only top-level nodes are sections: 一、 under 壹、 (or under 第一章) is an item of its part
    kind = "item" if level > 1 and d.kind == "section" else d.kind
    return OutlineNode(
        kind=kind,  # type: ignore[arg-type]
        level=level,
        marker=src.span(*d.marker),
        number=d.number,
        heading=heading,
        start=d.start,
        end=end,
        children=children,
    )
