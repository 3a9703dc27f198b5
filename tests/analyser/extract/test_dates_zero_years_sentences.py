"""Years typed with the digit 0, periods looked back on (在这五年中, 回顾十四年), parts of a year
read in the year their sentence mentions (去年……全年), plans counted in the new century, the ends
of months, durations ahead, 本届政府以来 and letters signed with typed zeros
(:mod:`analyser.extract.dates`)."""
from __future__ import annotations

import pytest

from analyser.extract.dates import extract_dates
from analyser.text.document import DocumentText


def dates(text: str, published: str | None) -> list[tuple[str, str | None, str]]:
    src = DocumentText.from_text(text, published=published)
    return [(d.text, d.value, d.kind) for d in extract_dates(src)]


# fmt: off
@pytest.mark.parametrize(
    "text, published, expected",
    [
        # years in Chinese numerals with their zeros typed as a digit or a letter
        ("二0一一年国内生产总值达到四十七点三万亿元。", "2012-11-08", [("二0一一年", "2011", "year")]),
        ("二00八年以后，国际金融危机蔓延。", "2012-11-08", [("二00八年", "2008", "year")]),
        ("二OO八年八月八日开幕。", "2012-11-08", [("二OO八年八月八日", "2008-08-08", "date")]),
        # 这N年 with 中 / 间 or after 在 looks back, unless its sentence looks ahead
        ("在这五年中，我国经济蓬勃发展。", "1993-03-15", [("这五年", "1988/1992", "relative_period")]),
        ("这两年中，钢产量增加。", "1979-06-18", [("这两年", "1977/1978", "relative_period")]),
        ("我们一定要在这五年中搞好调整。", "1983-06-06", []),
        ("在这十年里，要加快发展。", "1983-06-06", []),
        # 全年 / 年初 / 上年 in the sentence of 去年 are of 去年; a new sentence returns to the year in focus
        ("去年财政增发国债，但全年货币发行还比年初计划少；价格比上年下降。今年赤字增加。全年增长。", "1999-03-05",
         [("去年", "1998", "deictic_year"), ("全年", "1998", "deictic_year"), ("年初", "1998-01", "year_part"),
          ("上年", "1997", "deictic_year"), ("今年", "1999", "deictic_year"), ("全年", "1999", "deictic_year")]),
        # looking back N years in a congress report of October counts its own year
        ("回顾十四年走过的道路，成就巨大。", "1992-10-12", [("十四年", "1978/1992", "duration")]),
        # a duration in a plan keeps its length
        ("用三年时间完成改造。", "2018-05-01", [("三年", "P3Y", "duration")]),
        ("用了三年时间完成改造。", "2018-05-01", [("三年", "2015/2017", "duration")]),
        # the five-year plans of the new century count from 2001
        ("新世纪的第一个五年计划。", "2001-03-05", [("第一个五年计划", "2001/2005", "plan_period")]),
        ("新世纪第二个五年计划。", "2006-03-05", [("第二个五年计划", "2006/2010", "plan_period")]),
        ("第一个五年计划。", "1955-07-05", [("第一个五年计划", "1953/1957", "plan_period")]),
        # a plan counted from an event, just after a plan is named: that plan
        ("研究制定第十个五年计划。这是第三步战略部署开始实施后的第一个五年计划。", "2000-03-05",
         [("第十个五年计划", "2001/2005", "plan_period"), ("第一个五年计划", "2001/2005", "plan_period")]),
        ("建国后的第一个五年计划。", "1955-07-05", [("第一个五年计划", "1953/1957", "plan_period")]),
        # the end of a month, with or without its year; as of the end of a month
        ("2019年6月底前完成。", "2019-03-01", [("2019年6月底", "2019-06", "month_end")]),
        ("到9月末，余额增长。", "2019-03-01", [("9月末", "2019-09-30", "month_end")]),
        ("截至2019年6月末，全省完成。", "2019-07-20", [("截至2019年6月末", "2019-06-30", "as_of")]),
        # a part of the document's century; a stretch named by its practice; N years counted from a start year
        ("到本世纪末我国国民经济将迈上新台阶。", "1992-10-12", [("本世纪末", "2000", "year_part")]),
        ("到本世纪中叶建成。", "2017-10-18", [("本世纪中叶", "2050", "year_part")]),
        ("十四年伟大实践的经验，集中到一点。", "1992-10-12", [("十四年", "1978/1992", "duration")]),
        ("从一九五七年起的二十年间出现的错误。", "1992-10-12",
         [("一九五七年", "1957", "year"), ("二十年", "1957/1976", "duration")]),
        # the year a founding turns N (analyser/data/founding_years.txt); not a celebration, not an unknown founding
        ("在中国共产党成立一百年时全面建成小康社会，在新中国成立一百年时建成现代化国家。", "2012-11-08",
         [("中国共产党成立一百年时", "2021", "year"), ("新中国成立一百年时", "2049", "year")]),
        ("到建党一百年时。", "2017-10-18", [("建党一百年时", "2021", "year")]),
        ("公司成立十年时上市。庆祝新中国成立五十周年。", "1999-03-05", []),
        # the first quarter written 首季 (Hong Kong usage)
        ("今年首季，經濟放緩。首季度出口下跌。", "2019-05-15",
         [("今年首季", "2019-01/2019-03", "year_part"), ("首季度", "2019-01/2019-03", "year_part")]),
        # since the government in office was formed: the first session of the NPC term
        ("本届政府以来，改革推进。", "2017-03-05", [("本届政府以来", "2013-03/..", "relative_period")]),
        ("本届政府成立以来，改革推进。", "2018-03-05", [("本届政府成立以来", "2013-03/..", "relative_period")]),
        ("本届政府以来，改革推进。", "2019-03-05", [("本届政府以来", "2018-03/..", "relative_period")]),
    ],
)
def test_dates(text, published, expected):
    assert dates(text, published) == expected
# fmt: on


def test_a_letter_dated_with_typed_zeros_counts_from_its_own_date():
    """A letter signed 二00五年三月三日 on a page re-published in 2018: 今年 is 2005."""
    text = "国务院办公厅：\n现函复如下：\n同意从今年起实行。\n\n国务院办公厅\n二00五年三月三日"
    assert ("今年", "2005", "deictic_year") in dates(text, "2018-12-24")
