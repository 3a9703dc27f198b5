from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from analyser.extract.dates import extract_dates
from analyser.extract.quantities import extract_quantities
from analyser.text.document import DocumentText

ROOT = Path(__file__).resolve().parents[3]
SHARED = (ROOT / ".." / "shared").resolve()
GOLD = ROOT / "tests" / "gold" / "quantities"


def quantities(text: str, **kwargs):
    src = DocumentText.from_text(text, **kwargs)
    out = extract_quantities(src)
    for q in out:
        assert text[q.start:q.end] == q.text
        if q.indicator is not None:
            assert text[q.indicator.start:q.indicator.end] == q.indicator.text
    return out


def table(text: str):
    return [(q.text, q.value, q.unit, q.qualifier) for q in quantities(text)]


# fmt: off
FORMS = [
    # Arabic, thousands groups, decimals, magnitudes moved into the value
    ("总投资1,100万元", [("1,100万元", 11_000_000, "元", "exact")]),
    ("计划投资3541.07万元", [("3541.07万元", 35_410_700, "元", "exact")]),
    ("兴建11 900个单位", [("11 900个", 11_900, "个", "exact")]),
    ("中央预算内投资800亿元", [("800亿元", 80_000_000_000, "元", "exact")]),
    ("粮食产量1.39万亿斤", [("1.39万亿斤", 1_390_000_000_000, "斤", "exact")]),
    ("兑换１．０７５３美元", [("１．０７５３美元", 1.0753, "美元", "exact")]),
    # Chinese numerals and mixed forms
    ("拨款一千二百万元", [("一千二百万元", 12_000_000, "元", "exact")]),
    ("建成两千套", [("两千套", 2000, "套", "exact")]),
    ("增长百分之三十六点九", [("百分之三十六点九", 36.9, "%", "exact")]),
    ("九百六十多万人", [("九百六十多万人", 9_600_000, "人", "lower_bound")]),
    ("原煤八千一百九十九萬噸", [("八千一百九十九萬噸", 81_990_000, "吨", "exact")]),
    ("一萬三千五百十三台", [("一萬三千五百十三台", 13_513, "台", "exact")]),
    ("收入十亿3000万元", [("十亿3000万元", 1_030_000_000, "元", "exact")]),
    ("安置5万4千人", [("5万4千人", 54_000, "人", "exact")]),
    ("建成集中安置点约3.5万个", [("约3.5万个", 35_000, "个", "approx")]),
    ("装机10万千瓦", [("10万千瓦", 100_000, "千瓦", "exact")]),
    # fractions, halves, multiples, per cents, percentage points, tenths
    ("推动全国近1/5贫困人口", [("近1/5", 0.2, "比例", "approx")]),
    ("占五分之一", [("五分之一", 0.2, "比例", "exact")]),
    ("超过全球一半", [("一半", 0.5, "比例", "lower_bound")]),
    ("等於一九四九年的四點二倍", [("四點二倍", 4.2, "倍", "exact")]),
    ("收入翻一番", [("翻一番", 2, "倍", "exact")]),
    ("入住率100%", [("100%", 100, "%", "exact")]),
    ("提升了3个百分点", [("3个百分点", 3, "百分点", "exact")]),
    ("七成以上", [("七成以上", 70, "%", "lower_bound")]),
    ("千分之三", [("千分之三", 0.3, "%", "exact")]),
    # qualifiers: markers are part of the surface
    ("超过1万亿元", [("超过1万亿元", 1_000_000_000_000, "元", "lower_bound")]),
    ("建设安置住房266万余套", [("266万余套", 2_660_000, "套", "lower_bound")]),
    ("新建中小学6100多所", [("6100多所", 6100, "所", "lower_bound")]),
    ("部分萬人以上的安置点", [("萬人以上", 10_000, "人", "lower_bound")]),
    ("实现至少1人就业", [("至少1人", 1, "人", "lower_bound")]),
    ("逾5000家企业", [("逾5000家", 5000, "家", "lower_bound")]),
    ("不超过3000元", [("不超过3000元", 3000, "元", "upper_bound")]),
    ("不到10%", [("不到10%", 10, "%", "upper_bound")]),
    ("面积在50平方米以下", [("50平方米以下", 50, "平方米", "upper_bound")]),
    ("百分之七十一左右", [("百分之七十一左右", 71, "%", "approx")]),
    ("將近百分之三十三", [("將近百分之三十三", 33, "%", "approx")]),
    ("生活进步了几十年", [("几十年", None, "年", "approx")]),
    # implied units: the noun after the amount
    ("地方近1000万建档立卡贫困人口实现易地搬迁", [("近1000万", 10_000_000, "人", "approx")]),
    ("改变上千万绝对贫困人口的命运", [("上千万", 10_000_000, "人", "lower_bound")]),
    ("惠及上千万家庭", [("上千万", 10_000_000, "户", "lower_bound")]),
    # counted nouns after 个 become the unit; lists share the last unit
    ("在80个县核查", [("80个县", 80, "县", "exact")]),
    ("22个有搬迁任务的省、区、市", [("22个", 22, "个", "exact")]),
    ("涉及22个省份近1400个县", [("22个省份", 22, "省份", "exact"), ("近1400个县", 1400, "县", "approx")]),
    ("分别提升了5个、4.2个、3个百分点",
     [("5个", 5, "百分点", "exact"), ("4.2个", 4.2, "百分点", "exact"), ("3个百分点", 3, "百分点", "exact")]),
    ("低保标准提高到645元/月", [("645元/月", 645, "元/月", "exact")]),
    # durations are quantities (and dates)
    ("我国用5年时间", [("5年", 5, "年", "exact")]),
    ("历经64年共7次搬迁", [("64年", 64, "年", "exact"), ("7次", 7, "次", "exact")]),
    ("经历三年新冠疫情冲击", [("三年", 3, "年", "exact")]),
    ("降准两次", [("两次", 2, "次", "exact")]),
    ("损失二十五億七千多萬元", [("二十五億七千多萬元", 2_570_000_000, "元", "lower_bound")]),
    ("每年为国家节约二千八百亿元", [("二千八百亿元", 280_000_000_000, "元", "exact")]),
    ("全国可以有半数以上的农户", [("半数以上", 0.5, "比例", "lower_bound")]),
    ("全国五萬萬农民", [("五萬萬", 500_000_000, "人", "exact")]),
    ("卫生室 8所", [("8所", 8, "所", "exact")]),
    ("增长-2.1%", [("-2.1%", -2.1, "%", "exact")]),
    ("身高168cm，装机10GW", [("168cm", 168, "cm", "exact"), ("10GW", 10, "GW", "exact")]),
    ("肆佰叁拾萬圆", [("肆佰叁拾萬圆", 4_300_000, "圆", "exact")]),
    ("农业生产合作社发展到十萬個", [("十萬個", 100_000, "个", "exact")]),
    ("货物通关时间压缩一半以上", [("一半以上", 0.5, "比例", "lower_bound")]),
    ("农村贫困人口减少1386万，", [("1386万", 13_860_000, "人", "exact")]),
    ("新中国成立70周年", [("70周年", 70, "周年", "exact")]),
    ("利用两个市场两种资源", [("两个", 2, "个", "exact"), ("两种", 2, "种", "exact")]),
    ("新建22个750千伏变电站", [("22个", 22, "个", "exact"), ("750千伏", 750, "千伏", "exact")]),
    # numerals and per cents broken by single spaces
    ("百 分 之2.4", [("百 分 之2.4", 2.4, "%", "exact")]),
    ("三千 九百 六十五元", [("三千 九百 六十五元", 3965, "元", "exact")]),
    # 成 and 折 as per cents; a range shares the 万/亿 of its upper end
    ("七成六", [("七成六", 76, "%", "exact")]),
    ("三成半", [("三成半", 35, "%", "exact")]),
    ("按75折收费", [("75折", 75, "%", "exact")]),
    ("一千到两千万元", [("一千到两千万元", None, "元", "range")]),
    ("百万分之五", [("百万分之五", 0.0005, "%", "exact")]),
    # formal sums of money: 整 closes the amount; capital magnitudes after Arabic digits
    ("税额共计壹仟玖佰圆整", [("壹仟玖佰圆整", 1900, "圆", "exact")]),
    ("利息9佰日元", [("9佰日元", 900, "日元", "exact")]),
    # an amount in yuan, jiao and fen is one quantity
    ("开销123元1角1分", [("123元1角1分", 123.11, "元", "exact")]),
    ("这个手机壳五元三毛", [("五元三毛", 5.3, "元", "exact")]),
    # ratios with ∶: one value per term
    ("三次产业结构调整为8.3∶41.4∶50.3",
     [("8.3", 8.3, "比例", "exact"), ("41.4", 41.4, "比例", "exact"), ("50.3", 50.3, "比例", "exact")]),
    ("上午10:30开会", []),
    # flood return periods (一遇 shared by 二十年或五十年一遇)
    ("防洪标准由最低五年一遇提高到二十年或五十年一遇",
     [("五年一遇", 5, "年", "exact"), ("二十年", 20, "年", "exact"), ("五十年一遇", 50, "年", "exact")]),
    # 近 + duration: the last N years / months
    ("取得近10年最好成绩", [("近10年", 10, "年", "approx")]),
    ("今年已过去近5个月", [("近5个月", 5, "个月", "approx")]),
    # a counted noun that is not a unit-like noun stays outside the surface
    ("共有50多个国家和地区参会", [("50多个", 50, "个", "lower_bound")]),
    # compound measure words win over their prefixes
    ("举办促消费活动500余场次", [("500余场次", 500, "场次", "lower_bound")]),
    ("开展集中办公69场次，服务2000户次", [("69场次", 69, "场次", "exact"), ("2000户次", 2000, "户次", "exact")]),
    # comparison markers
    ("贷款增速要高于40%", [("高于40%", 40, "%", "lower_bound")]),
    ("成本超出30%", [("超出30%", 30, "%", "lower_bound")]),
    ("至少有十个突出亮点", [("十个", 10, "个", "lower_bound")]),
    ("总收入达到500亿元", [("500亿元", 50_000_000_000, "元", "exact")]),
]
RANGES = [
    ("百分之二三十", ("百分之二三十", "%", 20, 30)),
    ("七千到九千亿元", ("七千到九千亿元", "元", 700_000_000_000, 900_000_000_000)),
    ("一百二十到一百五十万元", ("一百二十到一百五十万元", "元", 1_200_000, 1_500_000)),
    ("用3至5年时间", ("3至5年", "年", 3, 5)),
    ("增长10%—15%", ("10%—15%", "%", 10, 15)),
    ("报账金额5-10万元", ("5-10万元", "元", 50_000, 100_000)),
    ("三五个人", ("三五个", "个", 3, 5)),
    ("两到三年", ("两到三年", "年", 2, 3)),
    ("四五千块钱", ("四五千块钱", "块钱", 4000, 5000)),
    ("1万(含)-5万元", ("1万(含)-5万元", "元", 10_000, 50_000)),
    ("从8500到3万港元", ("8500到3万港元", "港元", 8500, 30_000)),
]
NOT_QUANTITIES = [
    "三次产业结构进一步优化",
    "一产、二产、三产增加值",
    "易地扶贫搬迁是“五个一批”精准扶贫精准脱贫路径之一",
    "聚焦“两不愁三保障”目标",
    "构建起“四梁八柱”政策制度体系",
    "构建三位一体的治理体系",
    "按照“一户一宅”原则",
    "一是强化顶层设计。二是创新筹资方式。",
    "第一次搬迁，第一个百年奋斗目标",
    "一、工作历程",
    "（三）加强组织领导",
    "实现了一步千年的历史性跨越",
    "成千上万党员干部",
    "四川省白村",
    "国发〔2018〕39号",
    "服务电话:0371-61177826 手机:18537139995",
    "豫ICP备17043619号",
    "一定的陌生感，统一领导，进一步明晰，一切从实际出发，又一次变革，一批群众，一项壮举",
    "十分突出，百姓所盼，千方百计",
    "C919大飞机，5G用户",
    "党的十九大和十九届二中、三中全会",
    "增强“四个意识”、坚定“四个自信”、做到“两个维护”",
    "《关于打赢脱贫攻坚战三年行动的指导意见》",
    "深入推进“3个100万”",
    "2015年11月27日召开会议，2018年进入高峰",
    "五年多来，各地配套建设",
    "“十三五”以来",
    "千百年来荒凉干旱",
    "五年共投资，五年累计投入",
    "伍家台，陆家嘴，陆续开工",
    "访问 https://www.example.com/search?q=30%25 查询",
    "一百亿万，万万不可",
    "把万家忧乐放在心头，城镇居民每百户拥有",
    "扩大关键零部件进口",
    "第一、二轮中央生态环保督察",
    "突破一批关键核心技术",
    "季度居全国前10位",
    "稳步推进土地二轮延包",
    "今明两年要解决好饮水困难",
    "一百年前，十月革命",
]
# fmt: on


