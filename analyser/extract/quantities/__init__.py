"""Quantities: every number with its value, unit, qualifier and what it measures.

``extract_quantities(src, *, dates=(), entities=())`` scans the Simplified view of the article body
for numerals (:mod:`analyser.text.numerals`), reads the qualifier markers around them
(:mod:`.markers`, :mod:`.bounds`: 约/近/超过/至少/上限为 before, 余/多/以上/以下/左右 after,
最高可给予, 不超过…的30%), the unit (:mod:`.lexicon`; 万/亿 go into the value), ranges
(3至5年, 10%—15%, 三五个, 一千到两千万元), fractions and per cents (近1/5, 百分之三十六点九, 五分之一,
百万分之五, 七成六, 75折), ratios (8.3∶41.4∶50.3: one value per term, unit 比例), multiples (2.6倍,
翻一番), flood return periods (五年一遇, 二十年或五十年一遇), sums of money in 元/角/分 (50元6角三分,
壹仟玖佰圆整) — the special forms in :mod:`.special` —, joins what the items of a list share
(:mod:`.lists`), and leaves out numerals that are not quantities (:mod:`.filters`; dates other
than durations). :mod:`.context` then attaches the indicator, time and place.

The surface includes the qualifier markers (约5200亿元, 266万余套, 万人以上, 高于40%) except when 有
separates them from the number (至少有十个: lower bound, surface 十个) and the unit; compound measure
words win over their prefixes (500余场次). When 个 is directly followed by a unit-like noun of the
lexicon (县, 省份, 乡镇, 贫困村, 百分点) that noun is part of the surface and is the unit (80个县,
3个百分点); any other noun is what is counted and stays outside (50多个国家和地区 -> 50多个, unit 个).

Examples
--------
>>> from analyser.text.document import DocumentText
>>> src = DocumentText.from_text("国家共安排中央预算内投资800亿元，建设安置住房266万余套，近1000万贫困人口。")
>>> [(q.text, q.value, q.unit, q.qualifier) for q in extract_quantities(src)]
[('800亿元', 80000000000, '元', 'exact'), ('266万余套', 2660000, '套', 'lower_bound'), ('近1000万', 10000000, '人', 'approx')]
"""
from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Sequence
from typing import NamedTuple

from analyser.facts import DateExpr, Entity, Quantity, Span
from analyser.text.document import DocumentText
from analyser.text.numerals import (
    CN_DIGITS,
    CN_NONZERO,
    CN_NUMERAL,
    CN_UPPER,
    CN_ZEROS,
    NUMBER_RE,
    is_chinese_numeral,
    money_tail,
    parse_number,
    small_range,
)

from .draft import MAG, RANGE_JOIN, Draft, set_bounds
from .filters import Blocked, body_blocked, is_marker
from .lexicon import (
    followers,
    implied_noun_at,
    implied_unit,
    implied_unit_before,
    per_unit_at,
    place_unit_at,
    tenths_not_words,
    unit_at,
    unit_kind,
)
from .lists import join_bound_pairs, share_list_bounds, share_list_units
from .markers import Pre, apart_marker, distant_bound, post_marker, pre_marker
from .special import scan_special
from .tables import TableCell, scan_tables

__all__ = ["extract_quantities"]

_MAX_NUMERAL = 40  # no amount is written with more characters; longer runs are codes or noise
_YI_SPLIT = re.compile(r"^(.+亿)([^亿万]+)$")
_UPPER_MAGS = str.maketrans("拾佰仟", "十百千")
_SIGN_AFTER = {"", " ", "，", "。", "；", "：", "、", "（", "(", "“", "为", "是", "长", "降", "达", "比", "\n"}
#: A dollar sign before an amount, with the currency it may carry (HK$, US$, 港币$).
_DOLLAR = re.compile(r"(?:HK|US|港币|港元)?[$＄]$")
_TENTH_DIGIT = re.compile(rf"[{CN_NONZERO}半](?![{CN_NUMERAL}\d个])")


