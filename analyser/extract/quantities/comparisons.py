"""A clause that only compares or changes what the figure before it measured takes that indicator.

规模工业增加值增长6.2%、高于全国平均0.3个百分点; 地方一般公共预算收入达3507.6亿元、增长1.7%
（同口径增长2.5%以上）; 工农业总产值达到…亿元，比上年增长10.2%: the words before the second figure
(高于全国平均, 同口径增长, 比上年增长) name no subject; what it measures is the subject of the figure
stated before it in the same sentence. The words are in ``analyser/data/comparison_words.txt``.

Examples
--------
>>> from analyser.text.document import DocumentText

from .clauses import LEAD, TRAIL
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

from .clauses import LEAD, TRAIL

__all__ = ["compared_subjects", "is_comparison"]

#: how far apart the two figures may be (characters between the first's end and the second's start)
_REACH = 24
#: what may stand between the two figures besides the comparison: a clause or list break, a bracket
_BETWEEN = re.compile(r"[，、（(]")
_SENTENCE_END = set("。；;！？\n：:")
#: a base named by a time of its own: 比前五年, 比2002年, 较上季度, 比一九八二年同期
_TIME_BASE = r"(?:比|较|同)(?:前|上|去)?[0-9０-９一二三四五六七八九十百〇○零两]{0,4}(?:年|个?月|季度)(?:同期|末|底)?"
#: a base stated as what is left out or allowed for: 扣除物价上涨因素, 考虑价格下降因素后
_FACTOR_BASE = r"(?:扣除|剔除|考虑)[\u4e00-\u9fff]{0,6}?因素(?:后|影响)?，?"
#: the topic of a clause with no subject of its own: its words, a clause before it, stop at these
_TOPIC_STOP = set("。；;！？\n：:，,")
#: the topic ends before a time or a circumstance inside its clause (外贸出口从7月份开始…)
_TOPIC_CUT = re.compile(r"(?:从|在|于|自|到|至)?[0-9０-９一二三四五六七八九十]+(?:年|月份?|日)|(?:从|自|在|由于|随着|经过|通过)")
_DIGIT = re.compile(r"[0-9０-９]")
#: the topic and the comparison after it together, when no longer than this; else the topic alone
_TOPIC_SPAN = 20
#: a share of a whole (占经济建设费总数): no subject either, but no change of one
_SHARE = "占"


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    g = data.groups("comparison_words.txt")
    base = _alternation(g["base"]) + "|" + _TIME_BASE + "|" + _FACTOR_BASE
    change = _alternation(g["change"])
    compare, against = _alternation(g["compare"]), _alternation(g["against"])
    return re.compile(rf"(?:分别|均|都|也|还|再)?(?:(?:{base})*(?:{change})|(?:{compare})(?:{against}|的)*)(?:了|达|为|到)?")


def is_comparison(words: str) -> bool:
    """``words`` compare or change without naming what (比上年增长, 高于全国平均, 同口径增长).

    >>> is_comparison("比上年增长"), is_comparison("高于全国平均"), is_comparison("粮食产量增长")
    (True, True, False)
    >>> is_comparison("比上年增长 ")
    True
    >>> is_comparison("比前五年增长"), is_comparison("比2002年增加"), is_comparison("考虑价格下降因素比上年实际增长")
    (True, True, True)
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
    for i in range(1, len(out)):
        # 累计净增各类经营主体155万户、总量达474万户: the total of what the figure before it counted
        ind, p = out[i].indicator, out[i - 1]
        if ind is None or p.indicator is None or not _whole().fullmatch(view, ind.start, ind.end) \
                or p.indicator.end > out[i].start or any(c in _SENTENCE_END for c in view[p.end:out[i].start]):
            continue
        subject = _subject_of(src, p.indicator.start, p.indicator.end)
        if subject is not None:
            out[i] = replace(out[i], indicator=src.span(*subject))
    for i, q in enumerate(out):
        ind = q.indicator
        if ind is None:
            # 全年达到1949亿美元: nothing but a time and a verb before the figure in its clause
            c = max(view.rfind(ch, max(0, q.start - 12), q.start) for ch in _TOPIC_STOP) + 1
            lead = LEAD.match(view, c, q.start)
            rest = lead.end() if lead else c
            if c == 0 or view[c - 1] != "，" or (rest < q.start and not TRAIL.fullmatch(view, rest, q.start)):
                continue
            topic = _topic(view, c, out[i - 1].end if i else 0)
            if topic is not None:
                out[i] = replace(q, indicator=src.span(*topic))
            continue
        if not (is_comparison(view[ind.start:ind.end]) or LEAD.fullmatch(view, ind.start, ind.end)):
            continue
        topic = _topic(view, ind.start, out[i - 1].end if i else 0)
        if topic is not None:
            s, e = topic
            out[i] = replace(q, indicator=src.span(s, ind.end if ind.end - s <= _TOPIC_SPAN else e))


@lru_cache(maxsize=1)
def _whole() -> re.Pattern[str]:
    g = data.groups("comparison_words.txt")
    again = _alternation(g["again"])
    return re.compile(rf"(?:{again})*(?:{_alternation(g['whole'])})(?:{again})*")


def _subject_of(src: DocumentText, s: int, e: int) -> tuple[int, int] | None:
    """The thing an indicator ``[s, e)`` names, without the comparison ending it (国家财政收入比上年增加
    -> 国家财政收入) and the verb opening it (累计净增各类经营主体 -> 各类经营主体)."""
    from .respectively import first_subject_start

    view = src.view
    for k in range(s + 2, e):
        if is_comparison(view[k:e]):
            e = k
            break
    s = first_subject_start(src, s, e)
    return (s, e) if e - s >= 2 else None


def _topic(view: str, start: int, floor: int) -> tuple[int, int] | None:
    """城镇居民人均可支配收入，考虑价格下降因素比上年实际增长9.3%; 外贸出口从7月份开始大幅度回升，全年达到
    1949亿美元: a clause with no subject of its own (a bare comparison, a time word) goes on from the
    topic of the clause before it in the sentence, which states no figure: that clause's words up to
    a time or a circumstance inside it. ``(start, end)`` of the topic, or None."""
    if start < 1 or view[start - 1] != "，":
        return None
    k = start - 1
    lo = max(floor, k - 30)
    while k > lo and view[k - 1] not in _TOPIC_STOP:
        k -= 1
    if k == lo and k > floor and view[k - 1] not in _TOPIC_STOP:
        return None  # a clause too long to be a topic
    if k < floor:
        return None
    lead = LEAD.match(view, k, start - 1)
    if lead:
        k = lead.end()
    end = start - 1
    cut = _TOPIC_CUT.search(view, k, end)
    if cut:
        end = cut.start()
    if _DIGIT.search(view, k, end):
        return None
    return (k, end) if 3 <= end - k <= 20 else None


def _is_share(view: str, q: Quantity) -> bool:
    return q.indicator is not None and view.startswith(_SHARE, q.indicator.start)


def _adjacent(view: str, p: Quantity, q: Quantity) -> bool:
    """``q`` follows ``p`` in the same sentence, a clause or list break apart and within reach."""
    if p.end > q.start or q.start - p.end > _REACH:
        return False
    between = view[p.end:q.start]
    return not any(c in _SENTENCE_END for c in between) and bool(_BETWEEN.search(between))
