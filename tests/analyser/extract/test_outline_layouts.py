"""Outline layouts of other eras and places: numbered title lines as sections, 第一、 titles, points
alone on their lines, speeches with unnumbered titles (Hong Kong and Taiwan layouts, Traditional
script), regulations whose articles hold 一、 lists, glossaries and notes after the body.

The texts are written for these tests; they imitate layouts, not any one document.
"""
from __future__ import annotations

import pytest

from analyser.extract.outline import extract_outline
from analyser.text.document import DocumentText

LONG = "全省上下坚决贯彻党中央决策部署，经济社会发展取得新的成绩，人民生活水平持续提高。"
LONG_T = "本港經濟在過去一年穩步復蘇，各行各業逐步回復活力，市民生活亦有所改善，政府會繼續努力。"


def lines(*parts: str) -> str:
    return "\n".join(parts)


def tree(text: str) -> list[tuple]:
    """(depth, kind, number, marker, heading) of every node, depth first."""
    out: list[tuple] = []

    def walk(nodes, depth):
        for n in nodes:
            assert text[n.marker.start:n.marker.end] == n.marker.text
            assert n.heading is None or text[n.heading.start:n.heading.end] == n.heading.text
            out.append((depth, n.kind, n.number, n.marker.text, n.heading.text if n.heading else None))
            walk(n.children, depth + 1)

    walk(extract_outline(DocumentText.from_text(text)), 1)
    return out


def test_numbered_title_lines_divide_a_report_without_section_markers() -> None:
    # （一）… on title lines are the report's sections; its 第一、 title lines are items, the
    # （１）… lines items of those, and 第一，⏎… (the marker alone on its line) points.
    text = lines(
        "各位代表：", LONG,
        "（一）一九五七年的胜利", LONG, LONG, "先说工业战线上的情况", LONG,
        "（二）一九五八年的计划安排", LONG,
        "第一、关于基本建设", LONG, LONG,
        "第二、关于文化教育", LONG,
        "（１）有步骤地实行半工半读的教育制度。", "（２）继续发展群众办学。", LONG,
        "（三）厉行节约，反对浪费", LONG,
        "第一，", "修订基本建设工作的有关制度。", "第二，", "加强经济核算的工作。", LONG,
    )
    assert tree(text) == [
        (1, "section", 1, "（一）", "一九五七年的胜利"),
        (1, "section", 2, "（二）", "一九五八年的计划安排"),
        (2, "item", 1, "第一、", "关于基本建设"),
        (2, "item", 2, "第二、", "关于文化教育"),
        (3, "item", 1, "（１）", "有步骤地实行半工半读的教育制度"),
        (3, "item", 2, "（２）", "继续发展群众办学"),
        (1, "section", 3, "（三）", "厉行节约，反对浪费"),
        (2, "point", 1, "第一，", "修订基本建设工作的有关制度"),
        (2, "point", 2, "第二，", "加强经济核算的工作"),
    ]


def test_short_numbered_lines_stay_items() -> None:
    # a list of short titled items, one paragraph each, is not a division into sections
    assert [n[1] for n in tree("（一）部门委员\n张三\n（二）专家委员\n李四")] == ["item", "item"]


def test_ordinal_title_lines_sit_under_the_heading_before_them() -> None:
    text = lines(
        "过去五年的回顾", LONG, LONG,
        "今后五年的主要任务", LONG,
        "（一）关于经济建设", LONG,
        "第一、大力提高经济效益，积极扩大财源", LONG,
        "第二、正确地确定基本建设的总规模，努力保证重点建设的资金需要，大力提高投资效果", LONG,
        "（二）关于经济体制改革", LONG,
    )
    assert tree(text) == [
        (1, "section", 1, "", "过去五年的回顾"),
        (1, "section", 2, "", "今后五年的主要任务"),
        (2, "item", 1, "（一）", "关于经济建设"),
        (3, "item", 1, "第一、", "大力提高经济效益，积极扩大财源"),
        (3, "item", 2, "第二、", "正确地确定基本建设的总规模，努力保证重点建设的资金需要，大力提高投资效果"),
        (2, "item", 2, "（二）", "关于经济体制改革"),
    ]