def extract_quantities(
    src: DocumentText, *, dates: Sequence[DateExpr] = (), entities: Sequence[Entity] = ()
) -> list[Quantity]:
    """Find the quantities of the body of ``src``, sorted by start.

    Parameters
    ----------
    src : DocumentText
    dates : the document's dates (computed with :func:`~analyser.extract.dates.extract_dates`
        when empty); a numeral inside a date is not a quantity, except a duration (5年), and the
        dates give each quantity its ``time``.
    entities : the document's entities; PLACE ones give ``place``.

    Examples
    --------
    >>> from analyser.text.document import DocumentText
    >>> src = DocumentText.from_text("搬遷群眾入住率100%，人均住房面積20.8平方米。")
    >>> [(q.text, q.value, q.unit, q.indicator.text) for q in extract_quantities(src)]
    [('100%', 100, '%', '搬遷群眾入住率'), ('20.8平方米', 20.8, '平方米', '人均住房面積')]
    """
    from analyser.extract.dates import extract_dates

    from .context import attribute

    if not dates:
        dates = extract_dates(src)
    view = src.view
    b0, b1 = src.body
    blocked = src.derived(body_blocked)
    cells = {c.start: c for c in scan_tables(view, b0, b1)}
    found: list[Draft] = [Draft(c.start, c.end, c.value, c.unit) for c in cells.values()]
    taken = Blocked([(q.start, q.end) for q in found])
    for scan in (scan_special, _scan_numbers):
        for q in scan(view, b0, b1, blocked):
            if not taken.overlaps(q.start, q.end):
                found.append(q)
        taken = Blocked([(q.start, q.end) for q in found])
    found = [q for q in _drop_dates(found, dates, view) if not (q.unit in followers() and "几" in view[q.start:q.end])]
    # 几代人、十几代人: a figure of speech, not a count
    found.sort(key=lambda q: q.start)
    share_list_units(found, view)
    share_list_bounds(found, view)
    join_bound_pairs(found)
    for q in found:
        if q.unit is None:
            q.unit = implied_unit(view, q.end) or implied_unit_before(view, q.start)
    places = [e for e in entities if e.label == "PLACE"]
    out = attribute(src, found, dates, places)
    return [_cell_fact(src, q, cells[q.start], places) if q.start in cells else q for q in out] if cells else out


def _cell_fact(src: DocumentText, q: Quantity, cell: TableCell, places: Sequence[Entity]) -> Quantity:
    """A table cell's quantity with its column heading as the indicator, the year of its column as
    the time and its row label as the place when an entity names a place there."""
    changes: dict = {}
    if cell.heading:
        a, b = cell.heading
        changes.update(indicator=Span(a, b, src.text[a:b]), canonical=None)
    if cell.time:
        changes["time"] = cell.time
    if cell.row:
        a, b = cell.row
        named = [e for e in places if a <= e.start and e.end <= b]
        if named:
            changes["place"] = src.text[named[0].start:named[0].end]
    return replace(q, **changes) if changes else q


def _numeral_end(view: str, a: int, b: int) -> tuple[int, int | float | None]:
    """Longest well-formed numeral in ``[a, b)``; give back a magnitude a unit starts with (千瓦)."""
    best: tuple[int, int | float | None] = (b, None)
    end = b
    while end > a:
        v = parse_number(view[a:end])
        if v is not None:
            if end < b:
                u = unit_at(view, end)
                if u and u[0][0] == view[end]:
                    return end, v
            if best[1] is None:
                best = (end, v)
                if end == b:
                    u = unit_at(view, end - 1)
                    if end - 1 > a and view[end - 1] in MAG and u and len(u[0]) > 1 and u[0][0] == view[end - 1]:
                        v2 = parse_number(view[a:end - 1])
                        if v2 is not None:
                            return end - 1, v2
        if end - 1 > a and view[end - 1] in MAG:
            end -= 1
        else:
            break
    return best


