"""The indicator ranker: candidates slice the text, the shipped model matches its card, and the
ranker leaves a text without tokens to the rule."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from analyser import analyse, data
from analyser.extract.quantities import indicator_model as im
from analyser.extract.slogans.linear import LinearModel

ROOT = Path(__file__).resolve().parents[3]

# fmt: off
CASES = [
    ("全年中央财政用于“三农”的支出达到2975亿元，比上年增加349亿元。", ["中央财政用于“三农”的支出", "中央财政用于“三农”的支出"]),
    ("从一九七八年到一九八二年，在校学生从八十五万六千人增加到一百一十五万四千人。", ["在校学生", "在校学生"]),
    ("适龄儿童入园率和普惠率分别达96%和94%。", ["适龄儿童入园率和普惠率", "适龄儿童入园率和普惠率"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "indicators"), CASES)
def test_indicators(text: str, indicators: list[str]) -> None:
    assert [q.indicator.text for q in analyse(text).quantities] == indicators


def test_candidates_slice_the_text() -> None:
    text = "城镇新增就业1310万人，进出口总额突破4万亿美元，新增7701张家庭养老床位。"
    analysis = analyse(text)
    assert analysis.quantities
    for q in analysis.quantities:
        if q.indicator is not None:
            assert text[q.indicator.start:q.indicator.end] == q.indicator.text


def test_untokenised_text_keeps_the_rules_span() -> None:
    from analyser.text.document import DocumentText

    src = DocumentText.from_text("全年国内生产总值达到18.23万亿元。")
    quantities = analyse(src.text).quantities
    flat = LinearModel(n_features=8, intercept=0.0, weights={}, threshold=1.0)
    assert im.rerank(src, quantities, model=flat) == list(quantities)


def test_shipped_model_matches_its_card() -> None:
    card = json.loads((ROOT / "models" / "indicator.json").read_text(encoding="utf-8"))
    path = data.path(im.MODEL)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == card["sha256"]
    model = im.load_model()
    assert model is not None and model.threshold == card["margin"]