def test_ordinal_lines_with_sentences_are_points() -> None:
    text = f"一、回顾\n{LONG}\n第一，调整和优化农业结构。\n{LONG}\n第二，加强农业基本建设。\n{LONG}\n二、任务\n{LONG}"
    assert [(n[1], n[3]) for n in tree(text)] == [
        ("section", "一、"), ("point", "第一，"), ("point", "第二，"), ("section", "二、")]


def test_unnumbered_titles_with_point_lines_and_lead_sentences() -> None:
    # the summary of a report: three titled parts; bold lead sentences (a long line with a comma)
    # are not titles, nor are the lone markers 第一，; a title may be followed by a short sentence
    text = lines(
        LONG,
        "国民经济的成就和今后的建设任务", LONG,
        "调整国民经济的任务已经基本完成，国民经济已经全面好转，并将进入一个新的发展时期", LONG,
        "第一，", "农业生产前两年连续增产。", "第二，", "工业生产有了新的发展。",
        "社会主义革命和统一战线", "报告的第二部分是关于统一战线的问题。", LONG,
        "国际形势和对外工作", "同志们！", LONG,
    )
    assert tree(text) == [
        (1, "section", 1, "", "国民经济的成就和今后的建设任务"),
        (2, "point", 1, "第一，", "农业生产前两年连续增产"),
        (2, "point", 2, "第二，", "工业生产有了新的发展"),
        (1, "section", 2, "", "社会主义革命和统一战线"),
        (1, "section", 3, "", "国际形势和对外工作"),
    ]


def test_hong_kong_speech_with_unnumbered_titles() -> None:
    text = lines(
        "主席女士、各位議員：", LONG_T,
        "經濟概況", LONG_T, LONG_T,
        "房屋與土地", LONG_T,
        "(一 ) 增加土地供應", LONG_T,
        "(二 ) 公營房屋", LONG_T,
        "扶貧、安老、助弱", LONG_T,
        "結語", LONG_T,
    )
    assert tree(text) == [
        (1, "section", 1, "", "經濟概況"),
        (1, "section", 2, "", "房屋與土地"),
        (2, "item", 1, "(一 )", "增加土地供應"),
        (2, "item", 2, "(二 )", "公營房屋"),
        (1, "section", 3, "", "扶貧、安老、助弱"),
        (1, "section", 4, "", "結語"),
    ]


def test_taiwan_capital_numerals() -> None:
    text = lines("壹、前言", LONG_T, "貳、施政成果", "一、經濟發展", LONG_T, "二、社會福利", LONG_T, "參、未來展望", LONG_T)
    assert tree(text) == [
        (1, "section", 1, "壹、", "前言"),
        (1, "section", 2, "貳、", "施政成果"),
        (2, "item", 1, "一、", "經濟發展"),  # only top-level divisions are sections
        (2, "item", 2, "二、", "社會福利"),
        (1, "section", 3, "參、", "未來展望"),
    ]


def test_articles_hold_their_lists() -> None:
    text = lines(
        "第一條　為保障居民安全，特訂定本要點。",
        "第二條　補助項目如下：", "一、遷居安置補助。", "二、租金補助。",
        "第三條　申請人應檢具下列文件：", "一、申請書。", "二、戶口名簿影本。",
        "第四條　本要點自發布日施行。",
    )
    assert [(d, k, m) for d, k, _, m, _ in tree(text)] == [
        (1, "item", "第一條"),
        (1, "item", "第二條"), (2, "item", "一、"), (2, "item", "二、"),
        (1, "item", "第三條"), (2, "item", "一、"), (2, "item", "二、"),
        (1, "item", "第四條"),
    ]


def test_sections_before_articles_stay_sections() -> None:
    text = "一、总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全省。\n二、附则\n第三条 本办法自发布之日起施行。"
    assert [(d, k, m) for d, k, _, m, _ in tree(text)] == [
        (1, "section", "一、"), (2, "item", "第一条"), (2, "item", "第二条"), (1, "section", "二、"), (2, "item", "第三条")]