@pytest.mark.parametrize("text,expected", FORMS)
def test_forms(text, expected):
    assert table(text) == expected


@pytest.mark.parametrize("text,expected", RANGES)
def test_ranges(text, expected):
    (q,) = quantities(text)
    assert (q.text, q.unit, q.lower, q.upper, q.value, q.qualifier) == expected + (None, "range")


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(text):
    assert table(text) == []


def test_bounds_carry_the_value():
    (q,) = quantities("超过1万亿元")
    assert (q.lower, q.upper) == (1_000_000_000_000, None)
    (q,) = quantities("不超过3000元")
    assert (q.lower, q.upper) == (None, 3000)


# fmt: off
INDICATORS = [
    ("全国累计建成集中安置点约3.5万个，建设安置住房266万余套", ["建成集中安置点", "建设安置住房"]),
    ("人均住房面积20.8平方米。", ["人均住房面积"]),
    ("实现了3.5万个安置点社区管理服务全覆盖", ["实现了3.5万个安置点社区管理服务全覆盖"]),
    ("达到一定人口规模的3.5万个安置点实现全覆盖", ["安置点实现全覆盖"]),
    # the indicator is the noun phrase measured, never the number itself
    ("国务院先后召开5次全国易地扶贫搬迁现场会", ["全国易地扶贫搬迁现场会"]),
    ("组织开展65个专项行动", ["专项行动"]),
    ("至少有十个突出亮点", ["突出亮点"]),
    ("第五届博览会和第32届大奖赛共有50多个国家和地区参会", ["国家和地区参会"]),
    # each value of a sequence keeps its own subject
    ("规模以上工业增加值增长6.9%，社会消费品零售总额增长2.1%，进出口总额增长3.4%",
     ["规模以上工业增加值增长", "社会消费品零售总额增长", "进出口总额增长"]),
    ("城镇调查失业率平均为5.2%", ["城镇调查失业率"]),
    # names listed before a count are instances of what is counted
    ("中石化特种纤维、宝丰第二套煤制烯烃、创盛碳化硅晶体等1700多个新项目开工", ["新项目开工"]),
    ("石嘴山先进材料等3个平台入选国家重点培育名单", ["平台入选国家重点培育名单"]),
    ("举办文化演艺、体育赛事等促消费活动500余场次", ["促消费活动"]),
    # a list of short terms spells the indicator out
    ("撬动专项建设基金、中长期低息贷款等各类融资资金约5200亿元", ["撬动专项建设基金、中长期低息贷款等各类融资资金"]),
    # a bare verb takes its subject from the clause before
    ("三次产业结构进一步优化，调整为8.3∶41.4∶50.3", ["三次产业结构进一步优化"] * 3),
    # 分别: each value from its own subject to the verb
    ("城镇、农村居民收入分别增长4.8%、5.9%", ["城镇、农村居民收入分别增长", "农村居民收入分别增长"]),
    # ratio terms share the indicator
    ("三次产业结构调整为8.3∶41.4∶50.3", ["三次产业结构调整", "三次产业结构调整", "三次产业结构调整"]),
    ("工业投资占比重从17.9%提升到35.5%", ["工业投资占比重", "工业投资占比重"]),
    ("配套建设道路8.9万公里、污水处理设施5万个", ["配套建设道路", "污水处理设施"]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", INDICATORS)
def test_indicators(text, expected):
    assert [q.indicator.text if q.indicator else None for q in quantities(text)] == expected


def test_time_from_sentence_and_paragraph():
    text = "2018年，进入建设高峰，当年完成280万人。\n五年来，国家共安排中央预算内投资800亿元。"
    got = [(q.text, q.time) for q in quantities(text, published="2021-07-05")]
    assert got == [("280万人", "2018"), ("800亿元", "2016/2020")]


def test_place_and_respectively():
    from analyser.facts import Entity

    text = "贵州、陕西、广西等省区城镇化率分别提升了5个、4.2个、3个百分点。山西省复垦7.13万亩。"
    src = DocumentText.from_text(text)
    places = []
    for name, norm in (("贵州", "贵州省"), ("陕西", "陕西省"), ("广西", "广西壮族自治区"), ("山西省", "山西省")):
        a = text.index(name)
        places.append(Entity(a, a + len(name), name, "PLACE", norm))
    got = [(q.text, q.place) for q in extract_quantities(src, entities=places)]
    assert got == [("5个", "贵州省"), ("4.2个", "陕西省"), ("3个百分点", "广西壮族自治区"), ("7.13万亩", "山西省")]


def test_dates_passed_or_computed_give_the_same():
    text = "截至2020年底，全国组织外出务工392.83万人。"
    src = DocumentText.from_text(text)
    assert extract_quantities(src) == extract_quantities(src, dates=extract_dates(src))
    assert extract_quantities(src)[0].time == "2020-12-31"


def test_only_body_and_robustness():
    text = "点击次数:2175\n正文建设100套。"
    src = DocumentText.from_text(text, body=(text.index("正文"), len(text)))
    assert [q.text for q in extract_quantities(src)] == ["100套"]
    for junk in ("", "一" * 5000, "123456789" * 200, "万亿" * 1000, "%" * 100, "1/0", "百分之"):
        extract_quantities(DocumentText.from_text(junk))


def _score_gold(gold_path: Path, text_path: Path, published: str | None):
    sys.path.insert(0, str(SHARED / "tools"))
    import score  # type: ignore

    from analyser.extract.entities import extract_entities

    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    body = gold["meta"]["body"]
    src = DocumentText.from_text(text, published=published, body=(body["start"], body["end"]))
    dates = extract_dates(src)
    qs = extract_quantities(src, dates=dates, entities=extract_entities(src))
    pred = {"document": {}, "outline": [], "quantities": [q.to_dict() for q in qs]}
    return score.score(gold, pred, text)["quantities"]


def test_seed_gold_quantities():
    if not (SHARED / "tools" / "score.py").exists():
        pytest.skip("../shared not present")
    res = _score_gold(SHARED / "gold" / "seed.gold.json", SHARED / "seed" / "000_29490935b5bb2ea4.txt", "2021-07-05")
    assert res["lenient"]["f1"] >= 0.95
    assert res["value"]["acc"] >= 0.98
    assert res["unit"]["acc"] >= 0.95
    assert res["qualifier"]["acc"] >= 0.95
    assert res["indicator"]["acc"] >= 0.84  # 0.853 (64 of 75)


@pytest.mark.parametrize("gold_path", sorted(GOLD.glob("*.gold.json")), ids=lambda p: p.name)
def test_hand_annotated_windows(gold_path):
    if not (SHARED / "tools" / "score.py").exists():
        pytest.skip("../shared not present")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text_path = SHARED / "corpus-real" / "dev" / gold["document"]["path"].split("/")[-1]
    res = _score_gold(gold_path, text_path, gold["meta"].get("published"))
    assert res["lenient"]["f1"] >= 0.8


# Negated comparisons and legal thresholds, as printed in documents of the archive (gwr_2015,
# gwr_2012, gwr_2009, gwr_2019, gwr_2018, prov_gwr_2026_*, gov_cn_* notices): a negation turns the
# comparison around (不低于 is a lower bound), 满 is a lower bound and 不满/未满 an upper one,
# 及以下 / 及以上 keep their bound.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("城镇新增就业人数不低于900万人，城镇登记失业率控制在4.5%以内",
         ("不低于900万人", "lower_bound", 9_000_000, None)),
        ("城乡居民人均公共卫生服务经费不低于15元，以后逐步提高", ("不低于15元", "lower_bound", 15, None)),
        ("一律按不低于5%的幅度压减一般性支出", ("不低于5%", "lower_bound", 5, None)),
        ("细颗粒物（PM2.5）年平均浓度不高于23微克/立方米", ("不高于23微克/立方米", "upper_bound", None, 23)),
        ("工程建设项目全流程审批时间压缩到不超过120个工作日", ("不超过120个工作日", "upper_bound", None, 120)),
        ("一定要守住全国耕地不少于18亿亩这条红线", ("不少于18亿亩", "lower_bound", 1_800_000_000, None)),
        ("1979年在能源增长不到3％的情况下，工业总产值比上年增长", ("不到3％", "upper_bound", None, 3)),
        ("全面完成存量煤电项目优化改造，关停淘汰10万千瓦及以下燃煤机组",
         ("10万千瓦及以下", "upper_bound", None, 100_000)),
        ("对年营业收入300万元及以上的企业", ("300万元及以上", "lower_bound", 3_000_000, None)),
        ("具有专利代理人资格、年满18周岁、能够在专利代理机构专职工作", ("满18周岁", "lower_bound", 18, None)),
        ("在本单位连续工作满90天的", ("满90天", "lower_bound", 90, None)),
        ("参保缴费不满三年的", ("不满三年", "upper_bound", None, 3)),
        ("未满18周岁的未成年人", ("未满18周岁", "upper_bound", None, 18)),
        ("企业职工基本养老保险参保率不得低于60%", ("不得低于60%", "lower_bound", 60, None)),
        ("加班严禁超过36小时", ("严禁超过36小时", "upper_bound", None, 36)),
        ("每日工作时间不准超过8小时", ("不准超过8小时", "upper_bound", None, 8)),
        ("连续停产时间没有超过6个月的", ("没有超过6个月", "upper_bound", None, 6)),
    ],
)
def test_negated_comparisons_and_thresholds(text, expected):
    found = {q.text: (q.text, q.qualifier, q.lower, q.upper) for q in quantities(text)}
    assert found[expected[0]] == expected