def _read_tail(view: str, e: int, value, num: str):
    """After the numeral at ``e``: 多/余, a magnitude, the unit, 多/余 again. Returns
    (end, value, unit, measure, marker)."""
    marker = None
    if view[e:e + 1] in ("多", "余") and (view[e + 1:e + 2] in MAG or unit_at(view, e + 1)):
        marker = view[e]
        e += 1
        while view[e:e + 1] in MAG and value is not None:
            value *= MAG[view[e]]
            e += 1
    unit = None
    measure = False
    u = unit_at(view, e)
    if u and u[0] in ("成", "折"):
        u = None
    if u and implied_noun_at(view, e, len(u[0])):
        u = None  # 上千万家庭: 家 opens the noun 家庭, the unit is implied (户)
    if u:
        unit = u[0]
        e += len(unit)
        if unit in ("元", "圆", "块") and value is not None and (cents := money_tail(view, e - 1)):
            e, value = cents[0], round(value + cents[1], 10)  # 50元6角三分
        if unit in ("元", "圆") and view[e:e + 1] == "整":
            e += 1  # 壹仟玖佰圆整: a formal sum of money
        if unit == "个":
            noun = place_unit_at(view, e)
            if noun:
                unit = noun
                e += len(noun)
            else:
                measure = True
        elif unit[0] == "个" and unit_kind(unit) == "time" and unit != "个月":
            unit = unit[1:]  # 15个工作日, 5个季度: 个 is the measure word (月 alone would name a month)
        seps: tuple[str, ...] = ("/", "／")  # a rate opens with a slash, goes on with · or a slash
        while view[e:e + 1] in seps and (per := unit_at(view, e + 1) or per_unit_at(view, e + 1)):
            unit += view[e] + per[0]  # 645元/月, 3000元/吨, 500元/人·月, 2000元/人/年
            e += 1 + len(per[0])
            seps = ("/", "／", "·")
        if marker is None and view[e:e + 1] in ("多", "余") and not view[e + 1:e + 2] in MAG:
            marker = view[e]
            e += 1
    elif view[e:e + 1] in ("成", "折") and value is not None and (value <= 10 if view[e] == "成" else value < 100 and value != 10) and "成" + view[e + 1:e + 2] not in tenths_not_words():
        # 七成 = 70 %, 八折 = 80 %, 75折 = 75 % (a two-digit 折 is already in per cent)
        scale = 10 if view[e] == "成" or value < 10 else 1
        value = round(value * scale, 10)
        unit = "%"
        e += 1
        if scale == 10 and value < 100 and (extra := _TENTH_DIGIT.match(view, e)):
            value += 5 if extra.group() == "半" else parse_number(extra.group())  # 七成六 = 76 %, 三成半 = 35 %
            e += 1
    return e, value, unit, measure, marker


