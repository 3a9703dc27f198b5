"""Logical paragraphs: the lines of a page joined where the page broke a sentence.

Web pages saved as text often break a sentence where the page had a link or an invisible mark:
``——基础设施支撑能力持续提升。新建⏎高速铁路⏎投产里程超过1900公里``, ``收费35项，收费⏎\\u200b⏎项目再减少``,
or a bullet alone on its line with its words on the next (``——⏎改革开放⏎深入推进。``). The outline
counts paragraphs (a run of points goes on in the next paragraph, bullets close to each other form
a list), so such a sentence must count as one paragraph.

A line is joined to the paragraph before it when that paragraph is *open*:

* it holds only invisible characters (zero-width space, joiners, BOM), or only a bullet marker
  (``——``), or
* it has ended a sentence inside it (。！？；) and then goes on without closing punctuation
  (``…。新建``): a sentence was cut;
* it ends with an opening quotation mark or bracket (``认真贯彻《``);

or the line itself opens with punctuation that goes on a sentence (``》第五条``, ``”实现了``,
``、地下综合管廊``); and the line itself does not open with an enumeration marker (a numbered line always starts a
paragraph). A line without any sentence punctuation (a title) never opens a join, so title lines
keep standing alone.

Examples
--------
>>> v = "甲。新建\\n高速铁路\\n投产。\\n标题\\n正文。"
>>> from analyser.text.document import split_paragraphs
>>> [v[a:b] for a, b in logical_paragraphs(v, split_paragraphs(v), set())]
['甲。新建\\n高速铁路\\n投产。', '标题', '正文。']
>>> w = "要贯彻《\\n证券法\\n》，加强监管。\\n一、任务"
>>> [w[a:b] for a, b in logical_paragraphs(w, split_paragraphs(w), {w.index("一、")})]
['要贯彻《\\n证券法\\n》，加强监管。', '一、任务']
"""
from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["logical_paragraphs"]

_INVISIBLE = " \u3000\xa0\t\n\r\u200b\u200c\u200d\u2060\ufeff"
_BULLET_ONLY = re.compile(r"[ \u3000\xa0\t]*(?:——|－－|--)")
_SENTENCE_INSIDE = re.compile(r"[。！？；!?;]")
_OPENERS = frozenset("《“「『（(【‘")
_CONTINUERS = frozenset("》”」』）)】’、，。；：！？")
_CLOSERS = frozenset("。！？；：:!?;…,，、”’」』）)》】]")


class _Paragraph:
    """What the join needs to know of the paragraph built so far, updated line by line."""

    __slots__ = ("start", "end", "last", "sentence", "bullet", "blank")

    def __init__(self, view: str, a: int, b: int) -> None:
        self.start, self.end = a, b
        self.last, self.sentence, self.bullet, self.blank = "", False, False, True
        self.add(view, a, b)

    def add(self, view: str, a: int, b: int) -> None:
        self.end = b
        line = view[a:b]
        tail = line.rstrip(_INVISIBLE)
        if not tail:
            return  # a line of invisible marks changes nothing
        self.blank = False
        self.last = tail[-1]
        self.bullet = _BULLET_ONLY.fullmatch(tail) is not None
        self.sentence = self.sentence or _SENTENCE_INSIDE.search(tail) is not None

    def open(self) -> bool:
        if self.blank or self.bullet or self.last in _OPENERS:
            return True  # 认真贯彻《⏎证券法⏎》: a quotation or title opened, not closed
        return self.last not in _CLOSERS and self.sentence


def _continuation(view: str, a: int, b: int) -> bool:
    """The line opens with punctuation that closes or goes on a sentence (》第五条…, ”实现了…, 、地下…)."""
    while a < b and view[a] in " \u3000\xa0\t\ufeff":
        a += 1
    return a < b and view[a] in _CONTINUERS


def logical_paragraphs(
    view: str, paragraphs: Iterable[tuple[int, int]], marked: set[int]
) -> tuple[tuple[int, int], ...]:
    """``paragraphs`` (``(start, end)`` of the non-blank lines) with the lines of cut sentences
    joined; ``marked`` holds the starts of lines that open with an enumeration marker."""
    out: list[tuple[int, int]] = []
    cur: _Paragraph | None = None
    for a, b in paragraphs:
        if cur is not None and (cur.open() or _continuation(view, a, b)) and not _starts_marked(view, a, marked):
            cur.add(view, a, b)
        else:
            if cur is not None:
                out.append((cur.start, cur.end))
            cur = _Paragraph(view, a, b)
    if cur is not None:
        out.append((cur.start, cur.end))
    return tuple(out)


def _starts_marked(view: str, a: int, marked: set[int]) -> bool:
    i = a
    while i < len(view) and view[i] in " \u3000\xa0\t\ufeff":
        i += 1
    return i in marked or a in marked