# Bounds of regulations and financing texts: limits before 可/能, caps written as a predicate
# (上限为, 为上限: the marker stays outside the surface), a comparison with a share of something
# (不超过…的30%), a bound after the counted noun, a currency before the amount, 一 in a bound of
# time, and the Traditional forms of all of them.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("单个项目最高可给予50万元补助", ("50万元", "upper_bound", None, 500_000)),
        ("北部都會區最多可容納十五萬人", ("十五萬人", "upper_bound", None, 150_000)),
        ("期限最长可延长至6个月", ("6个月", "upper_bound", None, 6)),
        ("个人贷款上限为三百万元", ("三百万元", "upper_bound", None, 3_000_000)),
        ("每戶每季以一千元為上限", ("一千元", "upper_bound", None, 1000)),
        ("長者生活津貼的資產上限為港幣四十萬元", ("四十萬元", "upper_bound", None, 400_000)),
        ("注册资本不少於港幣一千萬元", ("不少於港幣一千萬元", "lower_bound", 10_000_000, None)),
        ("贴息比例不超过贷款利息的50%", ("50%", "upper_bound", None, 50)),
        ("自有资金不得低于项目总投资的20%", ("20%", "lower_bound", 20, None)),
        ("贷款额度不超过房价的七成", ("七成", "upper_bound", None, 70)),
        ("公營房屋供應目標為三十萬個單位以上，", ("三十萬個", "lower_bound", 300_000, None)),
        ("一年以内、一年至三年的贷款", ("一年以内", "upper_bound", None, 1)),
        ("在两年之内实行", ("两年之内", "upper_bound", None, 2)),
        ("每名學生可獲不多於港幣三萬元資助", ("不多於港幣三萬元", "upper_bound", None, 30_000)),
    ],
)
def test_bounds_of_rules_and_financing(text, expected):
    found = {q.text: (q.text, q.qualifier, q.lower, q.upper) for q in quantities(text)}
    assert found[expected[0]] == expected


