from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_scorer
from hypothesis import given, settings
from hypothesis import strategies as st

from analyser.extract.citations import doc_type_of, extract_citations, normalize_doc_number
from analyser.text.document import DocumentText

ROOT = Path(__file__).resolve().parents[3]
SHARED = (ROOT / ".." / "shared").resolve()


def cites(text: str, **kwargs):
    src = DocumentText.from_text(text, **kwargs)
    out = extract_citations(src)
    for c in out:
        assert text[c.start:c.end] == c.text
    return out


# fmt: off
TITLES = [
    # text, surfaces, doc types
    ("先后制定《“十三五”时期易地扶贫搬迁工作方案》《全国“十三五”易地扶贫搬迁规划》和《新时期易地扶贫搬迁工作百问百答》",
     ["“十三五”时期易地扶贫搬迁工作方案", "全国“十三五”易地扶贫搬迁规划", "新时期易地扶贫搬迁工作百问百答"],
     ["工作方案", "规划", "问答"]),
    ("印發實施《關于進一步加大易地扶貧搬遷后續扶持工作力度的指導意見》",
     ["關于進一步加大易地扶貧搬遷后續扶持工作力度的指導意見"], ["指导意见"]),
    ("学习《关于〈中共中央关于全面深化改革若干重大问题的决定〉的说明》",
     ["关于〈中共中央关于全面深化改革若干重大问题的决定〉的说明"], [None]),
    ("根据《中国共产党工作机关条例（试行）》", ["中国共产党工作机关条例（试行）"], ["条例"]),
    ("编制了《国民经济和社会发展第十三个五年规划纲要（草案）》", ["国民经济和社会发展第十三个五年规划纲要（草案）"], ["规划纲要"]),
    ("贯彻《中华人民共和国\n乡村振兴促进法》", ["中华人民共和国\n乡村振兴促进法"], ["法"]),
    ("收看《人民日报》评论", ["人民日报"], [None]),
]
# fmt: on


@pytest.mark.parametrize("text,surfaces,types", TITLES)
def test_titles(text, surfaces, types):
    out = cites(text)
    assert [c.text for c in out] == surfaces
    assert [c.doc_type for c in out] == types


def test_title_broken_across_lines_has_title_without_breaks():
    (c,) = cites("贯彻《全国“十三五”易地扶贫\n搬迁规划》要求")
    assert c.title == "全国“十三五”易地扶贫搬迁规划"
    assert c.normalized == "全国“十三五”易地扶贫搬迁规划"


def test_traditional_title_is_normalized_to_simplified():
    (c,) = cites("《全國“十三五”易地扶貧搬遷規劃》")
    assert c.text == "全國“十三五”易地扶貧搬遷規劃"
    assert c.normalized == "全国“十三五”易地扶贫搬迁规划"


# fmt: off
NUMBERS = [
    ("《国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见》（国办发〔2018〕129号）", "国办发〔2018〕129号"),
    ("《国务院关于做好当前和今后一个时期促进就业工作的若干意见》(国发[2018]39号)", "国发〔2018〕39号"),
    ("《关于印发某方案的通知》（发改振兴〔2019〕1156号）", "发改振兴〔2019〕1156号"),
    ("《某某意见》（国发（2018）39号）", "国发〔2018〕39号"),
]
# fmt: on


@pytest.mark.parametrize("text,number", NUMBERS)
def test_document_number_attached_to_title(text, number):
    (c,) = cites(text)
    assert c.doc_number == number
    assert c.doc_type is not None


@pytest.mark.parametrize(
    "text,surface,number",
    [
        ("根据国发〔2018〕39号文件精神", "国发〔2018〕39号", "国发〔2018〕39号"),
        ("按照中发[2021]1号要求", "中发[2021]1号", "中发〔2021〕1号"),
        ("参照国办函〔2016〕 8号执行", "国办函〔2016〕 8号", "国办函〔2016〕8号"),
        ("根据国务院令第708号修订", "国务院令第708号", "国务院令第708号"),
        ("以中华人民共和国主席令第十号公布", "中华人民共和国主席令第十号", "中华人民共和国主席令第十号"),
        ("根據國發〔２０１８〕３９號文件", "國發〔２０１８〕３９號", "国发〔2018〕39号"),
    ],
)
def test_standalone_document_number(text, surface, number):
    (c,) = cites(text)
    assert (c.text, c.doc_number, c.title, c.doc_type) == (surface, number, "", None)


