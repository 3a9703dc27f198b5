from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_scorer
from hypothesis import given, settings
from hypothesis import strategies as st

from analyser.extract.outline import extract_outline
from analyser.extract.outline.markers import cn_number
from analyser.text.document import DocumentText

ROOT = Path(__file__).resolve().parents[3]
SHARED = (ROOT / ".." / "shared").resolve()
OWN_GOLD = ROOT / "tests" / "gold" / "outline"


def flat(nodes, depth=1):
    """(kind, level, marker, number, heading) of every node, depth first."""
    out = []
    for n in nodes:
        assert n.level == depth
        out.append((n.kind, n.level, n.marker.text, n.number, n.heading.text if n.heading else None))
        out.extend(flat(n.children, depth + 1))
    return out


def outline(text: str):
    return flat(extract_outline(DocumentText.from_text(text)))


# fmt: off
FAMILIES = [
    # section markers 一、 … 十二、 (marker with its 、, heading = the title)
    ("一、总体要求\n正文。\n二、主要任务\n正文。",
     [("section", 1, "一、", 1, "总体要求"), ("section", 1, "二、", 2, "主要任务")]),
    ("十一、开拓投融资渠道\n正文。\n十二、坚持党的领导\n正文。",
     []),  # a run must start at one
    ("一、甲\n二、乙\n三、丙\n四、丁\n五、戊\n六、己\n七、庚\n八、辛\n九、壬\n十、癸\n十一、子\n十二、丑",
     [("section", 1, m + "、", i + 1, h) for i, (m, h) in enumerate(zip(
         ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"],
         ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑"]))]),
    ("一　引言\n正文。\n二　經濟發展\n正文。",  # numeral and a space on a short title line
     [("section", 1, "一", 1, "引言"), ("section", 1, "二", 2, "經濟發展")]),
    ("一、工業\n甲、重工業\n內容。\n乙、輕工業\n內容。\n二、農業\n內容。",
     [("section", 1, "一、", 1, "工業"), ("item", 2, "甲、", 1, "重工業"), ("item", 2, "乙、", 2, "輕工業"),
      ("section", 1, "二、", 2, "農業")]),
    # 第一章 / 第一节 / 第一部分 / 第一条
    ("第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全省。\n第二章 附则\n第三条 本办法自发布之日起施行。",
     [("section", 1, "第一章", 1, "总则"),
      ("item", 2, "第一条", 1, "为了规范管理，制定本办法"), ("item", 2, "第二条", 2, "本办法适用于全省"),
      ("section", 1, "第二章", 2, "附则"), ("item", 2, "第三条", 3, "本办法自发布之日起施行")]),
    ("第一部分 形势\n第一节 成就\n正文。\n第二节 问题\n第二部分 任务\n正文。",
     [("section", 1, "第一部分", 1, "形势"), ("item", 2, "第一节", 1, "成就"),
      ("item", 2, "第二节", 2, "问题"), ("section", 1, "第二部分", 2, "任务")]),  # sections are top-level only
    ("壹、前言\n正文。\n贰、成果\n一、经济\n（一）产业转型。\n（二）投资。\n二、社会\n正文。",  # Taiwan: 壹、 > 一、 > （一）
     [("section", 1, "壹、", 1, "前言"), ("section", 1, "贰、", 2, "成果"), ("item", 2, "一、", 1, "经济"),
      ("item", 3, "（一）", 1, "产业转型"), ("item", 3, "（二）", 2, "投资"), ("item", 2, "二、", 2, "社会")]),
    # （一）(一 ) (1) （1） with full- and half-width brackets and the stray spaces of HK texts
    ("（一）指导思想。全面贯彻。\n（二）目标任务。到2020年。",
     [("item", 1, "（一）", 1, "指导思想"), ("item", 1, "（二）", 2, "目标任务")]),
    ("(一 )政策目標\n內容。\n(二 )政策措施\n內容。",
     [("item", 1, "(一 )", 1, "政策目標"), ("item", 1, "(二 )", 2, "政策措施")]),
    ("(1)加强领导。\n(2)强化保障。", [("item", 1, "(1)", 1, "加强领导"), ("item", 1, "(2)", 2, "强化保障")]),
    ("（1）加强领导。\n（2）强化保障。", [("item", 1, "（1）", 1, "加强领导"), ("item", 1, "（2）", 2, "强化保障")]),
    # 1. 1、 1．
    ("1. 总体目标。到2025年。\n2. 重点任务\n3. 保障措施",
     [("item", 1, "1.", 1, "总体目标"), ("item", 1, "2.", 2, "重点任务"), ("item", 1, "3.", 3, "保障措施")]),
    ("1、加强组织\n2、加大投入", [("item", 1, "1、", 1, "加强组织"), ("item", 1, "2、", 2, "加大投入")]),
    ("1．加强组织\n2．加大投入", [("item", 1, "1．", 1, "加强组织"), ("item", 1, "2．", 2, "加大投入")]),
    # ① at a line start, and in-line
    ("①稳增长\n②促改革\n③调结构", [("item", 1, "①", 1, "稳增长"), ("item", 1, "②", 2, "促改革"), ("item", 1, "③", 3, "调结构")]),
    ("重点是：①稳增长。②促改革。", [("point", 1, "①", 1, "稳增长"), ("point", 1, "②", 2, "促改革")]),
    ("办好实事。（1）新增学位1万个。（2）新建医院2所。",
     [("point", 1, "（1）", 1, "新增学位1万个"), ("point", 1, "（2）", 2, "新建医院2所")]),
    ("主要措施有：1.加强组织领导；2.完善政策体系。3、强化督查。",
     [("point", 1, "1.", 1, "加强组织领导"), ("point", 1, "2.", 2, "完善政策体系"), ("point", 1, "3、", 3, "强化督查")]),
    # in-paragraph points: 一是…二是…, 一要…二要…, 第一，…第二，…, 第一是…, 首先…其次…最后
    ("主要做了以下工作。\n一是强化顶层设计。按照要求。\n二是创新筹资方式。引入资金。",
     [("point", 1, "一是", 1, "强化顶层设计"), ("point", 1, "二是", 2, "创新筹资方式")]),
    ("要处理好三个关系：一要统筹好国内与国际的关系，凝心聚力。二要平衡好稳增长与防风险的关系。三要处理好政府与市场的关系。",
     [("point", 1, "一要", 1, "统筹好国内与国际的关系，凝心聚力"), ("point", 1, "二要", 2, "平衡好稳增长与防风险的关系"),
      ("point", 1, "三要", 3, "处理好政府与市场的关系")]),
    ("第一，坚持党的领导。这是根本。第二，坚持人民立场。第三，坚持改革开放。",
     [("point", 1, "第一，", 1, "坚持党的领导"), ("point", 1, "第二，", 2, "坚持人民立场"), ("point", 1, "第三，", 3, "坚持改革开放")]),
    ("值得注意的地方。第一是比重迅速上升。第二是產值增加。",
     [("point", 1, "第一是", 1, "比重迅速上升"), ("point", 1, "第二是", 2, "產值增加")]),
    ("首先，要统一思想。其次，要加强领导。再次，要完善制度。最后，要狠抓落实。",
     [("point", 1, "首先，", 1, "要统一思想"), ("point", 1, "其次，", 2, "要加强领导"),
      ("point", 1, "再次，", 3, "要完善制度"), ("point", 1, "最后，", 4, "要狠抓落实")]),
    ("一是稳增长；二是促改革；三是惠民生。",  # no 。 between points: a heading stops at the next marker
     [("point", 1, "一是", 1, "稳增长"), ("point", 1, "二是", 2, "促改革"), ("point", 1, "三是", 3, "惠民生")]),
    # bullet lines
    ("取得新成绩。\n——经济总体回升向好。增长5%。\n——民生保障有力有效。收入增长。",
     [("item", 1, "——", 1, "经济总体回升向好"), ("item", 1, "——", 2, "民生保障有力有效")]),
    # Traditional script
    ("一、工作歷程\n內容。\n二、主要成效\n內容。",
     [("section", 1, "一、", 1, "工作歷程"), ("section", 1, "二、", 2, "主要成效")]),
]

FALSE_FRIENDS = [
    "村里的第一书记带领群众脱贫。第一书记要驻村。",
    "根据宪法第八、第九两条的规定，依法办事。",
    "做到一是一、二是二，实事求是。",
    "主要任务有三项。一、二、三产业融合发展。\n一、二、三产业协调。",
    "我们必须坚持一、二两个原则，推进工作。",
    "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理",
    "政府工作报告\n——二〇二四年三月五日在大会上\n——在全省经济工作会议上的讲话",
    "实施“五个一批”工程，推进“一带一路”，实现一二三产业融合。",
    "问题之一是计划性不足。统一是前提。",
    "坚持质量第一、效益优先，推动发展。",
    "2015年，完成政策设计；2016年，全面启动项目建设。",
    "全年增长1.5%。\n1.5亿元用于建设。",
    "时间是：1、2月份。投入：2.5亿元。",
    "甲、乙双方签订合同。\n乙、丙两方另行约定。",
    "贯彻会议精神①，落实工作要求②。",  # note marks
    "——只有一行破折号开头的文字。",
    "首先要明确目标。我们要坚持下去。",
    "二、主要任务\n三、保障措施",  # does not start at one
    "二是加强管理。三是完善制度。",  # does not start at one
    "一 年来我们做了很多工作，取得了很大的成绩。\n二 是加强领导，完善制度。",  # a numeral and a space in prose
]
# fmt: on


@pytest.mark.parametrize("text,expected", FAMILIES)
def test_marker_families(text: str, expected: list) -> None:
    assert outline(text) == expected


@pytest.mark.parametrize("text", FALSE_FRIENDS)
def test_false_friends(text: str) -> None:
    assert outline(text) == []


def test_nesting_by_family() -> None:
    text = (
        "一、总体要求\n（一）指导思想\n1. 坚持党的领导。\n（1）加强组织。\n（2）健全制度。\n2. 坚持改革。\n"
        "（二）基本原则\n——坚持农民主体地位。\n——坚持城乡融合发展。\n二、重点任务\n内容。"
    )
    nodes = extract_outline(DocumentText.from_text(text))
    assert [n.marker.text for n in nodes] == ["一、", "二、"]
    (one, two) = nodes[0].children
    assert [c.marker.text for c in one.children] == ["1.", "2."]
    assert [c.marker.text for c in one.children[0].children] == ["（1）", "（2）"]
    assert [(c.marker.text, c.number) for c in two.children] == [("——", 1), ("——", 2)]
    assert nodes[0].end <= nodes[1].start


def test_numbering_runs_on_across_sections() -> None:
    text = "一、甲\n（一）子。\n（二）丑。\n二、乙\n（三）寅。\n（四）卯。"
    nodes = extract_outline(DocumentText.from_text(text))
    assert [[(c.marker.text, c.number) for c in s.children] for s in nodes] == [
        [("（一）", 1), ("（二）", 2)],
        [("（三）", 3), ("（四）", 4)],
    ]


def test_points_nest_inside_items() -> None:
    text = "一、任务\n（一）稳增长\n导语。\n一是扩大投资。内容。\n二是促进消费。内容。\n（二）促改革\n一是深化改革。\n二是扩大开放。\n二、要求\n"
    sec = extract_outline(DocumentText.from_text(text))[0]
    assert [[(p.kind, p.marker.text, p.level) for p in it.children] for it in sec.children] == [
        [("point", "一是", 3), ("point", "二是", 3)],
        [("point", "一是", 3), ("point", "二是", 3)],
    ]


def test_point_marker_alone_on_its_line() -> None:
    text = "一、回顾\n主要问题是：\n一是\n调价项目比较多。影响较大。\n二是\n农业投入不足。\n二、任务\n内容。"
    assert outline(text) == [
        ("section", 1, "一、", 1, "回顾"),
        ("point", 2, "一是", 1, "调价项目比较多"),
        ("point", 2, "二是", 2, "农业投入不足"),
        ("section", 1, "二、", 2, "任务"),
    ]
    nodes = extract_outline(DocumentText.from_text(text))
    first = nodes[0].children[0]
    assert text[first.start:first.end] == "一是\n调价项目比较多。影响较大。"


@pytest.mark.parametrize("text", ["一是\n\n\n\n。二是\n", "说明如下。一是\n二是\n", "一是\n——甲。\n二是\n——乙。"])
def test_lone_markers_need_text_after_them(text: str) -> None:
    assert [n for n in outline(text) if n[0] == "point"] == []


def test_first_point_said_with_shouxian() -> None:
    text = "要深化改革。首先要增加投入。今年多安排资金。二是保护耕地。三是搞好开发。"
    assert outline(text) == [
        ("point", 1, "首先", 1, "要增加投入"),
        ("point", 1, "二是", 2, "保护耕地"),
        ("point", 1, "三是", 3, "搞好开发"),
    ]
    # 首先 … 其次 stays its own run; a 二是 run without a first member is no run
    assert [n[2] for n in outline("首先要稳。二是要进。其次要好。")] == ["首先", "其次"]
    assert outline("工作很多。二是保护耕地。三是搞好开发。") == []


def test_a_lone_marker_is_not_a_sequence() -> None:
    assert outline("一、总体要求\n内容。") == []
    assert outline("要做到：一是加强领导。然后继续。") == []


def test_document_without_sections() -> None:
    text = "各位代表：\n工业发展很快。第一是比重上升。第二是结构改善。\n总之，成绩很大。"
    nodes = extract_outline(DocumentText.from_text(text))
    assert [(n.kind, n.level, n.marker.text) for n in nodes] == [("point", 1, "第一是"), ("point", 1, "第二是")]


LONG = "全省上下坚决贯彻党中央决策部署，经济社会发展取得新的成绩，人民生活水平持续提高。"


def test_unnumbered_title_lines_are_sections() -> None:
    text = f"各位代表：\n“十四五”时期工作回顾\n{LONG}\n——这是追赶进位的五年。{LONG}\n——这是扬优聚势的五年。\n2026年重点工作\n{LONG}\n（一）扩大有效需求\n{LONG}\n（二）建设产业体系\n{LONG}"
    nodes = extract_outline(DocumentText.from_text(text))
    assert [(n.kind, n.number, n.marker.text, n.heading.text) for n in nodes] == [
        ("section", 1, "", "“十四五”时期工作回顾"), ("section", 2, "", "2026年重点工作")]
    assert [c.marker.text for c in nodes[0].children] == ["——", "——"]
    assert [c.marker.text for c in nodes[1].children] == ["（一）", "（二）"]
    assert nodes[0].end <= nodes[1].start


def test_numbered_paragraphs_under_unnumbered_titles() -> None:
    para = "本屆政府上任以來，我們一直以民為本，積極推動經濟發展，改善民生，各項工作取得了一定的成效。"
    text = f"主席女士：\n1. {para}\n引言\n2. {para}\n經濟發展\n(一 ) 土地供應\n3. {para}\n(二 ) 房屋\n4. {para}\n扶貧\n5. {para}"
    nodes = extract_outline(DocumentText.from_text(text))
    assert [(n.kind, n.marker.text, n.heading.text[:4]) for n in nodes] == [
        ("item", "1.", "本屆政府"), ("section", "", "引言"), ("section", "", "經濟發展"), ("section", "", "扶貧")]
    assert [c.marker.text for c in nodes[2].children] == ["(一 )", "(二 )"]
    assert [c.number for c in nodes[2].children[0].children] == [3]
    assert nodes[0].end < nodes[1].start and nodes[1].end < nodes[2].start


@pytest.mark.parametrize("text", [
    # a link split onto its own line inside a sentence (Wikisource transcriptions)
    f"在聽了劉少奇同志\n關於憲法草案的報告\n並進行了三天的討論以後，{LONG}\n通過了根本法——\n中華人民共和國憲法\n，接着，{LONG}",
    # one title line alone
    f"各位代表：\n工作回顾\n{LONG}\n{LONG}",
    # numbered sections present: short lines are not titles
    f"一、总体要求\n{LONG}\n工作原则\n{LONG}\n二、主要任务\n{LONG}\n保障措施\n{LONG}",
])
def test_not_title_lines(text: str) -> None:
    assert all(n.marker.text for n in extract_outline(DocumentText.from_text(text)))


def test_body_limits_the_outline() -> None:
    text = "一、页眉\n二、页眉\n正文开始。\n一、总体要求\n二、主要任务"
    body = (text.index("正文"), len(text))
    nodes = extract_outline(DocumentText.from_text(text, body=body))
    assert [n.heading.text for n in nodes] == ["总体要求", "主要任务"]


def test_spans_and_order() -> None:
    text = "前言。\n一、总体要求\n一是强化设计。二是创新方式。\n二、主要任务\n（一）稳增长。\n（二）促改革。"
    nodes = extract_outline(DocumentText.from_text(text))

    def walk(ns):
        for n in ns:
            yield n
            yield from walk(n.children)

    all_nodes = list(walk(nodes))
    for n in all_nodes:
        assert text[n.marker.start:n.marker.end] == n.marker.text
        assert n.heading is None or text[n.heading.start:n.heading.end] == n.heading.text
        assert n.start <= n.marker.start < n.end <= len(text)
        assert [c.start for c in n.children] == sorted(c.start for c in n.children)
    assert [n.start for n in nodes] == sorted(n.start for n in nodes)


@pytest.mark.parametrize("s,value", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("九十九", 99), ("一百零五", 105), ("", None), ("第", None)])
def test_cn_number(s: str, value: int | None) -> None:
    assert cn_number(s) == value


@pytest.mark.parametrize("text", ["", "\n\n", "没有标点的一行文字" * 2000, "一、" * 5000, "（" * 3000, "一是" * 3000, "——\n" * 2000])
def test_never_crashes(text: str) -> None:
    extract_outline(DocumentText.from_text(text))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["一、", "（一）", "（二）", "二、", "一是", "二是", "1.", "2.", "——", "第一，", "第二，",
                                 "甲乙", "。", "，", "\n", " ", "①", "②", "（1）", "（2）", "首先", "其次"]), max_size=40))