def _scan_numbers(view: str, b0: int, b1: int, blocked: Blocked):
    """Every numeral of the body read as an amount: value, unit, qualifier, range."""
    pos = b0
    for m in NUMBER_RE.finditer(view, b0, b1):
        a, b = m.span()
        if b - a > _MAX_NUMERAL or a < pos or blocked.overlaps(a, b) or is_marker(view, a, b) or _is_name(view, a, b):
            continue
        numeral = _read_numeral(view, a, b)
        if numeral is None:
            continue
        e, value, num, rng, split_head = numeral
        e2, value, unit, measure, marker = _read_tail(view, e, value, num)
        if split_head is not None and value is not None:
            value += split_head
        if dollar := _DOLLAR.search(view, max(0, a - 4), a):
            a = dollar.start()  # $100亿, HK$2,000, 港币$50亿: a dollar sign gives the currency
            unit = unit or ("美元" if dollar.group().startswith("US") else "元")
        chinese = is_chinese_numeral(num)
        has_mag = any(ch in "万亿" for ch in view[a:e2]) or (not chinese and any(ch in MAG for ch in num))
        pre = pre_marker(view, a, num)
        if unit is None and not has_mag:
            q = Draft(a, e2, value, None)
            _join_range(view, q, num, b1, blocked)  # 5-10万元, 3至5年
            if q.qualifier == "range":
                if pre:
                    q.start = pre.start
                pos = q.end
                yield q
            continue
        if _not_an_amount(view, num, unit, pre, e2) and not _frequency(view, a, e2, unit):
            continue
        if view[e2:e2 + 1] == "半" and unit and unit_kind(unit) not in ("currency", "percent") and value == int(value):
            value, e2 = value + 0.5, e2 + 1  # 一吨半, 一年半
        if a > 0 and view[a - 1] in "负-−－" and _is_sign(view, a - 1):
            a, value = a - 1, -value  # 负0.2千米, 增长-2.1%
        q = Draft(a, e2, value, unit, measure=measure)
        if rng and unit:
            q.value, q.lower, q.upper, q.qualifier = None, rng[0], rng[1], "range"
        _qualify(view, q, num, pre, marker)
        _join_range(view, q, num, b1, blocked)
        pos = q.end
        yield q


def _is_sign(view: str, i: int) -> bool:
    """The minus sign at ``i`` stands alone before its number: after punctuation or a verb of
    change (增长-2.1%, 为负0.5%, 负0.2千米 at the start of a clause). 负 glued to the character
    before it is the end of a word (减负1000亿元, 担负, 胜负), not a sign.

    >>> _is_sign("增长-2.1%", 2), _is_sign("，负0.2千米", 1), _is_sign("减负1000亿元", 1)
    (True, True, False)
    """
    before = view[i - 1:i]
    if view[i] == "负" and before and not before.isascii() and before.isalnum() and before not in _SIGN_AFTER:
        return False
    return view[i] == "负" or before in _SIGN_AFTER


def _is_name(view: str, a: int, b: int) -> bool:
    """C919, G20, 5G: a numeral glued to Latin letters is a name (168cm, 10GW are amounts)."""
    if view[a - 1:a].isascii() and view[a - 1:a].isalpha():
        return True
    if view[b:b + 1].isascii() and view[b:b + 1].isalpha():
        u = unit_at(view, b)
        return not u or not u[0].isascii()
    return False


class _Numeral(NamedTuple):
    end: int
    value: int | float
    text: str
    range: tuple[int | float, int | float] | None
    split_head: int | float | None = None  # 二十五亿七千多万: the 亿 part, added after the tail


def _read_numeral(view: str, a: int, b: int) -> _Numeral | None:
    """The numeral matched at ``[a, b)`` as a number: a vague range (三五百, 八九亿), the longest
    well-formed prefix, or 亿 plus a count of 万 (二十五亿七千多万); None when it is none of these."""
    whole = view[a:b]
    rng = None
    sp = _YI_SPLIT.match(whole)
    if sp and view[b:b + 1] in ("多", "余") and view[b + 1:b + 2] == "万":
        head, tail = parse_number(sp.group(1)), parse_number(sp.group(2).lstrip("零〇"))
        if head is not None and tail is not None:
            return _Numeral(b, tail, whole, None, head)  # 四亿零七百多万: 4亿 plus 七百多 ten-thousands
    if len(whole) > 2 and small_range(whole[:2]) and all(c in MAG for c in whole[2:]):
        scale = 1
        for c in whole[2:]:
            scale *= MAG[c]
        lo, hi = small_range(whole[:2])
        rng, e, value = (lo * scale, hi * scale), b, hi * scale  # 三五百, 八九亿
    else:
        e, value = _numeral_end(view, a, b)
    num = view[a:e]
    split_head = None
    if value is None:
        sp = _YI_SPLIT.match(whole)
        if sp and view[b:b + 1] in ("多", "余") and view[b + 1:b + 2] == "万":
            # 二十五亿七千多万: 25亿 plus 七千多 ten-thousands
            split_head, value, e, num = parse_number(sp.group(1)), parse_number(sp.group(2)), b, whole
        if value is None or (sp and split_head is None and view[b:b + 1] in ("多", "余")):
            return None
    return _Numeral(e, value, num, rng or small_range(num), split_head)


