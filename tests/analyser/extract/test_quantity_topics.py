"""Indicators carried through a sentence: a clause with no subject of its own takes the topic of the
clause before it; a bare total (总量, 总额) takes what the figure before it counted; later counts
of a list name the noun after them; the first member of a 分别 list drops the words opening its
clause."""
from __future__ import annotations

import pytest

from analyser import analyse

# fmt: off
CASES = [
    # a bare comparison or a time word after a topic clause
    ("城镇居民人均可支配收入，考虑价格下降因素比上年实际增长9.3%。", ["城镇居民人均可支配收入"]),
    ("全年社会商品零售总额，比上年增长17.8%，各类商品都继续向多品种发展。", ["社会商品零售总额，比上年增长"]),
    # a comparison base named by a time of its own
    ("全国财政用于社会保障支出五年累计1.95万亿元，比前五年增长1.41倍。",
     ["财政用于社会保障支出五年", "财政用于社会保障支出五年"]),
    # a total of what was counted before it
    ("新增上市公司48家、总量达122家。", ["新增上市公司", "上市公司"]),
    ("国家财政收入比上年增加1501亿元，总额首次突破万亿元。", ["国家财政收入比上年增加", "国家财政收入"]),
    # later counts of a list
    ("推进40项省科技重大专项、80项前沿技术研发和60项基础研究重点项目。", [None, "前沿技术研发", "基础研究重点项目"]),
    ("新增4个国家生态文明建设示范区、4个“两山”实践创新基地。", [None, "“两山”实践创新基地"]),
    # the first member of a 分别 list
    ("力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元。",
     ["交通、水利、能源领域投资额", "水利、能源领域投资额", "能源领域投资额"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "indicators"), CASES)
def test_carried_indicators(text: str, indicators: list[str | None]) -> None:
    got = [q.indicator.text if q.indicator else None for q in analyse(text).quantities]
    for g, want in zip(got, indicators):
        if want is not None:
            assert g == want, (text, got)


def test_no_time_word_alone() -> None:
    text = "外贸出口从7月份开始大幅度回升，全年达到1949亿美元。"
    ind = analyse(text, published="2001-03-05").quantities[0].indicator if _takes_published() else analyse(text).quantities[0].indicator
    assert ind is not None and ind.text not in ("全年", "全年达到")


def _takes_published() -> bool:
    import inspect

    return "published" in inspect.signature(analyse).parameters
