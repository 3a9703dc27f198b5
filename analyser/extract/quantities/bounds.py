"""Bounds whose marker stands away from the number (the marker stays outside the surface).

* a limit before 可/能 and a short verb: 最高可给予50万元, 最多可容纳十五万人 (side or flag
  ``modal`` of ``quantity_qualifiers.tsv``);
* a comparison whose object is a share of something: 不超过该项目投资的30%, 不低于总投资的20%,
  超过上年的2倍 (a per cent, fraction or multiple after a phrase ending in 的);
* a bound after the counted noun: 三十万个单位以上, 1000家企业以下 (a measure word, a noun of at
  most four characters, then 以上 / 以下 closing the clause; not a tier: 六十五个县级以上的…).

Examples
--------
>>> modal_bound("单笔贷款最高可给予50万元", 9)
'upper_bound'
>>> share_bound("总额不超过该项目投资的30%", 11)
'upper_bound'
>>> share_bound("自有资金不得低于总投资的20%", 12)
'lower_bound'
>>> noun_bound("三十万个单位以上。", 4)
'lower_bound'
>>> noun_bound("三十万个单位以上简称", 4) is None, noun_bound("六十五个县级以上的地方", 4) is None
(True, True)
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import modal_marker_re, negation_re, not_markers, qualifier_markers

__all__ = ["modal_bound", "noun_bound", "share_bound"]

_BOUNDS = ("lower_bound", "upper_bound")
#: How far before a share its comparison may begin (不超过该项目总投资的30%).
_SHARE_REACH = 16


def modal_bound(view: str, a: int) -> str | None:
    """The qualifier of a limit standing before 可/能 and a short verb that ends at ``a``."""
    m = modal_marker_re().search(view, max(0, a - 10), a)
    if not m or any(view[m.end("marker") - len(w):m.end("marker")] == w for w in not_markers()):
        return None
    return qualifier_markers()[m["marker"]].qualifier


@lru_cache(maxsize=1)
def _share_re() -> re.Pattern[str]:
    words = sorted((w for w, mk in qualifier_markers().items()
                    if mk.side == "before" and len(w) > 1 and mk.qualifier in _BOUNDS and not mk.outside),
                   key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(f"(?P<marker>{alternation})[^，。；：、！？\\d%\\n]{{1,12}}的$")


def share_bound(view: str, a: int) -> str | None:
    """The qualifier of a comparison whose object, a phrase ending in 的, stands between it and the
    share that ends at ``a`` (不超过该项目投资的30%: an upper bound)."""
    m = _share_re().search(view, max(0, a - _SHARE_REACH), a)
    if not m:
        return None
    marker = qualifier_markers()[m["marker"]]
    neg = negation_re().search(view, max(0, m.start() - 2), m.start())
    if neg:
        return marker.negated
    return marker.qualifier


_NOUN_BOUND = re.compile(r"(?P<noun>[\u4e00-\u9fff]{1,4}?)(?P<marker>以上|以下)(?=[，。；：、）)\n]|$)")
#: Characters that make the words before 以上 something else than the counted noun: a tier
#: (六十五个县级以上的…: 县级以上 qualifies the noun after it), a list, a phrase.
_NOT_IN_NOUN = set("的和及或与以级")


def noun_bound(view: str, e: int) -> str | None:
    """The qualifier of 以上 / 以下 written after the noun a measure word ending at ``e`` counts."""
    m = _NOUN_BOUND.match(view, e)
    if not m or any(ch in _NOT_IN_NOUN for ch in m["noun"]):
        return None
    return "lower_bound" if m["marker"] == "以上" else "upper_bound"
