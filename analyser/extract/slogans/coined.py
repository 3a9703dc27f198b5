"""Bare mentions of the fixed formulations the archive repeats inside policy frames.

A line of policy such as 新发展理念, 一个中国原则 or 以经济建设为中心 is rarely quoted: a document
prints it bare as the object of 坚持/贯彻/实施… . ``analyser/data/slogan_coined.txt`` (built by
``models/build_slogan_coined.py``) lists the wordings that fill such frames in many archive
documents of several years; every bare mention of one on word boundaries, outside quotation marks
and 《》 titles, is a candidate (origin ``coined``). Nested wordings are all candidates: the
classifier scores each, with the archive counts and the frame around it, and the likelier of two
overlapping candidates is kept.

Examples
--------
>>> v = "坚持以经济建设为中心，完整准确全面贯彻新发展理念。"
>>> sorted(v[c.start:c.end] for c in coined_candidates(v, [], None))
['以经济建设为中心', '新发展理念']
"""
from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache
from typing import Any

from analyser.data import table as data_table

from .base import Candidate

__all__ = ["coined_candidates", "coined_counts", "coined_features"]

_TITLE = re.compile(r"《[^《》\n]{0,200}》")
#: head words naming what kind of line a formulation is
_HEADS = ("理念", "战略", "方针", "原则", "政策", "格局", "观", "路线", "方略", "基调", "制度", "道路", "精神")


@lru_cache(maxsize=1)
def coined_counts() -> dict[str, tuple[int, int]]:
    """Phrase -> (archive documents, distinct years) of ``slogan_coined.txt``."""
    return {row[0]: (int(row[1]), int(row[2])) for row in data_table("slogan_coined.txt") if len(row) >= 3}


@lru_cache(maxsize=1)
def _by_prefix() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    groups: dict[str, list[str]] = {}
    for phrase in coined_counts():
        groups.setdefault(phrase[:2], []).append(phrase)
    pattern = re.compile("(?=(" + "|".join(map(re.escape, sorted(groups))) + "))") if groups else re.compile("(?!)")
    return pattern, {k: tuple(v) for k, v in groups.items()}


def coined_candidates(view: str, quoted: list[tuple[int, int]], bounds: set[int] | frozenset[int] | None) -> list[Candidate]:
    """Every bare mention in ``view`` of a phrase of the list; ``quoted`` are the outer spans of
    the quotes, ``bounds`` the word boundaries when known."""
    pattern, groups = _by_prefix()
    blocked = sorted(list(quoted) + [m.span() for m in _TITLE.finditer(view)])
    starts = [a for a, _ in blocked]
    reach, far = [], -1
    for _, b in blocked:
        far = max(far, b)
        reach.append(far)
    out = []
    for m in pattern.finditer(view):
        a = m.start()
        if bounds is not None and a not in bounds:
            continue
        i = bisect.bisect_right(starts, a) - 1
        if i >= 0 and reach[i] > a:
            continue  # inside quotation marks or a title
        for phrase in groups[m.group(1)]:
            b = a + len(phrase)
            if view.startswith(phrase, a) and (bounds is None or b in bounds):
                out.append(Candidate(a, b, "coined"))
    return out


def coined_features(text: str, pre: str) -> dict[str, Any]:
    """The archive counts of a candidate's wording and the frame around it (``pre``: the
    characters before it)."""
    docs, years = coined_counts().get(text, (0, 0))
    f: dict[str, Any] = {"coined_docs": math.log1p(docs), "coined_years": math.log1p(years)}
    if docs:
        f["coined_head=" + next((h for h in _HEADS if text.endswith(h)), "-")] = 1
        f["coined_yi"] = int(text.startswith("以") and "为" in text)
        f["coined_pre2=" + pre[-2:]] = 1
    return f
