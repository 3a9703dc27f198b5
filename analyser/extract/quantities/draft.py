"""The working form of a quantity while it is read: where it lies, its value, unit and bounds.

:class:`Draft` is mutable (markers, lists and ranges widen it and change its qualifier); the
context stage turns drafts into frozen :class:`~analyser.facts.Quantity` facts.

Examples
--------
>>> q = Draft(0, 4, 60, "%", "lower_bound")
>>> set_bounds(q); (q.lower, q.upper)
(60, None)
>>> bool(RANGE_JOIN.match("至5年")), MAG["万"]
(True, 10000)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import unit_kind

__all__ = ["MAG", "RANGE_JOIN", "Draft", "set_bounds"]

#: Chinese magnitudes and their values.
MAG = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}


#: What joins the two ends of a range (3至5年, 10%—15%, 5-10万元, 1000万元（含）至…).
RANGE_JOIN = re.compile(r"(?:[（(]含[）)])?(?:至|到|—{1,2}|―|–|－|-{1,2}|～|~)")


@dataclass
class Draft:
    """A quantity being read: half-open span in the view, value, unit, qualifier and bounds."""

    start: int
    end: int
    value: float | int | None
    unit: str | None
    qualifier: str = "exact"
    lower: float | int | None = None
    upper: float | int | None = None
    measure: bool = False  # the unit is a bare measure word (个) that a later item may replace

    @property
    def measure_unit(self) -> bool:
        """The unit is a measure word or count noun (次, 个, 项, 所 …), not a dimension."""
        return self.unit is not None and (unit_kind(self.unit) in ("count", "place"))


def set_bounds(q: Draft) -> None:
    """Copy the value of a bound into ``lower`` or ``upper``."""
    if q.qualifier == "lower_bound":
        q.lower = q.value
    elif q.qualifier == "upper_bound":
        q.upper = q.value
