"""Resolvers of the expressions that count from the document's date or refer to the year in focus.

今年 / 去年 / 明年 (and their parts, 今年年底, 明年3月底) shift the document year; 全年 / 这一年 /
上年 and a bare month (六月前) belong to the year in focus; 当年 / 同年 to a year named just before;
五年来 / 过去五年 / 近10年 are the years up to the document's (see :mod:`.frame`).
"""
from __future__ import annotations

import re

from analyser.text.numerals import parse_number

from .explicit import days, month_end, months, season, small, ymd
from .frame import ANAPHOR_REACH
from .told import government_start

__all__ = [
    "anaphoric",
    "anaphoric_day",
    "days_in_focus",
    "deictic",
    "deictic_part",
    "focus_month",
    "focus_part",
    "government_since",
    "month_day",
    "months_in_focus",
    "past_years",
    "recent",
    "this_and_next",
    "years_ago",
    "years_up_to",
]

#: The longest stretch counted back from the document (二百年来); a larger number is not a period.
_MAX_YEARS_BACK = 200
#: The longest stretch of months counted back (近120个月 = ten years).
_MAX_MONTHS_BACK = 120


def days_in_focus(m, scan):
    """11月6日至10日: a range of days of the year in focus (the document year without one), or of
    the next year when a list of dates runs into it (see :meth:`.Frame.year_of_day`)."""
    y = scan.frame.last_year or scan.frame.year
    mo = small(m["qm1"])
    if y and mo:
        y = scan.frame.year_of_day(y, mo, m.start())
    return days(m, scan, y, "qm1", "qd1", "qm2", "qd2") if y else None


def month_day(m, scan):
    """3月5日: a day of the year in focus (the document year without one), or of the next year when
    a list of dates runs into it (see :meth:`.Frame.year_of_day`)."""
    mo, d = small(m["dm"]), small(m["dd"])
    y = scan.frame.last_year or scan.frame.year
    if y is None or mo is None or d is None:
        return None
    y = scan.frame.year_of_day(y, mo, m.start())
    return m.start(), m.end(), ymd(y, mo, d), "date"


def months_in_focus(m, scan):
    """1—6月, 1至11月: a range of months of the year in focus, else of the document year."""
    y = scan.frame.focus(m.start())
    if y is None:
        y = scan.frame.year
    return months(m, y, small(m["bq1"]), y, small(m["bq2"])) if y else None


def focus_month(m, scan):
    """六月前, 9月底, 7月份: a month of the year in focus (份 marks a month of the calendar, never a
    count); a deadline (六月底前, 7月份前) lies ahead of the document's own date (see
    :meth:`.Frame.deadline_year`)."""
    a, b = m.span()
    f = scan.frame
    y = f.focus(a)
    if y is None:
        y = f.year
    mo = small(m["bm"])
    if y is None or mo is None or not 1 <= mo <= 12:
        return None
    if m["bmp"] == "前" or scan.view[b:b + 1] == "前":  # 六月底前: a deadline, ahead of the document's date
        y = f.deadline_year(y, mo)
    if m["bmp"] in ("底", "末"):
        return a, b, month_end(y, mo), "month_end"
    return a, b, ymd(y, mo), "month"


def clause_month(m, scan):
    """一月，…: a month alone opening a clause, of the year in focus (the document's year without
    one); a text that names no year gives the month without a value."""
    a, b = m.span()
    mo = small(m["cm"])
    y = scan.frame.focus(a)
    if y is None:
        y = scan.frame.last_year or scan.frame.year
    return a, b, ymd(y, mo) if y is not None else None, "month"


#: How far either side of 在这五年中 its sentence is read (a long sentence of a report is about 100
#: characters; bounded, so that a text without full stops is not read again for every match).
_SENTENCE_REACH = 300
#: In the sentence of 在这五年中 / 这五年间, words of an aim or a plan: the five years lie ahead
#: (我们一定要在这五年中搞好国民经济的调整), not behind.
_AHEAD_IN_SENTENCE = re.compile(r"要|将|应当|应该|力争|争取|计划|必须|预计")


