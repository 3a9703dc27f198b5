"""Quantities written in forms of their own, read before the plain numbers: per cents (百分之三十六点九,
千分之三, ranges 百分之二至三), fractions (五分之一, 1/5), ratios (8.3∶41.4∶50.3), halves (一半, 过半),
doublings (翻一番), vague amounts (几十万人) and spans of days (之日起15日内).

Examples
--------
>>> from analyser.extract.quantities.filters import Blocked
>>> v = "增长百分之二至三，约占五分之一，于十五日内办结"
>>> [(v[q.start:q.end], q.qualifier) for q in scan_special(v, 0, len(v), Blocked([]))]
[('百分之二至三', 'range'), ('五分之一', 'exact'), ('十五日', 'exact')]
"""
from __future__ import annotations

import re

from analyser.text.numerals import (
    CN_DIGITS,
    CN_NONZERO,
    CN_NUMERAL,
    CN_UPPER,
    parse_fraction,
    parse_number,
    small_range,
)

from .draft import MAG, RANGE_JOIN, Draft
from .filters import Blocked
from .lexicon import unit_at
from .markers import finish, post_marker, pre_marker

__all__ = ["scan_special"]

#: 百分之N = N %, 千分之N = N/10 %, 百万分之N = N/10^4 % …
_PER_BASE = {"百": 1, "千": 0.1, "仟": 0.1, "万": 0.01, "百万": 1e-4, "千万": 1e-5, "万万": 1e-6, "亿": 1e-6,
             "百万万": 1e-8}
_PCT_CHARS = rf"[{CN_DIGITS}十百千点\d.{CN_UPPER}]"
_PERCENT = re.compile(
    rf"(?<![{CN_NUMERAL}\d])(?P<base>百万万|百万|千万|万万|亿|百|千|万|仟) ?分 ?之 ?"
    rf"(?P<num>\d{{1,3}}(?:[,，]\d{{3}})+(?:\.\d+)?|{_PCT_CHARS}{{1,16}}(?: {_PCT_CHARS}{{1,8}}){{0,4}})"
)  # 百 分 之 2.4, 百分之五 十: single spaces inside are read through
_FRACTION = re.compile(rf"(?P<den>[{CN_NONZERO}十两百千万\d]{{1,12}})分之(?P<num>[{CN_DIGITS}十百千点\d.]{{1,16}})"
                       r"|(?<![\d/.\-])(?P<n>\d+)/(?P<d>\d+)(?![\d/.\-])")
#: A proportion written with ratio colons (8.3∶41.4∶50.3): each term is a value of unit 比例.
_RATIO = re.compile(r"(?<![\d.:∶])\d+(?:\.\d+)?(?:[∶:]\d+(?:\.\d+)?)+(?![\d.:∶])")
_HALF = re.compile(r"一半|过半|近半|多半|半数")
_DOUBLE = re.compile(r"翻了?(?P<n>一|两|二|三|四|\d)番")
_VAGUE = re.compile(rf"(?:几|数)[十百千万亿]+|[十百千万]几[十百千万亿]*|[{CN_NONZERO}]十几")
#: A number of days (日 as a unit, not a day of the month): read when a time limit follows it
#: (15日内, 三十日以内) or a comparison or 之日起 stands before it (不超过30日, 之日起60日).
_DAYS = re.compile(rf"(?<![{CN_NUMERAL}\d月年.．/\-])(?P<n>\d{{1,3}}|[{CN_DIGITS}十百]{{1,5}})日(?![期常益报])")
_DAYS_AFTER = re.compile(r"内|以内|之内|以上|以下|后")


