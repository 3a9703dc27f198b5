"""Canonical indicators: which concept of the shipped vocabulary a quantity measures.

The vocabulary (``analyser/data/indicators.tsv``) lists concepts (``gdp_growth`` 国内生产总值增长,
``urban_new_jobs`` 城镇新增就业 …), each with a unit class and the wordings documents use for it.
An indicator matches a concept by its head phrase: an alias inside the indicator followed only by
change and comparison words (增长, 比上年, 左右 …) and not preceded by 人均/单位/万元/每, the
longest alias first, among concepts whose unit class fits the quantity's unit (国内生产总值 with 8.7%
is growth, with 33.5万亿元 the level). Matching runs on the Simplified form, so both scripts match.

A bare growth (增长6%左右) that opens the enumeration of a 主要预期目标 sentence stands for the
economy's growth: :func:`enumeration_concept` gives it ``gdp_growth``.

Examples
--------
>>> match_concept("地区生产总值增长", "%").id
'gdp_growth'
>>> match_concept("國內生產總值", "元").id
'gdp'
>>> match_concept("单位国内生产总值能耗下降", "%").id
'energy_intensity'
>>> match_concept("服务业对经济增长贡献率", "%") is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from analyser import data
from analyser.text.normalize import simplified_view

__all__ = ["Concept", "concept_by_id", "concepts", "enumeration_concept", "fold", "match_concept", "unit_class"]


@dataclass(frozen=True, slots=True)
class Concept:
    """An indicator concept of the vocabulary."""

    id: str
    label: str
    unit_class: str
    aliases: tuple[str, ...]

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "label": self.label}


_PCT = {"%", "％", "百分点", "个百分点", "‰"}
_MONEY = re.compile(r"元|美元|欧元")
_PEOPLE = {"人", "人次", "户", "名", "万人", "人口"}
_MASS = {"吨", "斤", "公斤", "千克"}
_TAIL = re.compile(
    r"(?:实际|名义|年均|平均|分别|预期|目标|预计|比上年|比去年|同比|总量|总额|规模|水平|增幅|增速|增长率|增长|上涨|"
    r"涨幅|下降|降低|提高|减少|增加|达到|达|为|是|保持|稳定|控制|在|突破|超过|完成|实现|由|从|要|力争|左右|以上|"
    r"以内|以下|约|近|继续|全年|已|了|的|和|任务|指标|速度|幅度|人数|率|拟|按|拟按)*"
)
_BEFORE = ("人均", "单位", "万元", "每", "占", "与")
_SPACE = re.compile(r"\s+")
_WIDE = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " "})


def fold(text: str) -> str:
    """The matching form of an indicator: Simplified, half-width, no spaces.

    >>> fold("國內生產總值 ＧＤＰ")
    '国内生产总值GDP'
    """
    return _SPACE.sub("", simplified_view(text).translate(_WIDE))


def unit_class(unit: str | None) -> str | None:
    """``pct``, ``money``, ``people``, ``mass`` or ``None`` for a quantity's unit.

    >>> unit_class("%"), unit_class("亿元"), unit_class("万人"), unit_class("公里")
    ('pct', 'money', 'people', None)
    """
    if not unit:
        return None
    if unit in _PCT:
        return "pct"
    if _MONEY.search(unit):
        return "money"
    if unit in _PEOPLE:
        return "people"
    if unit in _MASS or unit.endswith("吨"):
        return "mass"
    return None


@cache
def concepts() -> tuple[Concept, ...]:
    """The vocabulary, in file order."""
    out = []
    for row in data.table("indicators.tsv"):
        cid, label, ucls, aliases = row[:4]
        out.append(Concept(cid, label, ucls, tuple(fold(a) for a in aliases.split("|") if a.strip())))
    return tuple(out)


@cache
def concept_by_id() -> dict[str, Concept]:
    """``{id: Concept}``."""
    return {c.id: c for c in concepts()}


@cache
def _aliases() -> tuple[tuple[str, Concept], ...]:
    pairs = [(a, c) for c in concepts() for a in c.aliases]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _fits(concept: Concept, ucls: str | None) -> bool:
    if concept.unit_class == "any":
        return True
    return concept.unit_class == ucls


def match_concept(indicator: str | None, unit: str | None) -> Concept | None:
    """The concept an indicator text measures (given the quantity's unit), else ``None``."""
    if not indicator:
        return None
    return _match(indicator, unit_class(unit))


@lru_cache(maxsize=4096)
def _match(indicator: str, ucls: str | None) -> Concept | None:
    """:func:`match_concept` of one indicator text and unit class (remembered: a document repeats
    its indicators, and each look-up tries every alias)."""
    text = fold(indicator)
    for alias, concept in _aliases():
        if not _fits(concept, ucls):
            continue
        pos = text.find(alias)
        while pos >= 0:
            if not text.endswith(_BEFORE, 0, pos) and _TAIL.fullmatch(text, pos + len(alias)):
                return concept
            pos = text.find(alias, pos + 1)
    return None


_GOALS = re.compile(r"主要预期目标|主要目标|预期目标|发展目标|主要指标")
_BARE_GROWTH = re.compile(r"(?:经济)?(?:增长|增速|增长速度)(?:目标)?")


def enumeration_concept(view: str, sentence_start: int, start: int, indicator: str | None, unit: str | None,
                        first_pct: bool) -> Concept | None:
    """``gdp_growth`` for a bare growth (增长6%左右) opening a 主要预期目标 enumeration.

    ``first_pct`` says whether this is the first percentage of the enumeration after the cue.

    >>> v = "今年发展的主要预期目标是：增长6%左右，城镇新增就业1100万人以上。"
    >>> enumeration_concept(v, 0, v.index("6%"), "增长", "%", True).id
    'gdp_growth'
    """
    if unit_class(unit) != "pct" or not first_pct:
        return None
    if indicator is not None and not _BARE_GROWTH.fullmatch(fold(indicator)):
        return None
    if not _GOALS.search(view, sentence_start, start):
        return None
    return concept_by_id().get("gdp_growth")