def past_years(m, scan):
    """过去一年 / 过去的一年 -> the year before the document's; 过去五年 / 这五年 -> the five years
    before it; 在这五年中 / 这四年间 too, unless their sentence looks ahead."""
    a, b = m.span()
    if m["pastz"] and (scan.view[a - 1:a] == "在" or scan.view[b:b + 1] in ("中", "间")):
        lo, hi = max(0, a - _SENTENCE_REACH), min(len(scan.view), b + _SENTENCE_REACH)
        s0 = max(lo - 1, *(scan.view.rfind(ch, lo, a) for ch in "。！？\n")) + 1
        s1 = min((i for i in (scan.view.find(ch, b, hi) for ch in "。！？\n") if i >= 0), default=hi)
        if _AHEAD_IN_SENTENCE.search(scan.view, s0, s1):
            return None
    n = small(m["pastn"] or m["pastd"] or m["pastz"])
    value = scan.frame.looking_back(n) if n else None
    return a, b, value, "deictic_year" if n == 1 else "relative_period"


def years_ahead(m, scan):
    """今后五年 -> the five years from the document's (from the next one, late in the year)."""
    n = small(m["an"]) or (2 if m["an"] == "两" else None)
    return m.start(), m.end(), scan.frame.looking_ahead(n) if n else None, "relative_period"


def years_up_to(m, scan):
    """五年来 -> the five years before the document's year; 五年多来 -> up to its month."""
    a, b = m.span()
    n = parse_number(m["rn"])
    if not n or n != int(n) or n > _MAX_YEARS_BACK:
        return None
    n = int(n)
    f = scan.frame
    if f.year is None:
        return a, b, None, "relative_period"
    if m["more"]:
        return a, b, f"{f.year - n}/{f.month}", "relative_period"
    return a, b, f.looking_back(n), "relative_period"


def years_ago(m, scan):
    """十年前 -> 1972 in a report of 1982: the year ``n`` years before the document's."""
    a, b = m.span()
    n = parse_number(m["agn"])
    if not n or n != int(n) or n > _MAX_YEARS_BACK:
        return None
    y = scan.frame.year
    return a, b, (f"{y - int(n)}" if y is not None else None), "deictic_year"


def government_since(m, scan):
    """本届政府以来 -> 2013-03/.. in a report of 2017: since the first session of the NPC term that
    formed the government (see :func:`.told.government_start`)."""
    f = scan.frame
    start = government_start(f.month or (f"{f.year}" if f.year else None))
    return m.start(), m.end(), (f"{start}/.." if start else None), "relative_period"


def this_and_next(m, scan):
    """今明两年 -> the document year and the next."""
    y = scan.frame.year
    return m.start(), m.end(), (f"{y}/{y + 1}" if y else None), "range"


def anaphoric(m, scan):
    """当年 / 同年: the year named in the same or the previous sentence, else nothing."""
    y = scan.frame.mentioned(m.start(), ANAPHOR_REACH)
    return (m.start(), m.end(), f"{y}", "anaphoric_year") if y is not None else None


def anaphoric_day(m, scan):
    """同年四月二十八日, 当年12月: a day or a month of the year named just before, else nothing."""
    y = scan.frame.mentioned(m.start(), ANAPHOR_REACH)
    mo, d = small(m["adm"]), small(m["add"])
    if y is None or mo is None:
        return None
    value = ymd(y, mo, d) if d else ymd(y, mo)
    return (m.start(), m.end(), value, "date" if d else "month") if value else None


def deictic_part(m, scan):
    """今年年底 -> 2020-12-31, 明年3月底 -> 2021-03-31, 去年7月1日 -> 2019-07-01, 今年上半年 -> 2020-01/2020-06,
    今年第一季度 -> 2020-01/2020-03."""
    a, b = m.span()
    y = scan.frame.shifted(m["dpy"], a)
    if y is None:
        return a, b, None, "year_part"  # a date all the same, in an undated text
    part = m["dpp"]
    if m["dps"]:
        return a, b, season(y, m["dps"]), "year_part"
    if m["dpm2"]:
        return months(m, y, small(m["dpm"]), y, small(m["dpm2"]))
    if m["dpm"]:
        mo = small(m["dpm"])
        if mo is None or not 1 <= mo <= 12:
            return None
        if m["dpd"] and not m["dpm2"]:  # 去年7月1日: a day of the shifted year
            d = small(m["dpd"])
            value = ymd(y, mo, d) if d else None
            return (a, b, value, "date") if value else None
        if m["dpmp"] in ("底", "末"):
            return a, b, month_end(y, mo), "month_end"
        return a, b, ymd(y, mo), "month"
    if part in ("年底", "年末", "底", "末"):
        return a, b, f"{y}-12-31", "year_part"
    if part in ("年初", "初"):
        return a, b, f"{y}-01", "year_part"
    if m["dpq"]:
        q = small(m["dpq"].strip("第季度").replace("首", "一"))
        if q is None or not 1 <= q <= 4:
            return None
        return a, b, f"{y}-{3 * q - 2:02d}/{y}-{3 * q:02d}", "year_part"
    first, last = _PARTS[part]
    return a, b, f"{y}-{first:02d}/{y}-{last:02d}", "year_part"