def test_glossary_and_notes_after_the_body_are_not_the_outline() -> None:
    body = f"一、回顾\n{LONG}\n二、任务\n{LONG}\n各位代表！让我们团结奋斗。\n"
    annex = "附件1\n十件民生实事\n一、提高低保标准\n内容。\n二、建设托育机构\n内容。\n"
    glossary = "附件2\n名词解释\n1.“四上”企业：指规模以上企业。\n2.“双一流”：指一流大学和一流学科。\n"
    notes = "注释\n①列宁：《全集》第26卷。\n②毛泽东：《选集》第1卷。\n"
    marks = [n[3] for n in tree(body + annex + glossary + notes)]
    assert marks == ["一、", "二、", "一、", "二、"]  # the annex is part of the document
    assert [n[3] for n in tree(body + notes)] == ["一、", "二、"]


def test_notes_inside_the_body_do_not_end_it() -> None:
    text = f"一、回顾\n{LONG}\n注：\n1.单位：万元。\n2.数据为初步统计。\n二、任务\n{LONG}"
    assert [n[3] for n in tree(text) if n[1] == "section"] == ["一、", "二、"]


def test_order_words_go_on_with_numbers() -> None:
    text = "进行基础设施建设，首先要全面规划。其次，必须确保工程质量。第三，要严禁挪用资金。"
    assert [(n[3], n[2]) for n in tree(text)] == [("首先", 1), ("其次，", 2), ("第三，", 3)]
    # a 首先 alone does not take a later numbered run
    assert [n[3] for n in tree("必须首先立足于内需。工作有三项。一是稳增长。二是促改革。")] == ["一是", "二是"]


def test_traditional_script_gives_the_same_outline() -> None:
    opencc = pytest.importorskip("opencc")
    texts = [
        lines("各位代表：", LONG, "（一）一九五七年的胜利", LONG, LONG, LONG, "（二）一九五八年的计划安排", LONG,
                   "第一、关于基本建设", LONG, "第二、关于文化教育", LONG, "（三）厉行节约，反对浪费", LONG,
                   "第一，", "修订基本建设工作的有关制度。", "第二，", "加强经济核算的工作。", LONG),
        lines(LONG, "国民经济的成就和今后的建设任务", LONG, "第一，", "农业生产连续增产。", "第二，", "工业生产有了新的发展。",
                   "社会主义革命和统一战线", LONG, "首先，要统一思想。其次，要加强领导。第三，要狠抓落实。"),
    ]
    for conversion in ("s2hk", "s2tw"):
        convert = opencc.OpenCC(conversion).convert
        for text in texts:
            traditional = convert(text)
            assert len(traditional) == len(text)
            assert [n[:3] for n in tree(traditional)] == [n[:3] for n in tree(text)]


def test_a_run_restarting_inside_another_is_a_level_below() -> None:
    # 一、二、 then 一、二、三、 then 三、: the inner run sits under 二、 (one marker, two levels)
    text = lines("一、回顾", LONG, "二、方针", LONG, "一、确定适度的增长率", LONG, "二、规定恰当的投资规模", LONG,
                 "三、坚持科技进步", LONG, "三、经济体制改革", LONG, "四、对外政策", LONG)
    assert [(d, n, m) for d, _, n, m, _ in tree(text)] == [
        (1, 1, "一、"), (1, 2, "二、"), (2, 1, "一、"), (2, 2, "二、"), (2, 3, "三、"), (1, 3, "三、"), (1, 4, "四、")]


def test_a_restarted_list_of_sentences_belongs_to_the_node_before_it() -> None:
    text = lines(
        "一、关于工农业生产", LONG, "二、关于财政", LONG,
        "第一、严格控制固定资产投资的总规模", LONG,
        "一、固定资产投资总规模，都必须由国家计委综合平衡。", "二、大中型项目一律由国家计委审批。",
        "第二、坚决调整和全面整顿现有企业", LONG,
    )
    assert [(d, k, m) for d, k, _, m, _ in tree(text)] == [
        (1, "section", "一、"), (1, "section", "二、"),
        (2, "item", "第一、"), (3, "item", "一、"), (3, "item", "二、"), (2, "item", "第二、")]


def test_an_annex_is_not_inside_the_last_item() -> None:
    text = lines(
        "一、回顾", LONG, "二、安排", "（一）扩大内需", LONG, "（二）加强政府建设", LONG, "各位代表！让我们团结奋斗。",
        "附件1", "十件民生实事", "一、提高低保标准。", LONG, "二、建立长期护理保险制度。", LONG,
    )
    assert [(d, k, m) for d, k, _, m, _ in tree(text)] == [
        (1, "section", "一、"), (1, "section", "二、"), (2, "item", "（一）"), (2, "item", "（二）"),
        (1, "section", "一、"), (1, "section", "二、")]


