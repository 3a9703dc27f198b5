"""Months and days joined to a full date: 2004年4月和9月, 2003年12月18日晚8时40分和19日.

A month or a day printed alone after 和 / 及 / 与 / 、 (or a list of them) shares the year, and for a
day the month, of the full date before it: 2004年4月和9月 -> 2004-09, 12月18日和19日 -> 2003-12-19,
4月、5月和9月 -> each of them. A time of day between the date and the joiner (18日晚8时40分和19日)
is skipped. A bare month or day is a date only in such a list: 9月 alone is left to the other rules.

Examples
--------
>>> view = "2004年4月和9月两次召开会议，2003年12月18日晚8时40分和19日发生地震。"
>>> [(view[a:b], v, k) for a, b, v, k in joined_after(view, 0, 7, "2004-04", len(view))]
[('9月', '2004-09', 'month')]
>>> [(view[a:b], v, k) for a, b, v, k in joined_after(view, 17, 28, "2003-12-18", len(view))]
[('19日', '2003-12-19', 'date')]
"""
from __future__ import annotations

import re

from analyser.text.numerals import CN_NONZERO

from .explicit import small

__all__ = ["joined_after"]

_SMALL = rf"(?:\d{{1,2}}|[{CN_NONZERO}十]{{1,3}})"
#: A time of day after a date: 晚8时40分, 上午10点, 凌晨3时.
_TIME = r"(?:[早晚凌晨上中下午夜间]{0,2}\d{1,2}[时点](?:\d{1,2}分)?(?:左右)?)?"
_JOIN = r"(?:和|及|与|以及|、)"
_NEXT_MONTH = re.compile(rf"{_JOIN}(?P<m>{_SMALL})月(?:份)?(?![\d{CN_NONZERO}十日号底末初前上中下])")
_NEXT_DAY = re.compile(rf"{_TIME}{_JOIN}(?:(?P<m>{_SMALL})月)?(?P<d>{_SMALL})[日号]")


def joined_after(view: str, a: int, b: int, value: str, limit: int) -> list[tuple[int, int, str, str]]:
    """The months (after a ``month`` value YYYY-MM) or days (after a ``date`` value YYYY-MM-DD)
    joined to the date at ``[a, b)``, as ``(start, end, value, kind)``, up to ``limit``."""
    out: list[tuple[int, int, str, str]] = []
    year, month = int(value[:4]), int(value[5:7])
    day_level = len(value) == 10
    pattern = _NEXT_DAY if day_level else _NEXT_MONTH
    pos = b
    while (m := pattern.match(view, pos)) and m.end() <= limit:
        mm = small(m.group("m")) if m.group("m") else month
        if mm is None or not 1 <= mm <= 12:
            break
        if day_level:
            dd = small(m.group("d"))
            if dd is None or not 1 <= dd <= 31:
                break
            start = m.start("m") if m.group("m") else m.start("d")
            out.append((start, m.end(), f"{year:04d}-{mm:02d}-{dd:02d}", "date"))
        else:
            out.append((m.start("m"), m.end(), f"{year:04d}-{mm:02d}", "month"))
        month, pos = mm, m.end()
    return out
