"""The candidate record and the character classes every candidate generator shares.

Examples
--------
>>> c = Candidate(3, 7, "quote", outer=(2, 8))
>>> c.quoted, numeral_value("六大体系")
(True, 6)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["NUMERALS", "QUOTES", "Candidate", "numeral_value"]

#: Opening quote -> closing quote.
QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’"}
#: Counting numerals of numbered formulas (一 alone never counts: 一带一路, 一老一小 are terms).
NUMERALS = "两二三四五六七八九十"
_NUM_VALUE = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_HAN = r"\u4e00-\u9fff"
_IS_HAN = re.compile(f"[{_HAN}]")
#: Hard clause breaks (a list never crosses them).
_CLAUSE_BREAK = re.compile(r"[，。；：！？“”「」『』‘’《》（）()\n\t 　…—,.;:!?\"']")
_SENT_BREAK = re.compile(r"[。；！？\n：]")
_JOINERS = ("以及", "和", "及", "与", "并")
_CONNECTORS = "就又也更还并而且再"


def numeral_value(text: str) -> int | None:
    """The count a numbered formula names: its first numeral (``六大体系`` -> 6).

    >>> numeral_value("两不愁三保障"), numeral_value("一带一路")
    (2, 1)
    """
    for ch in text:
        if ch in _NUM_VALUE:
            return _NUM_VALUE[ch]
    return None


@dataclass
class Candidate:
    """A possible formulation: offsets into the view, how it was found, its members."""

    start: int
    end: int
    origin: str
    parts: tuple[tuple[int, int], ...] = ()
    members: tuple[tuple[int, int], ...] = ()
    outer: tuple[int, int] | None = None
    in_title: bool = False
    frame: str = ""
    info: dict = field(default_factory=dict)

    @property
    def quoted(self) -> bool:
        return self.outer is not None


def _boundaries(bounds: set[int] | None, pos: int) -> bool:
    return bounds is None or pos in bounds