def test_lettered_and_roman_items_under_numbered_paragraphs() -> None:
    # Hong Kong layout: numbered paragraphs under unnumbered titles, with (a) (b) and (i) (ii) lists;
    # a title may follow a list line that ends without punctuation
    text = lines(
        "主席女士：", LONG_T, "經濟發展", LONG_T,
        "1. 政府會採取以下措施：", "(a) 增加土地供應；", "(b) 加快公營房屋建設。",
        "2. " + LONG_T, "(i) 第一項", "(ii) 第二項",
        "房屋", LONG_T,
    )
    assert [(d, k, n, m) for d, k, n, m, _ in tree(text)] == [
        (1, "section", 1, ""), (2, "item", 1, "1."), (3, "item", 1, "(a)"), (3, "item", 2, "(b)"),
        (2, "item", 2, "2."), (3, "item", 1, "(i)"), (3, "item", 2, "(ii)"), (1, "section", 2, "")]


def test_headings_in_two_levels_give_the_upper_ones_as_sections() -> None:
    # budget-speech layout: a heading directly followed by a subheading is the upper one; lone
    # headings after the first pair are subheadings, except an opening or closing division (結語)
    text = lines(
        "主席：", "1.　" + LONG_T, "引言", "2.　" + LONG_T,
        "經濟概況", "本地經濟表現", "3.　" + LONG_T, "經濟展望", "4.　" + LONG_T,
        "公共財政", "收入預算", "5.　" + LONG_T,
        "結語", "6.　" + LONG_T,
    )
    assert [(d, k, n, h) for d, k, n, _, h in tree(text) if k == "section"] == [
        (1, "section", 1, "引言"), (1, "section", 2, "經濟概況"), (1, "section", 3, "公共財政"),
        (1, "section", 4, "結語")]
    assert [n for d, k, n, _, _ in tree(text) if k == "item"] == [1, 2, 3, 4, 5, 6]


def test_runs_of_short_fragment_lines_are_not_headings() -> None:
    # a page that put its links on lines of their own: three short lines in a row are no headings
    text = lines("各位代表：", "形勢", LONG, "黨的全會", "正式明確", "總書記", "的核心地位。" + LONG, "任務", LONG)
    assert [h for _, _, _, _, h in tree(text)] == ["形勢", "任務"]


def test_lines_a_page_broke_count_as_one_paragraph() -> None:
    # 一是…二是 cut by a zero-width line, and a bullet whose words stand on the next line
    text = lines(
        "一、回顧", "——", "改革開放", "深入推進。" + LONG, "——就業增長超出預期。" + LONG,
        "二、任務", "要降低負擔。一是清理基金。二是取消收費35項，收費", "\u200b", "項目再減少一半。三是降低費率。",
    )
    assert [(d, k, n, m, h) for d, k, n, m, h in tree(text)] == [
        (1, "section", 1, "一、", "回顧"), (2, "item", 1, "——", "改革開放"), (2, "item", 2, "——", "就業增長超出預期"),
        (1, "section", 2, "二、", "任務"), (2, "point", 1, "一是", "清理基金"),
        (2, "point", 2, "二是", "取消收費35項，收費"), (2, "point", 3, "三是", "降低費率")]


def test_shouxian_inside_the_first_member_does_not_replace_it() -> None:
    # 第一、 alone on its line, its text on the next, and a 首先 inside that text
    text = lines(
        "一、任务", "要抓好以下工作。", "第一、", "坚持农业为基础。首先要发挥农民的积极性。" + LONG,
        "第二、", "加快轻纺工业的发展。" + LONG,
    )
    assert [(k, n, m) for _, k, n, m, _ in tree(text) if k == "point"] == [
        ("point", 1, "第一、"), ("point", 2, "第二、")]


def test_a_lead_line_run_goes_on_after_a_list_inside_its_first_member() -> None:
    # 第一，…⏎（一）…（二）…⏎第二，…: the second lead line is not inside the last item
    text = lines(
        "一、加快建设", LONG, "第一，全国动员，大办农业", LONG, "（一）抓好商品粮基地。", "（二）开垦荒地。",
        "第二，加快发展基础工业", LONG, "第三，搞好商业工作", LONG, "二、国际形势", LONG,
    )
    assert [(d, k, m) for d, k, _, m, _ in tree(text)] == [
        (1, "section", "一、"), (2, "point", "第一，"), (2, "item", "（一）"), (2, "item", "（二）"),
        (2, "point", "第二，"), (2, "point", "第三，"), (1, "section", "二、")]


