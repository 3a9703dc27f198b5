"""Unnumbered section titles: a short title line standing between two paragraphs.

Some reports print their top-level titles without numbers (“十四五”时期工作回顾 … 2026年重点工作).
These are only looked for when the document has no numbered sections. A title line

* is short (2 to 40 characters) and holds no sentence punctuation (。！？；：);
* does not open with a marker or a bracket, a dash or a digit run followed by a separator, nor
  with a point marker (``第一，`` alone on its line opens a point, ``首先``…);
* holds a comma only when it is short (厉行节约，反对浪费): a longer line with a comma is a bold
  lead sentence (调整国民经济的任务已经基本完成，国民经济已经全面好转…), not a title;
* follows a paragraph that ended a sentence (。！？ or the colon of a salutation) or a list line
  (one that opens with a marker: ``(iii) 第三項``), or opens the body;
* is followed by a longer paragraph that starts with a character, not punctuation (at least 30
  characters, or a whole sentence longer than the title), or by a line that opens with a marker
  (a numbered subheading); an address standing alone after the title (同志们！) is passed over.

At least two such lines are needed; they are numbered by position.

Examples
--------
>>> from analyser.extract.outline.tree import Layout
>>> from analyser.text.document import split_paragraphs
>>> v = "各位代表：\\n“十四五”时期工作回顾\\n五年来我们取得了很大的成绩，全省经济社会发展迈上新的台阶，人民生活明显改善。\\n2026年重点工作\\n今年要重点抓好以下几个方面的工作，确保全年经济社会发展主要目标顺利实现。"
>>> [v[a:b] for a, b in title_lines(v, Layout(tuple(split_paragraphs(v)), len(v)), 0, len(v))]
['“十四五”时期工作回顾', '2026年重点工作']
"""
from __future__ import annotations

import re

from .tree import Layout

__all__ = ["title_lines"]

_SENTENCE_PUNCT = re.compile(r"[。！？；：!?;:]")
_NOT_A_TITLE_START = re.compile(r"[（(【\[—\-－·•●○■□◆▲★※、，。．.:：；;！？!?]|\d+[、.．]|第.{1,4}[条章节]")
_ENDS_SENTENCE = re.compile(r"[。！？：!?:][”’」』）)]*$")
_POINT_START = re.compile(r"(?:第|其)?[一二三四五六七八九十]{1,3}[是要，、：]|首先|其次|再次|最后")
#: the longest title line that may hold a comma
COMMA_CHARS = 15
_SALUTATION = re.compile(r"[^。，；\n]{2,10}[！：!:]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PARAGRAPH_START = re.compile(r"[\u4e00-\u9fff0-9A-Za-z“「《]")
MIN_CHARS, MAX_CHARS, MIN_NEXT = 2, 40, 30


def _long_enough(view: str, a: int, b: int, na: int, nb: int) -> bool:
    """The paragraph after a title is long, or at least a whole sentence longer than the title
    (周恩来总理报告的第三部分是关于国际形势和我国对外工作。)."""
    if nb - na >= max(MIN_NEXT, b - a + 1):
        return True
    return nb - na > b - a + 1 and bool(_ENDS_SENTENCE.search(view[na:nb]))


def title_lines(view: str, layout: Layout, lo: int, hi: int, marked: set[int] = frozenset()) -> list[tuple[int, int]]:
    """``(start, end)`` of the unnumbered title lines inside ``[lo, hi)`` (empty when fewer than two).

    ``marked`` holds the starts of lines that open with an enumeration marker: a title may be
    followed by such a line (a numbered subheading) instead of a long paragraph.
    """
    pars = [(a, b) for a, b in layout.paragraphs if lo <= a and b <= hi]
    out = []
    for i, (a, b) in enumerate(pars):
        line = view[a:b]
        if not (MIN_CHARS <= b - a <= MAX_CHARS) or len(_CJK.findall(line)) < 2:
            continue
        if a in marked or _SENTENCE_PUNCT.search(line) or _NOT_A_TITLE_START.match(line) or _POINT_START.match(line):
            continue
        if ("，" in line or "," in line) and len(line.strip()) > COMMA_CHARS:
            continue
        nxt = i + 1
        if nxt + 1 < len(pars) and _SALUTATION.fullmatch(view[pars[nxt][0]:pars[nxt][1]].strip()):
            nxt += 1  # 形势和任务⏎同志们！⏎…: the address opens the section's text
        if nxt >= len(pars):
            continue
        na, nb = pars[nxt]
        if na not in marked and (not _PARAGRAPH_START.match(view[na]) or not _long_enough(view, a, b, na, nb)):
            continue
        if i > 0 and pars[i - 1][0] not in marked and not _ENDS_SENTENCE.search(view[pars[i - 1][0]:pars[i - 1][1]]):
            continue
        out.append((a, b))
    return out if len(out) >= 2 else []
