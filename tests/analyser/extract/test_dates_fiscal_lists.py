"""Fiscal years of Hong Kong texts, lists of days running into the next year, ranges to a part of
the century, days of the year just named, deadlines of a dated notice, and closing dates followed
by their weekday (:mod:`analyser.extract.dates`)."""
from __future__ import annotations

import pytest

from analyser.extract.dates import extract_dates
from analyser.text.document import DocumentText


def dates(text: str, published: str | None = "2026-02-25") -> list[tuple[str, str | None, str]]:
    src = DocumentText.from_text(text, published=published)
    return [(d.text, d.value, d.kind) for d in extract_dates(src)]


# fmt: off
@pytest.mark.parametrize(
    "text, expected",
    [
        # a Hong Kong budget speech of February 2026: fiscal years run from 1 April; the value names
        # the two calendar years a fiscal year spans
        ("立法會。上財政年度，即2024-25年度，赤字收窄。",
         [("上財政年度", "2024/2025", "fiscal_year"), ("2024-25年度", "2024/2025", "fiscal_year")]),
        ("立法會。本年度的赤字；下年度，即2026-27年度。",
         [("本年度", "2025/2026", "fiscal_year"), ("下年度", "2026/2027", "fiscal_year"),
          ("2026-27年度", "2026/2027", "fiscal_year")]),
        ("特區政府在2026-27至2030-31年度投放資源。",
         [("2026-27至2030-31年度", "2026/2031", "range")]),
        ("寬減2025-26課稅年度的薪俸稅。", [("2025-26課稅年度", "2025/2026", "fiscal_year")]),
        ("去年第四季，本地生產總值上升。", [("去年第四季", "2025-10/2025-12", "year_part")]),
        ("本年首三季，出口上升；來年經濟增長。", [("本年首三季", "2026-01/2026-09", "year_part"), ("來年", "2027", "deictic_year")]),
        # no fiscal cue: the years as printed, 本年度 the calendar year, 上年度 as 上年
        ("2019—2020年度预算。本年度完成。", [("2019—2020年度", "2019/2020", "fiscal_year"), ("本年度", "2026", "deictic_year")]),
        ("比上年度增长5%。", [("上年", "2025", "deictic_year")]),
    ],
)
def test_fiscal_years(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a holiday schedule: after 2018年12月29日, 2月4日 is in 2019; 9月29日 after 10月7日 stays in 2019
        ("元旦：2018年12月30日至2019年1月1日放假。2018年12月29日上班。春节：2月4日至10日放假。2月2日上班。",
         [("2018年12月30日至2019年1月1日", "2018-12-30/2019-01-01", "range"), ("2018年12月29日", "2018-12-29", "date"),
          ("2月4日至10日", "2019-02-04/2019-02-10", "range"), ("2月2日", "2019-02-02", "date")]),
        ("2019年，国庆节：10月1日至7日放假。9月29日上班。",
         [("2019年", "2019", "year"), ("10月1日至7日", "2019-10-01/2019-10-07", "range"), ("9月29日", "2019-09-29", "date")]),
        # a deadline list out of order, months apart within half a year: the same year
        ("2020年6月30日前完成；3月1日起施行。",
         [("2020年6月30日", "2020-06-30", "date"), ("3月1日", "2020-03-01", "date")]),
        ("从一九八一年到本世纪末的二十年内", [("一九八一年到本世纪末", "1981/2000", "range"), ("二十年", "1981/2000", "duration")]),
        ("从二○三五年到本世纪中叶，再奋斗十五年", [("二○三五年到本世纪中叶", "2035/2050", "range"), ("十五年", "2035/2050", "duration")]),
        ("从二○三五年到本世纪中叶", [("二○三五年到本世纪中叶", "2035/2050", "range")]),
        ("新世纪第一年，全国各族人民", [("新世纪第一年", "2001", "ordinal_year")]),
        # a day of the year just named
        ("在一九六九年四月一日开幕。在同年四月二十八日的全会上。",
         [("一九六九年四月一日", "1969-04-01", "date"), ("同年四月二十八日", "1969-04-28", "date")]),
    ],
)
def test_lists_of_days_and_centuries(text, expected):
    assert dates(text) == expected
# fmt: on


def test_closing_date_with_weekday_dates_the_text():
    text = "今年經濟增長。\n完\n2019年3月5日（星期二）\n香港時間12時30分"
    assert ("今年", "2019", "deictic_year") in dates(text, published="2022-12-03")


def test_deadline_lies_ahead_of_a_dated_notice():
    text = "一九八〇年九月一日国务院批转报告。各地应于六月底前报送。\n国务院\n一九八一年五月二十三日"
    assert ("六月底", "1981-06-30", "month_end") in dates(text, published=None)
    assert ("6月底", "2019-06-30", "month_end") in dates("2019年，各地6月底前完成了任务。", published=None)
