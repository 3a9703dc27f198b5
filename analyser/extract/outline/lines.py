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
_ENDERS = frozenset("。！？；!?;")
_DASHES = frozenset("—－-")
_CLOSERS = frozenset("。！？；：:!?;…,，、”’」』）)》】]")


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
    is_open = False  # the paragraph so far is open (see the module docstring)
    sentence = False  # it has a sentence end inside
    last = ""  # its last visible character
    for a, b in paragraphs:
        if out and (is_open or _continuation(view, a, b)) and not _starts_marked(view, a, marked):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
            sentence, last = False, ""
        end = b
        while end > a and view[end - 1] in _INVISIBLE:
            end -= 1
        if end > a:  # a line of invisible marks changes nothing
            last = view[end - 1]
            if last in _OPENERS:
                is_open = True  # 认真贯彻《⏎证券法⏎》: a quotation or title opened, not closed
                continue
            if last in _CLOSERS:
                is_open = False
                sentence = sentence or last in _ENDERS or _SENTENCE_INSIDE.search(view, a, end) is not None
                continue
            if last in _DASHES and _BULLET_ONLY.fullmatch(view, a, end):
                is_open = True  # ——⏎改革开放: the bullet's words on the next line
                continue
            sentence = sentence or _SENTENCE_INSIDE.search(view, a, end) is not None
        is_open = not last or (last not in _CLOSERS and sentence)
    return tuple(out)


def _starts_marked(view: str, a: int, marked: set[int]) -> bool:
    i = a
    while i < len(view) and view[i] in " \u3000\xa0\t\ufeff":
        i += 1
    return i in marked or a in marked
