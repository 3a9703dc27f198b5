"""Number-only table cells under a unit line, frequencies with 一, counts with 代, and the noun after a
count placed by a locative or preposition or listed after 有."""
from __future__ import annotations

import pytest

from analyser import analyse

TABLE = ("附：招生计划表\n单位：人\n省（市）\n1995年招生人数\n扩招\n分年度招生任务\n1996年\n1997年\n"
         "总计\n300\n60\n320\n360\n江苏\n100\n20（扩招）\n110\n120\n江西\n70（实招45）\n0\n70\n70\n")


def test_table_cells_take_the_declared_unit() -> None:
    qs = [q for q in analyse(TABLE).quantities if TABLE.index("总计") < q.start]
    assert [(q.text, q.value, q.unit) for q in qs[:4]] == [("300", 300, "人"), ("60", 60, "人"), ("320", 320, "人"), ("360", 360, "人")]
    assert len(qs) == 13  # 12 cells and the 45 of a cell's note
    assert [q.indicator.text for q in qs[:4]] == ["1995年招生人数", "扩招", "分年度招生任务", "分年度招生任务"]
    assert [q.time for q in qs[:4]] == ["1995", None, "1996", "1997"]
    assert all(TABLE[q.start:q.end] == q.text for q in qs)


def test_unit_line_of_a_figure_caption_gives_nothing() -> None:
    text = "二、号牌规格尺寸\n（一）汽车号牌。\n图3　汽车号牌尺寸（单位：毫米）\n（二）摩托车号牌。\n三、式样对比\n"
    assert not analyse(text).quantities


@pytest.mark.parametrize(("text", "surfaces"), [
    ("国务院全体会议一般每半年召开一次，常务会议一般每月召开三次。", ["一次", "三次"]),
    ("学习讲座一般两个月安排一次。", ["一次"]),
    ("这是第一次会议，税款一次性退还。", []),
    ("干部队伍包括了参加革命的四代人。", ["四代"]),
    ("发展第三代移动通信，需要几代人、十几代人的努力。", []),
])
def test_counts(text: str, surfaces: list[str]) -> None:
    assert [q.text for q in analyse(text).quantities] == surfaces


@pytest.mark.parametrize(("text", "surface", "indicator"), [
    ("三十三年来，我们在这些原则的基础上同世界上一百二十五个国家建立了外交关系。", "一百二十五个", "国家建立了外交关系"),
    ("台湾回到有五千年历史、十亿人口、九百六十万平方公里面积的伟大祖国的怀抱。", "十亿", "人口"),
    ("台湾回到有五千年历史、十亿人口、九百六十万平方公里面积的伟大祖国的怀抱。", "九百六十万平方公里", "面积"),
])
def test_the_counted_noun_names_the_figure(text: str, surface: str, indicator: str) -> None:
    q = next(q for q in analyse(text).quantities if q.text == surface)
    assert q.indicator is not None and q.indicator.text == indicator