# Extreme values are not bounds: 最低 or 最高 right before a number names the value itself.
def test_extreme_values_are_exact():
    assert table("防洪标准由最低五年一遇提高到二十年一遇")[0][3] == "exact"


# fmt: off
UNITS_AND_VALUES = [
    ("审核时间一般不少于5个工作日", [("不少于5个工作日", 5, "工作日", "lower_bound")]),
    ("连续5个季度居全国前列", [("5个季度", 5, "季度", "exact")]),
    ("今年已过去近5个月", [("近5个月", 5, "个月", "approx")]),
    ("加50个基点", [("50个基点", 50, "基点", "exact")]),
    ("补贴标准为500元/人·月", [("500元/人·月", 500, "元/人·月", "exact")]),
    ("最高不超过2000元/人/年", [("不超过2000元/人/年", 2000, "元/人/年", "upper_bound")]),
    ("粮食产量达到四亿零七百多万吨", [("四亿零七百多万吨", 407_000_000, "吨", "lower_bound")]),
    ("原油达到一亿一千四百多万吨", [("一亿一千四百多万吨", 114_000_000, "吨", "lower_bound")]),
    ("按日加收万分之五的滞纳金", [("万分之五", 0.05, "%", "exact")]),
    ("一万分之一", [("一万分之一", 0.0001, "比例", "exact")]),
    # a dollar sign gives the currency; 或以上 / 或以下 are bounds (Hong Kong usage)
    ("政府會撥款$100億", [("$100億", 10_000_000_000, "元", "exact")]),
    ("總開支約港幣$50億", [("約港幣$50億", 5_000_000_000, "元", "approx")]),
    ("另有US$3億", [("US$3億", 300_000_000, "美元", "exact")]),
    ("六十五歲或以上的長者", [("六十五歲或以上", 65, "岁", "lower_bound")]),
    ("十八歲或以下", [("十八歲或以下", 18, "岁", "upper_bound")]),
]


