"""Quantities: every number with its value, unit, qualifier and what it measures.

``extract_quantities(src, *, dates=(), entities=())`` scans the Simplified view of the article body
for numerals (:mod:`.numerals`), reads the qualifier markers around them (约/近/超过/至少/上 before,
余/多/以上/以下/左右 after), the unit (:mod:`.quantity_lexicon`; 万/亿 go into the value), ranges
(3至5年, 10%—15%, 三五个, 一千到两千万元), fractions and per cents (近1/5, 百分之三十六点九, 五分之一,
百万分之五, 七成六, 75折), ratios (8.3∶41.4∶50.3: one value per term, unit 比例), multiples (2.6倍,
翻一番), flood return periods (五年一遇, 二十年或五十年一遇), sums of money in 元/角/分 (50元6角三分,
壹仟玖佰圆整), and leaves out numerals that are not quantities (:mod:`.quantity_filters`; dates
other than durations). :mod:`.quantity_context` then attaches the indicator, time and place.

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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from analyser.facts import DateExpr, Entity, Quantity
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
    parse_fraction,
    parse_number,
    small_range,
)

from .filters import Blocked, body_blocked, is_marker
from .lexicon import (
    Marker,
    implied_noun_at,
    implied_unit,
    implied_unit_before,
    marker_re,
    negation_re,
    not_markers,
    per_unit_at,
    place_unit_at,
    qualifier_markers,
    tenths_not_words,
    unit_at,
    unit_kind,
)

__all__ = ["extract_quantities"]

_MAG = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
#: Qualifier markers before a number end at most this many characters before it (大约, 不到);
#: a negation before the marker (不得低于) is looked for up to two characters further.
_PRE_REACH = 3
_NEGATION_REACH = 2
_RANGE_JOIN = re.compile(r"(?:[（(]含[）)])?(?:至|到|—{1,2}|―|–|－|-{1,2}|～|~)")
#: 百分之N = N %, 千分之N = N/10 %, 百万分之N = N/10^4 % …
_PER_BASE = {"百": 1, "千": 0.1, "仟": 0.1, "万": 0.01, "百万": 1e-4, "千万": 1e-5, "万万": 1e-6, "亿": 1e-6,
             "百万万": 1e-8}
_PCT_CHARS = rf"[{CN_DIGITS}十百千点\d.{CN_UPPER}]"
_PERCENT = re.compile(
    rf"(?<![{CN_NUMERAL}\d])(?P<base>百万万|百万|千万|万万|亿|百|千|万|仟) ?分 ?之 ?"
    rf"(?P<num>\d{{1,3}}(?:[,，]\d{{3}})+(?:\.\d+)?|{_PCT_CHARS}{{1,16}}(?: {_PCT_CHARS}{{1,8}}){{0,4}})"
)  # 百 分 之 2.4, 百分之五 十: single spaces inside are read through
_FRACTION = re.compile(rf"(?P<den>[{CN_NONZERO}十两百千\d]{{1,12}})分之(?P<num>[{CN_DIGITS}十百千点\d.]{{1,16}})"
                       r"|(?<![\d/.\-])(?P<n>\d+)/(?P<d>\d+)(?![\d/.\-])")
#: A proportion written with ratio colons (8.3∶41.4∶50.3): each term is a value of unit 比例.
_RATIO = re.compile(r"(?<![\d.:∶])\d+(?:\.\d+)?(?:[∶:]\d+(?:\.\d+)?)+(?![\d.:∶])")
_HALF = re.compile(r"一半|过半|近半|多半|半数")
_DOUBLE = re.compile(r"翻了?(?P<n>一|两|二|三|四|\d)番")
_VAGUE = re.compile(rf"(?:几|数)[十百千万亿]+|[十百千万]几[十百千万亿]*|[{CN_NONZERO}]十几")
_MAX_NUMERAL = 40  # no amount is written with more characters; longer runs are codes or noise
_YI_SPLIT = re.compile(r"^(.+亿)([^亿万]+)$")
_UPPER_MAGS = str.maketrans("拾佰仟", "十百千")
_SIGN_AFTER = {"", " ", "，", "。", "；", "：", "、", "（", "(", "“", "为", "是", "长", "降", "达", "比", "\n"}
_TENTH_DIGIT = re.compile(rf"[{CN_NONZERO}半](?![{CN_NUMERAL}\d个])")


@dataclass
class _Q:
    start: int
    end: int
    value: float | int | None
    unit: str | None
    qualifier: str = "exact"
    lower: float | int | None = None
    upper: float | int | None = None
    measure: bool = False  # the unit is a bare measure word (个) that a later item may replace

    @property
    def measure_unit(self) -> bool:
        """The unit is a measure word or count noun (次, 个, 项, 所 …), not a dimension."""
        return self.unit is not None and (unit_kind(self.unit) in ("count", "place"))


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
    found: list[_Q] = []
    taken = Blocked([])
    for scan in (_scan_special, _scan_numbers):
        for q in scan(view, b0, b1, blocked):
            if not taken.overlaps(q.start, q.end):
                found.append(q)
        taken = Blocked([(q.start, q.end) for q in found])
    found = _drop_dates(found, dates, view)
    found.sort(key=lambda q: q.start)
    _share_list_units(found, view)
    _share_list_bounds(found, view)
    for q in found:
        if q.unit is None:
            q.unit = implied_unit(view, q.end) or implied_unit_before(view, q.start)
    places = [e for e in entities if e.label == "PLACE"]
    return attribute(src, found, dates, places)


@dataclass(frozen=True)
class _Pre:
    """A qualifier marker before a number: where it starts (with its negation) and what it says."""

    start: int
    qualifier: str
    marker: Marker


def _pre_marker(view: str, a: int, num: str) -> _Pre | None:
    """The marker ending at ``a`` (约, 超过, 不得低于), or None."""
    m = marker_re("before").search(view, max(0, a - _PRE_REACH), a)
    if not m:
        return None
    word = m.group()
    if any(view[m.end() - len(w):m.end()] == w for w in not_markers() if len(w) > len(word)):
        return None  # 节约, 附近, 赶超, 以上: a word of its own
    if word == "上" and num[:1] not in "十百千万亿":
        return None  # 上 is a bound only before a bare magnitude (上千万, 上万人)
    marker = qualifier_markers()[word]
    neg = negation_re().search(view, max(0, m.start() - _NEGATION_REACH), m.start())
    if neg and marker.negated:
        return _Pre(neg.start(), marker.negated, marker)  # 不低于60%: a lower bound
    return _Pre(m.start(), marker.qualifier, marker)


def _post_marker(view: str, b: int) -> tuple[int, str] | None:
    """``(end, qualifier)`` of the marker starting at ``b`` (以上, 及以下, （含）以上), or None."""
    m = marker_re("after").match(view, b)
    return (m.end(), qualifier_markers()[m["marker"]].qualifier) if m else None


def _apart_marker(view: str, a: int, num: str) -> _Pre | None:
    """至少有十个: a bound whose marker stands apart from the number with 有."""
    if view[a - 1:a] != "有":
        return None
    pre = _pre_marker(view, a - 1, num)
    return pre if pre and pre.marker.apart else None


def _scan_special(view: str, b0: int, b1: int, blocked: Blocked):
    for m in _PERCENT.finditer(view, b0, b1):
        num, end = m.group("num"), m.end()
        v = parse_number(num)
        if small_range(num[:2]) and all(c in _MAG for c in num[2:]):
            v = 0  # 百分之二三十: a vague range, read below
        while v is None and len(num) > 1:
            num, end = num[:-1], end - 1  # 百分之七十百分位: the numeral stops before 百分位
            v = parse_number(num)
        if v is None or blocked.overlaps(m.start(), end):
            continue
        scale = _PER_BASE[m.group("base").replace(" ", "")]
        rng = small_range(num[:2]) if all(c in _MAG for c in num[2:]) else None
        if rng:  # 百分之二三十: 20-30 %
            mag = 1
            for c in num[2:]:
                mag *= _MAG[c]
            yield _Q(m.start(), end, None, "%", "range", rng[0] * mag * scale, rng[1] * mag * scale)
            continue
        yield _finish(view, m.start(), end, round(v * scale, 10), "%", num)
    for m in _FRACTION.finditer(view, b0, b1):
        if blocked.overlaps(*m.span()) or m.group().startswith(("百分之", "千分之", "万分之")):
            continue
        text = m.group()
        if m.group("n") and (int(m.group("d")) == 0 or len(m.group("d")) > 3):
            continue
        v = parse_fraction(text)
        if v is not None:
            yield _finish(view, m.start(), m.end(), v, "比例", text)
    for m in _RATIO.finditer(view, b0, b1):
        if blocked.overlaps(*m.span()) or "∶" not in m.group() and m.group().count(":") < 2 and "." not in m.group():
            continue  # 10:30 is a time of day
        for part in re.finditer(r"\d+(?:\.\d+)?", m.group()):
            yield _Q(m.start() + part.start(), m.start() + part.end(), parse_number(part.group()), "比例")
    for m in _HALF.finditer(view, b0, b1):
        word = m.group()
        q = _Q(m.start(), m.end(), 0.5, "比例")
        if word == "过半":
            q.qualifier, q.lower = "lower_bound", 0.5
        elif word == "近半":
            q.qualifier = "approx"
        elif word == "多半":
            continue
        elif word == "半数" and _post_marker(view, q.end):
            q = _finish(view, q.start, q.end, 0.5, "比例", word)
        elif re.search(r"(?:超过|超|逾)[^，。；、\d]{0,3}$", view[max(0, q.start - 6):q.start]):
            q.qualifier, q.lower = "lower_bound", 0.5  # 超过全球一半
        else:
            q = _finish(view, q.start, q.end, 0.5, "比例", word)  # 一半以上, 近一半
        yield q
    for m in _DOUBLE.finditer(view, b0, b1):
        n = parse_number(m.group("n"))
        if n:
            yield _Q(m.start(), m.end(), 2 ** int(n), "倍")
    for m in _VAGUE.finditer(view, b0, b1):
        if blocked.overlaps(*m.span()):
            continue
        u = unit_at(view, m.end())
        if not u or view[m.end() + len(u[0]):m.end() + len(u[0]) + 1] == "来":
            continue
        yield _finish(view, m.start(), m.end() + len(u[0]), None, u[0], "几", approx=True)


def _finish(view, a, b, value, unit, num, approx=False) -> _Q:
    """Add the qualifier markers around ``[a, b)``."""
    q = _Q(a, b, value, unit)
    pre = _pre_marker(view, a, num)
    post = _post_marker(view, b)
    if pre:
        q.start, q.qualifier = pre.start, pre.qualifier
    elif post:
        q.qualifier = post[1]
    elif approx:
        q.qualifier = "approx"
    if post:
        q.end = post[0]
    _set_bounds(q)
    return q


def _set_bounds(q: _Q) -> None:
    if q.qualifier == "lower_bound":
        q.lower = q.value
    elif q.qualifier == "upper_bound":
        q.upper = q.value


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
                    if end - 1 > a and view[end - 1] in _MAG and u and len(u[0]) > 1 and u[0][0] == view[end - 1]:
                        v2 = parse_number(view[a:end - 1])
                        if v2 is not None:
                            return end - 1, v2
        if end - 1 > a and view[end - 1] in _MAG:
            end -= 1
        else:
            break
    return best


def _read_tail(view: str, e: int, value, num: str):
    """After the numeral at ``e``: 多/余, a magnitude, the unit, 多/余 again. Returns
    (end, value, unit, measure, marker)."""
    marker = None
    if view[e:e + 1] in ("多", "余") and (view[e + 1:e + 2] in _MAG or unit_at(view, e + 1)):
        marker = view[e]
        e += 1
        while view[e:e + 1] in _MAG and value is not None:
            value *= _MAG[view[e]]
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
        if view[e:e + 1] in ("/", "／") and (per := unit_at(view, e + 1) or per_unit_at(view, e + 1)):
            per_text = per[0]
            unit += "/" + per_text  # 645元/月, 3000元/吨
            e += 1 + len(per_text)
        if marker is None and view[e:e + 1] in ("多", "余") and not view[e + 1:e + 2] in _MAG:
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
        chinese = is_chinese_numeral(num)
        has_mag = any(ch in "万亿" for ch in view[a:e2]) or (not chinese and any(ch in _MAG for ch in num))
        pre = _pre_marker(view, a, num)
        if unit is None and not has_mag:
            q = _Q(a, e2, value, None)
            _join_range(view, q, num, b1, blocked)  # 5-10万元, 3至5年
            if q.qualifier == "range":
                if pre:
                    q.start = pre.start
                pos = q.end
                yield q
            continue
        if _not_an_amount(view, num, unit, pre, e2):
            continue
        if view[e2:e2 + 1] == "半" and unit and unit_kind(unit) not in ("currency", "percent") and value == int(value):
            value, e2 = value + 0.5, e2 + 1  # 一吨半, 一年半
        if a > 0 and view[a - 1] in "负-−－" and (view[a - 1] == "负" or view[a - 2:a - 1] in _SIGN_AFTER):
            a, value = a - 1, -value  # 负0.2千米, 增长-2.1%
        q = _Q(a, e2, value, unit, measure=measure)
        if rng and unit:
            q.value, q.lower, q.upper, q.qualifier = None, rng[0], rng[1], "range"
        _qualify(view, q, num, pre, marker)
        _join_range(view, q, num, b1, blocked)
        pos = q.end
        yield q


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
    if len(whole) > 2 and small_range(whole[:2]) and all(c in _MAG for c in whole[2:]):
        scale = 1
        for c in whole[2:]:
            scale *= _MAG[c]
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


def _not_an_amount(view: str, num: str, unit: str | None, pre: _Pre | None, e2: int) -> bool:
    """A numeral with a unit that is still not an amount: an ordinal, an article, a name, a year."""
    chinese = is_chinese_numeral(num)
    if num == "二" and unit is not None and unit_kind(unit) == "count":
        return True  # 二轮延包, 二期: a count says 两; 二 + measure word is an ordinal
    if chinese and num == "一" and not (pre and pre.marker.one) and (unit is None or unit_kind(unit) in ("count", "place", "time")):
        return True  # 一个 / 一批 / 一项: an article, not a count (一吨, 一美元 are amounts)
    if len(num) == 1 and num in CN_UPPER and (unit is None or unit_kind(unit) != "currency"):
        return True  # 伍家台, 陆家嘴: capital numerals stand alone only in sums of money
    if num[0] != "十" and all(ch in _MAG for ch in num) and not pre and unit != "人" and not _post_marker(view, e2):
        return True  # 万家忧乐, 每百户, 万吨级: a bare magnitude is an amount only as 千万人, 上千万, 万人以上
    if len(num) == 1 and num in CN_ZEROS:
        return True  # 零部件
    return unit == "年" and chinese and len(num) > 2 and not any(c in "十百千" for c in num)  # 一九五四年 is a year


def _qualify(view: str, q: _Q, num: str, pre: _Pre | None, marker: str | None) -> None:
    """The qualifier of ``q`` from the markers around it; the surface takes them in."""
    post = _post_marker(view, q.end)
    if pre:
        q.start, q.qualifier = pre.start, pre.qualifier
    elif marker:
        q.qualifier = "lower_bound"  # 266万余套
    elif post:
        q.qualifier = post[1]
    elif apart := _apart_marker(view, q.start, num):
        q.qualifier = apart.qualifier  # 至少有十个: the marker stays outside
    if post:
        q.end = post[0]
    if q.unit == "年" and view[q.end:q.end + 2] == "一遇":
        q.end += 2  # 五十年一遇: a flood return period
    if q.qualifier != "range":
        _set_bounds(q)


def _join_range(view: str, q: _Q, num: str, b1: int, blocked: Blocked) -> None:
    """3至5年, 10%—15%, 5-10万元: the second number closes a range opened by ``q``."""
    if q.qualifier not in ("exact",) or q.value is None:
        return
    j = _RANGE_JOIN.match(view, q.end)
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
    second = view[m.start():e].translate(_UPPER_MAGS)
    head2 = re.match(r"[\d.]+|[^十百千万亿]+", second)
    mags2 = [c for c in second if c in _MAG]
    big = re.search(r"[万亿]+$", second)
    if q.unit is None and big and not any(c in "万亿" for c in num) and any(c in _MAG for c in num):
        scale = 1
        for c in big.group():
            scale *= _MAG[c]
        if lower * scale <= v2:
            lower = lower * scale  # 一千到两千万元, 七千到九千亿元: the first shares the 万/亿 of the second
    elif q.unit is None and mags2 and not any(c in _MAG for c in num):
        base2 = parse_number(head2.group()) if head2 else None
        if base2 is not None and lower < base2 or mags2[-1] in "万亿":
            scale = v2 / base2 if base2 else 1
            lower = lower * scale if base2 and lower < base2 else lower  # 5-10万元, 两到三千元
            lower = int(lower) if float(lower).is_integer() else lower
    if v2 is None or lower is None or lower > v2:
        return
    q.end, q.value, q.unit, q.lower, q.upper, q.qualifier = e2, None, unit2, lower, v2, "range"


def _return_period(view: str, q: _Q) -> bool:
    """五年一遇, 二十年或五十年一遇: a flood return period is an amount of years, not a date."""
    return q.unit == "年" and (view[q.end - 2:q.end] == "一遇" or bool(_RETURN_NEXT.match(view, q.end)))


_RETURN_NEXT = re.compile(rf"(?:或|、|至|到|和)[\d{CN_DIGITS}十百]{{1,4}}年一遇")


def _drop_dates(found: list[_Q], dates: Sequence[DateExpr], view: str) -> list[_Q]:
    """A numeral inside a date is not a quantity, except a duration; N年 needs a duration date."""
    spans = Blocked([(d.start, d.end) for d in dates if d.kind != "duration"])
    durations = [(d.start, d.end) for d in dates if d.kind == "duration"]
    out = []
    for q in found:
        if spans.overlaps(q.start, q.end):
            continue
        if q.unit in ("年", "个月") and q.value is not None and not any(a < q.end and q.start < b for a, b in durations) \
                and not _return_period(view, q):
            continue
        out.append(q)
    return out


def _share_list_units(found: list[_Q], view: str) -> None:
    """5个、4.2个、3个百分点: the last item's noun is the unit of the whole list."""
    for i in range(len(found) - 1, 0, -1):
        cur, prev = found[i], found[i - 1]
        gap = view[prev.end:cur.start]
        listed = gap in ("、", "和", "及") or (0 < len(gap) <= 2 and gap[0] in "、和")
        if listed and prev.measure and prev.unit == "个" and cur.unit and unit_kind(cur.unit) in ("place", "percent"):
            prev.unit = cur.unit
            prev.measure = cur.measure


_BOUND_AFTER = re.compile(r"(?:（含）|\(含\)|及)?(?:以上|以下)$")
_LIST_JOINS = ("、", "和", "及", "或", "或者")


def _share_list_bounds(found: list[_Q], view: str) -> None:
    """六十斤、八十斤或者一百斤以上: a bound written after the last item of a list of values in the
    same unit bounds every item (the items before it carry no marker of their own)."""
    shared = False  # the current item took its bound from the item after it
    for i in range(len(found) - 1, 0, -1):
        cur, prev = found[i], found[i - 1]
        marked = cur.qualifier in ("lower_bound", "upper_bound") and _BOUND_AFTER.search(view, cur.start, cur.end)
        shared = bool((marked or shared) and view[prev.end:cur.start] in _LIST_JOINS and prev.qualifier == "exact"
                      and prev.unit == cur.unit and prev.value is not None)
        if shared:
            prev.qualifier = cur.qualifier
            _set_bounds(prev)

