"""Quantity filters in printed units: ``unit=亿元&min=500`` means 元 and 50,000,000,000.

Stored quantities carry their value in the base unit (800亿元 is 80,000,000,000 元, 3万吨 is
30,000 吨): the extractor puts the magnitude into the value. A reader filters with the unit as
printed, so :func:`base_unit` splits a magnitude (``analyser/data/magnitudes.txt``) off a unit
that is not itself a unit of ``units.txt`` (千瓦 and 千米 stay as they are), and the API scales
``min``/``max`` by the same factor.

Examples
--------
>>> base_unit("亿元"), base_unit("萬人"), base_unit("千瓦"), base_unit("元")
(('元', 100000000), ('人', 10000), ('千瓦', 1), ('元', 1))
>>> base_unit("万千瓦"), base_unit("万"), base_unit("widgets")
(('千瓦', 10000), ('万', 1), ('widgets', 1))
"""
from __future__ import annotations

from functools import lru_cache

from analyser.data import table
from analyser.extract.quantities.lexicon import units
from analyser.text.normalize import to_simplified

__all__ = ["base_unit"]


@lru_cache(maxsize=1)
def _magnitudes() -> tuple[tuple[str, int], ...]:
    """(magnitude, factor), longest first."""
    rows = [(word, int(factor)) for word, factor in table("magnitudes.txt")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def base_unit(unit: str) -> tuple[str, int]:
    """``(unit as stored, factor)`` for a unit as printed; unknown units come back unchanged."""
    unit = unit.strip()
    simple = to_simplified(unit)
    known = units()
    if simple in known:
        return simple, 1
    for word, factor in _magnitudes():
        rest = simple[len(word):]
        if simple.startswith(word) and rest in known:
            return rest, factor
    return unit, 1
