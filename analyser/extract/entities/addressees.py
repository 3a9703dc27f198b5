"""Persons addressed at the head of a letter or a reply: ``周桂英代表：``, ``周桂英、邓明义代表：``,
``周桂英等代表：``, ``王明等3位委员：``.

Replies to deputies' suggestions and members' proposals open with the names of those who made
them, an address word (``person_address_words.txt``: 代表, 委员, 同志, 先生, 女士) and a colon.
The frame is read only at the start of a line or a sentence, and every item of the 、-list before
the address word must be shaped like a name (the caller's ``name_like``), so that 各位代表：,
人大代表： or 全体委员： give nothing.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from analyser.data import words as data_words

__all__ = ["find_addressees"]

#: what may stand before the first name: the start of a line or of a sentence
_START = frozenset("\n\r \t\u3000。；！？")
_HAN = r"\u4e00-\u9fff"
#: 等, 等3位, 等三位 between the last name and the address word
_SEVERAL = r"(?:等(?:[0-9０-９一二三四五六七八九十两]{1,3}[位名])?)?"


#: how far before the address word the names may begin (a dozen names or more)
_REACH = 120


@lru_cache(maxsize=1)
def _forms() -> str:
    return "|".join(sorted(map(re.escape, data_words("person_address_words.txt")), key=len, reverse=True))


@lru_cache(maxsize=1)
def _frame() -> re.Pattern:
    return re.compile(rf"((?:[{_HAN}]{{2,4}}、)*[{_HAN}]{{2,4}}?){_SEVERAL}(?:{_forms()})[：:]")


@lru_cache(maxsize=1)
def _address() -> re.Pattern:
    """The address word and its colon, which the frame ends with (found first: they are rare)."""
    return re.compile(rf"(?:{_forms()})[：:]")


@lru_cache(maxsize=1)
def _run_start() -> re.Pattern:
    """The run of Chinese characters, digits (等3位) and 、 that ends where it is searched back from."""
    return re.compile(rf"[{_HAN}、0-9０-９]*$")


def find_addressees(view: str, lo: int, hi: int, name_like: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of the persons addressed by a frame starting in ``view[lo:hi]``.

    >>> like = lambda n: n[0] in "周邓王李" and 2 <= len(n) <= 3
    >>> v = "国办函〔2006〕71号\\n周桂英、邓明义代表：\\n你们提出的建议收悉。各位代表："
    >>> [v[a:b] for a, b, _ in find_addressees(v, 0, len(v), like)]
    ['周桂英', '邓明义']
    >>> w = "王明等3位委员：请审阅。"
    >>> [w[a:b] for a, b, _ in find_addressees(w, 0, len(w), like)]
    ['王明']
    """
    out: list[tuple[int, int, str]] = []
    # each address word is read back to the start of the run of names before it: a long 、-list
    # with no address word costs nothing, and one with an address word is read once
    frame = _frame()
    for w in _address().finditer(view, lo, hi):
        floor = max(lo, w.start() - _REACH)
        a = _run_start().search(view, floor, w.start()).start()
        if a > lo and view[a - 1] not in _START:
            continue
        m = frame.match(view, a, w.end())
        if m is None or m.end() != w.end():
            continue
        items: list[tuple[int, int, str]] = []
        k = a
        for name in m.group(1).split("、"):
            items.append((k, k + len(name), name))
            k += len(name) + 1
        if all(name_like(name) for _, _, name in items):
            out.extend(items)
    return out
