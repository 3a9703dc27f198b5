from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from analyser.extract.dates import congress_month, extract_dates, plan_period
from analyser.extract.dates.told import told_date
from analyser.text.document import DocumentText

ROOT = Path(__file__).resolve().parents[3]
SHARED = (ROOT / ".." / "shared").resolve()


def dates(text: str, published: str | None = "2021-07-05"):
    src = DocumentText.from_text(text, published=published)
    out = extract_dates(src)
    for d in out:
        assert text[d.start:d.end] == d.text
    return [(d.text, d.value, d.kind) for d in out]


# fmt: off
CASES = [
    ("2015年11月27日，中央召开会议。", [("2015年11月27日", "2015-11-27", "date")]),
    ("發布日期:2021/7/5", [("2021/7/5", "2021-07-05", "date")]),
    ("2017年6月，总书记考察。", [("2017年6月", "2017-06", "month")]),
    ("2018年，进入建设高峰。", [("2018年", "2018", "year")]),
    ("一九五四年", [("一九五四年", "1954", "year")]),
    ("二〇二六年", [("二〇二六年", "2026", "year")]),
    ("从二○二○年到二○三五年", [("二○二○年到二○三五年", "2020/2035", "range")]),
    ("2020年底前完成", [("2020年底", "2020-12", "year_part")]),
    ("2021年上半年", [("2021年上半年", "2021-01/2021-06", "year_part")]),
    ("截至2020年底，全国完成", [("截至2020年底", "2020-12-31", "as_of")]),
    ("截至2021年6月", [("截至2021年6月", "2021-06-30", "as_of")]),
    ("“十三五”以来，我国", [("“十三五”以来", "2016/..", "relative_period")]),
    ("“十三五”时期易地扶贫搬迁", [("“十三五”时期", "2016/2020", "plan_period")]),
    ("“十三五”建设任务", [("十三五", "2016/2020", "plan_period")]),
    ("“十四五”规划", [("十四五", "2021/2025", "plan_period")]),
    ("十五五时期", [("十五五时期", "2026/2030", "plan_period")]),
    ("第一个五年计划期间", [("第一个五年计划期间", "1953/1957", "plan_period")]),
    ("2016年以来，各部门", [("2016年以来", "2016/..", "relative_period")]),
    ("党的十八大以来", [("十八大以来", "2012-11/..", "relative_period")]),
    ("五年多来，各地", [("五年多来", "2016/2021-07", "relative_period")]),
    ("五年来，国家共安排", [("五年来", "2016/2020", "relative_period")]),
    ("一九四九年至一九五二年", [("一九四九年至一九五二年", "1949/1952", "range")]),
    ("2016—2020年", [("2016—2020年", "2016/2020", "range")]),
    ("二零一三／一四年度", [("二零一三／一四年度", "2013/2014", "fiscal_year")]),
    ("2013/14年度", [("2013/14年度", "2013/2014", "fiscal_year")]),
    ("2018年，当年完成", [("2018年", "2018", "year"), ("当年", "2018", "anaphoric_year")]),
    ("从1955年开始第一次搬迁，历经64年共7次搬迁",
     [("1955年", "1955", "year"), ("64年", "1955/2019", "duration")]),
    ("“十三五”以来，我国用5年时间", [("“十三五”以来", "2016/..", "relative_period"), ("5年", "2016/2020", "duration")]),
]
NOT_DATES = [
    "遵循“一年建设、两年入住、三年脱贫”的规律",
    "生活却进步了几十年",
    "实行九年义务教育",
    "新时代中国特色社会主义",
    "十分突出",
    "近期脱贫、远期致富",
]
# fmt: on


