"""Resolvers of the expressions that name their dates: calendar dates, months, years, ranges,
parts of a year, plan periods and Party congresses.

Every resolver takes the match and the :class:`~.rules.Scan` and gives ``(start, end, value, kind)``
or None when the match is not a date after all (a 13th month, a year range running backwards).
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

from analyser import data
from analyser.text.numerals import digit_sequence_value, parse_number, small_number

__all__ = [
    "anniversary", "as_of", "century_part", "century_range", "century_year", "congress", "congress_month", "date", "day_range", "days", "decade", "decade_bare", "month", "month_range", "months",
    "numeric_date",
    "plan", "plan_nth", "plan_period", "since_year", "year", "year_part", "year_range",
]

_QUOTE_OPEN = "“「‘\"'"
_QUOTE_CLOSE = "”」’\"'"
#: Zeros of a year typed as a letter (二OO八).
_LETTER_ZEROS = str.maketrans("OＯ", "〇〇")
_YEAR_SUFFIX_NOT_A_YEAR = ("代", "级", "龄")  # 2000年代, 2019年级: not the year itself


def year_of(s: str) -> int | None:
    """2018, 二〇一八 or 二0一八 -> 2018."""
    return int(s) if s.isdigit() else digit_sequence_value(s.translate(_LETTER_ZEROS))


def small(s: str | None) -> int | None:
    """A month, a day or an ordinal: 3, 十二."""
    return small_number(s) if s else None


def ymd(y: int, m: int | None = None, d: int | None = None) -> str | None:
    """ISO year, month or day; None when the month or the day does not exist."""
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def month_end(y: int, m: int) -> str | None:
    """The last day of a month (9月底 -> 09-30)."""
    return ymd(y, m, calendar.monthrange(y, m)[1]) if 1 <= m <= 12 else None


@lru_cache(maxsize=1)
def _congresses() -> dict[int, str]:
    return {int(n): month for n, month in data.table("party_congresses.txt")}


def congress_month(n: int) -> str | None:
    """Opening month of the ``n``-th Party congress.

    >>> congress_month(18)
    '2012-11'
    """
    return _congresses().get(n)


def plan_period(n: int) -> tuple[int, int]:
    """Years of the ``n``-th five-year plan (1953-57, 1958-62, then from 1966 in fives).

    >>> plan_period(13), plan_period(1), plan_period(15)
    ((2016, 2020), (1953, 1957), (2026, 2030))
    """
    start = 1953 + 5 * (n - 1) if n <= 2 else 1966 + 5 * (n - 3)
    return start, start + 4


def month_range(m, scan):
    """2019年3月至5月 -> 2019-03/2019-05, 2018年10月至2019年3月 -> 2018-10/2019-03, 2020年1至6月."""
    y1 = year_of(m["ny1"])
    y2 = year_of(m["ny2"]) if m["ny2"] else y1
    if y1 is None or y2 is None:
        return None
    m1 = small(m["nm1"])
    found = months(m, y1, m1, y2, small(m["nm2"]))
    if found is None and m1 and (first := ymd(y1, m1)):  # 2020年5月至3月: the first month and a stray number
        end = m.end("nm1") + (scan.view[m.end("nm1"):m.end("nm1") + 1] == "月")
        return m.start(), end, first, "month"
    return found


def months(m, y1: int, m1: int | None, y2: int, m2: int | None):
    """The range of months a match spells, or None when it is not one (a 13th month, backwards)."""
    first = ymd(y1, m1) if m1 else None
    last = ymd(y2, m2) if m2 else None
    if first is None or last is None or last <= first:
        return None
    return m.start(), m.end(), f"{first}/{last}", "range"


def year_range(m, scan):
    """一九四九年至一九五二年 -> 1949/1952."""
    y1, y2 = year_of(m["r1"]), year_of(m["r2"])
    if y1 is None or y2 is None or y2 < y1:
        return None
    return m.start(), m.end(), f"{y1}/{y2}", "range"


#: Parts of a century: (centuries after the one of the range's start, year within it).
_CENTURY_PARTS = {"本世纪末": (0, 100), "本世纪中叶": (0, 50), "下世纪中叶": (1, 50)}


def century_range(m, scan):
    """一九八一年到本世纪末 -> 1981/2000, 二〇三五年到本世纪中叶 -> 2035/2050: the century is the one
    of the first year (a century's last year is its hundredth: 2000 ends the twentieth)."""
    y = year_of(m["c1"])
    if y is None:
        return None
    ahead, nth = _CENTURY_PARTS[m["cpart"]]
    end = ((y - 1) // 100 + ahead) * 100 + nth
    return (m.start(), m.end(), f"{y}/{end}", "range") if end > y else None


@lru_cache(maxsize=1)
def _foundings() -> dict[str, int]:
    return {name: int(iso[:4]) for name, iso in data.table("founding_years.txt")}


#: The longest founding name looked for before 成立 / 建军.
_FOUNDING_NAME_MAX = 8


def anniversary(m, scan):
    """中国共产党成立一百年时 -> 2021, 建党一百年 -> 2021, 新中国成立一百年时 -> 2049: the founding
    year (``analyser/data/founding_years.txt``) plus N. Before 成立 / 建军 the name of what was
    founded is part of the span; an unknown name (公司成立十周年) is no date."""
    n = parse_number(m["ann"])
    if not n or n != int(n) or n > 500:
        return None
    a, b = m.span()
    verb = m["anv"]
    foundings = _foundings()
    if verb in foundings:
        return a, b, f"{foundings[verb] + int(n)}", "year"
    before = scan.view[max(0, a - _FOUNDING_NAME_MAX):a]
    for k in range(min(len(before), _FOUNDING_NAME_MAX), 0, -1):
        if before[-k:] in foundings:
            return a - k, b, f"{foundings[before[-k:]] + int(n)}", "year"
    return None


def century_part(m, scan):
    """本世纪末 -> 2000, 本世纪中叶 -> 2050 in a text of 2017, 下世纪中叶 -> 2050 in a text of 1997:
    the century is the document's; without a document year, no value."""
    y = scan.frame.year
    if y is None:
        return m.start(), m.end(), None, "year_part"
    ahead, nth = _CENTURY_PARTS[m["cpt"]]
    return m.start(), m.end(), f"{((y - 1) // 100 + ahead) * 100 + nth}", "year_part"


#: Centuries named by their place: hundreds of years from the document's century.
_CENTURY_SHIFT = {"本世纪": 0, "上世纪": -1, "上个世纪": -1, "下世纪": 1, "下个世纪": 1}


def decade(m, scan):
    """本世纪二十年代 -> 1920/1929 in a text of 1982 (the document's century), 上世纪九十年代 ->
    1990/1999 in a text of 2016, 二十世纪八十年代 -> 1980/1989; without a document year, 本世纪 gives
    no value."""
    a, b = m.span()
    tens = small(m["dcn"])
    if m["dcx"]:
        nth = int(m["dcx"]) if m["dcx"].isdigit() else small(m["dcx"])
        hundreds = (nth - 1) * 100 if nth else None
    else:
        y = scan.frame.year
        hundreds = ((y - 1) // 100 + _CENTURY_SHIFT[m["dcc"].replace("的", "")]) * 100 if y else None
    if hundreds is None or tens is None:
        return a, b, None, "decade"
    first = hundreds + 10 * tens
    return a, b, f"{first}/{first + 9}", "decade"


#: How far ahead of the document a decade named without its century may lie: 九十年代 is the
#: 1990s in a text of 1982 (ahead) and of 2002 (behind); 七十年代 the 1970s in a text of 2026.
_DECADE_AHEAD = 20


def decade_bare(m, scan):
    """五十年代 -> 1950/1959, 九十年代 -> 1990/1999 in a text of 1982 or of 2002: the latest decade of
    that name that begins no more than twenty years after the document's year."""
    a, b = m.span()
    tens = small(m["dbn"]) if m["dbn"] else int(m["dbd"])
    y = scan.frame.year
    if y is None or tens is None:
        return a, b, None, "decade"
    first = (y + _DECADE_AHEAD) // 100 * 100 + 10 * tens
    if first > y + _DECADE_AHEAD:
        first -= 100
    return a, b, f"{first}/{first + 9}", "decade"


def century_year(m, scan):
    """新世纪第一年 -> 2001 (the new century is the twenty-first)."""
    n = small(m["cn_n"])
    return (m.start(), m.end(), f"{2000 + n}", "ordinal_year") if n and n <= 100 else None


def as_of(m, scan):
    """截至2020年底 -> 2020-12-31, 截至2020年6月 / 截至2020年6月末 -> 2020-06-30."""
    y = year_of(m["ay"])
    if y is None:
        return None
    mo, d = small(m["am"]), small(m["ad"])
    if mo and d:
        value = ymd(y, mo, d)
    elif mo:
        value = month_end(y, mo)
    else:
        value = f"{y}-12-31"
    return m.start(), m.end(), value, "as_of"


def day_range(m, scan):
    """2019年3月5日至15日 -> 2019-03-05/2019-03-15; the second month is the first unless printed."""
    y = year_of(m["ry"])
    y2 = year_of(m["ry2"]) if m["ry2"] else y
    return days(m, scan, y, "rm1", "rd1", "rm2", "rd2", last_year=y2) if y and y2 else None


def days(m, scan, y: int, m1: str, d1: str, m2: str, d2: str, *, last_year: int | None = None):
    """The range of days of year ``y`` a match spells with the named groups (the last day in
    ``last_year`` when it names another: 2018年12月30日至2019年1月1日); when the end is not a
    later day, the first day alone (2019年3月15日至5日 is a date and a stray number)."""
    mo1, day1 = small(m[m1]), small(m[d1])
    first = ymd(y, mo1, day1) if mo1 and day1 else None
    last = ymd(last_year or y, small(m[m2]) if m[m2] else mo1, small(m[d2])) if mo1 else None
    if first is not None and last is not None and last > first:
        return m.start(), m.end(), f"{first}/{last}", "range"
    end = m.end(d1) + (scan.view[m.end(d1):m.end(d1) + 1] in ("日", "号"))
    return (m.start(), end, first, "date") if first else None


def date(m, scan):
    """2015年11月27日."""
    y = year_of(m["y"])
    return (m.start(), m.end(), ymd(y, small(m["m"]), small(m["d"])), "date") if y else None


def numeric_date(m, scan):
    """2021/7/5, 2019-01-14."""
    return m.start(), m.end(), ymd(int(m["ny"]), int(m["nm"]), int(m["nd"])), "date"


def month(m, scan):
    """2015年7月, 2020年6月底 -> 2015-07, 2020-06 (a part of the month keeps the month; the end
    of a month, 6月底 / 6月末, is of kind ``month_end``)."""
    y, mo = year_of(m["my"]), small(m["mm"])
    if y is None or mo is None:
        return None
    return m.start(), m.end(), ymd(y, mo), "month_end" if m["mpart"] in ("底", "末") else "month"


_YEAR_PARTS = {"上半年": (1, 6), "下半年": (7, 12), **dict.fromkeys(("前三季度", "前三季", "首三季度", "首三季"), (1, 9))}
#: Seasons as months (冬季 runs into the next year: 12 to 14, i.e. February).
SEASONS = {"春": (3, 5), "夏": (6, 8), "秋": (9, 11), "冬": (12, 14)}


def season(y: int, s: str) -> str:
    """2020年冬季 -> 2020-12/2021-02."""
    first, last = SEASONS[s]
    return f"{y}-{first:02d}/{y + (last - 1) // 12}-{(last - 1) % 12 + 1:02d}"


def year_part(m, scan):
    """2020年底 -> 2020-12, 2020年初 -> 2020-01, 上半年 -> 01/06, 第二季度 -> 04/06."""
    y = year_of(m["py"])
    if y is None:
        return None
    part = m["part"].lstrip("年")
    if part in ("底", "末"):
        value = f"{y}-12"
    elif part == "初":
        value = f"{y}-01"
    elif part.endswith("季") and part[0] in SEASONS:
        value = season(y, part[0])
    else:
        if part in _YEAR_PARTS:
            first, last = _YEAR_PARTS[part]
        else:
            q = small(part.strip("第季度")) or 1
            first, last = 3 * q - 2, 3 * q
        value = f"{y}-{first:02d}/{y}-{last:02d}"
    return m.start(), m.end(), value, "year_part"


def since_year(m, scan):
    """2016年以来 -> 2016/..."""
    y = year_of(m["sy"])
    return (m.start(), m.end(), f"{y}/..", "relative_period") if y else None


def year(m, scan):
    """2018年 -> 2018."""
    y = year_of(m["yy"])
    if y is None or scan.view[m.end():m.end() + 1] in _YEAR_SUFFIX_NOT_A_YEAR:
        return None
    return m.start(), m.end(), f"{y}", "year"


def plan(m, scan):
    """十三五, “十三五”以来, 十三五时期, “十三五”末: the plan's years, its start, or its last year."""
    a, b = m.span()
    quoted = m["pqn"] is not None
    n_s = m["pqn"] or m["pn"] or m["pon"]
    suffix = m["pqs"] if quoted else m["ps"] if m["pn"] else m["pos"]
    view = scan.view
    if m["pn"] and a > 0 and view[a - 1] in _QUOTE_OPEN and view[b:b + 1] != "" and view[b] in _QUOTE_CLOSE:
        return None  # the quoted form is read as a whole
    n = int(parse_number(n_s[:-1]) or 0)  # 十三五 -> 13, 九五 -> 9
    if not 1 <= n <= 30:
        return None
    y1, y2 = plan_period(n)
    if suffix == "以来":
        return a, b, f"{y1}/..", "relative_period"
    if suffix in ("时期", "期间"):
        return a, b, f"{y1}/{y2}", "plan_period"
    if quoted and suffix in ("末", "期末"):
        return a, b, f"{y2}", "year_part"
    if quoted and suffix == "初":
        return a, b, f"{y1}", "year_part"
    start = a + 1 if quoted else a  # the period is the name: 十三五 without quotes and suffix
    return start, start + len(n_s), f"{y1}/{y2}", "plan_period"


#: Before 第N个五年计划, a century the count starts from: 新世纪的第一个五年计划 is the tenth plan
#: (2001/2005), not the first (1953/1957).
_PLAN_CENTURY = re.compile(r"(?:新世纪|二十一世纪|21世纪)(?:的|中的)?$")
#: The first year of the new century's first five-year plan.
_NEW_CENTURY = 2001


#: Before 第N个五年计划, an event the count starts from (第三步战略部署开始实施后的第一个五年计划):
#: the plan is counted from the plan the text has just named, not from 1953.
_PLAN_AFTER_EVENT = re.compile(r"(?:后|以后|之后|以来)的$")
#: A five-year plan named by its number, which such a count refers back to.
_PLAN_NAMED = re.compile(r"第(?P<n>[一二三四五六七八九十]{1,3})个五年(?:计划|规划)")
#: How far back (in characters) that plan may be named: the same or the previous sentence.
_PLAN_REACH = 200


def plan_nth(m, scan):
    """第一个五年计划 -> 1953/1957; counted in the new century (新世纪的第一个五年计划) -> 2001/2005;
    counted from an event just after a plan is named (…第十个五年计划。这是…开始实施后的第一个五年计划)
    -> that plan, 2001/2005."""
    n = small(m["nth"])
    if not n:
        return None
    a = m.start()
    if _PLAN_CENTURY.search(scan.view, max(0, a - 8), a):
        y1 = _NEW_CENTURY + 5 * (n - 1)
        return a, m.end(), f"{y1}/{y1 + 4}", "plan_period"
    if _PLAN_AFTER_EVENT.search(scan.view, max(0, a - 4), a):
        named = [small(p["n"]) for p in _PLAN_NAMED.finditer(scan.view, max(0, a - _PLAN_REACH), a)]
        if named and named[-1]:
            n = named[-1] + n - 1
    y1, y2 = plan_period(n)
    return a, m.end(), f"{y1}/{y2}", "plan_period"


def congress(m, scan):
    """十八大以来 -> 2012-11/.. (the congress's opening month)."""
    n = small(m["cn"])
    month_ = congress_month(n) if n else None
    return (m.start(), m.end(), f"{month_}/..", "relative_period") if month_ else None