def test_random_marker_soup(parts: list[str]) -> None:
    text = "".join(parts)
    nodes = extract_outline(DocumentText.from_text(text))
    stack = list(nodes)
    while stack:
        n = stack.pop()
        assert text[n.marker.start:n.marker.end] == n.marker.text
        assert n.heading is None or text[n.heading.start:n.heading.end] == n.heading.text
        assert n.number >= 1
        stack.extend(n.children)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text(text: str) -> None:
    for n in extract_outline(DocumentText.from_text(text)):
        assert text[n.marker.start:n.marker.end] == n.marker.text


# --- scored against the hand annotations (skipped without ../shared) ---------------------------

def _golds() -> list[Path]:
    shared = [SHARED / "gold" / "seed.gold.json", *sorted((SHARED / "gold" / "dev").glob("*.gold.json"))]
    return [p for p in shared if p.exists()] + sorted(OWN_GOLD.glob("*.gold.json"))


def _score_module():
    return shared_scorer()


@pytest.mark.parametrize("gold_path", _golds(), ids=lambda p: p.name.split(".")[0])
def test_outline_against_gold(gold_path: Path) -> None:
    from analyser.reading import read_path

    score = _score_module()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rel = gold["document"]["path"]
    doc_path = SHARED / rel.split("shared/", 1)[1]
    if not doc_path.exists():
        pytest.skip(f"{doc_path} not present")
    decoded = read_path(doc_path)
    body = gold["meta"].get("body") or {}
    kwargs = {"body": (body["start"], body["end"])} if "start" in body else {}
    src = DocumentText.from_text(decoded.text, **kwargs)
    pred = {
        "document": {"text": decoded.text, "format": decoded.format},
        "outline": [n.to_dict() for n in extract_outline(src)],
    }
    res = score.score(gold, pred, decoded.text)
    assert res["offsets"]["wrong"] == 0
    sections = res["outline_sections"]
    assert sections["found"] == sections["gold"]
    points = res["outline_points"]
    if points["gold"]:
        assert points["f1"] >= 0.95, points
        assert points["heading_acc"] >= 0.95, points
        assert points["number_acc"] >= 0.95, points
    else:
        assert points["pred"] == 0, points
    if "outline_items" in res:
        items = res["outline_items"]
        assert items["f1"] >= 0.95, items
        assert items["heading_acc"] >= 0.95, items
    if gold_path.name == "seed.gold.json":
        assert (points["f1"], points["heading_acc"], sections["found"]) == (1.0, 1.0, 3)