@pytest.mark.parametrize("text,expected", CASES)
def test_dates(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert dates(text) == []


@pytest.mark.parametrize(
    "text,published,expected",
    [
        ("过去一年，我们", "2024-03-05", ("过去一年", "2023", "deictic_year")),
        ("一年来，我们", "2024-03-05", ("一年来", "2023", "relative_period")),
        ("5年来，我们", "2018-01-02", ("5年来", "2013/2017", "relative_period")),
        ("今年的目标", "2024-03-05", ("今年", "2024", "deictic_year")),
        ("去年增长", "2024-03-05", ("去年", "2023", "deictic_year")),
        ("取得近10年最好成绩", "2026-02-03", ("近10年", "2016/2025", "duration")),
        ("今年已过去近5个月", "2020-05-22", ("今年", "2020", "deictic_year")),
        ("六月前出台方案", "2020-05-22", ("六月前", "2020-06", "month")),
        ("今年年底前完成", "2020-05-22", ("今年年底", "2020-12-31", "year_part")),
        ("延长至明年3月底", "2020-05-22", ("明年3月底", "2021-03-31", "month_end")),
        ("去年7月1日起实行", "2000-03-05", ("去年7月1日", "1999-07-01", "date")),
        ("出口从7月份开始回升", "2000-03-05", ("7月份", "2000-07", "month")),
        ("明年一月一日起施行", "2020-05-22", ("明年一月一日", "2021-01-01", "date")),
    ],
)
def test_deictic_against_publication(text, published, expected):
    assert dates(text, published)[0] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("启动产业兴区三年行动", [("三年", "P3Y", "duration")]),
        ("争取3年内让全部废弃矿山完成修复", [("3年", "P3Y", "duration")]),
        ("五年的易地扶贫搬迁工作实践，给我们带来了启示", [("五年", "2016/2020", "duration")]),
        ("防洪标准提高到五十年一遇", []),
        ("与其签订1年以上劳动合同", [("1年以上", "P1Y", "duration")]),
        ("实施三年百万青年见习计划", [("三年", "P3Y", "duration")]),
        ("粮食产量连续5年超额完成", [("5年", "2016/2020", "duration")]),
    ],
)
def test_durations_ahead_and_behind(text, expected):
    assert dates(text) == expected


def test_period_anchor_with_total():
    assert dates("五年共投资6.2亿元", "2016-02-19") == [("五年", "2011/2015", "relative_period")]


def test_relative_without_publication_has_no_value():
    assert dates("五年来，各地", None) == [("五年来", None, "relative_period")]


def test_comparison_year_does_not_anchor_anaphora():
    out = dates("一九五三年劳动生产率比一九五二年增长了百分之十三，同年中央五个工业部", None)
    assert ("同年", "1953", "anaphoric_year") in out


def test_plan_periods_and_congresses():
    assert plan_period(13) == (2016, 2020)
    assert plan_period(3) == (1966, 1970)
    assert congress_month(19) == "2017-10"


def test_only_body():
    text = "标题2020年\n正文2021年。"
    src = DocumentText.from_text(text, body=(text.index("正文"), len(text)))
    assert [d.text for d in extract_dates(src)] == ["2021年"]


def test_empty_and_garbage():
    assert extract_dates(DocumentText.from_text("")) == []
    assert extract_dates(DocumentText.from_text("年年年月月日" * 100)) == []


def _score(gold_name: str, text_rel: str, published: str):
    tools = SHARED / "tools"
    if not (SHARED / text_rel).exists():
        pytest.skip("../shared not present")
    sys.path.insert(0, str(tools))
    import score  # type: ignore

    text = (SHARED / text_rel).read_text(encoding="utf-8")
    gold = json.loads((SHARED / "gold" / gold_name).read_text(encoding="utf-8"))
    body = gold["meta"]["body"]
    src = DocumentText.from_text(text, published=published, body=(body["start"], body["end"]))
    pred = {"document": {}, "outline": [], "dates": [d.to_dict() for d in extract_dates(src)]}
    return score.score(gold, pred, text)["dates"]


def test_seed_gold_dates():
    res = _score("seed.gold.json", "seed/000_29490935b5bb2ea4.txt", "2021-07-05")
    assert res["f1"] >= 0.9
    assert res["value"]["acc"] >= 0.9


@pytest.mark.parametrize(
    "text,published,expected",
    [
        # 上年 is the year before the one the text speaks of (a report reviews the past year)
        ("过去一年，常住人口由上年729万人增加到732万人。", "2026-02-03",
         [("过去一年", "2025"), ("上年", "2024")]),
        # 全年 and 这一年 stay in the document's year after a mention of 明年 / 去年
        ("今年政策延长至明年3月底。预计全年增长。", "2020-05-22",
         [("今年", "2020"), ("明年3月底", "2021-03-31"), ("全年", "2020")]),
        ("过去一年，我们努力。这一年，文旅很红火。", "2026-02-03", [("过去一年", "2025"), ("这一年", "2025")]),
        ("今年已过去近5个月", "2020-05-22", [("今年", "2020"), ("近5个月", "2020-01/2020-05")]),
        ("今明两年职业技能培训", "2020-05-22", [("今明两年", "2020/2021")]),
    ],
)
def test_relative_years_against_the_frame(text, published, expected):
    assert [(t, v) for t, v, _ in dates(text, published)] == expected