def test_a_run_begun_inside_a_paragraph_goes_on_at_paragraph_starts() -> None:
    text = lines(
        "一、政策", "实施积极的财政政策。一是大幅度增加政府支出。" + LONG, LONG,
        "二是实行结构性减税。" + LONG, "三是优化财政支出结构。" + LONG, "二、改革", LONG,
    )
    assert [(k, n, m) for _, k, n, m, _ in tree(text) if k == "point"] == [
        ("point", 1, "一是"), ("point", 2, "二是"), ("point", 3, "三是")]


def test_part_numbers_alone_on_their_lines_are_untitled_sections() -> None:
    # a 1950s report: parts numbered 一 … 四 on lines of their own, no title
    text = lines("各位代表：", "一", LONG, LONG, "二", "下面我首先说一下纲要执行的情况。", LONG,
                 "三", LONG + "第一，收入提高；第二，经济占优势。", "四", LONG)
    assert [(d, k, n, m, h) for d, k, n, m, h in tree(text)] == [
        (1, "section", 1, "一", None), (1, "section", 2, "二", None), (1, "section", 3, "三", None),
        (2, "point", 1, "第一，", "收入提高"), (2, "point", 2, "第二，", "经济占优势"),
        (1, "section", 4, "四", None)]
    assert tree(lines("表一", "一", "二", "三")) == []  # numbers in a column are no parts


def test_a_glossary_heading_with_words_before_it_ends_the_outline() -> None:
    text = lines(
        "一、回顾", LONG, "二、安排", LONG, "各位代表！让我们团结奋斗。",
        "附件", "《政府工作报告》有关内容名词注释", "1.“两重”：国家重大战略实施。", "2.“两新”：设备更新。",
    )
    assert [(k, m) for _, k, _, m, _ in tree(text)] == [("section", "一、"), ("section", "二、")]


def test_articles_and_chapters_numbered_in_digits_with_spaces() -> None:
    # Taiwan regulations: 第 1 章 / 第 1 條; paragraph numbers with a stray space: 1 .
    text = lines("第 1 章　總則", "第 1 條　為協助受災住戶遷居，特訂定本辦法。", "第 2 條　本辦法之主管機關為內政部。",
                 "第 2 章　補助", "第 3 條　補助項目如下：", "1 . 遷居補助。", "2 . 租金補助。")
    assert [(d, k, n, m) for d, k, n, m, _ in tree(text)] == [
        (1, "section", 1, "第 1 章"), (2, "item", 1, "第 1 條"), (2, "item", 2, "第 2 條"),
        (1, "section", 2, "第 2 章"), (2, "item", 3, "第 3 條"), (3, "item", 1, "1 ."), (3, "item", 2, "2 .")]


def test_an_annex_after_a_speech_is_not_its_outline() -> None:
    # a work report delivered as a speech: the list appended after it (附件1 十件民生实事) is back
    # matter; the same annex after a notice stays (see test_an_annex_is_not_inside_the_last_item)
    text = lines(
        "各位代表：", LONG, "一、回顾", LONG, "二、安排", "（一）扩大内需", LONG, "（二）加强政府建设", LONG,
        "各位代表！让我们团结奋斗。", "附件1", "十件民生实事", "一、提高低保标准。", LONG, "二、建立长期护理保险制度。", LONG,
    )
    assert [(d, k, m) for d, k, _, m, _ in tree(text)] == [
        (1, "section", "一、"), (1, "section", "二、"), (2, "item", "（一）"), (2, "item", "（二）")]


def test_shouxian_and_zuihou_framing_a_speech_are_no_run() -> None:
    text = lines(
        "主席：", "首先，我多謝各位議員的意見。" + LONG_T, LONG_T, LONG_T, LONG_T, LONG_T,
        "最後，我再次多謝各位議員。多謝主席。",
    )
    assert tree(text) == []
    near = lines("主席：", "首先，我們會推出補充指引。" + LONG_T, "最後，我們會檢討進度。" + LONG_T)
    assert [m for _, _, _, m, _ in tree(near)] == ["首先，", "最後，"]


