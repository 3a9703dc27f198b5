"""Bare mentions of the fixed formulations the archive repeats inside policy frames.

A line of policy such as 新发展理念, 一个中国原则, 科教兴国战略 or 以经济建设为中心 is rarely
quoted: a document prints it bare as the object of 坚持/贯彻/实施… . Two sources of candidates
(origin ``coined``), both scored by the classifier with the frame around each mention:

* the wordings of ``analyser/data/slogan_coined.txt`` (built by ``models/build_slogan_coined.py``):
  those that fill such frames in many archive documents of several years; every bare mention on
  word boundaries is a candidate;
* a strategy named in its frame, 实施/推进/坚持… X战略 (走出去战略, 健康中国战略), X on word
  boundaries: a coined strategy recurs in few documents, its frame marks it.

Mentions inside quotation marks or 《》 titles are not candidates (the quote is). Nested wordings
are all candidates: the likelier of two overlapping candidates is kept.

Examples
--------
>>> v = "坚持以经济建设为中心，完整准确全面贯彻新发展理念，加快实施走出去战略。"
>>> sorted(v[c.start:c.end] for c in coined_candidates(v, [], None))
['以经济建设为中心', '新发展理念', '走出去战略']
>>> coined_features("新发展理念", "完整准确全面贯彻", "，")["coined_verb"]
1
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
_HEADS = ("理念", "战略", "方针", "原则", "格局", "观", "道路", "方略", "总基调")
#: verbs whose object is a line of policy (the frames of ``models/build_slogan_coined.py``, and
#: 融入/服务/构建 for a 格局, 引领 after 以X)
_VERBS = ("坚持", "贯彻", "落实", "实施", "推进", "树立", "奉行", "践行", "遵循", "构建", "执行", "融入", "服务",
          "引领", "围绕", "按照")
#: a named strategy in its frame (实施走出去战略, 深入实施健康中国战略)
_STRATEGY = re.compile(r"(?:实施|推进|坚持|推动|落实)(?P<x>[\u4e00-\u9fff]{2,8}?战略)")
#: strategy names too generic to be a coined line (国家战略, 发展战略)
_GENERIC = re.compile(r"^(?:国家|发展|重大|总体|这一|这个|各项|一系列|新|重点|有关|相关|区域|该)战略$")


@lru_cache(maxsize=1)
def coined_counts() -> dict[str, tuple[int, int]]:
    """Phrase -> (archive documents, distinct years) of ``slogan_coined.txt``."""
    return {row[0]: (int(row[1]), int(row[2])) for row in data_table("slogan_coined.txt") if len(row) >= 3}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = sorted(coined_counts(), key=len, reverse=True)
    return re.compile("(?=(" + "|".join(map(re.escape, words)) + "))") if words else re.compile("(?!)")


def coined_candidates(view: str, quoted: list[tuple[int, int]], bounds: set[int] | frozenset[int] | None) -> list[Candidate]:
    """Every bare mention in ``view`` of a phrase of the list, and every strategy named in its
    frame; ``quoted`` are the outer spans of the quotes, ``bounds`` the word boundaries when known."""
    blocked = sorted(list(quoted) + [m.span() for m in _TITLE.finditer(view)])
    starts = [a for a, _ in blocked]
    reach, far = [], -1
    for _, b in blocked:
        far = max(far, b)
        reach.append(far)

    def free(a: int, b: int) -> bool:
        if bounds is not None and not (a in bounds and b in bounds):
            return False
        i = bisect.bisect_right(starts, a) - 1
        return not (i >= 0 and reach[i] > a)  # not inside quotation marks or a title

    words = coined_counts()
    spans: set[tuple[int, int]] = set()
    for m in _pattern().finditer(view):
        a = m.start()
        for phrase in (m.group(1),) + tuple(w for w in words if w != m.group(1) and view.startswith(w, a)):
            spans.add((a, a + len(phrase)))
    for m in _STRATEGY.finditer(view):
        if not _GENERIC.match(m.group("x")):
            spans.add(m.span("x"))
    return [Candidate(a, b, "coined") for a, b in sorted(spans) if free(a, b)]


def coined_features(text: str, pre: str, post: str) -> dict[str, Any]:
    """The archive counts of a candidate's wording, its head word and the frame around it
    (``pre``/``post``: the characters before and after it)."""
    docs, years = coined_counts().get(text, (0, 0))
    f: dict[str, Any] = {"coined_docs": math.log1p(docs), "coined_years": math.log1p(years),
                         "coined_listed": int(docs > 0)}
    f["coined_head=" + next((h for h in _HEADS if text.endswith(h)), "-")] = 1
    f["coined_yi"] = int(text.startswith("以") and "为" in text)
    f["coined_verb"] = int(any(pre.endswith(v) for v in _VERBS) or pre.endswith("以") and post.startswith(("引领", "为")))
    f["coined_after_quote"] = int(pre.endswith("”、"))
    f["coined_pre1=" + pre[-1:]] = 1
    f["coined_post1=" + post[:1]] = 1
    return f