def test_return_periods_are_not_durations():
    assert dates("防洪标准由最低五年一遇提高到二十年或五十年一遇") == []


# Ranges of days, as printed in documents of the archive (gov_cn_20_guobanfa_1996_2,
# gov_cn_48_guobanhan_2004_25, gov_cn_23_guobanhan_2004_80, prov_gwr_2026_guangdong).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("1996年1月8日至12日召开的“1996年度全国地震趋势会商会”",
         ("1996年1月8日至12日", "1996-01-08/1996-01-12", "range")),
        ("2003年10月24日至26日，温家宝总理率国务院有关部门负责同志",
         ("2003年10月24日至26日", "2003-10-24/2003-10-26", "range")),
        ("专家组，于2004年4月14日—15日对马鬃山村进行了现场调查",
         ("2004年4月14日—15日", "2004-04-14/2004-04-15", "range")),
        ("自2019年1月1日至12月31日，对符合条件的企业", ("2019年1月1日至12月31日", "2019-01-01/2019-12-31", "range")),
    ],
)
def test_day_ranges_keep_their_end(text, expected):
    assert dates(text)[0] == expected


def test_day_range_of_the_year_in_focus():
    text = "2025年是很不平凡的一年。11月6日至10日，习近平总书记亲临广东视察。"
    assert ("11月6日至10日", "2025-11-06/2025-11-10", "range") in dates(text, "2026-01-26")


def test_day_range_running_backwards_is_not_a_range():
    assert dates("2019年3月15日至5日")[0] == ("2019年3月15日", "2019-03-15", "date")


# A letter re-published on a web page years later: the page's date (2018) is not the letter's; the
# closing line under the issuer's name is (gov_cn_21_guobanhan_2004_57, gov_cn_51_guobanfa_1997_2).
@pytest.mark.parametrize(
    "text, expected",
    [
        (("国内只有上海船用曲轴公司年设计制造能力为40根，预计今年可生产出第一根国产曲轴。\n"
         "国务院办公厅\n二〇〇四年八月十二日\n（本文有删减）"), ("今年", "2004", "deictic_year")),
        (("建议今年适当时候，由国务院组织有关部门，对地震重点监视防御区部分城市进行检查。\n"
         "以上意见如无不妥，请批转各地区、各部门贯彻执行。\n国家地震局\n一九九七年一月二十日"), ("今年", "1997", "deictic_year")),
    ],
)
def test_relative_years_count_from_the_closing_date(text, expected):
    assert expected in dates(text, published="2018-12-24")


def test_closing_date_only_on_a_line_of_its_own():
    text = "今年完成改造。\n会议于2004年8月12日召开，部署工作。"
    assert ("今年", "2018", "deictic_year") in dates(text, published="2018-12-24")


def test_caller_gives_the_document_date():
    src = DocumentText.from_text("今年粮食增产。去年减产。", published="2018-12-24")
    assert [(d.text, d.value) for d in extract_dates(src, dated="1956-06-15")] == [("今年", "1956"), ("去年", "1955")]


# N years after an anchor are N calendar years from it (gwr_2006, gwr_1993, gwr_2004 of the archive);
# counted from a point (历经, 再) they end N years after it.
@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("要大力普及和巩固九年义务教育。从今年起用两年时间，全部免除农村义务教育阶段学生学杂费。", "2006-03-05",
         ("两年", "2006/2007", "duration")),
        ("从2018年起三年，对符合条件的企业给予补贴。", "2018-12-05", ("三年", "2018/2020", "duration")),
        ("力争用三年时间，到2020年基本建成覆盖城乡、功能完善的疾病预防控制体系。", "2018-03-05",
         ("三年", "2018/2020", "duration")),
        ("在此基础上再奋斗五年，到二〇三五年实现", "2026-01-27", ("五年", "2030/2035", "duration")),
        ("力争用三年时间，基本建成覆盖城乡、功能完善的疾病预防控制体系。", "2004-03-05", ("三年", "P3Y", "duration")),
        ("国务院决定，用三年时间基本解决建设领域拖欠工程款和农民工工资问题。", "2004-03-05", ("三年", "P3Y", "duration")),
        ("少数需要将近十年的时间才能完成，大部分将在一九五八年完成。", "1954-09-23", ("将近十年", "P10Y", "duration")),
    ],
)
def test_durations_after_an_anchor(text, published, expected):
    assert expected in dates(text, published)


