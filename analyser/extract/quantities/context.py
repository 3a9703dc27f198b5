"""What a quantity measures, when and where: indicator, time and place from the context.

* indicator: the noun phrase of the clause before the number (建设安置住房266万余套 ->
  建设安置住房), trimmed of leading dates, places and connectives; when nothing is left it is the
  phrase after the number (实现了3.5万个安置点社区管理服务全覆盖 -> 安置点社区管理服务全覆盖), or the
  indicator of the list the number belongs to (5个、4.2个、3个百分点); a bare verb takes the subject
  of the clause before it, passing over clauses that open with a preposition (粮食每亩平均年产量，
  在三种不同的地区，分别达到四百斤); a comparison base is cut (将由1949年的28.8%上升为…); a demonstrative
  with no words of its own takes up the phrase it refers to (这个比重 -> …在工农业总产值中的比重);
  the 分别 pairing is in :mod:`.respectively`;
* time (:mod:`.timeframe`): the ISO value of the nearest date before the number in its sentence,
  else the date that opens its paragraph (五年多来，… / 2018年，…当年…);
* place: the nearest PLACE entity before the number in its sentence; in a 分别 sentence the places
  and the values pair off by position (贵州、陕西、广西…分别提升了5个、4.2个、3个百分点).

Examples
--------
>>> from analyser.text.document import DocumentText
>>> from analyser.extract.quantities import extract_quantities
>>> src = DocumentText.from_text("2018年，当年完成280万人。五年来，建设安置住房266万余套。", published="2021-07-05")
>>> [(q.text, q.indicator.text, q.time) for q in extract_quantities(src)]
[('280万人', '完成', '2018'), ('266万余套', '建设安置住房', '2016/2020')]
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from analyser.facts import DateExpr, Entity, Quantity, Span
from analyser.text.document import DocumentText, token_starts

from . import indicator_model
from .comparisons import compared_subjects
from .clauses import ANNOUNCED, BREAK, BREAK_STRONG, LEAD, SHARE_OF, TRAIL
from .respectively import RESPECTIVELY, pair_respectively, respective_subjects
from .roles import characterise
from .timeframe import DateChains, time_of

__all__ = ["attribute"]

_AFTER_STOP = re.compile(r"以上|以下|左右|之多|或|[，、和及与]")


def attribute(src: DocumentText, found, dates: Sequence[DateExpr], places: Sequence[Entity]) -> list[Quantity]:
    """Turn scanned quantities into :class:`Quantity` facts with indicator, time and place."""
    view = src.view
    date_list = sorted((d for d in dates if d.value and d.kind != "era_label"), key=lambda d: d.start)
    date_starts = [d.start for d in date_list]
    place_list = sorted(places, key=lambda e: e.start)
    place_starts = [e.start for e in place_list]
    spans = [(q.start, q.end) for q in found]
    runs = _run_ends(view, spans)
    layout = _Layout(src, spans)
    chains = DateChains(view, layout, date_list)
    out: list[Quantity] = []
    prev_ind: Span | None = None
    prev_end = -10
    for i, q in enumerate(found):
        gap = view[prev_end:q.start] if prev_end >= 0 else None
        joined = gap is not None and (gap in ("、", "和", "及", "，", "、近", "和近", "或", "或者", "∶", ":") or bool(_JOINED_CHANGE.fullmatch(gap)))
        joined = joined or (gap is not None and bool(_RESTATED.fullmatch(gap)) and found[i - 1].unit == q.unit)
        ctx = _Context(src, layout, spans, i, date_list, date_starts, place_list, place_starts, runs, found)
        ind = _resolve_anaphor(ctx, _indicator(ctx, q, prev_ind if joined else None, prev_ind))
        time = time_of(src, layout, q, date_list, date_starts, chains)
        place = _place(layout, q.start, place_list, place_starts)
        out.append(
            Quantity(q.start, q.end, src.text[q.start:q.end], q.value, q.unit, q.qualifier,
                     q.lower, q.upper, ind, time, place)
        )
        prev_ind, prev_end = ind, q.end
    pair_respectively(src, layout, out, place_list)
    respective_subjects(src, out)
    compared_subjects(src, out)
    out = indicator_model.rerank(src, out, starts=layout.t_starts)
    return characterise(src, out, date_starts)


class _Layout:
    """Sentence, paragraph and token look-ups with their start lists built once per text."""

    def __init__(self, src: DocumentText, spans: Sequence[tuple[int, int]] = ()) -> None:
        self.sentences = list(src.sentences) or [(0, len(src.text))]
        self.paragraphs = list(src.paragraphs) or [(0, len(src.text))]
        self.s_starts = [a for a, _ in self.sentences]
        self.p_starts = [a for a, _ in self.paragraphs]
        self.t_starts = token_starts(src.tokens)
        self.q_starts = [a for a, _ in spans]  # the quantities' starts, in text order
        self.respectively = [m.start() for m in RESPECTIVELY.finditer(src.view)]

    def last_respectively(self, lo: int, hi: int) -> int:
        """Where the last 分别 inside ``[lo, hi)`` starts (``view.rfind("分别", lo, hi)``), or -1."""
        i = bisect.bisect_right(self.respectively, hi - 2) - 1
        return self.respectively[i] if i >= 0 and self.respectively[i] >= lo else -1

    def sentence(self, pos: int) -> tuple[int, int]:
        return self.sentences[max(0, bisect.bisect_right(self.s_starts, pos) - 1)]

    def paragraph(self, pos: int) -> tuple[int, int]:
        return self.paragraphs[max(0, bisect.bisect_right(self.p_starts, pos) - 1)]


class _Context:
    """What the indicator rules look at around the ``i``-th quantity."""

    def __init__(self, src, layout, spans, i, dates, date_starts, places, place_starts, runs, found) -> None:
        self.src, self.view, self.layout, self.found = src, src.view, layout, found
        self.spans, self.i, self.runs = spans, i, runs
        self.dates, self.date_starts = dates, date_starts
        self.places, self.place_starts = places, place_starts

    def clause_start(self, a: int) -> int:
        """Back to a strong break, a previous quantity or a date in the same clause."""
        view = self.view
        floor = max(self.layout.sentence(a)[0], a - 60)
        if self.i > 0:
            floor = max(floor, self.spans[self.i - 1][1])
        k = a
        while k > floor and view[k - 1] not in BREAK_STRONG:
            k -= 1
            if view[k - 1] in _CLOSERS and k - 1 > floor:
                # 中央财政用于“三农”的支出: a quoted or bracketed term inside the phrase is no break
                o = view.rfind(_CLOSERS[view[k - 1]], floor, k - 1)
                if o > floor and not BREAK_STRONG.intersection(view[o + 1:k - 1]) and 1 <= k - 2 - o <= 12:
                    k = o
        # a date that opens the clause (2018年，当年完成…) is not part of what is measured; one in the
        # middle (合作社在今年八月已经发展到) leaves the subject before it in place
        j = bisect.bisect_left(self.date_starts, a) - 1
        if j >= 0 and k <= self.dates[j].start and self.dates[j].end <= a and self.dates[j].kind != "duration":
            lead = view[k:self.dates[j].start]
            if len(lead) <= 2 and not _BASE.search(view, max(0, self.dates[j].start - 3), self.dates[j].start):
                k = self.dates[j].end
        return k

    def lead_end(self, start: int, limit: int) -> int:
        """Past the connectives and prepositions opening ``[start, limit)`` (:data:`.clauses.LEAD`),
        never into a word: 在 of 在校学生 is no preposition when the tokenizer reads 在校 as one word."""
        lead = LEAD.match(self.view, start, limit)
        if not lead:
            return start
        end = lead.end()
        toks = self.src.tokens
        if toks:
            i = bisect.bisect_right(self.layout.t_starts, end) - 1
            if i >= 0 and toks[i].start < end < toks[i].end:
                end = max(start, toks[i].start)
        return end

    def skip_places(self, start: int, limit: int) -> int:
        view = self.view
        while start < limit:
            j = bisect.bisect_left(self.place_starts, start)
            if j < len(self.places) and self.places[j].start == start and self.places[j].end <= limit:
                start = self.places[j].end
            else:
                m = _PLACE_LIKE.match(view, start, limit)
                if not m or limit - m.end() < 2:
                    break
                start = m.end()
            while start < limit and view[start] in "、和及等":
                start += 1
            m = _PLACE_CLASS.match(view, start, limit)
            if m:
                start = m.end()
        return start

    def next_quantity_start(self, b: int) -> int:
        """Where the first quantity starting at or after ``b`` (past this one) starts."""
        # 96户177人建档立卡贫困人口: the phrase after the run ends at the next one after it
        k = bisect.bisect_left(self.layout.q_starts, b, self.i + 1)
        return self.spans[k][0] if k < len(self.spans) else 10**12

    def after_quantities(self, b: int) -> int:
        """Skip the quantities listed right after this one (3个乡镇58个贫困村实施…)."""
        return self.runs[self.i] if b == self.spans[self.i][1] else _run_end(self.view, self.spans, self.i + 1, b)


def _listed_next(view: str, spans, k: int, b: int) -> bool:
    """The ``k``-th quantity follows offset ``b`` directly or after 、/和."""
    return spans[k][0] - b <= 1 and view[b:spans[k][0]] in ("", "、", "和")


def _run_end(view: str, spans, k: int, b: int) -> int:
    """The end of the run of quantities listed from the ``k``-th on, right after offset ``b``."""
    while k < len(spans) and _listed_next(view, spans, k, b):
        b = spans[k][1]
        k += 1
    return b


def _run_ends(view: str, spans) -> list[int]:
    """For each quantity, the end of the run listed right after it (its own end when none):
    one pass from the last quantity back, so a long run costs linear time."""
    ends = [0] * len(spans)
    for k in range(len(spans) - 1, -1, -1):
        b = spans[k][1]
        ends[k] = ends[k + 1] if k + 1 < len(spans) and _listed_next(view, spans, k + 1, b) else b
    return ends


_CLOSERS = {"”": "“", "」": "「", "）": "（", ")": "(", "》": "《"}
_PLACE_LIKE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|自治州|州|地区|县|盟|旗)(?=[、和等])")
_JOINED_CHANGE = re.compile(r"[、，和](?:比上年)?(?:增长|下降|上涨|提高|降低|减少|增加)(?:了)?")  # 126万亿元、增长5.2%
_RESTATED = re.compile(r"[、，]达到?")  # 突破3万亿元、达3.6万亿元: the same measure restated exactly
_BASE = re.compile(r"(?:比|较|等于|相当于|同|为|由|从)$")
_CHANGE_ONLY = re.compile(r"(?:分别)?(?:提升|提高|上升|增长|增加|下降|降低|减少|扩大|缩小|达到|调整)(?:了|到|至|为)?$")
_VERB_END = re.compile(
    r"(?:召开|举办|举行|开展|建成|建设|新建|改建|修建|组织|实施|设立|成立|培训|帮助|带动|安排|解决|"
    r"新增|增加|创建|打造|培育|引进|签约|开工|完成|实现|惠及|覆盖|涉及|搬迁|转移|救助|资助|发放|拨付)$"
)
_PLACE_CLASS = re.compile(r"(?:等)?(?:省区市|省区|省份|地区|部分省份|部分|城市|地方)")


def _strip_dates(ctx: _Context, a: int, b: int) -> str:
    """The text of ``[a, b)`` without the dates in it and without 的."""
    parts, pos = [], a
    for d in ctx.dates[bisect.bisect_left(ctx.date_starts, a):bisect.bisect_left(ctx.date_starts, b)]:
        if d.end <= b:
            parts.append(ctx.view[pos:d.start])
            pos = d.end
    parts.append(ctx.view[pos:b])
    return "".join(parts).replace("的", "")


def _indicator(ctx: _Context, q, prev: Span | None, prev_in_clause: Span | None = None) -> Span | None:
    src, view = ctx.src, ctx.view
    a, b = q.start, q.end
    start = ctx.clause_start(a)
    if ctx.i > 0 and start == ctx.spans[ctx.i - 1][1] and _is_duration(ctx.found[ctx.i - 1]) \
            and view[start:start + 1] in _DURATION_TAIL:
        start += 1  # 五年内国务院…: the rest of the span of time
    start = _skip_dates(start, a, ctx.dates, ctx.date_starts)
    while start < a and view[start] in "、和及":
        start += 1
    start = _skip_dates(start, a, ctx.dates, ctx.date_starts)  # 、3月19日新疆阿图什6.9级
    lead = ctx.lead_end(start, a)
    if lead > start:
        start = _skip_dates(lead, a, ctx.dates, ctx.date_starts)
    place_start = start
    start = ctx.skip_places(start, a)
    places_end = start
    start = ctx.lead_end(start, a)
    trail = TRAIL.search(view, start, a)
    end = trail.start() if trail and trail.end() == a else a
    if q.unit != "倍":  # a multiple is read against its base (相当于1949年的2.5倍): the base stays
        end = _cut_base(ctx, start, end)
    announced = ANNOUNCED.search(view, start, end)
    if announced:
        end = announced.start()  # 重点抓好以下五项工作: what is counted follows the number
    before = end - start
    if prev_in_clause is not None and ctx.i > 0 and prev_in_clause.start >= ctx.spans[ctx.i - 1][1] > start - 2 \
            and not _is_duration(q_prev := ctx.found[ctx.i - 1]) and BREAK.intersection(view[q_prev.end:a]):
        before = 0  # 两次降低…、两次下调…: the words before belong to the previous number
    if ctx.i > 0 and ctx.spans[ctx.i - 1][1] >= ctx.clause_start(a) - 1 and prev_in_clause is not None:
        seg = view[ctx.spans[ctx.i - 1][1]:end]
        change = _CHANGE_ONLY.search(stripped := _strip_dates(ctx, ctx.spans[ctx.i - 1][1], end))
        if change and len(seg) <= 12 and not _own_subject(stripped[:change.start()]):
            return prev_in_clause  # 从17.9%提升到35.5%: the same indicator
    # the phrase after the number (past any quantities listed with it)
    j = ctx.after_quantities(b)
    if view[j:j + 1] == "的":
        j += 1
    k = j
    stop = ctx.next_quantity_start(j)
    implied = q.unit is not None and not _unit_in_surface(view, q)
    while k < len(view) and k - j < 20 and k < stop and view[k] not in (BREAK_STRONG if implied else BREAK):
        k += 1
    while k - j > 2 and view[k - 1] == "的":
        k -= 1  # 十二亿亩粮食耕地的百分之二十四: the noun, not its 的
    after = k - j if not _AFTER_STOP.match(view, j) and not _CHANGE_ONLY.fullmatch(view, j, k) else 0
    if j == b and q.measure_unit and (noun_end := _listed_count_noun(ctx, a, b)) is not None:
        return src.span(b, noun_end)  # 新建1.88万所乡镇卫生院、786所县医院: each count's noun follows it
    if (implied or view[a - 1:a] == "的" and q.measure_unit) and after >= 2 and j == b or implied and after >= 2:
        return src.span(j, k)  # 近1000万贫困人口 / 一定规模的3.5万个安置点: the noun follows
    if after >= 2 and j == b and q.measure and view[a - 1:a] == "有":
        return src.span(j, k)  # …大奖赛共有50多个国家和地区参会: what there are N of follows
    if after >= 2 and j == b and q.measure_unit and _names_listed(view, start, a):
        return src.span(j, k)  # 中石化…、飞鹤…等1700多个新项目开工: the names are instances of what is counted
    if before >= 3 and after >= 2 and j == b and q.measure_unit and _verb_final(ctx, start, end):
        if q.unit not in _PEOPLE:
            return src.span(j, k)  # 组织开展65个专项行动: the counted thing follows (never the number)
        return src.span(start, k)  # 家庭实现至少1人稳定就业: who does what, around the count of people
    cat = view.rfind("等", start, end)
    if cat >= 0 and end - cat - 1 >= 2 and "、" in view[start:cat] and q.measure_unit and q.unit not in _PEOPLE:
        start = cat + 1  # 举办文化演艺、体育赛事等促消费活动500余场次: the kind after 等
        before = end - start
    if (announced or SHARE_OF.fullmatch(view, start, a)) and after >= 2 and j == b:
        return src.span(b, k)
    if before >= 3:
        return src.span(start, end)
    if prev is not None and after < 2:
        return prev
    if prev is None and before <= 1 and places_end - place_start >= 2 and len(view[places_end:a].strip("、和及等")) <= 1 \
            and (after < 2 or not q.measure_unit):
        # 3月19日新疆阿图什6.9级, 内蒙古包头西6.4级: what is measured is named by the place
        return src.span(place_start, places_end if view[places_end:a] in ("", "、", "和", "及", "等") else a)
    if after >= 2 and j == b:
        # 至少有十个突出亮点: a bare marker before the number is no part of what is measured
        own = before <= 1 or _MARKER_ONLY.fullmatch(view, start, a) or not BREAK.isdisjoint(view[start:a])
        return src.span(b if own else start, k)  # never across a list separator (四十五个县、七百六十一万亩棉田)
    if after >= 2 and ctx.after_quantities(b) > b and not q.measure_unit:
        # 分别达到四十斤、六十斤和一百斤皮棉: a noun after a list of measures names the material, not
        # what is measured; the list's subject is
        if prev is not None:
            return prev
        if before <= 3 and (subject := _previous_clause(ctx, ctx.clause_start(a))):
            return subject
    if after >= 2:
        return src.span(j, k)
    if before <= 3 and prev is None and (subject := _previous_clause(ctx, ctx.clause_start(a))):
        return subject  # 三次产业结构进一步优化，调整为8.3∶41.4∶50.3: the subject is the clause before
    if before >= 2:
        return src.span(start, end)
    if prev is None and before <= 1 and prev_in_clause is not None and ctx.i > 0 \
            and (ctx.found[ctx.i - 1].unit == q.unit or q.unit == "倍") \
            and ctx.spans[ctx.i - 1][0] >= ctx.layout.sentence(a)[0]:
        return prev_in_clause  # 这个比重是17%，而在1954年预计将近33%: a clause with no subject of its own
    return prev


_LIST_SEP = "、和及与"
#: what ends the noun after a listed count: a clause break or the next list separator (quotes and
#: title marks stay: 4个“两山”实践创新基地)
_NOUN_STOP = (BREAK_STRONG - set("“”「」《》")) | {"、"}
_DIGITS = re.compile(r"[0-9０-９]")


def _listed_count_noun(ctx: _Context, a: int, b: int) -> int | None:
    """新建1.88万所乡镇卫生院、786所县医院、285所县中医院和534所县妇幼保健院: in a list of counts each
    followed by its noun, the words between the previous count and this one (乡镇卫生院、) are the
    previous count's noun and a separator; this count's noun follows it. Returns that noun's end,
    or None when the figure is no later member of such a list."""
    if ctx.i == 0 or not ctx.found[ctx.i - 1].measure_unit:
        return None
    view = ctx.view
    gap = view[ctx.spans[ctx.i - 1][1]:a]
    if not 3 <= len(gap) <= 16 or gap[-1] not in _LIST_SEP or gap[0] in _LIST_SEP \
            or not BREAK_STRONG.isdisjoint(gap) or "、" in gap[:-1] or _DIGITS.search(gap):
        return None
    stop = min(len(view), b + 20, ctx.next_quantity_start(b), ctx.layout.sentence(a)[1])
    k = b
    while k < stop and view[k] not in _NOUN_STOP:
        k += 1
    while k > b and view[k - 1] in _LIST_SEP:
        k -= 1  # 县中医院和534所…: the separator before the next count
    return k if k - b >= 2 and not _AFTER_STOP.match(view, b) else None


def _cut_base(ctx: _Context, start: int, end: int) -> int:
    """The phrase before a number without the comparison base it ends with (将由1949年的28.8%上升为…,
    等于1949年的2.5倍): a date after 由/从/比/等于/相当于/为/是 is the base, not what is measured."""
    view = ctx.view
    j = bisect.bisect_left(ctx.date_starts, start)
    while j < len(ctx.dates) and ctx.dates[j].end < end:
        j += 1
    if j >= len(ctx.dates) or ctx.dates[j].end != end or ctx.dates[j].start <= start:
        return end
    m = _BASE_BEFORE.search(view, start, ctx.dates[j].start)
    if not m or m.end() != ctx.dates[j].start:
        return end
    cut = m.start()
    trail = _TRAIL_MODAL.search(view, start, cut)
    return trail.start() if trail and trail.end() == cut else cut


_BASE_BEFORE = re.compile(r"(?:由|从|比|较|等于|相当于|为|是|同)")
_TRAIL_MODAL = re.compile(r"(?:将|预计|预计将|可望|有望|已|都|均|分别|也)+$")

#: 这个比重 / 这一比重 / 该比例: a demonstrative and the two-character noun it takes up
_ANAPHOR = re.compile(r"(?:这个|这一|这些|该|此)(?P<noun>[\u4e00-\u9fff]{2})")
_ANAPHOR_REST = re.compile(r"在|将|预计|大约|约|已|也|还|都|由|从")
_POINT_LEAD = re.compile(r"(?:第?[一二三四五六七八九十]+是|其[一二三四五六七八九十]是|首先是?)")


def _resolve_anaphor(ctx: _Context, ind: Span | None) -> Span | None:
    """这个比重大约是17%: the indicator is the phrase the demonstrative takes up, the last one ending
    in the same noun before it (现代工业的产值在工农业总产值中的比重迅速上升。在1949年，这个比重…)."""
    if ind is None:
        return None
    view = ctx.view
    m = _ANAPHOR.match(view, ind.start, ind.end)
    if not m or len(_ANAPHOR_REST.sub("", _strip_dates(ctx, m.end(), ind.end))) > 1:
        return ind  # no demonstrative, or one with words of its own (这个工程因为…而积压资金)
    noun = m["noun"]
    p = view.rfind(noun, max(0, ind.start - 300), ind.start)
    if p < 0:
        return ind
    c0 = max(view.rfind(c, 0, p) for c in BREAK_STRONG) + 1
    lead = _POINT_LEAD.match(view, c0, p)
    if lead:
        c0 = lead.end()
    lead = LEAD.match(view, c0, p)
    if lead:
        c0 = lead.end()
    if not 4 <= p + len(noun) - c0 <= 40 or _ANAPHOR.match(view, c0):
        return ind
    return ctx.src.span(c0, p + len(noun))


def _previous_clause(ctx: _Context, start: int) -> Span | None:
    """The clause before ``start`` in the same sentence: the subject a bare verb (调整为, 达到) goes on
    from. Adverbial clauses between them are passed over (粮食每亩平均年产量，在三种不同的地区，分别达到
    四百斤、…), and the subject ends before a number or date inside it (棉花的亩产量在十二年内 ->
    棉花的亩产量)."""
    view = ctx.view
    s0, _ = ctx.layout.sentence(start)
    stop = start - 1
    for _ in range(3):
        if stop <= s0 or view[stop] != "，":
            return None
        k = stop
        floor = max(s0, stop - 22)  # a longer clause is no subject
        while k > floor and view[k - 1] not in BREAK_STRONG:
            k -= 1
        if k == floor and k > s0 and view[k - 1] not in BREAK_STRONG:
            return None
        if _ADVERBIAL.match(view, k, stop):
            stop = k - 1
            continue
        end = stop
        i = bisect.bisect_left(ctx.spans, (k, -1))
        if i < len(ctx.spans) and ctx.spans[i][0] < end:
            if not _is_duration(ctx.found[i]):
                return None  # a clause stating a figure of its own is no subject of this one
            end = ctx.spans[i][0]
        j = bisect.bisect_left(ctx.date_starts, k)
        if j < len(ctx.dates) and ctx.dates[j].start < end:
            end = ctx.dates[j].start
        trail = _SUBJECT_TRAIL.search(view, k, end)
        if trail and trail.end() == end:
            end = trail.start()
        if not 3 <= end - k <= 20:
            return None
        return ctx.src.span(k, end)
    return None


#: a clause that opens with a preposition is a circumstance, not the subject of the verb after it
_ADVERBIAL = re.compile(r"(?:在|按照?|根据|依照|依据|从|自|于|截至|截止|对于?|随着|经过?|通过|由于|为了?)(?!于)")
_SUBJECT_TRAIL = re.compile(r"(?:在|于|从|自|到|至|的|将|已|已经)+$")


_PEOPLE = {"人", "名", "位", "户", "人次", "户次"}
_MARKER_ONLY = re.compile(r"(?:至少|最少|不少于|多达|共有|共|有|约|达)+")


_TIME_UNITS = {"年", "个月", "月", "周", "天", "日", "小时", "分钟"}
_DURATION_TAIL = ("内", "来", "间", "后", "中")


def _is_duration(q) -> bool:
    """A span of time (五年内, 3个月): what follows it is no thing it counts."""
    return q.unit in _TIME_UNITS


def _own_subject(head: str) -> bool:
    """The words between a previous number and a change verb hold a subject of their own
    (6.9%，社会消费品零售总额增长2.1%), so the second number measures something else."""
    cut = max((head.rfind(c) for c in BREAK_STRONG | {"、"}), default=-1)
    if cut < 0:
        return False
    return len(head[cut + 1:].strip("、和及与比上年较同期")) >= 2


def _names_listed(view: str, start: int, a: int) -> bool:
    """The phrase before the number lists names (甲、乙等 / 甲、乙 N个): instances, not the indicator."""
    phrase = view[start:a]
    items = [x for x in phrase.removesuffix("等").split("、") if x]
    if phrase.endswith("等") and len(phrase) >= 3:
        return True  # 石嘴山先进材料等3个平台
    if len(items) < 2:
        return False
    # names of projects, firms, reforms are long (中石化特种纤维、宝丰第二套煤制烯烃); a list of short
    # terms (生产总值、成本、利润) spells out the indicator itself
    return sum(map(len, items)) / len(items) >= 4.5


def _verb_final(ctx: _Context, start: int, end: int) -> bool:
    """The phrase before the number ends with a verb (召开, 建成 …): POS tags when the text was
    segmented, else a list of the verbs that govern counts in policy texts."""
    toks = ctx.src.tokens
    if toks:
        i = bisect.bisect_right(ctx.layout.t_starts, end - 1) - 1
        if i >= 0 and toks[i].end == end:
            return toks[i].tag.startswith("v")
    return bool(_VERB_END.search(ctx.view, start, end))


def _unit_in_surface(view: str, q) -> bool:
    return q.unit is not None and q.unit in view[q.start:q.end] or q.unit in ("%", "比例", "倍")


def _skip_dates(start: int, limit: int, dates, date_starts) -> int:
    i = bisect.bisect_left(date_starts, start)
    while i < len(dates) and dates[i].start == start and dates[i].end <= limit:
        start = dates[i].end
        i += 1
    return start


def _place(layout: _Layout, a: int, places, starts) -> str | None:
    s0, _ = layout.sentence(a)
    i = bisect.bisect_left(starts, a) - 1
    if i >= 0 and places[i].start >= s0 and places[i].end <= a:
        return places[i].normalized
    return None
