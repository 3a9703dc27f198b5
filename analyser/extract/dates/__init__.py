"""Dates and periods: full dates, years, months, plan periods, relative and anaphoric periods.

``extract_dates(src)`` finds temporal expressions in the article body and gives each an ISO value:

* ``date`` 2015-11-27, ``month`` 2015-07, ``month_end`` (2020年6月底 -> 2020-06; a month without
  its year, 9月末 -> 2020-09-30), and a month or a day joined to one by 和 / 及 / 、
  (2004年4月和9月, 12月18日和19日: :mod:`.joined`), ``year`` 2018, ``range`` 1949/1952 and ranges of days
  (2019年3月5日至15日 -> 2019-03-05/2019-03-15), ``year_part``
  (2020年底 -> 2020-12, 上半年 -> 2020-01/2020-06), ``fiscal_year`` (二零一三／一四年度 -> 2013/2014;
  in a Hong Kong text, whose fiscal year starts on 1 April, 2025-26年度 -> 2025/2026 (April to March), and
  本年度 / 上财政年度 / 下年度 count from the document's date: see :mod:`.fiscal`);
* ``plan_period``: five-year plans (“十三五” -> 2016/2020, 第一个五年计划 -> 1953/1957);
* ``relative_period``: “十三五”以来 -> 2016/.., 2016年以来 -> 2016/.., 十八大以来 -> 2012-11/..,
  五年来 / 五年多来 resolved against the document's date; periods opened by a dated event
  (:mod:`.events`): 十一届三中全会以来 -> 1978-12/.., 党的第十一次全国代表大会以来 -> 1977-08/..,
  六届人大一次会议以来 -> 1983/..;
* ``decade``: 本世纪二十年代 -> 1920/1929 in a text of 1982, 上世纪九十年代, 二十世纪八十年代, and a
  decade named without its century, the latest that begins at most twenty years after the
  document's year (九十年代 -> 1990/1999 in a text of 1982 or of 2002);
* ``as_of``: 截至2020年底 -> 2020-12-31;
* ``deictic_year`` 十年前 / 五年以前: the year that many years before the document's (1972 in 1982);
* ``anaphoric_year`` (当年, 同年) and ``deictic_year`` (今年, 过去一年, 全年, 这一年, 本年内) resolved from
  the context or the document's date: 今年/去年/明年 shift the document's year (the date it closes
  with, else the publication date; for a report, the day it was delivered), while 全年/这一年 are the year the text speaks of (the last year
  named, within reach) and 上年 the year before it; a shifted year (去年, 明年3月底) never becomes
  the frame for what follows;
* parts of a relative year: 今年年底 -> 2020-12-31, 明年3月底 -> 2021-03-31, and a month of the
  current year as a deadline (六月前 -> 2020-06);
* ``duration`` 近10年 / 近5个月: the last N years before the document's year, the last N months up
  to its month;
* ``duration``: 5年, 六十四年, 将近十年, anchored to an interval when the text allows it
  (从2018年起三年 -> 2018/2020, 从1955年开始…历经64年 -> 1955/2019, 用三年时间，到2020年 ->
  2018/2020) or, looking back, ending the year before the document's;
  a programme or a deadline ahead (三年行动, 3年内) keeps ``P3Y``;

Vague expressions (新时代, 近年来, 长期以来, 今后, 几十年来) are left out: they name no period one can
date; so is a part of the year joined to a recurring time (在年中和年末向国务院报告, 每年年初).

The package is a table (:mod:`.rules`): each kind's regular expression (:mod:`.patterns`) with the
resolver that gives its value — :mod:`.explicit` for the expressions that name their dates,
:mod:`.relative` for those read against the document's date or the year in focus (:mod:`.frame`),
:mod:`.durations` for lengths of time and the intervals they cover.

Examples
--------
>>> from analyser.text.document import DocumentText
>>> src = DocumentText.from_text("2015年11月27日召开会议。“十三五”以来，截至2020年底完成。", published="2021-07-05")
>>> [(d.text, d.value, d.kind) for d in extract_dates(src)]
[('2015年11月27日', '2015-11-27', 'date'), ('“十三五”以来', '2016/..', 'relative_period'), ('截至2020年底', '2020-12-31', 'as_of')]
"""
from __future__ import annotations

