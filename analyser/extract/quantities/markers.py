"""Qualifier markers around a number: before it (约, 超过, 不得低于, 上限为), after it (以上,
及以下, （含）以上, 为上限), apart from it with 有 (至少有十个), or further away (:mod:`.bounds`).

Examples
--------
>>> pre_marker("不得低于60%", 4, "60").qualifier, post_marker("300万元及以下", 5)
('lower_bound', (8, 'upper_bound'))
>>> q = finish("上限为三千元", 3, 6, 3000, "元", "三千"); (q.start, q.qualifier, q.upper)
(3, 'upper_bound', 3000)
"""
from __future__ import annotations

from dataclasses import dataclass

from .bounds import modal_bound, noun_bound, share_bound
from .draft import Draft, set_bounds
from .lexicon import (
    Marker,
    currency_prefix_re,
    marker_re,
    negation_re,
    not_markers,
    qualifier_markers,
    unit_kind,
)

__all__ = ["Pre", "apart_marker", "distant_bound", "finish", "post_marker", "pre_marker"]

#: Qualifier markers before a number end at most this many characters before it (大约, 不到);
#: a negation before the marker (不得低于) is looked for up to two characters further.
_PRE_REACH = 3
_NEGATION_REACH = 2


@dataclass(frozen=True)
class Pre:
    """A qualifier marker before a number: where it starts (with its negation) and what it says."""

    start: int
    qualifier: str
    marker: Marker


def pre_marker(view: str, a: int, num: str) -> Pre | None:
    """The marker ending at ``a`` (约, 超过, 不得低于), or before a currency printed there
    (不少于港币一千万元), or None."""
    cur = currency_prefix_re().search(view, max(0, a - 3), a)
    number_start = a
    if cur:
        a = cur.start()
    m = marker_re("before").search(view, max(0, a - _PRE_REACH), a)
    if not m:
        return None
    word = m.group()
    if any(view[m.end() - len(w):m.end()] == w for w in not_markers() if len(w) > len(word)):
        return None  # 节约, 附近, 赶超, 以上: a word of its own
    if word == "上" and num[:1] not in "十百千万亿":
        return None  # 上 is a bound only before a bare magnitude (上千万, 上万人)
    marker = qualifier_markers()[word]
    if marker.outside:
        return Pre(number_start, marker.qualifier, marker)  # 上限为港币四十万元: surface 四十万元
    neg = negation_re().search(view, max(0, m.start() - _NEGATION_REACH), m.start())
    if neg and marker.negated:
        return Pre(neg.start(), marker.negated, marker)  # 不低于60%: a lower bound
    return Pre(m.start(), marker.qualifier, marker)


def post_marker(view: str, b: int) -> tuple[int, str] | None:
    """``(end, qualifier)`` of the marker starting at ``b`` (以上, 及以下, （含）以上), or None; the
    end stays ``b`` for a marker outside the surface (一千元为上限)."""
    m = marker_re("after").match(view, b)
    if not m:
        return None
    marker = qualifier_markers()[m["marker"]]
    return (b if marker.outside else m.end()), marker.qualifier


def apart_marker(view: str, a: int, num: str) -> Pre | None:
    """至少有十个: a bound whose marker stands apart from the number with 有."""
    if view[a - 1:a] != "有":
        return None
    pre = pre_marker(view, a - 1, num)
    return pre if pre and pre.marker.apart else None


def finish(view: str, a: int, b: int, value, unit: str | None, num: str, approx: bool = False) -> Draft:
    """Add the qualifier markers around ``[a, b)``."""
    q = Draft(a, b, value, unit)
    pre = pre_marker(view, a, num)
    post = post_marker(view, b)
    if pre:
        q.start, q.qualifier = pre.start, pre.qualifier
    elif post:
        q.qualifier = post[1]
    elif approx:
        q.qualifier = "approx"
    elif distant := distant_bound(view, q):
        q.qualifier = distant
    if post:
        q.end = post[0]
    set_bounds(q)
    return q


def distant_bound(view: str, q: Draft) -> str | None:
    """A bound whose marker stands away from the number (:mod:`.bounds`): 最高可给予50万元,
    不超过投资的30%, 三十万个单位以上."""
    if bound := modal_bound(view, q.start):
        return bound
    if q.unit in ("%", "比例", "倍") and (bound := share_bound(view, q.start)):
        return bound
    if q.measure and q.unit is not None and unit_kind(q.unit) == "count":
        return noun_bound(view, q.end)
    return None