#: Parts of a relative year that span months: first and last month.
_PARTS = {"上半年": (1, 6), "下半年": (7, 12), **dict.fromkeys(("前三季度", "前三季", "首三季度", "首三季"), (1, 9))}


#: What ends a sentence: a year mentioned before one of these no longer frames 全年 / 年初 / 上年.
_SENTENCE_END = "。！？!?\n"


def sentence_year(scan, pos: int) -> int | None:
    """The year the sentence holding ``pos`` has mentioned before it, shifted ones included:
    in 去年财政增发国债……，但全年货币发行还比年初计划少, 全年 and 年初 are of 去年, not of the
    year in focus. None when the sentence has mentioned no year (then the year in focus applies).

    A year named as a comparison base (比去年) is not mentioned (see :meth:`.Frame.mention`)."""
    f = scan.frame
    y = f.mentioned(pos, ANAPHOR_REACH)
    if y is None or any(ch in _SENTENCE_END for ch in scan.view[f.last_mention_pos:pos]):
        return None
    return y


def _in_focus(scan, pos: int) -> int | None:
    """The year 全年 / 年初 / 上年 at ``pos`` belong to: the year the sentence mentioned before,
    else the year in focus, else the document year."""
    y = sentence_year(scan, pos)
    if y is None:
        y = scan.frame.focus(pos)
    return scan.frame.year if y is None else y


def deictic(m, scan):
    """今年, 去年, 明年 shift the document year; 全年 / 这一年 are the year in focus (or the year
    the sentence has just mentioned: 去年……全年), 上年 the one before."""
    a, b = m.span()
    word = m["deic"]
    f = scan.frame
    if word in ("上年", "上一年"):
        y = sentence_year(scan, a)
        y = f.shifted("上年", a, in_focus=True) if y is None else y - 1
        return a, b, (f"{y}" if y is not None else None), "deictic_year"
    if word in ("全年", "这一年"):
        y = _in_focus(scan, a)
        return (a, b, f"{y}", "deictic_year") if y else None
    y = f.shifted(word, a)
    return a, b, (f"{y}" if y is not None else None), "deictic_year"


def recent(m, scan, n):
    """近10年, 近5个月: the last N years before the document's year, the last N months up to its month."""
    a, b = m.span()
    f = scan.frame
    if f.year is None:
        return a, b, None, "duration"
    if m["du"] == "年":
        return a, b, f"{f.year - n}/{f.year - 1}", "duration"
    if f.month is None or len(f.month) < 7 or n > _MAX_MONTHS_BACK:
        return None
    k = f.year * 12 + int(f.month[5:7]) - 1 - (n - 1)
    return a, b, f"{k // 12:04d}-{k % 12 + 1:02d}/{f.month}", "duration"


#: A part of the year joined to a recurring time (每年, 年中, 每季, 逐月, 半年), which makes it recur
#: too: 年中和年末, 每年年初, 逐月调度、逐季分析、半年告诫、年末奖惩.
_RECURRING_BEFORE = re.compile(r"(?:每年|(?:^|[^上下])年中[和及与、]|(?:每|逐)[季月][^，。；：]{0,6}[和及与、]|半年[^，。；：]{0,3}[和及与、])$")


def focus_part(m, scan):
    """年末, 年底前, 年初, 年内, 上半年, 一季度: a part of the year its sentence has mentioned
    (去年……年初), else of the year in focus (the year the section speaks of, or the last one
    named), else of the document year."""
    a, b = m.span()
    part = m["fp"] or m["fpm"]
    if part in ("年底", "年末", "年初") and _RECURRING_BEFORE.search(scan.view[max(0, a - 8):a]):
        return None  # 在年中和年末向国务院报告, 逐季分析、半年告诫、年末奖惩: every year's, not one year's
    y = _in_focus(scan, a)
    if y is None:
        return a, b, None, "year_part"
    if part in ("年底", "年末"):
        return a, b, f"{y}-12", "year_part"
    if part == "年初":
        return a, b, f"{y}-01", "year_part"
    if part == "年内":
        return a, b, f"{y}", "deictic_year"
    if part in _PARTS:
        first, last = _PARTS[part]
    else:
        q = small(part.strip("第季度").replace("首", "一"))
        if q is None or not 1 <= q <= 4:
            return None
        first, last = 3 * q - 2, 3 * q
    return a, b, f"{y}-{first:02d}/{y}-{last:02d}", "year_part"