def scan_special(view: str, b0: int, b1: int, blocked: Blocked):
    """The quantities of the special forms in ``view[b0:b1]`` (blocked stretches left out)."""
    done = b0  # the end of the last range read: its second per cent is no quantity of its own
    for m in _PERCENT.finditer(view, b0, b1):
        if m.start() < done:
            continue
        num, end = m.group("num"), m.end()
        v = parse_number(num)
        if small_range(num[:2]) and all(c in MAG for c in num[2:]):
            v = 0  # 百分之二三十: a vague range, read below
        while v is None and len(num) > 1:
            num, end = num[:-1], end - 1  # 百分之七十百分位: the numeral stops before 百分位
            v = parse_number(num)
        if v is None or blocked.overlaps(m.start(), end):
            continue
        scale = _PER_BASE[m.group("base").replace(" ", "")]
        rng = small_range(num[:2]) if all(c in MAG for c in num[2:]) else None
        if rng:  # 百分之二三十: 20-30 %
            mag = 1
            for c in num[2:]:
                mag *= MAG[c]
            yield Draft(m.start(), end, None, "%", "range", rng[0] * mag * scale, rng[1] * mag * scale)
            continue
        if second := _percent_range_end(view, end, m.group("base")):
            end2, v2 = second  # 百分之二至三, 百分之五至百分之八
            if v < v2:
                q = Draft(m.start(), end2, None, "%", "range", round(v * scale, 10), round(v2 * scale, 10))
                if pre := pre_marker(view, q.start, num):
                    q.start = pre.start
                done = end2
                yield q
                continue
        yield finish(view, m.start(), end, round(v * scale, 10), "%", num)
    for m in _FRACTION.finditer(view, b0, b1):
        if blocked.overlaps(*m.span()) or (m.group("den") and all(c in MAG for c in m.group("den"))):
            continue  # 百分之, 千分之, 百万分之: per cents, read above
        text = m.group()
        if m.group("n") and (int(m.group("d")) == 0 or len(m.group("d")) > 3):
            continue
        v = parse_fraction(text)
        if v is not None:
            yield finish(view, m.start(), m.end(), v, "比例", text)
    for m in _RATIO.finditer(view, b0, b1):
        if blocked.overlaps(*m.span()) or "∶" not in m.group() and m.group().count(":") < 2 and "." not in m.group():
            continue  # 10:30 is a time of day
        for part in re.finditer(r"\d+(?:\.\d+)?", m.group()):
            yield Draft(m.start() + part.start(), m.start() + part.end(), parse_number(part.group()), "比例")
    for m in _HALF.finditer(view, b0, b1):
        word = m.group()
        q = Draft(m.start(), m.end(), 0.5, "比例")
        if word == "过半":
            q.qualifier, q.lower = "lower_bound", 0.5
        elif word == "近半":
            q.qualifier = "approx"
        elif word == "多半":
            continue
        elif word == "半数" and post_marker(view, q.end):
            q = finish(view, q.start, q.end, 0.5, "比例", word)
        elif re.search(r"(?:超过|超|逾)[^，。；、\d]{0,3}$", view[max(0, q.start - 6):q.start]):
            q.qualifier, q.lower = "lower_bound", 0.5  # 超过全球一半
        else:
            q = finish(view, q.start, q.end, 0.5, "比例", word)  # 一半以上, 近一半
        yield q
    for m in _DAYS.finditer(view, b0, b1):
        if blocked.overlaps(*m.span()):
            continue
        v = parse_number(m.group("n"))
        a, e = m.start(), m.end()
        if v is None or not (_DAYS_AFTER.match(view, e) or view[max(0, a - 1):a] == "起" or pre_marker(view, a, m.group("n"))):
            continue  # 15日 alone is a day of the month; 15日内, 之日起15日, 不超过30日 are spans of days
        yield finish(view, a, e, v, "日", m.group("n"))
    for m in _DOUBLE.finditer(view, b0, b1):
        n = parse_number(m.group("n"))
        if n:
            yield Draft(m.start(), m.end(), 2 ** int(n), "倍")
    for m in _VAGUE.finditer(view, b0, b1):
        if blocked.overlaps(*m.span()):
            continue
        u = unit_at(view, m.end())
        if not u or view[m.end() + len(u[0]):m.end() + len(u[0]) + 1] == "来":
            continue
        yield finish(view, m.start(), m.end() + len(u[0]), None, u[0], "几", approx=True)


_PCT_NUMERAL = re.compile(rf"{_PCT_CHARS}{{1,16}}")


def _percent_range_end(view: str, end: int, base: str) -> tuple[int, int | float] | None:
    """The second number of 百分之二至三 / 百分之五至百分之八 (same base), as (end, number)."""
    j = RANGE_JOIN.match(view, end)
    if not j:
        return None
    pos = j.end()
    if view.startswith(base + "分之", pos):
        pos += len(base) + 2
    m = _PCT_NUMERAL.match(view, pos)
    if not m or unit_at(view, m.end()) or view[m.end():m.end() + 1] in MAG:
        return None  # 百分之五至十倍, 百分之三到五年: the second number has a unit of its own
    v2 = parse_number(m.group())
    return (m.end(), v2) if v2 is not None else None
