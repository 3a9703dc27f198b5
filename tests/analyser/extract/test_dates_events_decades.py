"""Periods opened by a dated event (十一届三中全会以来, 党的第十一次全国代表大会以来, 六届人大一次会议以来),
years counted back from the document (十年前), decades of a named century (本世纪二十年代), vague
tens (几十年来) and parts of the year that recur (年中和年末) (:mod:`analyser.extract.dates`)."""
from __future__ import annotations

import pytest

from analyser.extract.dates import extract_dates
from analyser.extract.dates.events import plenary_month
from analyser.text.document import DocumentText


def dates(text: str, published: str | None) -> list[tuple[str, str | None, str]]:
    src = DocumentText.from_text(text, published=published)
    return [(d.text, d.value, d.kind) for d in extract_dates(src)]


# fmt: off
@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a plenary session of the Central Committee, a congress named in full, an NPC session
        ("党的十一届三中全会以来，我们党恢复和发展了正确路线。", "1982-09-01",
         [("十一届三中全会以来", "1978-12/..", "relative_period")]),
        ("特别是一九八九年十三届四中全会以来的实践。", "2002-11-08",
         [("一九八九年", "1989", "year"), ("十三届四中全会以来", "1989-06/..", "relative_period")]),
        ("十一届九中全会以来，", "1990-01-01", []),  # no such session: no date
        ("党的第十一次全国代表大会以来，", "1982-09-01", [("第十一次全国代表大会以来", "1977-08/..", "relative_period")]),
        ("妇女第十一次全国代表大会以来，", "2020-01-01", []),  # not the Party's
        ("五届人大一次会议以来，我们在加强民主方面。", "1979-06-18", [("五届人大一次会议以来", "1978/..", "relative_period")]),
        ("第十一届全国人民代表大会第一次会议以来的五年，", "2013-03-05",
         [("第十一届全国人民代表大会第一次会议以来", "2008/..", "relative_period"), ("五年", "2008/2012", "duration")]),
        # N years after a period opened in December start the next year; a later N years are not its
        ("中国共产党十一届三中全会以来的八年，总的来看。", "1987-03-25",
         [("十一届三中全会以来", "1978-12/..", "relative_period"), ("八年", "1979/1986", "duration")]),
        # years before the document's; a year with 前 is a deadline, 前后 is "about"
        ("两国终于在十年前实现了邦交正常化。", "1982-09-01", [("十年前", "1972", "deictic_year")]),
        ("比五年前增加5800多亿元，相当于10年前2.5个百分点。", "2011-03-05",
         [("五年前", "2006", "deictic_year"), ("10年前", "2001", "deictic_year")]),
        ("早在十年以前，他们就设法。", "1921-07-23", [("十年以前", "1911", "deictic_year")]),
        ("2030年前实现碳达峰。", "2021-03-05", [("2030年", "2030", "year")]),
        ("五年前后完成。", "2021-03-05", []),
        # decades: of the document's century, of the one before, of a century named by its number
        ("从本世纪二十年代起，几十年来，中国共产主义者。", "1982-09-01", [("本世纪二十年代", "1920/1929", "decade")]),
        ("上世纪九十年代以来。", "2016-03-05", [("上世纪九十年代", "1990/1999", "decade")]),
        ("我国从十九世纪四十年代起，到二十世纪四十年代中期。", "1978-02-26",
         [("十九世纪四十年代", "1840/1849", "decade"), ("二十世纪四十年代", "1940/1949", "decade")]),
        # a decade without its century: the latest that begins at most twenty years after the document
        ("九十年代我国经济将全面高涨，发展速度肯定会比八十年代高得多；从五十年代后期开始。", "1982-09-01",
         [("九十年代", "1990/1999", "decade"), ("八十年代", "1980/1989", "decade"), ("五十年代", "1950/1959", "decade")]),
        ("经受住八十年代末、九十年代初国际国内政治风波。", "2002-11-08",
         [("八十年代", "1980/1989", "decade"), ("九十年代", "1990/1999", "decade")]),
        ("自70年代以来，三十年代的标准。", "2026-03-05", [("70年代", "1970/1979", "decade"), ("三十年代", "2030/2039", "decade")]),
        # 几十年 / 数十年 are vague: no period and no ten years; 总数三年来 still counts three years
        ("几十年来，毛主席的思想。数十年来如此。", "1969-04-01", []),
        ("在校生总数三年来增加两倍。", "1983-06-06", [("三年来", "1980/1982", "relative_period")]),
        # a part of the year joined to a recurring time recurs: no one year's December
        ("在年中和年末向国务院报告执行情况。", "2004-06-26", []),
        ("逐月调度、逐季分析、半年告诫、年末奖惩。", "2017-01-01", []),
        ("2016年经济平稳。年末城镇登记失业率4%。", "2017-03-05",
         [("2016年", "2016", "year"), ("年末", "2016-12", "year_part")]),
    ],
)
# fmt: on
def test_event_periods_years_ago_decades(text, published, expected):
    assert dates(text, published) == expected


def test_every_plenary_session_opens_after_the_one_before():
    """The table is in order: each session of a term opens no earlier than the one before it."""
    from analyser import data

    rows = [(int(t), int(s), month) for t, s, month in data.table("plenary_sessions.txt")]
    assert rows == sorted(rows)
    assert [m for _, _, m in rows] == sorted(m for _, _, m in rows)
    assert plenary_month(11, 3) == "1978-12"
