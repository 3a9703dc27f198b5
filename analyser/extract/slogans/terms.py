"""Coined terms where they recur without quotation marks (一国两制, 放管服, 三步走).

A document quotes a coined term where it introduces it and prints it bare where it comes back; the
bare mentions are formulations too. Which terms are coined is learned from the real archive: those
it quotes in several documents, most of their occurrences quoted (``analyser/data/slogan_terms.txt``,
built by ``models/build_slogan_terms.py``). The terms a document itself quotes are not used: the
extractor sees a long document a stretch at a time (``analyser/nlp/chunks.py``), and a mention must
not depend on a quote in another stretch.

A bare mention counts only on word boundaries of the tokenizer and outside quotation marks and 《》
titles.

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

_TITLE = re.compile(r"《[^《》\n]{0,200}》")


@lru_cache(maxsize=1)
def learned_terms() -> frozenset[str]:
    """The coined terms of ``slogan_terms.txt``."""
    return frozenset(row[0] for row in data_table("slogan_terms.txt") if row and row[0])


@lru_cache(maxsize=1)
def _learned_pattern() -> re.Pattern[str]:
    words = sorted(learned_terms(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def term_candidates(view: str, quoted: list[tuple[int, int]], bounds: set[int] | frozenset[int] | None) -> list[Candidate]:
    """Bare mentions of the learned coined terms in ``view``; ``quoted`` are the outer spans
    (quotation marks included) of the quoted formulations, ``bounds`` the word boundaries when known."""
    blocked = sorted(list(quoted) + [m.span() for m in _TITLE.finditer(view)])
    starts = [a for a, _ in blocked]
    reach, far = [], -1
    for _, b in blocked:
        far = max(far, b)
        reach.append(far)
    out = []
    for m in _learned_pattern().finditer(view):
        a, b = m.span()
        i = bisect.bisect_right(starts, a) - 1
        if i >= 0 and reach[i] > a:
            continue  # inside quotation marks or a title
        if bounds is not None and not (a in bounds and b in bounds):
            continue
        out.append(Candidate(a, b, "term"))
    return out