def test_bullets_of_three_dashes() -> None:
    # ———抗击非典取得重大胜利。: some reports print the bullet as three dashes
    text = lines("一、回顾", LONG, "———经济快速发展。" + LONG, "———国家财力明显增强。", "———就业超过预期目标。", LONG, "二、安排", LONG)
    assert [(d, k, n, m, h) for d, k, n, m, h in tree(text)][1:-1] == [
        (2, "item", 1, "———", "经济快速发展"), (2, "item", 2, "———", "国家财力明显增强"),
        (2, "item", 3, "———", "就业超过预期目标")]


SIGNED = ("国务院办公厅", "2019年1月16日", "（此件公开发布）")


def test_an_annex_after_the_signature_of_a_document_with_its_own_outline_is_appended_matter() -> None:
    # an opinion with its own sections, then a table of indicators as its annex after the signature
    text = lines(
        "各省、自治区、直辖市人民政府：", LONG, "一、总体要求", LONG, "二、指标体系", LONG, *SIGNED,
        "附件", "三级公立医院绩效考核指标", "一级指标", "二级指标", "一、医疗质量", "（一）功能定位", "1.门诊人次数", "二、运营效率",
    )
    assert [(d, k, m) for d, k, _, m, _ in tree(text)] == [(1, "section", "一、"), (1, "section", "二、")]


def test_the_annex_of_a_covering_letter_is_its_outline() -> None:
    # a reply of a few lines whose annex (the report it answers, a 方案) is the substance
    text = lines(
        "湖北省人民政府：", "你省来文收悉。现将有关意见函复如下，请认真研究落实。", *SIGNED,
        "附件1", "关于地质险情调研情况的报告", "一、基本情况", LONG, "二、处理情况", LONG,
    )
    assert [(d, k, m) for d, k, _, m, _ in tree(text)] == [(1, "section", "一、"), (1, "section", "二、")]


def test_the_paragraph_after_a_list_of_short_lines_is_not_inside_its_last_entry() -> None:
    # （一）…；⏎（二）…；⏎（三）…。 then a paragraph and another list: both lists belong to the section
    text = lines(
        "主席：", "地區治理", LONG_T, "民政事務總署已推行以下項目：", "（一）清理衞生黑點；", "（二）改善屋邨環境；",
        "（三）優化休憩設施。", "另外，政府會從以下方面加強地區設施：", "(a) 增設社區客廳；", "(b) 延長開放時間。",
        "結語", LONG_T,
    )
    assert [(d, m) for d, _, _, m, _ in tree(text)] == [
        (1, ""), (2, "（一）"), (2, "（二）"), (2, "（三）"), (2, "(a)"), (2, "(b)"), (1, "")]
    # entries that are whole paragraphs keep what follows them (…下设三个小组。⏎1.监督组 …)
    long_entries = lines(
        "一、组织形式", "（一）成立工作小组。" + LONG * 2, "（二）成立采购办公室。" + LONG * 2 + "办公室下设两个小组。",
        "1.监督组。负责监督。", "2.专家组。负责评审。", "二、工作安排", LONG,
    )
    assert [(d, m) for d, _, _, m, _ in tree(long_entries)] == [
        (1, "一、"), (2, "（一）"), (2, "（二）"), (3, "1."), (3, "2."), (1, "二、")]


def test_a_point_whose_text_opens_with_yi_is_a_point() -> None:
    # 二是一以贯之…, 三是一些问题…, 第二、一定要…: the numeral opens a word; 一是一、二是二 is an idiom
    text = lines("一、回顾", "我们干好四件大事：一是深入学习。二是一以贯之践行战略。三是一些问题得到解决。" + LONG, "二、任务", LONG)
    assert [m for _, k, _, m, _ in tree(text) if k == "point"] == ["一是", "二是", "三是"]
    rules = lines("一、回顾", "利用外资必须把握三条原则：", "第一、借外债的总额要有控制；", "第二、一定要用在生产建设上；",
                  "第三、利用外资要讲求经济效益。", "二、任务", "坚持一是一、二是二的原则。" + LONG)
    assert [m for _, k, _, m, _ in tree(rules) if k == "point"] == ["第一、", "第二、", "第三、"]
