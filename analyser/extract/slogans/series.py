"""How often a candidate's wording recurs across the real archive.

A formula is repeated word for word (调整、改革、整顿、提高 in five reports; 和平、发展、合作 in
seven), while an ad-hoc list (劳动力、设备、流动资金) is written once. The classifier reads in how
many archive documents a candidate of the same wording was found (``analyser/data/slogan_series.txt``,
built by ``models/build_slogan_series.py``). Noun lists recur too (各地区、各部门); the classifier
weighs recurrence against the word-class features.

Examples
--------
>>> series_key("厉行节约，反对浪费")
'厉行节约、反对浪费'
>>> series_features(0)["series_docs"], series_features(5)["series_3"]
(0.0, 1)
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from analyser.data import table as data_table

__all__ = ["series_count", "series_features", "series_key"]

#: origins whose candidates are counted: the unquoted ones found by shape
COUNTED = frozenset({"list", "clauses", "even", "joined", "compact", "lexicon"})


def series_key(text: str) -> str:
    """The wording of a candidate with its separators unified (，and , read as 、)."""
    return text.replace("，", "、").replace(",", "、")


@lru_cache(maxsize=1)
def _counts() -> dict[str, int]:
    return {row[0]: int(row[1]) for row in data_table("slogan_series.txt") if len(row) >= 2}


def series_count(text: str) -> int:
    """The number of archive documents holding a candidate of this wording (0 below two)."""
    return _counts().get(series_key(text), 0)


def series_features(count: int) -> dict[str, Any]:
    """The archive features of a candidate found in ``count`` archive documents."""
    return {"series_docs": math.log1p(count), "series_3": int(count >= 3)}
