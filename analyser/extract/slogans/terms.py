"""Coined terms where they recur without quotation marks (一国两制, 放管服, 三步走).

A document quotes a coined term where it introduces it and prints it bare where it comes back; the
bare mentions are formulations too. Two sources say which terms are coined:

* the terms this document itself quotes (four to ten Han characters, or three opening with a
  numeral; not reported speech, not a plan period): a later bare mention of one is the same
  formulation;
* the terms the real archive quotes in several documents, most of their occurrences quoted
  (``analyser/data/slogan_terms.txt``, built by ``models/build_slogan_terms.py``).

A bare mention counts only on word boundaries of the tokenizer (三步走 not inside 走出去…) and
outside quotation marks and 《》 titles.

Examples
--------
>>> v = "推进“放管服”改革。深化放管服改革，坚持一国两制。"
>>> [v[c.start:c.end] for c in term_candidates(v, [(2, 7)], None)]
['放管服', '一国两制']
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from analyser.data import table as data_table

from .base import Candidate

__all__ = ["learned_terms", "term_candidates"]

_TERM = re.compile(r"^[\u4e00-\u9fff]{3,10}$")
_PLAN = re.compile(r"^(?:十[一二三四五六七八九]?|[一二三四五六七八九])五$")
_TITLE = re.compile(r"《[^《》\n]{0,200}》")
#: A three-character term of the document's own counts only when it counts (三步走), not an
#: ordinary word it happened to quote (一体化, 压舱石).
_COUNTED = re.compile(r"^[一二两三四五六七八九十双]")


@lru_cache(maxsize=1)
def learned_terms() -> frozenset[str]:
    """The coined terms of ``slogan_terms.txt``."""
    return frozenset(row[0] for row in data_table("slogan_terms.txt") if row and row[0])


@lru_cache(maxsize=1)
def _learned_pattern() -> re.Pattern[str]:
    words = sorted(learned_terms(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def term_candidates(view: str, quoted: list[tuple[int, int]], bounds: set[int] | frozenset[int] | None) -> list[Candidate]:
    """Bare mentions of coined terms in ``view``; ``quoted`` are the outer spans (quotation marks
    included) of the document's quoted formulations, ``bounds`` the word boundaries when known."""
    own = {view[a + 1:b - 1] for a, b in quoted}
    own = {t for t in own if _TERM.match(t) and not _PLAN.match(t) and (len(t) >= 4 or _COUNTED.match(t))}
    blocked = sorted(list(quoted) + [m.span() for m in _TITLE.finditer(view)])
    starts = [a for a, _ in blocked]
    reach, far = [], -1
    for _, b in blocked:
        far = max(far, b)
        reach.append(far)
    patterns = [_learned_pattern()]
    extra = sorted(own - learned_terms(), key=len, reverse=True)
    if extra:
        patterns.append(re.compile("|".join(map(re.escape, extra))))
    out: dict[tuple[int, int], Candidate] = {}
    for pattern in patterns:
        for m in pattern.finditer(view):
            a, b = m.span()
            i = bisect.bisect_right(starts, a) - 1
            if i >= 0 and reach[i] > a:
                continue  # inside quotation marks or a title
            if bounds is not None and not (a in bounds and b in bounds):
                continue
            out.setdefault((a, b), Candidate(a, b, "term"))
    return sorted(out.values(), key=lambda c: c.start)