# forms first met in the fresh windows (tests/gold/fresh_quantities), each also found elsewhere in the archive
@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("过去的一年，面对复杂多变的经济形势。", "2015-02-05", ("过去的一年", "2014", "deictic_year")),
        ("这五年，极不平凡、令人难忘。", "2026-01-27", ("这五年", "2021/2025", "relative_period")),
        ("这十年，我们经历了许多大事。", "2022-10-16", ("这十年", "2012/2022", "relative_period")),
        ("今年第一季度，工业生产又比去年同期增长12%。", "1984-05-15", ("今年第一季度", "1984-01/1984-03", "year_part")),
        ("明年二季度完成。", "2018-12-24", ("明年二季度", "2019-04/2019-06", "year_part")),
        ("今年前三季度，增长5%。", "2018-12-24", ("今年前三季度", "2018-01/2018-09", "year_part")),
    ],
)
def test_past_years_with_de_or_zhe_and_quarters_of_a_relative_year(text, published, expected):
    assert expected in dates(text, published)


def test_this_one_year_stays_the_year_in_focus():
    assert ("这一年", "2018", "deictic_year") in dates("2018年，经济增长。这一年很不平凡。", "2021-07-05")
    assert not any(d[0] == "这十年代" for d in dates("这十年代表了变化。", "2021-07-05"))


@pytest.mark.parametrize("text", ["做好这五年的经济工作。", "在这十年里，要建立完整的工业体系。", "从一九五三年到一九六○年这八年时间内完成。"])
def test_zhe_n_years_ahead_or_named_is_not_the_past(text):
    assert not any(d[2] == "relative_period" and d[0].startswith("这") for d in dates(text, "1956-09-15"))


def test_past_de_before_a_year_is_that_year():
    out = dates("过去的2015年，全区经济增长。全年完成投资。", "2016-02-01")
    assert ("2015年", "2015", "year") in out and ("全年", "2015", "deictic_year") in out
    assert ("过去的两年", "2014/2015", "relative_period") in dates("过去的两年，成绩显著。", "2016-02-01")


# fmt: off
@pytest.mark.parametrize(
    "text, published, expected",
    [
        # the year a report reviews tells its year, before a later page date
        ("各位代表：\n一、2009年工作回顾\n去年这个时候，困难很多。过去的一年，极不平凡。", "2018-12-03", ("去年", "2009", "deictic_year")),
        ("各位代表：\n一、2009年工作回顾\n过去的一年，极不平凡。", None, ("过去的一年", "2009", "deictic_year")),
        # the year it plans
        ("各位代表：\n一、过去一年工作回顾\n……\n二、2005年工作总体部署\n今年要做好工作。", None, ("今年", "2005", "deictic_year")),
        # the congress it is read to; its look back includes the congress's own year
        ("现在，我代表第十六届中央委员会向大会作报告。\n五年来的成就。", None, ("五年来", "2002/2007", "relative_period")),
        # a heading's year is in focus for its section, over a plan's horizon named in it
        ("各位代表：\n一、1996年国内工作的回顾\n1996年是实施“九五”计划和2010年远景目标纲要的第一年。储蓄存款年末达到3万亿元，全年增长。",
         None, ("年末", "1996-12", "year_part")),
        # 当年 after a shifted year
        ("到去年底，全国基本普及，当年减少文盲400万人。", "1997-03-01", ("当年", "1996", "anaphoric_year")),
        # bare parts of the year in focus
        ("二、2014年工作安排\n力争年内投资突破100亿元。", None, ("年内", "2014", "deictic_year")),
        ("2019年经济平稳，一季度增长6%。", "2020-05-22", ("一季度", "2019-01/2019-03", "year_part")),
    ],
)
def test_the_year_a_text_tells_and_the_year_in_focus(text, published, expected):
    assert expected in dates(text, published)
# fmt: on


def test_no_document_year_gives_no_value_rather_than_the_last_year_named():
    out = dates("实施“九五”计划和2010年远景目标纲要。今年要保持增长，去年增长9.7%。", None)
    assert ("今年", None, "deictic_year") in out and ("去年", None, "deictic_year") in out


def test_a_written_date_comes_before_the_page_date():
    text = "成文日期：2004年04月17日\n发布日期：2018年12月24日\n去年完成。"
    src = DocumentText.from_text(text, published="2018-12-24", body=(text.index("去年"), len(text)))
    assert [(d.text, d.value) for d in extract_dates(src)] == [("去年", "2003")]


