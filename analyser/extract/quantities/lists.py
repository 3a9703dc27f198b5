"""What the items of a list share, and pairs of bounds: the unit of the last item (5个、4.2个、3个百分点),
a bound written after the last item (六十斤、八十斤或者一百斤以上), and a lower bound closed right
after it by an upper one (处五千元以上五万元以下的罚款: one range).

Examples
--------
>>> from analyser.extract.quantities.draft import Draft
>>> found = [Draft(1, 6, 5000, "元", "lower_bound", lower=5000), Draft(6, 11, 50000, "元", "upper_bound", upper=50000)]
>>> join_bound_pairs(found); [(q.start, q.end, q.qualifier, q.lower, q.upper) for q in found]
[(1, 11, 'range', 5000, 50000)]
"""
from __future__ import annotations

import re

from .draft import Draft, set_bounds
from .lexicon import unit_kind

__all__ = ["join_bound_pairs", "share_list_bounds", "share_list_units"]

def share_list_units(found: list[Draft], view: str) -> None:
    """5个、4.2个、3个百分点: the last item's noun is the unit of the whole list."""
    for i in range(len(found) - 1, 0, -1):
        cur, prev = found[i], found[i - 1]
        gap = view[prev.end:cur.start]
        listed = gap in ("、", "和", "及") or (0 < len(gap) <= 2 and gap[0] in "、和")
        if listed and prev.measure and prev.unit == "个" and cur.unit and unit_kind(cur.unit) in ("place", "percent"):
            prev.unit = cur.unit
            prev.measure = cur.measure


_BOUND_AFTER = re.compile(r"(?:（含）|\(含\)|及)?(?:以上|以下)$")
_LIST_JOINS = ("、", "和", "及", "或", "或者")


def join_bound_pairs(found: list[Draft]) -> None:
    """处五千元以上五万元以下的罚款, 3年以上10年以下, 已满十四周岁不满十六周岁: a lower bound closed
    right after it by a higher upper bound in the same unit is one range."""
    out: list[Draft] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and prev.qualifier == "lower_bound" and q.qualifier == "upper_bound" and prev.end == q.start \
                and prev.unit == q.unit and prev.value is not None and q.value is not None and prev.value < q.value:
            out[-1] = Draft(prev.start, q.end, None, q.unit, "range", prev.value, q.value)
        else:
            out.append(q)
    found[:] = out


def share_list_bounds(found: list[Draft], view: str) -> None:
    """六十斤、八十斤或者一百斤以上: a bound written after the last item of a list of values in the
    same unit bounds every item (the items before it carry no marker of their own)."""
    shared = False  # the current item took its bound from the item after it
    for i in range(len(found) - 1, 0, -1):
        cur, prev = found[i], found[i - 1]
        marked = cur.qualifier in ("lower_bound", "upper_bound") and _BOUND_AFTER.search(view, cur.start, cur.end)
        shared = bool((marked or shared) and view[prev.end:cur.start] in _LIST_JOINS and prev.qualifier == "exact"
                      and prev.unit == cur.unit and prev.value is not None)
        if shared:
            prev.qualifier = cur.qualifier
            set_bounds(prev)
