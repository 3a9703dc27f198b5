"""Ordinals of sessions, the minus sign 负 and months or days joined to a full date."""
from __future__ import annotations

import pytest

from analyser.extract.dates import extract_dates
from analyser.extract.quantities import extract_quantities
from analyser.text.document import DocumentText


def table(text: str):
    out = extract_quantities(DocumentText.from_text(text))
    for q in out:
        assert text[q.start:q.end] == q.text
    return [(q.text, q.value, q.unit) for q in out]


def dates(text: str):
    out = extract_dates(DocumentText.from_text(text, published="2021-07-05"))
    for d in out:
        assert text[d.start:d.end] == d.text
    return [(d.text, d.value, d.kind) for d in out]


# fmt: off
@pytest.mark.parametrize("text", [
    "按照省委十一届十次、十一次全会部署要求，锚定目标。",
    "落实州委九届六次、七次全会和州委经济工作会议精神。",
    "市委八届七次全会提出的目标。",
    "落实县十七届人大三次会议的决定。",
    "十四届全国人大三次会议审议通过。",
    "省十三届人大常委会第十次、第十一次会议审议通过。",
    "第十次、十一次全体会议通过了决议。",
    "第十二次全国代表大会以来。",
])
def test_session_ordinals_are_not_quantities(text):
    assert table(text) == []


@pytest.mark.parametrize("text,expected", [
    ("国务院全年召开常务会议40次。", [("40次", 40, "次")]),
    ("本届政府召开专题会议三次。", [("三次", 3, "次")]),
    ("全年召开了三次全会。", [("三次", 3, "次")]),
    ("县十届人大二次会议批准了六项措施。", [("六项", 6, "项")]),
])
def test_counts_of_meetings_stay(text, expected):
    assert table(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("力争为经营主体减负1000亿元以上。", [("1000亿元以上", 100_000_000_000, "元")]),
    ("累计为市场主体减负86亿元。", [("86亿元", 8_600_000_000, "元")]),
    ("降低企业税负420亿元。", [("420亿元", 42_000_000_000, "元")]),
    ("担负1000万元的费用。", [("1000万元", 10_000_000, "元")]),
])
def test_fu_inside_a_word_is_no_sign(text, expected):
    assert table(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("工业增长负0.5%。", [("负0.5%", -0.5, "%")]),
    ("增速为负3.2%。", [("负3.2%", -3.2, "%")]),
    ("海拔，负0.2千米。", [("负0.2千米", -0.2, "千米")]),
    ("价格下降-2.1%。", [("-2.1%", -2.1, "%")]),
])
def test_minus_sign_standing_alone(text, expected):
    assert table(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("2004年4月和9月两次召开会议。", [("2004年4月", "2004-04", "month"), ("9月", "2004-09", "month")]),
    ("2020年3月、5月和9月分别召开。",
     [("2020年3月", "2020-03", "month"), ("5月", "2020-05", "month"), ("9月", "2020-09", "month")]),
    ("2003年12月18日晚8时40分和19日晚8时35分发生地震。",
     [("2003年12月18日", "2003-12-18", "date"), ("19日", "2003-12-19", "date")]),
    ("2020年3月5日、6日及8日召开。",
     [("2020年3月5日", "2020-03-05", "date"), ("6日", "2020-03-06", "date"), ("8日", "2020-03-08", "date")]),
    ("二〇一九年五月十日和十二日举行。",
     [("二〇一九年五月十日", "2019-05-10", "date"), ("十二日", "2019-05-12", "date")]),
    ("2019年6月30日和7月1日开放。", [("2019年6月30日", "2019-06-30", "date"), ("7月1日", "2019-07-01", "date")]),
])
def test_month_or_day_joined_to_a_full_date(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("2020年3月和10个省份签约。", [("2020年3月", "2020-03", "month")]),
    ("2020年3月和9名代表。", [("2020年3月", "2020-03", "month")]),
    ("2018年和9月", [("2018年", "2018", "year")]),
])
def test_no_joined_date_without_month_or_day(text, expected):
    assert dates(text) == expected
# fmt: on