def test_own_document_number_on_its_own_line_is_not_a_citation():
    assert cites("国务院办公厅关于深入开展消费扶贫的指导意见\n国办发〔2018〕129号\n各省、自治区：") == []


def test_short_title_refers_to_earlier_full_title():
    out = cites("编制了《国民经济和社会发展第十三个五年规划纲要（草案）》。《纲要草案》紧紧围绕目标。")
    assert out[1].text == "纲要草案"
    assert out[1].refers_to == out[0].normalized


def test_short_title_with_two_candidates_is_not_linked():
    out = cites("《甲地实施方案》和《乙地实施方案》以及《方案》")
    assert out[2].refers_to is None


def test_body_bounds_the_search():
    text = "《站点导航》\n正文引用《某某条例》。\n《版权声明》"
    a = text.index("正文")
    out = cites(text, body=(a, text.index("\n《版权")))
    assert [c.text for c in out] == ["某某条例"]


@pytest.mark.parametrize(
    "title,typ",
    [("某某工作方案", "工作方案"), ("某某若干政策措施", "政策措施"), ("关于某事的通知", "通知"), ("某某管理办法（试行）", "管理办法"),
     ("中华人民共和国宪法", "宪法"), ("某某报告", "报告"), ("长空之王", None)],
)
def test_doc_type_of(title, typ):
    assert doc_type_of(title) == typ


def test_normalize_doc_number_drops_leading_zeros():
    assert normalize_doc_number("国发", "2018", "039") == "国发〔2018〕39号"


@pytest.mark.parametrize("text", ["", "》》点击图片进入专题《《", "《" * 500, "《未闭合的标题" + "字" * 400, "\n\n", "》《》《"])
def test_never_crashes_on_odd_text(text):
    for c in cites(text):
        assert c.end > c.start


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="《》〈〉〔〕（）国发号2018年字\n 。，", max_size=80))
def test_offsets_always_slice_the_text(text):
    cites(text)


# --- scored against the hand annotation (skipped without ../shared) ---------------------------

def _score_module():
    return shared_scorer()


def test_seed_citations_f1():
    score = _score_module()
    gold = json.loads((SHARED / "gold" / "seed.gold.json").read_text(encoding="utf-8"))
    text = (SHARED / "seed" / "000_29490935b5bb2ea4.txt").read_text(encoding="utf-8")
    body = gold["meta"]["body"]
    src = DocumentText.from_text(text, body=(body["start"], body["end"]))
    pred = {"document": {}, "outline": [], "citations": [c.to_dict() for c in extract_citations(src)]}
    res = score.score(gold, pred, text)
    assert res["offsets"]["wrong"] == 0
    assert res["citations"]["f1"] == 1.0, res["citations"]


def test_labelled_own_number_is_not_a_citation():
    assert cites("发文机关：国务院办公厅\n发文字号：国办发〔2018〕129号\n") == []


def test_short_references_are_linked_when_asked():
    text = "国务院印发《关于促进就业的若干意见》。该意见要求各地落实。本意见自印发之日起施行。"
    src = DocumentText.from_text(text)
    assert [c.text for c in extract_citations(src)] == ["关于促进就业的若干意见"]
    out = extract_citations(src, short_references=True)
    assert [c.text for c in out] == ["关于促进就业的若干意见", "该意见"]
    assert out[1].refers_to == "关于促进就业的若干意见" and out[1].title == ""


def test_short_reference_with_two_candidates_is_not_linked():
    text = "《甲省实施方案》和《乙省实施方案》印发后，该方案要求"
    out = extract_citations(DocumentText.from_text(text), short_references=True)
    assert [c.text for c in out] == ["甲省实施方案", "乙省实施方案"]
