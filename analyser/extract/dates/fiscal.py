"""Fiscal years: 2025-26年度, 2026-27至2030-31年度, 本年度, 上财政年度, 下年度.

Whether 年度 is a fiscal year, and when it starts, depends on the text: a Hong Kong budget speech
(财政年度, 立法会, see ``analyser/data/fiscal_year_cues.txt``) counts years from 1 April, so
2025-26年度 runs from April 2025 to March 2026 and 本年度 in a speech of February 2026 is that same
year. The value names the two calendar years it spans (``2025/2026``), as the contract writes an
interval of years and as a fiscal year is usually written; ``kind`` ``fiscal_year`` says that the
interval starts in the fiscal year's first month rather than in January. Without such a cue 2019—2020年度 keeps the two years (``2019/2020``) and
本年度 / 上年度 are calendar years, read as 今年 / 上年 are (:mod:`.relative`).
"""
from __future__ import annotations

from functools import lru_cache

from analyser import data

from .explicit import year_of

__all__ = ["fiscal", "fiscal_range", "fiscal_relative", "fiscal_start", "fiscal_year"]


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, int], ...]:
    return tuple((cue, int(month)) for cue, month in data.table("fiscal_year_cues.txt"))


def fiscal_start(view: str) -> int | None:
    """The first month of the fiscal year a text counts in (4 for Hong Kong), or None: calendar years.

    >>> fiscal_start("上财政年度的赤字"), fiscal_start("本年度完成投资")
    (4, None)
    """
    for cue, month in _cues():
        if cue in view:
            return month
    return None


def fiscal_year(y: int, start: int) -> str:
    """The fiscal year that starts in month ``start`` of year ``y``.

    >>> fiscal_year(2025, 4), fiscal_year(2025, 1)
    ('2025/2026', '2025')
    """
    if start == 1:
        return f"{y}"
    return f"{y}/{y + 1}"


def _second(y1: int, s: str) -> int | None:
    """The second year of 2025-26 or 2025/2026: 2026."""
    y2 = year_of(s)
    if y2 is None:
        return None
    if y2 < 100:
        y2 += y1 // 100 * 100
    return y2


def fiscal(m, scan):
    """2013/14年度, 2019—2020年度 -> 2013/2014, 2019/2020; in a fiscal-year text 2025-26年度 ->
    2025/2026 (from April 2025)."""
    y1 = year_of(m["fy1"])
    y2 = _second(y1, m["fy2"]) if y1 is not None else None
    if y1 is None or y2 is None or y2 <= y1:
        return None
    start = scan.frame.fiscal_start
    if start and y2 == y1 + 1:
        return m.start(), m.end(), fiscal_year(y1, start), "fiscal_year"
    return m.start(), m.end(), f"{y1}/{y2}", "fiscal_year"


def fiscal_range(m, scan):
    """2026-27至2030-31年度: from the start of the first fiscal year to the end of the last."""
    a1, b1 = year_of(m["fa1"]), year_of(m["fb1"])
    if a1 is None or b1 is None:
        return None
    a2, b2 = _second(a1, m["fa2"]), _second(b1, m["fb2"])
    if a2 is None or b2 is None or not a1 < a2 <= b1 < b2:
        return None
    start = scan.frame.fiscal_start
    if start and a2 == a1 + 1 and b2 == b1 + 1:
        first, last = fiscal_year(a1, start).split("/")[0], fiscal_year(b1, start).split("/")[1]
        return m.start(), m.end(), f"{first}/{last}", "range"
    return m.start(), m.end(), f"{a1}/{b2}", "range"


#: How many fiscal years each word moves from the current one.
_SHIFT = {"本": 0, "今个": 0, "这个": 0, "本个": 0, "上": -1, "上个": -1, "上一个": -1, "下": 1, "下个": 1, "下一个": 1}


def fiscal_relative(m, scan):
    """本年度, 上财政年度, 下年度: in a fiscal-year text the fiscal year holding the document's date,
    or the one before or after; elsewhere 本年度 is the calendar year and 上年度 the year before the
    one in focus (as 上年), and 下年度 is not read."""
    a, b = m.span()
    word, fiscal_word = m["fr"], m["frf"]
    f = scan.frame
    start = f.fiscal_start or (4 if fiscal_word else None)
    shift = _SHIFT[word]
    if start is None:
        if shift == 0 and word == "本":
            return a, b, (f"{f.year}" if f.year is not None else None), "deictic_year"
        if shift == -1 and word == "上":
            y = f.shifted("上年", a, in_focus=True)
            return a, a + 2, (f"{y}" if y is not None else None), "deictic_year"
        return None
    if f.year is None or f.month is None or len(f.month) < 7:
        return a, b, None, "fiscal_year"
    y = f.year if int(f.month[5:7]) >= start else f.year - 1
    return a, b, fiscal_year(y + shift, start), "fiscal_year"