import re

from analyser.facts import DateExpr
from analyser.text.document import DocumentText

from .durations import anchor_durations
from .explicit import congress_month, plan_period
from .fiscal import fiscal_start
from .frame import SHIFTS, Frame, document_date, section_years
from .joined import joined_after
from .rules import DATE_RE, Scan, resolve

__all__ = ["congress_month", "extract_dates", "plan_period"]


def extract_dates(src: DocumentText, *, dated: str | None = None) -> list[DateExpr]:
    """Find the temporal expressions of the body of ``src``, sorted by start.

    Parameters
    ----------
    src : DocumentText
        The prepared text.
    dated : the document's own date (ISO), which relative expressions (五年来, 今年) count from;
        by default the date the text closes with, else ``src.published`` (see :mod:`.frame`).

    Returns
    -------
    list of DateExpr

    Examples
    --------
    >>> from analyser.text.document import DocumentText
    >>> src = DocumentText.from_text("2018年，当年完成280万人。五年来，一九四九年至一九五二年。", published="2021-07-05")
    >>> [(d.text, d.value) for d in extract_dates(src)]
    [('2018年', '2018'), ('当年', '2018'), ('五年来', '2016/2020'), ('一九四九年至一九五二年', '1949/1952')]
    """
    from analyser.extract.quantities.filters import body_blocked

    view = src.view
    b0, b1 = src.body
    scan = Scan(view, Frame(dated or document_date(src), section_years(src), fiscal_start=fiscal_start(view)))
    lexical = src.derived(body_blocked)
    out: list[DateExpr] = []
    joined_end = b0
    for m in DATE_RE.finditer(view, b0, b1):
        if m.start() < joined_end:
            continue
        res = resolve(m, scan)
        if res is None:
            continue
        a, b, value, kind = res
        if a < b0 or b > b1 or (kind == "duration" and lexical.overlaps(a, b)):
            continue
        out.append(DateExpr(a, b, src.text[a:b], value, kind))
        if value and kind in ("date", "month", "month_end") and len(value) in (7, 10):
            for ja, jb, jvalue, jkind in joined_after(view, a, b, value, b1):
                out.append(DateExpr(ja, jb, src.text[ja:jb], jvalue, jkind))  # 2004年4月和9月
                a, b, value, joined_end = ja, jb, jvalue, jb
        if value and kind in _DAYS and (last := value.rsplit("/", 1)[-1])[4:5] == "-":
            scan.frame.name_month(int(last[:4]), int(last[5:7]), a)
        if _frames(value, kind) and not _comparison_base(view, a):
            scan.frame.mention(int(value[:4]), a)
            if view[a:a + 2] not in SHIFTS:
                scan.frame.name(int(value[:4]), a)  # 去年, 明年3月底: a year away from the one in focus, not a new frame
    anchor_durations(out, src, scan.frame)
    return sorted(out, key=lambda d: (d.start, d.end))


#: Kinds that name a day or a month, which a day printed without its year follows (2月4日).
_DAYS = ("date", "month", "month_end", "range", "as_of")
#: Kinds that put a year in focus (2018年…全年, 当年).
_FRAMING = ("year", "date", "month", "month_end", "year_part", "as_of", "anaphoric_year", "deictic_year")


def _frames(value: str | None, kind: str) -> bool:
    """A date of one year puts that year in focus; so does a range of days (2019年3月5日至15日),
    not a range of years."""
    return bool(value) and (kind in _FRAMING or kind == "range" and value[4:5] == "-")
_BASE_BEFORE = re.compile(r"(?:比|较|比较|同|等于|相当于|超过|低于|高于)$")


def _comparison_base(view: str, a: int) -> bool:
    """A year after 比 / 等于 is the base of a comparison, not the year the text speaks of."""
    return bool(_BASE_BEFORE.search(view[max(0, a - 3):a]))