def _not_an_amount(view: str, num: str, unit: str | None, pre: Pre | None, e2: int) -> bool:
    """A numeral with a unit that is still not an amount: an ordinal, an article, a name, a year."""
    chinese = is_chinese_numeral(num)
    if num == "二" and unit is not None and unit_kind(unit) == "count":
        return True  # 二轮延包, 二期: a count says 两; 二 + measure word is an ordinal
    if chinese and num == "一" and not (pre and pre.marker.one) and (unit is None or unit_kind(unit) in ("count", "place", "time")) \
            and not (unit_kind(unit or "") == "time" and (post_marker(view, e2) or RANGE_JOIN.match(view, e2))):
        return True  # 一个 / 一批 / 一项: an article, not a count (一吨, 一美元, 一年以内, 一年至三年 are amounts)
    if len(num) == 1 and num in CN_UPPER and (unit is None or unit_kind(unit) != "currency"):
        return True  # 伍家台, 陆家嘴: capital numerals stand alone only in sums of money
    if num[0] != "十" and all(ch in MAG for ch in num) and not pre and unit != "人" and not post_marker(view, e2):
        return True  # 万家忧乐, 每百户, 万吨级: a bare magnitude is an amount only as 千万人, 上千万, 万人以上
    if len(num) == 1 and num in CN_ZEROS:
        return True  # 零部件
    return unit == "年" and chinese and len(num) > 2 and not any(c in "十百千" for c in num)  # 一九五四年 is a year


#: What a frequency's count follows in its clause: 每半年, 每月, 每季度 or an interval (两个月, 三年)
#: and a short verb (每半年召开一次, 两个月安排一次, 每人每年只享受一次).
_FREQUENCY_BEFORE = re.compile(
    rf"(?:每(?:半年|年|季度?|个?月|周|星期|天|日)|(?<![\d{CN_DIGITS}十])[\d{CN_DIGITS}十半]{{1,3}}(?:个月|年|个季度|周|个星期))"
    r"[^\s，。；：、,;:]{0,6}$")


def _frequency(view: str, a: int, e2: int, unit: str | None) -> bool:
    """一次 after a period or an interval counts the times a thing is done in it (每半年召开一次),
    not an article (二月一次谈话, 一次性, 第一次 stay out).

    >>> v = "全体会议每半年召开一次，学习讲座两个月安排一次；一次性退还，一九六七年二月一次谈话。"
    >>> [_frequency(v, i, i + 2, "次") for i in (9, 20, 24, 36)]
    [True, True, False, False]
    """
    if unit != "次" or view[e2:e2 + 1] == "性" or view[a - 1:a] == "第":
        return False
    return bool(_FREQUENCY_BEFORE.search(view, max(0, a - 14), a))


def _qualify(view: str, q: Draft, num: str, pre: Pre | None, marker: str | None) -> None:
    """The qualifier of ``q`` from the markers around it; the surface takes them in."""
    post = post_marker(view, q.end)
    if pre:
        q.start, q.qualifier = pre.start, pre.qualifier
    elif marker:
        q.qualifier = "lower_bound"  # 266万余套
    elif post:
        q.qualifier = post[1]
    elif apart := apart_marker(view, q.start, num):
        q.qualifier = apart.qualifier  # 至少有十个: the marker stays outside
    elif q.qualifier == "exact" and (distant := distant_bound(view, q)):
        q.qualifier = distant  # 最高可给予50万元, 三十万个单位以上: the marker stays outside
    if post:
        q.end = post[0]
    if q.unit == "年" and view[q.end:q.end + 2] == "一遇":
        q.end += 2  # 五十年一遇: a flood return period
    if q.qualifier != "range":
        set_bounds(q)


