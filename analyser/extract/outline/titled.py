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

from analyser import data

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


def _shape(view: str, a: int, b: int, marked: set[int]) -> bool:
    """The line ``view[a:b]`` has the shape of a title (length, punctuation, no marker)."""
    line = view[a:b]
    if not (MIN_CHARS <= b - a <= MAX_CHARS) or len(_CJK.findall(line)) < 2:
        return False
    if a in marked or _SENTENCE_PUNCT.search(line) or _NOT_A_TITLE_START.match(line) or _POINT_START.match(line):
        return False
    return not (("，" in line or "," in line) and len(line.strip()) > COMMA_CHARS)


def title_lines(view: str, layout: Layout, lo: int, hi: int, marked: set[int] = frozenset()) -> list[tuple[int, int]]:
    """``(start, end)`` of the unnumbered top-level title lines inside ``[lo, hi)`` (empty when
    fewer than two).

    ``marked`` holds the starts of lines that open with an enumeration marker: a title may be
    followed by such a line (a numbered subheading) instead of a long paragraph.

    Headings in two levels: a title line directly followed by another (经济概况⏎二〇二五年的表现⏎
    正文) is an upper heading, the second a subheading. When a document has such pairs, its
    top-level titles are the upper headings, the lone titles before the first of them, and the
    lone titles of an opening or closing division (引言, 结语: ``data/outline_top_titles.txt``);
    the other lone titles are subheadings. Three or more title-shaped lines in a row are
    fragments of a broken page, not headings.
    """
    pars = [(a, b) for a, b in layout.paragraphs if lo <= a and b <= hi]
    shaped = [_shape(view, a, b, marked) for a, b in pars]
    lone: list[int] = []  # titles followed by text
    upper: list[int] = []  # titles followed by a subheading
    for i, (a, b) in enumerate(pars):
        if not shaped[i]:
            continue
        if i > 0 and pars[i - 1][0] not in marked and not _ENDS_SENTENCE.search(view[pars[i - 1][0]:pars[i - 1][1]]):
            continue
        if _followed_by_text(view, pars, i, marked):
            lone.append(i)
        elif (i + 2 < len(pars) and shaped[i + 1] and not (i + 2 < len(pars) and shaped[i + 2])
              and _followed_by_text(view, pars, i + 1, marked)):
            upper.append(i)
    if upper:
        top_words = data.words("outline_top_titles.txt")
        keep = set(upper) | {i for i in lone if i < upper[0] or view[pars[i][0]:pars[i][1]].strip() in top_words}
        lone = sorted(keep)
    out = [pars[i] for i in lone]
    return out if len(out) >= 2 else []


def _followed_by_text(view: str, pars: list[tuple[int, int]], i: int, marked: set[int]) -> bool:
    """The title line ``pars[i]`` is followed by its text: a long paragraph that starts with a
    character, or a numbered line (an address standing alone after the title is passed over)."""
    a, b = pars[i]
    nxt = i + 1
    if nxt + 1 < len(pars) and _SALUTATION.fullmatch(view[pars[nxt][0]:pars[nxt][1]].strip()):
        nxt += 1  # 形势和任务⏎同志们！⏎…: the address opens the section's text
    if nxt >= len(pars):
        return False
    na, nb = pars[nxt]
    return na in marked or (bool(_PARAGRAPH_START.match(view[na])) and _long_enough(view, a, b, na, nb))