# Ranges of per cents and tenths, and an estimate that a range closes.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("預計經濟增長百分之二至三", ("百分之二至三", "range", 2, 3)),
        ("增长百分之五至百分之八", ("百分之五至百分之八", "range", 5, 8)),
        ("開支增加三至四成", ("三至四成", "range", 30, 40)),
        ("約七十億元至八十億元", ("約七十億元至八十億元", "range", 7_000_000_000, 8_000_000_000)),
    ],
)
def test_ranges_of_shares_and_estimates(text, expected):
    assert [(q.text, q.qualifier, q.lower, q.upper) for q in quantities(text)] == [expected]


def test_a_per_cent_before_a_span_of_years_is_no_range():
    assert [q[0] for q in table("百分之三到五年")] == ["百分之三", "五年"]


# A lower bound closed right after it by an upper bound in the same unit is one range: the fines
# and terms of a regulation (处五千元以上五万元以下的罚款), ages (已满十四周岁不满十六周岁).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("處五千元以上五萬元以下的罰款", ("五千元以上五萬元以下", "range", 5000, 50_000)),
        ("对单位处1万元以上5万元以下的罚款", ("1万元以上5万元以下", "range", 10_000, 50_000)),
        ("处3年以上10年以下有期徒刑", ("3年以上10年以下", "range", 3, 10)),
        ("已满十四周岁不满十六周岁的人", ("满十四周岁不满十六周岁", "range", 14, 16)),
    ],
)
def test_bound_pairs_are_ranges(text, expected):
    found = {q.text: (q.text, q.qualifier, q.lower, q.upper) for q in quantities(text)}
    assert found[expected[0]] == expected