def _join_range(view: str, q: Draft, num: str, b1: int, blocked: Blocked) -> None:
    """3至5年, 10%—15%, 5-10万元, 三至四成, 约七十亿元至八十亿元: the second number closes a range
    opened by ``q`` (an estimate too: the range says as much)."""
    if q.qualifier not in ("exact", "approx") or q.value is None:
        return
    j = RANGE_JOIN.match(view, q.end)
    if not j:
        return
    m = NUMBER_RE.match(view, j.end())
    if not m or m.end() > b1 or m.end() - m.start() > _MAX_NUMERAL or blocked.overlaps(*m.span()):
        return
    if j.group() in ("-", "－") and not num[:1].isdigit():
        return
    e, v2 = _numeral_end(view, m.start(), m.end())
    if v2 is None:
        return
    e2, v2, unit2, _, _ = _read_tail(view, e, v2, view[m.start():e])
    if unit2 is None or (q.unit is not None and q.unit != unit2):
        return
    lower = q.value
    if q.unit is None and unit2 == "%" and view[e:e + 1] == "成":
        lower = lower * 10  # 三至四成: 30-40 %
    second = view[m.start():e].translate(_UPPER_MAGS)
    head2 = re.match(r"[\d.]+|[^十百千万亿]+", second)
    mags2 = [c for c in second if c in MAG]
    big = re.search(r"[万亿]+$", second)
    if q.unit is None and big and not any(c in "万亿" for c in num) and any(c in MAG for c in num):
        scale = 1
        for c in big.group():
            scale *= MAG[c]
        if lower * scale <= v2:
            lower = lower * scale  # 一千到两千万元, 七千到九千亿元: the first shares the 万/亿 of the second
    elif q.unit is None and mags2 and not any(c in MAG for c in num):
        base2 = parse_number(head2.group()) if head2 else None
        if base2 is not None and lower < base2 or mags2[-1] in "万亿":
            scale = v2 / base2 if base2 else 1
            lower = lower * scale if base2 and lower < base2 else lower  # 5-10万元, 两到三千元
            lower = int(lower) if float(lower).is_integer() else lower
    if v2 is None or lower is None or lower > v2:
        return
    q.end, q.value, q.unit, q.lower, q.upper, q.qualifier = e2, None, unit2, lower, v2, "range"


def _return_period(view: str, q: Draft) -> bool:
    """五年一遇, 二十年或五十年一遇: a flood return period is an amount of years, not a date."""
    return q.unit == "年" and (view[q.end - 2:q.end] == "一遇" or bool(_RETURN_NEXT.match(view, q.end)))


_RETURN_NEXT = re.compile(rf"(?:或|、|至|到|和)[\d{CN_DIGITS}十百]{{1,4}}年一遇")


def _drop_dates(found: list[Draft], dates: Sequence[DateExpr], view: str) -> list[Draft]:
    """A numeral inside a date is not a quantity, except a duration; N年 needs a duration date."""
    spans = Blocked([(d.start, d.end) for d in dates if d.kind != "duration"])
    durations = [(d.start, d.end) for d in dates if d.kind == "duration"]
    out = []
    for q in found:
        if spans.overlaps(q.start, q.end):
            continue
        if q.unit in ("年", "个月") and q.value is not None and not any(a < q.end and q.start < b for a, b in durations) \
                and not _return_period(view, q) and not (q.qualifier in ("lower_bound", "upper_bound") and q.value < 1000):
            continue  # 5年 needs a duration date; a bound (一年以内, 满三年) is a length of time by itself
        out.append(q)
    return out


