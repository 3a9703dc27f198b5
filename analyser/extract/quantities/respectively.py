"""分别: the values listed after it pair off, in order, with what is listed before it.

* :func:`respective_subjects`: 一产、二产、三产增加值分别增长6%、5.2%、5.2%: each value measures its
  own subject; with no subject in its clause (，分别为1982年的3.4倍和2.2倍) each value takes the
  indicator of the figure stated before it in the sentence;
* :func:`pair_respectively`: the places before 分别 and the values after it pair off by position.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import islice

from analyser import data
from analyser.facts import Quantity
from analyser.text.document import DocumentText, token_starts

from .clauses import BREAK_STRONG, LEAD, STRONG_BREAK, TRAIL

__all__ = ["RESPECTIVELY", "first_subject_start", "pair_respectively", "respective_subjects"]

RESPECTIVELY = re.compile(r"分别")
_LIST_GAP = re.compile(r"[、和及]|、近|和近")
_ITEM = re.compile(r"[^、和及与]+")


def respective_subjects(src: DocumentText, out: list[Quantity]) -> None:
    """一产、二产、三产增加值分别增长6%、5.2%、5.2%: the ``j``-th value measures the ``j``-th subject.

    The listed subjects share the head written after the last of them (增加值); the indicator of
    each value runs from its own subject to the verb, so later values drop the earlier subjects.
    """
    view = src.view
    breaks = None  # offsets of the strong breaks, found once when first needed
    i = 0
    while i < len(out):
        q = out[i]
        m = None
        lo = max(0, q.start - 40)
        for m in RESPECTIVELY.finditer(view, lo, q.start):
            pass
        if m is None or any(c in BREAK_STRONG for c in view[m.end():q.start]):
            i += 1
            continue
        group = [i]
        while group[-1] + 1 < len(out) and _LIST_GAP.fullmatch(view[out[group[-1]].end:out[group[-1] + 1].start]):
            group.append(group[-1] + 1)
        if len(group) < 2 or out[i].place is not None:
            i = group[-1] + 1
            continue
        if breaks is None:
            breaks = [b.start() for b in STRONG_BREAK.finditer(view)]
        j = bisect.bisect_left(breaks, m.start()) - 1
        clause0 = breaks[j] + 1 if j >= 0 else 0
        items = list(islice(_ITEM.finditer(view, clause0, m.start()), len(group) + 1))
        if clause0 == m.start():
            _pair_with_earlier(view, out, group, m.start())  # ，分别为…: no subject of its own
        elif len(items) == len(group) and view.find("等", clause0, m.start()) < 0:
            verb_end = out[i].start
            trail = TRAIL.search(view, m.end(), verb_end)
            if trail and trail.end() == verb_end:
                verb_end = trail.start()
            if verb_end == m.end():
                verb_end = m.start()  # 分别达96%和94%: nothing of the verb is left but 分别
            first = items[0]
            first_start = first_subject_start(src, first.start(), first.end())
            for item, j in zip(items, group):
                o = out[j]
                # 入园率和普惠率 / 解决率、满意率: a later subject of one or two words sharing the first
                # one's head shares its modifiers too (适龄儿童…普惠率); the span then starts with them
                shared = item is not first and _shares_head(view, first, item)
                ind = src.span(first_start if shared or item is first else item.start(), verb_end)
                out[j] = Quantity(o.start, o.end, o.text, o.value, o.unit, o.qualifier, o.lower, o.upper,
                                  ind, o.time, o.place)
        i = group[-1] + 1


@lru_cache(maxsize=1)
def _opener() -> re.Pattern[str]:
    """Words that open a clause before its subject: connectives, times (:data:`.clauses.LEAD`) and
    the target cues of ``modality_cues.txt`` (力争, 确保 …)."""
    cues = [pat for kind, pat in data.table("modality_cues.txt") if kind == "target"]
    return re.compile("(?:" + LEAD.pattern + "|" + "|".join(f"(?:{c})" for c in cues) + ")")


def first_subject_start(src: DocumentText, s: int, e: int) -> int:
    """Where the first member ``[s, e)`` of a 分别 list starts as a subject: past the words opening its
    clause (力争全年交通、水利、能源领域投资额) and past a verb governing the list (消费品以旧换新带动
    限上新能源汽车、节能家电零售额), when nouns follow the verb; ``s`` when nothing is left."""
    view, pos = src.view, s
    while (m := _opener().match(view, pos, e)) and m.end() > pos:
        pos = m.end()
    toks = src.tokens
    if toks:
        starts = token_starts(toks)
        lo, hi = bisect.bisect_left(starts, pos), bisect.bisect_left(starts, e)
        inside = [t for t in toks[lo:hi] if t.end <= e]
        if inside and inside[-1].tag.startswith("n"):
            verbs = [t.end for t in inside[:-1] if t.tag == "v"]
            if verbs and e - verbs[-1] >= 2:
                pos = verbs[-1]
    return pos if e - pos >= 2 else s


def _shares_head(view: str, first, item) -> bool:
    """``item`` (a later member of a 分别 list) is a short head sharing the last character of the
    longer ``first`` member: 普惠率 after 适龄儿童入园率, 死亡人数 after 全市生产安全死亡事故起数."""
    a, b = first.group(), item.group()
    return 2 <= len(b) <= 4 and len(a) >= len(b) + 2 and a[-1] == b[-1]


def _pair_with_earlier(view: str, out: list[Quantity], group: list[int], resp: int) -> None:
    """来华旅游入境总人数达到2690万人次，创汇18.4亿美元，分别为1982年的3.4倍和2.2倍: values listed after
    分别 with no subjects of their own measure, in order, the figures stated before it in the sentence."""
    s0 = max(view.rfind(c, 0, resp) for c in "。！？\n") + 1
    earlier = [o for o in out[:group[0]] if o.start >= s0 and o.end <= resp]
    if len(earlier) < len(group):
        return
    earlier = earlier[-len(group):]
    if any(o.indicator is None for o in earlier) or any(o.end > out[group[0]].start for o in earlier):
        return
    if any(out[j].indicator is not None and out[j].indicator.start > resp for j in group):
        return  # the values name what they measure after 分别 (分别达到…的目标)
    for e, j in zip(earlier, group):
        o = out[j]
        out[j] = Quantity(o.start, o.end, o.text, o.value, o.unit, o.qualifier, o.lower, o.upper,
                          e.indicator, o.time, o.place)


def pair_respectively(src: DocumentText, layout, out: list[Quantity], places) -> None:
    """分别: the places before it and the values after it pair off by position."""
    view = src.view
    place_starts = [p.start for p in places]
    i = 0
    while i < len(out):
        q = out[i]
        s0, s1 = layout.sentence(q.start)
        k = layout.last_respectively(s0, q.start)
        if k < 0:
            i += 1
            continue
        clause0 = max(view.rfind("，", s0, k), view.rfind("；", s0, k), s0 - 1) + 1
        ps = [p for p in places[bisect.bisect_left(place_starts, clause0):bisect.bisect_left(place_starts, k)]
              if p.end <= k]
        group = []
        for j in range(i, len(out)):  # the quantities are sorted by start
            if out[j].start > s1:
                break
            if out[j].start >= k:
                last = layout.last_respectively(s0, out[j].start)
                if last > k:
                    break  # past the next 分别: no later value goes with this one
                if out[j].end <= s1 and last == k:
                    group.append(j)
        if ps and len(ps) == len(group):
            for p, j in zip(ps, group):
                o = out[j]
                out[j] = Quantity(o.start, o.end, o.text, o.value, o.unit, o.qualifier, o.lower, o.upper,
                                  o.indicator, o.time, p.normalized)
        i = group[-1] + 1 if group else i + 1
