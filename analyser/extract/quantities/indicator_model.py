"""What a quantity measures, second opinion: candidate spans from the clause's words, ranked by a model.

The rules of :mod:`.context` name one span per figure. Where they stop generalising is the extent
of that span: a reader names the measured thing with the words of the clause it sits in, the
subject with its verb (国内生产总值比上年增长), the counted noun with the verb before the figure
(新增…家庭养老床位), the object of a verb that governs the count (免除学杂费的…贫困家庭学生). This
module generates candidates from the clause's tokens and scores them with a logistic model trained
on the project's annotated windows (``models/train_indicators.py``, card in ``models/README.md``):

* candidates: the rule's span; spans of the clause before the figure that start at a word boundary
  and end before the function words trailing it (达到, 为, 从, 的 …), else at the figure; spans after the
  figure ending at a word boundary before the next break; spans across the figure joining the
  verb before it and the noun after it;
* features: side, length, distance, the word classes at both ends and around them, cue words
  inside and around (分别, 占, 其中, a change verb, 比), the unit's class, the overlap with the
  rule's span;
* decision: where the rule found no span or one of at most :data:`SHORT_RULE` characters, the
  best-scoring candidate replaces the rule's span when its score beats the rule span's by the
  margin stored with the model (cross-validated by document).

The model is a :class:`~analyser.extract.slogans.linear.LinearModel` exported to
``analyser/data/indicator_model.json``; without that file the rule's span stands.

Examples
--------
>>> from analyser.text.document import DocumentText
>>> from analyser.extract.quantities import extract_quantities
>>> src = DocumentText.from_text("当年完成280万人安置住房建设任务。")
>>> [q.indicator.text for q in extract_quantities(src)]
['完成280万人安置住房建设任务']
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from analyser import data
from analyser.facts import Quantity, Span
from analyser.text.document import DocumentText

from .clauses import BREAK_STRONG, LEAD, STRONG_BREAK, TRAIL

__all__ = ["MODEL", "candidates", "features", "load_model", "rerank"]

MODEL = "indicator_model.json"

#: the model is consulted when the rule's span is missing or at most this long: longer spans are
#: rarely too short, and leaving them alone keeps the stage cheap (see the card in ``models/``)
SHORT_RULE = 4
#: how far a candidate may reach from its figure (characters)
_LEFT_REACH, _RIGHT_REACH = 40, 20
_CHANGE = re.compile(r"(?:增长|增加|提高|提升|上升|下降|降低|减少|上涨|扩大|缩小|压减|压缩|增产|翻番)")
_CUES = ("分别", "占", "其中", "比", "由", "从", "达到", "为", "共", "累计", "新增", "的", "、", "和", "及", "等")
_LEFT_STOP = BREAK_STRONG | {"、"}
_PCT = {"%", "‰", "个百分点", "百分点", "倍", "成"}
_MONEY = re.compile(r"元|美元|欧元|日元|港元")
_PEOPLE = {"人", "名", "位", "户", "人次", "户次", "万人"}
_DATE = re.compile(r"(?:[0-9０-９一二三四五六七八九十〇○零]{1,4}年|[0-9０-９一二三四五六七八九十]{1,2}月|"
                   r"[0-9０-９一二三四五六七八九十]{1,3}日|今年|去年|全年|当年|明年|上年|年底|年末|年初)")
_DIGIT = re.compile(r"\d")
#: a candidate made only of time words and connectives (全年, 今年以来, 当年): no candidate at all
_TIME_ONLY = re.compile(rf"(?:{_DATE.pattern}|{LEAD.pattern}|以来|达到?|为)+")
_NUMERAL = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿两〇○零]")


def _unit_class(q: Quantity) -> str:
    u = q.unit or ""
    if u in _PCT:
        return "pct"
    if _MONEY.search(u):
        return "money"
    if u in _PEOPLE:
        return "people"
    if not u:
        return "none"
    return "measure"


class _Doc:
    """Token look-ups of one document (``starts``: the tokens' starts, when the caller has them)."""

    def __init__(self, src: DocumentText, starts: Sequence[int] | None = None) -> None:
        self.src, self.view = src, src.view
        self.toks = src.tokens
        self.starts = starts if starts is not None else [t.start for t in self.toks]
        self._breaks: list[int] | None = None

    def clause_start(self, a: int, floor: int) -> int:
        """Back from ``a`` to the character after a strong break, at most to ``floor`` or
        :data:`_LEFT_REACH` characters (the breaks' positions are found once per document)."""
        if self._breaks is None:
            self._breaks = [m.start() for m in STRONG_BREAK.finditer(self.view)]
        lo = max(floor, a - _LEFT_REACH)
        i = bisect.bisect_left(self._breaks, a) - 1
        return self._breaks[i] + 1 if i >= 0 and self._breaks[i] >= lo else min(lo, a)

    def word_at(self, pos: int) -> str:
        """The Simplified word of the token starting at ``pos`` ("" when none starts there)."""
        i = bisect.bisect_left(self.starts, pos)
        return self.toks[i].norm if i < len(self.toks) and self.starts[i] == pos else ""

    def word_before(self, pos: int) -> str:
        """The Simplified word of the token ending at ``pos`` ("" when none ends there)."""
        i = bisect.bisect_left(self.starts, pos) - 1
        return self.toks[i].norm if i >= 0 and self.toks[i].end == pos else ""

    def token_ends(self, j: int, k: int) -> list[int]:
        """The ends of the tokens ending inside ``(j, k]``, in order."""
        out = []
        i = max(bisect.bisect_right(self.starts, j) - 1, 0)
        toks = self.toks
        while i < len(toks) and toks[i].start < k:
            if j < toks[i].end <= k:
                out.append(toks[i].end)
            i += 1
        return out

    def n_tokens(self, s: int, e: int) -> int:
        return bisect.bisect_left(self.starts, e) - bisect.bisect_left(self.starts, s)

    def tag_at(self, pos: int) -> str:
        """The tag of the token covering ``pos`` ("" outside the tokens)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.toks[i].end > pos:
            return self.toks[i].tag[:2]
        return ""

    def tag_before(self, pos: int) -> str:
        """The tag of the token ending at or covering ``pos - 1``."""
        return self.tag_at(pos - 1) if pos > 0 else ""


def candidates(doc: _Doc, q: Quantity, prev_end: int, next_start: int) -> list[tuple[int, int, str]]:
    """``(start, end, side)`` candidate spans for the quantity ``q``; the rule's span is added by
    the caller. ``prev_end``/``next_start``: the neighbouring quantities' ends and starts."""
    view = doc.view
    a, b = q.start, q.end
    s0, s1 = doc.src.sentence_at(a)
    L = doc.clause_start(a, s0)
    out: dict[tuple[int, int], str] = {}
    # ends on the left: the figure, before the function words trailing the phrase
    ends = {a}
    trail = TRAIL.search(view, max(L, a - 8), a)
    if trail and trail.end() == a and trail.start() > L:
        ends = {trail.start()}  # 在校学生从…: the function words before the figure are no part of it
    i0 = bisect.bisect_left(doc.starts, L)
    i1 = bisect.bisect_left(doc.starts, a)
    left_starts = [s for s in doc.starts[i0:i1] if s >= prev_end or s < L] or ([L] if L < a else [])
    if L < a and L not in left_starts and L >= prev_end:
        left_starts.insert(0, L)
    left_starts = left_starts[-10:]
    for s in left_starts:
        if view[s] in _LEFT_STOP:
            continue
        for e in ends:
            if e - s >= 2:
                out.setdefault((s, e), "left")
    # the right: after the figure (past a 的), ending at word ends before the next break
    j = b + 1 if view[b:b + 1] == "的" else b
    stop = min(len(view), j + _RIGHT_REACH, next_start, s1)
    k = j
    while k < stop and view[k] not in BREAK_STRONG and view[k] != "、":
        k += 1
    r_ends = doc.token_ends(j, k)[:6]
    for e in r_ends:
        if e - j >= 2:
            out.setdefault((j, e), "right")
    # across the figure: the verb before it and the noun after it
    for s in left_starts[-3:]:
        if view[s] in _LEFT_STOP or a - s > 8:
            continue
        for e in r_ends[:4]:
            if e - j >= 2:
                out.setdefault((s, e), "across")
    # 全年, 今年以来: a time word alone never names what is measured
    return [(s, e, side) for (s, e), side in out.items() if not _TIME_ONLY.fullmatch(view, s, e)]


def features(doc: _Doc, q: Quantity, s: int, e: int, side: str, rule: Span | None) -> dict[str, Any]:
    """The features of the candidate ``[s, e)`` of quantity ``q``."""
    view = doc.view
    a, b = q.start, q.end
    text = view[s:e]
    n = e - s
    f: dict[str, Any] = {"side": side, "len": min(n, 30) / 10}
    uc = _unit_class(q)
    f["side_unit"] = side + "/" + uc
    if side == "left":
        f["gap"] = min(a - e, 8)
        f["left_reach"] = min(a - s, 40) / 10
    elif side == "right":
        f["gap"] = min(s - b, 3)
    if rule is not None:
        inter = max(0, min(e, rule.end) - max(s, rule.start))
        union = max(e, rule.end) - min(s, rule.start)
        iou = inter / union if union else 0.0
        f["rule_iou"] = iou
        f["is_rule"] = int(s == rule.start and e == rule.end)
        f["rule_in"] = int(s <= rule.start and rule.end <= e)
        f["in_rule"] = int(rule.start <= s and e <= rule.end)
        f["longer"] = min(max(n - (rule.end - rule.start), -10), 10) / 5
        rl = rule.end - rule.start
        rb = "short" if rl <= 3 else "mid" if rl <= 7 else "long"
        f["rule_len"] = rb
        f["rule_word"] = doc.word_before(rule.end)
        rel = ("same" if (s, e) == (rule.start, rule.end) else "extl" if e == rule.end and s < rule.start
               else "extr" if s == rule.start and e > rule.end else "cut" if rule.start <= s and e <= rule.end
               else "wide" if s <= rule.start and rule.end <= e else "part" if inter else "apart")
        f["rel"] = rel
        f["rel_len"] = rel + "/" + rb
        f["rel_unit"] = rel + "/" + uc
        f["rel_side"] = rel + "/" + side
        f["rule_side"] = "left" if rule.end <= a else "right" if rule.start >= b else "across"
    ft, lt = doc.tag_at(s), doc.tag_before(e)
    f["first_tag"] = ft
    f["last_tag"] = lt
    f["prev_tag"] = doc.tag_before(s)
    f["next_tag"] = doc.tag_at(e)
    f["side_last"] = side + "/" + lt
    f["first_ch"] = text[:1]
    f["last_ch"] = text[-1:]
    f["prev_ch"] = view[s - 1:s]
    f["next_ch"] = view[e:e + 1]
    f["at_clause"] = int(s == 0 or view[s - 1] in BREAK_STRONG)
    f["prev_break"] = int(s > 0 and view[s - 1] in "，、；：。")
    f["has_digit"] = int(bool(_DIGIT.search(text)))
    f["has_change"] = int(bool(_CHANGE.search(text)))
    f["ends_change"] = int(bool(_CHANGE.search(view, max(s, e - 2), e)))
    for cue in _CUES:
        if cue in text:
            f["in=" + cue] = 1
    m = max(s - 6, 0)
    for cue in ("分别", "占", "其中", "比", "由", "从"):
        if cue in view[m:s]:
            f["before=" + cue] = 1
    between = view[e:a] if side == "left" else ""
    for cue in ("分别", "达到", "为", "占", "增长", "下降", "比上年"):
        if cue in between:
            f["gap=" + cue] = 1
    f["ntok"] = str(min(doc.n_tokens(s, e), 8))
    f["first_word"] = doc.word_at(s)
    f["last_word"] = doc.word_before(e)
    f["side_last_word"] = side + "/" + f["last_word"]
    f["mid_word"] = int(not f["first_word"]) + int(not f["last_word"])
    f["starts_date"] = int(bool(_DATE.match(view, s, e)))
    f["has_date"] = int(bool(_DATE.search(text)))
    f["ends_trail"] = int(bool((t := TRAIL.search(view, max(s, e - 6), e)) and t.end() == e))
    f["numerals"] = min(len(_NUMERAL.findall(text)), 4)
    f["has_list"] = int("、" in text)
    return f


@lru_cache(maxsize=1)
def load_model():
    """The exported model and its margin, loaded once; None without the file."""
    from analyser.extract.slogans.linear import LinearModel

    path = data.path(MODEL)
    if not path.exists():
        return None
    return LinearModel.load(path)


def rerank(src: DocumentText, quantities: Sequence[Quantity], model=None,
           starts: Sequence[int] | None = None) -> list[Quantity]:
    """The quantities with the indicator the model prefers to the rule's (see the module's doc);
    ``starts``: the tokens' starts, when the caller has them."""
    model = model if model is not None else load_model()
    if model is None or not src.tokens or not quantities:
        return list(quantities)
    doc = _Doc(src, starts)
    margin = model.threshold
    out = list(quantities)
    for i, q in enumerate(out):
        rule = q.indicator
        if rule is not None and rule.end - rule.start > SHORT_RULE:
            continue
        prev_end = out[i - 1].end if i else 0
        next_start = out[i + 1].start if i + 1 < len(out) else len(src.view)
        cands = candidates(doc, q, prev_end, next_start)
        if rule is not None and all((s, e) != (rule.start, rule.end) for s, e, _ in cands):
            cands.append((rule.start, rule.end, "rule"))
        if not cands:
            continue
        if rule is None and len(cands) == 1:
            # nothing to weigh: without a rule span the only candidate wins whatever its score
            s, e, _ = cands[0]
            out[i] = replace(q, indicator=src.span(s, e))
            continue
        scores = [model.decision(features(doc, q, s, e, side, rule)) for s, e, side in cands]
        best = max(range(len(cands)), key=scores.__getitem__)
        s, e, _ = cands[best]
        if rule is not None and (s, e) == (rule.start, rule.end):
            continue
        base = next((sc for (cs, ce, _), sc in zip(cands, scores) if rule is not None and (cs, ce) == (rule.start, rule.end)), None)
        if base is None or scores[best] - base > margin:
            out[i] = replace(q, indicator=src.span(s, e))
    return out
