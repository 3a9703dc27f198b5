"""A clause that only compares or changes what the figure before it measured takes that indicator.

规模工业增加值增长6.2%、高于全国平均0.3个百分点; 地方一般公共预算收入达3507.6亿元、增长1.7%
（同口径增长2.5%以上）; 工农业总产值达到…亿元，比上年增长10.2%: the words before the second figure
(高于全国平均, 同口径增长, 比上年增长) name no subject; what it measures is the subject of the figure
stated before it in the same sentence. The words are in ``analyser/data/comparison_words.txt``.

Examples
--------
>>> from analyser.text.document import DocumentText
>>> from analyser.extract.quantities import extract_quantities
>>> src = DocumentText.from_text("全省规模工业增加值增长6.2%、高于全国平均0.3个百分点。")
>>> [q.indicator.text for q in extract_quantities(src)]
['规模工业增加值增长', '规模工业增加值增长']
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from analyser import data
from analyser.facts import Quantity
from analyser.text.document import DocumentText

__all__ = ["compared_subjects", "is_comparison"]

#: how far apart the two figures may be (characters between the first's end and the second's start)
_REACH = 24
#: what may stand between the two figures besides the comparison: a clause or list break, a bracket
_BETWEEN = re.compile(r"[，、（(]")
_SENTENCE_END = set("。；;！？\n：:")
#: a share of a whole (占经济建设费总数): no subject either, but no change of one
_SHARE = "占"


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    g = data.groups("comparison_words.txt")
    base, change = _alternation(g["base"]), _alternation(g["change"])
    compare, against = _alternation(g["compare"]), _alternation(g["against"])
    return re.compile(rf"(?:分别|均|都|也|还|再)?(?:(?:{base})*(?:{change})|(?:{compare})(?:{against}|的)*)(?:了|达|为|到)?")


def is_comparison(words: str) -> bool:
    """``words`` compare or change without naming what (比上年增长, 高于全国平均, 同口径增长).

    >>> is_comparison("比上年增长"), is_comparison("高于全国平均"), is_comparison("粮食产量增长")
    (True, True, False)
    >>> is_comparison("比上年增长 ")
    True
    """
    words = words.strip()  # 比上年增长 52％: a space before the figure is no word
    return bool(words) and _pattern().fullmatch(words) is not None


def compared_subjects(src: DocumentText, out: list[Quantity]) -> None:
    """Give each figure whose indicator is a bare comparison the indicator of the figure before it
    in the same sentence (in place); the words are read in the Simplified view."""
    view = src.view
    for i in range(1, len(out)):
        ind = out[i].indicator
        if ind is None or not is_comparison(view[ind.start:ind.end]):
            continue
        # 工业支出为…元，占经济建设费总数的53.22%，比上年实际增长46.02%: a share stated in between
        # measures the same thing against a whole; the change is that of the figure before it
        j = i - 1
        while j > max(0, i - 3) and _is_share(view, out[j]) and _adjacent(view, out[j - 1], out[j]):
            j -= 1
        p = out[j]
        prev = p.indicator
        if prev is None or _is_share(view, p) or is_comparison(view[prev.start:prev.end]) or prev.end > out[i].start:
            continue
        if all(_adjacent(view, out[k], out[k + 1]) for k in range(j, i)):
            out[i] = replace(out[i], indicator=prev)


def _is_share(view: str, q: Quantity) -> bool:
    return q.indicator is not None and view.startswith(_SHARE, q.indicator.start)


def _adjacent(view: str, p: Quantity, q: Quantity) -> bool:
    """``q`` follows ``p`` in the same sentence, a clause or list break apart and within reach."""
    if p.end > q.start or q.start - p.end > _REACH:
        return False
    between = view[p.end:q.start]
    return not any(c in _SENTENCE_END for c in between) and bool(_BETWEEN.search(between))