# Days as a time limit (日 is a unit only there: 15日 alone is a day of the month).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("申请人应当在收到通知之日起15日内提交材料", [("15日", 15, "日", "exact")]),
        ("并于六十日内在报纸上公告", [("六十日", 60, "日", "exact")]),
        ("期限不超过30日", [("不超过30日", 30, "日", "upper_bound")]),
        ("本条例自2019年1月1日起施行，每月15日前报送", []),
        ("十五日，国务院召开会议", []),
    ],
)
def test_days_of_a_time_limit(text, expected):
    assert table(text) == expected


def test_bounds_apart_in_a_list_stay_bounds():
    assert [q[3] for q in table("营业收入300万元以上、1000万元以下的企业")] == ["lower_bound", "upper_bound"]

# fmt: on


@pytest.mark.parametrize("text,expected", UNITS_AND_VALUES)
def test_units_and_values_of_rules(text, expected):
    assert table(text) == expected


def test_words_ending_like_a_marker_are_not_markers():
    assert table("节约3000万元")[0][3] == "exact"
    assert table("城市附近2公里")[0][3] == "exact"


# forms first met in the fresh windows (tests/gold/fresh_quantities), each also found elsewhere in the archive
@pytest.mark.parametrize(
    "text, expected",
    [
        ("育儿补贴惠及120余万婴幼儿。", ("120余万", 1_200_000, "人", "lower_bound")),  # the counted noun gives 人
        ("年满3岁至小学入学前处于学前教育阶段的子女。", ("满3岁", 3, "岁", "lower_bound")),  # an age
        ("为全区60岁以上在籍老人发放补贴。", ("60岁以上", 60, "岁", "lower_bound")),
        ("在80000元限额内据实扣除。", ("80000元限额内", 80_000, "元", "upper_bound")),
        ("距离边境25公里范围内的村庄。", ("25公里范围内", 25, "公里", "upper_bound")),
    ],
)
def test_ages_person_nouns_and_limits(text, expected):
    assert expected in table(text)


