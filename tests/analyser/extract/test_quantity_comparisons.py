"""A clause that only compares or changes (比上年增长, 高于全国平均) takes the indicator of the figure
stated before it in the sentence; a clause with a subject of its own keeps it."""
from __future__ import annotations

import pytest

from analyser import analyse
from analyser.extract.quantities.comparisons import is_comparison

# fmt: off
CASES = [
    ("全省规模工业增加值增长6.2%、高于全国平均0.3个百分点。", ["规模工业增加值增长", "规模工业增加值增长"]),
    ("地方一般公共预算收入达3507.6亿元、增长1.7%（同口径增长2.5%以上）。",
     ["地方一般公共预算收入", "地方一般公共预算收入", "地方一般公共预算收入"]),
    ("农村居民收入增长5.8%、快于经济增速1个百分点。", ["农村居民收入增长", "农村居民收入增长"]),
    # a subject of its own: no borrowing
    ("粮食产量增长2%，棉花产量增长3%。", ["粮食产量增长", "棉花产量增长"]),
]
WORDS = [
    ("比上年增长", True), ("同口径增长", True), ("高于全国平均", True), ("快于经济增速", True),
    ("分别增长", True), ("增长", True), ("粮食产量增长", False), ("高于", True), ("其中规模工业增长", False),
]
# fmt: on


@pytest.mark.parametrize(("text", "indicators"), CASES)
def test_compared_figures(text: str, indicators: list[str | None]) -> None:
    got = [q.indicator.text if q.indicator else None for q in analyse(text).quantities]
    assert got[:len(indicators)] == indicators


@pytest.mark.parametrize(("words", "expected"), WORDS)
def test_is_comparison(words: str, expected: bool) -> None:
    assert is_comparison(words) is expected