# fmt: off
@pytest.mark.parametrize(
    "text, expected",
    [
        ("各位代表：\n我代表国务院向第一届全国人民代表大会第五次会议，提出关于计划的报告。", "1958"),
        ("各位代表！\n我代表国务院，向第五届全国人民代表大会作政府工作报告。", "1978"),
        ("各位代表：\n从去年9月第五届全国人民代表大会第三次会议到现在，已经过去了一年零两个月。", "1981"),
        ("各位代表：\n刚刚过去的１９８４年，是取得伟大成就的一年。", "1985"),
        ("各位代表：\n首先报告2001年的工作\n新世纪第一年。", "2002"),
        ("各位代表：\n一、去年工作回顾\n2005年，我国取得显著成就。", "2006"),
        ("各位代表：\n一、“十一五”时期国民经济和社会发展的回顾\n……", "2011"),
        ("各位代表：\n一、关于过去五年的政府工作\n……\n二、关于1 9 9 8 年政府工作的建议\n……", "1998"),
        ("同志们！\n中国共产党第九次全国代表大会，将是一次有深远影响的代表大会。", "1969-04"),
        ("同志们：\n我受十二届中央委员会委托，向大会作报告。", "1987-10"),
        # a session named as a past event tells nothing
        ("各位代表：\n根据一九八三年六月第六届全国人民代表大会第一次会议的决议，一年来成就很大。", None),
    ],
)
def test_the_year_an_undated_report_tells(text, expected):
    assert told_date(DocumentText.from_text(text)) == expected
# fmt: on


# fmt: off
@pytest.mark.parametrize(
    "text, expected",
    [
        ("2019年3月至5月开展检查。", ("2019年3月至5月", "2019-03/2019-05", "range")),
        ("2018年10月至2019年3月试点。", ("2018年10月至2019年3月", "2018-10/2019-03", "range")),
        ("2020年1至6月，增长5%。", ("2020年1至6月", "2020-01/2020-06", "range")),
        ("2020年，1—6月增长5%。", ("1—6月", "2020-01/2020-06", "range")),
        ("今年1—5月，增长。", ("今年1—5月", "2021-01/2021-05", "range")),
        ("2020年5月至3月", ("2020年5月", "2020-05", "month")),
        ("2019—2020年度预算。", ("2019—2020年度", "2019/2020", "fiscal_year")),
        ("近三年来，成效明显。", ("近三年来", "2018/2020", "relative_period")),
        ("今年春季开始。", ("今年春季", "2021-03/2021-05", "year_part")),
        ("2020年冬季完成。", ("2020年冬季", "2020-12/2021-02", "year_part")),
    ],
)
def test_ranges_of_months_seasons_and_recent_years(text, expected):
    assert expected in dates(text)
# fmt: on


def test_months_of_every_year_are_not_a_range():
    assert dates("每年3至5月为汛期。") == []


# fmt: off
@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("今后五年是全面建设小康社会的关键时期。", "2007-10-15", ("今后五年", "2008/2012", "relative_period")),
        ("今后五年，要实现新的目标。", "2016-03-05", ("今后五年", "2016/2020", "relative_period")),
        ("二、2010年主要任务\n从财政收入看，上一年一次性特殊增收措施没有了。", "2010-03-05", ("上一年", "2009", "deictic_year")),
    ],
)
def test_looking_ahead_and_the_year_before_the_one_in_focus(text, published, expected):
    assert expected in dates(text, published)
# fmt: on


def test_a_session_held_last_year_tells_the_year():
    text = "各位代表：\n正确地贯彻百花齐放、百家争鸣的方针，去年举行的六届人大一次会议作出决定。"
    assert told_date(DocumentText.from_text(text)) == "1984"


# fmt: off
@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("去年年底，他们来到广州。一月，陈独秀同志来到广州。", None, [("去年年底", None, "year_part"), ("一月", None, "month")]),
        ("1921年5月，我们开会。一月，他来到广州。", None, [("1921年5月", "1921-05", "month"), ("一月", "1921-01", "month")]),
        ("会主义轨道。９月，胡耀邦同志讲话。", "1981-12-01", [("９月", "1981-09", "month")]),
        ("十月革命一声炮响。共有3月、5月两批。", "1981-12-01", []),
    ],
)
def test_a_month_alone_opening_a_clause(text, published, expected):
    assert dates(text, published) == expected
# fmt: on