def test_yidu_is_an_adverb_not_one_degree():
    assert table("以致有的地方和单位一度出现过某些不恰当的作法。") == []
    assert table("我国外贸出口一度出现负增长。") == []


def test_exceeding_the_plan_reports_a_result():
    qs = quantities("新退出政府融资平台346家、超计划19家。")
    assert [(q.text, q.modality) for q in qs if q.text == "19家"] == [("19家", "actual")]
    qs = quantities("计划新增就业900万人。")
    assert [q.modality for q in qs] == ["target"]


@pytest.mark.parametrize("text", ["更好地坚持四项基本原则。", "为实现四个现代化而奋斗。", "以“三个代表”重要思想为指导，坚持两个毫不动摇。"])
def test_numbered_formulations_hold_no_quantity(text):
    assert table(text) == []


# a figure restated exactly after a bound (突破3万亿元、达3.6万亿元: prov_gwr_2026_jiangxi and others of the archive)
def test_a_restated_figure_keeps_the_indicator():
    qs = quantities("地区生产总值突破3万亿元、达3.6万亿元，全市农村居民人均可支配收入突破2万元、达到20793元。")
    assert [(q.text, q.indicator.text) for q in qs] == [
        ("突破3万亿元", "地区生产总值"), ("3.6万亿元", "地区生产总值"),
        ("突破2万元", "农村居民人均可支配收入"), ("20793元", "农村居民人均可支配收入")]
    qs = quantities("完成投资50亿元、达到年度计划的120%。")  # another unit: another measure
    assert qs[1].indicator is None or qs[1].indicator.text != "完成投资"


def test_a_period_frame_ends_where_a_later_date_follows():
    text = ("这五年，我区经济繁荣的基础更加坚实。\n地区生产总值年均增长6%。\n二、“十五五”时期主要任务\n"
            "到2030年，基本建成创新型省份。\n加快建设科技强区，全社会研发经费投入年均增长10%左右。")
    qs = {q.text: q for q in quantities(text, published="2026-01-27")}
    assert qs["6%"].time == "2021/2025"
    assert qs["10%左右"].time != "2021/2025" and qs["10%左右"].modality == "target"


# a bound written after the last value of a list bounds every value of it (1960 report and others)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("亩产皮棉六十斤、八十斤或者一百斤以上的县", ["lower_bound"] * 3),
        ("年营业额100万元、300万元及以下的企业", ["upper_bound"] * 2),
        ("增长5%、失业率控制在5.5%以下", ["exact", "upper_bound"]),  # not a list: a clause apart
        ("建设10个、改造20个以上", ["exact", "lower_bound"]),
    ],
)
def test_a_bound_after_a_list_bounds_every_item(text, expected):
    assert [q.qualifier for q in quantities(text)] == expected


def test_a_horizontal_bar_joins_a_range():
    assert table("发生多次5―6级地震")[0] == ("5―6级", None, "级", "range")


def test_adverbial_clauses_are_passed_over_for_the_subject():
    qs = quantities("粮食每亩平均年产量，在三种不同的地区，分别达到四百斤、五百斤和八百斤。")
    assert [q.indicator.text for q in qs if q.unit == "斤"] == ["粮食每亩平均年产量"] * 3
    qs = quantities("棉花的亩产量在十二年内，按照不同的情况，分别达到四十斤、六十斤和八十斤。")
    assert [q.indicator.text for q in qs if q.unit == "斤"] == ["棉花的亩产量"] * 3


def test_a_verb_of_result_in_a_plan_is_a_target():
    text = ("做好今年工作，重点抓好以下方面。\n积极扩大有效投资。推进2000个省级重点项目、完成投资9800亿元以上。"
            "力争全年完成交通投资2300亿元、能源投资2100亿元。")
    qs = {q.text: q.modality for q in quantities(text, published="2026-02-01")}
    assert qs["9800亿元以上"] == qs["2300亿元"] == qs["2100亿元"] == "target"
    qs = quantities("过去一年，全年完成固定资产投资2300亿元。", published="2026-02-01")
    assert [q.modality for q in qs] == ["actual"]


def test_values_after_a_bare_respectively_pair_with_the_figures_before_it():
    qs = quantities("来华旅游入境总人数达到2690万人次，创汇18.4亿美元，分别为1982年的3.4倍和2.2倍。")
    assert [q.indicator.text for q in qs] == ["来华旅游入境总人数", "创汇", "来华旅游入境总人数", "创汇"]


def test_a_run_of_quantities_shares_the_noun_after_it():
    qs = quantities("实现政策保障兜底。全区96户177人建档立卡贫困人口实现了脱贫。")
    assert [q.indicator.text.startswith("建档立卡贫困人口") for q in qs] == [True, True]


def test_a_count_and_an_amount_in_one_phrase_share_it():
    qs = quantities("为公交公司等19家企业发放社会保险补贴497.1万元，稳定就业岗位2887个。")
    assert "发放社会保险补贴" in qs[1].indicator.text


def test_a_span_of_time_before_the_subject_is_no_part_of_it():
    qs = quantities("五年内国务院提请全国人大常委会审议通过的法律有30项。")
    assert qs[-1].indicator.text == "国务院提请全国人大常委会审议通过的法律"


def test_a_demonstrative_takes_up_the_phrase_it_refers_to():
    qs = quantities("第一是现代工业的产值在工农业总产值中的比重迅速上升。在1949年，这个比重大约是17%，而在1954年预计将近33%。")
    assert [q.indicator.text for q in qs if q.unit == "%"] == ["现代工业的产值在工农业总产值中的比重"] * 2
    qs = quantities("太原热电站建设工程的浪费情况是一个例子。这个工程因为盲目采购材料而积压资金144亿余元。")
    assert qs[-1].indicator.text.startswith("这个工程因为")  # words of its own: kept


def test_a_comparison_base_is_no_part_of_the_indicator():
    qs = quantities("生产资料的产值在工业总产值中的比重，在1954年将由1949年的28.8%上升为42.3%。")
    assert [q.indicator.text for q in qs if q.unit == "%"] == ["生产资料的产值在工业总产值中的比重"] * 2
    qs = quantities("电力108亿度，等于1949年的2.5倍。")
    assert qs[-1].indicator is not None


def test_a_place_alone_before_a_measure_names_it():
    qs = quantities("1996年，我国相继发生了1996年2月3日云南丽江7.0级、1996年3月19日新疆阿图什6.9级、1996年5月3日内蒙古包头西6.4级地震。")
    assert qs[1].indicator.text == "新疆阿图什"
    assert all(q.text not in q.indicator.text for q in qs)  # never the number itself


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("做好今年工作，重点抓好以下五项工作：", "工作"),  # a count announcing a list counts the noun after it
        ("第六条　父母可以选择由其中一方按扣除标准的100%扣除。", "父母可以选择由其中一方按扣除标准"),  # no article marker
        ("今年赤字率拟按3%安排。", "赤字率"),  # no preposition at the end
    ],
)
def test_markers_and_announcements_are_no_part_of_the_indicator(text, expected):
    assert quantities(text)[0].indicator.text == expected


def test_spans_of_time_shares_and_list_separators_in_indicators():
    qs = quantities("五年间全国通过各种方式使用国外贷款153.8亿美元。")
    assert qs[-1].indicator.text == "各种方式使用国外贷款"
    qs = quantities("已经有二亿八千六百七十七万亩粮食耕地，占全国现有十二亿亩粮食耕地的百分之二十四。")
    assert qs[1].indicator.text == "粮食耕地"  # in the object of 占: the noun after, without its 的
    qs = quantities("亩产皮棉达到一百斤以上的有四十五个县、七百六十一万三千亩棉田。")
    assert qs[-1].indicator.text == "棉田"  # never across the list separator
