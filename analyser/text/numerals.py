"""Numbers written in Chinese texts: Arabic, Chinese numerals, and the two mixed.

The patterns here find a numeral in the Simplified view (:mod:`analyser.text.normalize` has already
folded full-width digits and Traditional characters such as 萬/億/兩/點/幾); :func:`parse_number`
turns one matched numeral into a value. Chinese numerals are converted with ``cn2an`` on the
matched string only, never on a whole text.

Examples
--------
>>> parse_number("3541.07万")
35410700
>>> parse_number("一千二百万")
12000000
>>> parse_number("十亿3000万")
1030000000
>>> parse_number("11 900")
11900
>>> [m.group() for m in NUMBER_RE.finditer("建成3.5万个，投入1,100万元和一百零八亿度")]
['3.5万', '1,100万', '一百零八亿']
"""
from __future__ import annotations

import bisect
import re
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

__all__ = [
    "CN_DIGITS",
    "CN_MAGNITUDES",
    "CN_NONZERO",
    "CN_NUMERAL",
    "CN_UPPER",
    "CN_ZEROS",
    "NUMBER_RE",
    "SEQUENCE_DIGITS",
    "digit_sequence_value",
    "find_numbers",
    "is_chinese_numeral",
    "money_tail",
    "parse_fraction",
    "parse_number",
    "small_number",
    "small_range",
]

# The character classes below are the one definition of Chinese numerals for the whole package:
# patterns elsewhere build their classes from them (``rf"[{CN_NONZERO}十]"``) instead of spelling
# the characters out.

#: The digits one to nine.
CN_NONZERO = "一二三四五六七八九"
#: The ways zero is written: 〇, the look-alike ○ (U+25CB) of many transcriptions, and 零.
CN_ZEROS = "〇○零"
#: Digits read one by one in years and codes (一九五四, 二〇二六): zero to nine.
SEQUENCE_DIGITS = CN_ZEROS + CN_NONZERO
#: Chinese digits as they appear in the Simplified view (两 = 2, 〇/零 = 0).
CN_DIGITS = SEQUENCE_DIGITS + "两"
#: Magnitude characters.
CN_MAGNITUDES = "十百千万亿"
#: Every character of an ordinary Chinese numeral: the digits and the magnitudes.
CN_NUMERAL = CN_DIGITS + CN_MAGNITUDES
#: The financial (capital) forms of 一 … 九, 十, 百, 千, written on cheques and formal sums.
CN_UPPER = "壹贰叁肆伍陆柒捌玖拾佰仟"
_CN_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2, "○": 0}
_MAG_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

# An Arabic number: 1,100  /  11 900 (thin or plain space between thousands, as Hong Kong texts
# group them)  /  3541.07. A space group needs 1-3 leading digits and exactly three after it.
_ARABIC = (
    r"(?:\d{1,3}(?:[,，]\d{3})+(?!\d)|\d{1,3}(?:[ \u2009\u202f\u00a0]\d{3})+(?![\d.])|\d+)"
    r"(?:\.\d+)?"
)
_UPPER = CN_UPPER
_CN_CHARS = rf"{CN_NUMERAL}廿卅{_UPPER}"
#: Spaces a numeral may be broken by between two numeral characters (三千 九百 六十五, 7万 5千).
_SP = r"[ \u3000]{1,2}"
#: 兆 is a magnitude (10^12) only inside a numeral that goes on (五兆六十二亿); 兆瓦, 兆赫 are units.
_ZHAO = rf"兆(?=[{_CN_CHARS}])"
_CN_RUN = (
    rf"[{_CN_CHARS}]+(?:(?:{_SP}|{_ZHAO})[{_CN_CHARS}]+){{0,8}}"
    rf"(?:(?:{_SP})?点(?:{_SP})?(?:[{CN_DIGITS}{_UPPER}]+|\d+))?"
)
_ATOM = rf"(?:{_ARABIC}(?:(?:{_SP})?[十百千万亿拾佰仟])*|{_CN_RUN})"
#: One numeral: atoms joined where a magnitude ends the previous one (十亿3000万, 5万4千).
NUMBER_RE = re.compile(rf"(?<![\d.]){_ATOM}(?:(?<=[十百千万亿零拾佰仟])(?:{_SP})?{_ATOM})*")

_UPPER_TO_LOWER = str.maketrans(CN_UPPER + "○", CN_NONZERO + "十百千〇")  # and ○ (U+25CB) read as 〇
_SPACES = re.compile(r"[,，\s\u2009\u202f\u00a0]")
_ARABIC_MAG = re.compile(r"^(\d+(?:\.\d+)?)([十百千万亿]*)$")


def is_chinese_numeral(s: str) -> bool:
    """True when ``s`` holds no Arabic digit.

    >>> is_chinese_numeral("三十"), is_chinese_numeral("3万")
    (True, False)
    """
    return not any(ch.isdigit() for ch in s)


def _as_number(x: float) -> int | float:
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e18:
        return int(x)
    if isinstance(x, float):
        return round(x, 10)
    return x


def digit_sequence_value(s: str) -> int | None:
    """Read digit by digit (years written 一九五四, 二〇二六); None unless every char is a digit.

    >>> digit_sequence_value("二〇二六"), digit_sequence_value("二十")
    (2026, None)
    """
    if not s or len(s) > 32 or any(ch not in _CN_VALUE and not ch.isdigit() for ch in s):
        return None
    return int("".join(str(_CN_VALUE[ch]) if ch in _CN_VALUE else ch for ch in s))


@lru_cache(maxsize=4096)
def _cn2an(s: str) -> float | None:
    import cn2an

    try:
        return cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None


@lru_cache(maxsize=8192)
def parse_number(s: str) -> int | float | None:
    """Value of one numeral (Arabic, Chinese, or mixed); None when it is not a well-formed number.

    >>> parse_number("800亿"), parse_number("千万"), parse_number("百分")
    (80000000000, 10000000, None)
    >>> parse_number("三十六点九"), parse_number("1.39万亿"), parse_number("二百十七万")
    (36.9, 1390000000000, 2170000)
    """
    s = _SPACES.sub("", s)
    if not s or len(s) > 32:
        return None
    m = _ARABIC_MAG.match(s.translate(_UPPER_TO_LOWER))
    if m:
        num, mags = m.groups()
        if mags and len(mags) > 1 and not _mags_ok(mags):
            return None
        exact = Decimal(num)
        for ch in mags:
            exact *= _MAG_VALUE[ch]
        return int(exact) if exact == exact.to_integral_value() else float(exact)
    text = s.translate(_UPPER_TO_LOWER).replace("廿", "二十").replace("卅", "三十")
    if "兆" in text:  # 五兆六十二亿: 兆 = 10^12 inside a numeral
        head, _, tail = text.partition("兆")
        hv, tv = parse_number(head), (parse_number(tail) if tail else 0)
        if hv is None or tv is None or tv >= 10**12:
            return None
        return _as_number(float(Decimal(str(hv)) * 10**12 + Decimal(str(tv))))
    if text[0] in "百千万亿":
        text = "一" + text
    if text.startswith("十") and len(text) > 1 and text[1] in "万亿":
        text = "一" + text
    # digit-by-digit readings of more than two digits (一九五四) are codes or years, not amounts
    if len(text) > 2 and digit_sequence_value(text) is not None:
        return digit_sequence_value(text)
    value = _cn2an(text)
    if value is None:
        # a trailing run of magnitudes cn2an refuses (三千万亿): multiply out
        m = re.match(r"^(.*?[^十百千万亿])([万亿]+)$", text)
        if m:
            head = _cn2an(m.group(1)) if not m.group(1).replace(".", "").isdigit() else float(m.group(1))
            if head is not None and _mags_ok(m.group(2)):
                value = head
                for ch in m.group(2):
                    value *= _MAG_VALUE[ch]
    if value is None:
        return None
    return _as_number(float(value))


def _mags_ok(mags: str) -> bool:
    """A run of magnitudes must grow (千万, 万亿, 百万), never repeat a small one (十十)."""
    vals = [_MAG_VALUE[c] for c in mags]
    return all(a < b for a, b in pairwise(vals)) or all(v >= 10_000 for v in vals)


def small_number(s: str, most: int = 999) -> int | None:
    """A whole number from 0 to ``most`` written in Arabic or Chinese digits (days, months, ordinals,
    years of an era), or None.

    >>> small_number("十二"), small_number("三十一"), small_number("一一六"), small_number("05")
    (12, 31, 116, 5)
    >>> small_number("百", most=99), small_number("二点五"), small_number("")
    (None, None, None)
    """
    if not s:
        return None
    value = int(s) if s.isdigit() else parse_number(s)
    if value is None or value != int(value) or not 0 <= value <= most:
        return None
    return int(value)


_FRACTION = re.compile(r"^(.+)分之(.+)$")


def parse_fraction(s: str) -> float | None:
    """``五分之一`` -> 0.2, ``1/5`` -> 0.2; None when not a fraction.

    >>> parse_fraction("五分之一"), parse_fraction("3/4")
    (0.2, 0.75)
    """
    if "/" in s:
        a, _, b = s.partition("/")
        num, den = parse_number(a), parse_number(b)
    else:
        m = _FRACTION.match(s)
        if not m:
            return None
        den, num = parse_number(m.group(1)), parse_number(m.group(2))
    if num is None or not den:
        return None
    return round(num / den, 10)


_RANGE_PAIRS = {"两三", "二三", "三四", "三五", "四五", "五六", "六七", "七八", "八九", "一两", "一二"}


def small_range(s: str) -> tuple[int, int] | None:
    """Two neighbouring digits read as a vague range: ``三五`` -> (3, 5), ``七八`` -> (7, 8).

    >>> small_range("三五"), small_range("三十")
    ((3, 5), None)
    """
    if s in _RANGE_PAIRS:
        return _CN_VALUE[s[0]], _CN_VALUE[s[1]]
    return None


_FR_INT = rf"[\d{CN_DIGITS}十百千万{CN_UPPER}]"
_FR_NUM = rf"[\d.{CN_DIGITS}十百千万点{CN_UPPER}]"
_S2 = r"[ \u3000]{0,2}"
_SIGNED_FRACTION = re.compile(
    rf"(?P<neg>负|-)?(?:(?P<whole>{_FR_INT}{{1,16}}(?: {_FR_INT}{{1,8}}){{0,4}}){_S2}又{_S2})?"
    rf"(?P<den>{_FR_NUM}{{1,16}}(?: {_FR_NUM}{{1,8}}){{0,4}}){_S2}分{_S2}之{_S2}(?P<nneg>负|-)?"
    rf"(?P<num>{_FR_NUM}{{1,16}}(?: {_FR_NUM}{{1,8}}){{0,4}})"
    r"|(?<![\d/])(?P<sign>-|－)?(?P<n>\d+)[/／](?P<d>\d+)(?![\d/])"
)


_VAGUE_MAG = re.compile(r"[ \u3000]{0,2}[多余几][ \u3000]{0,2}([十百千万亿]+)")


def find_numbers(view: str) -> list[tuple[int, int, int | float]]:
    """Every well-formed number of ``view`` with its value: numerals, fractions (五分之一, 1/5),
    and a sign written 负 or ``-`` before it. Units, qualifiers and context are not considered:
    this is the number layer under :func:`~analyser.extract.quantities.extract_quantities`.

    >>> find_numbers("负三十二和五分之一，共1,100万")
    [(0, 4, -32), (5, 9, 0.2), (11, 17, 11000000)]
    """
    out: list[tuple[int, int, int | float]] = []
    taken: list[tuple[int, int]] = []
    for m in _SIGNED_FRACTION.finditer(view):
        if m.group("n"):
            num, den = int(m.group("n")), int(m.group("d"))
            value = round(num / den, 10) if den else None
            if value is not None and m.group("sign"):
                value = -value
        else:
            den_v, num_v = parse_number(m.group("den")), parse_number(m.group("num"))
            value = round(num_v / den_v, 10) if den_v and num_v is not None else None
            if value is not None and m.group("whole"):  # 三又二分之一: a mixed fraction
                whole = parse_number(m.group("whole"))
                value = None if whole is None else round(whole + value, 10)
            if value is not None and bool(m.group("neg")) != bool(m.group("nneg")):
                value = -value
        if value is not None:
            out.append((m.start(), m.end(), _as_number(float(value))))
            taken.append(m.span())
    for m in _SCIENTIFIC.finditer(view):
        value = _scientific_value(m)
        if value is not None:
            out.append((m.start(), m.end(), value))
            taken.append(m.span())
    taken.sort()
    starts = [x for x, _ in taken]
    reach = 0  # the end of the last amount extended past its numeral (十余万, 50元6角三分)
    for m in NUMBER_RE.finditer(view):
        a, b = m.span()
        k = bisect.bisect_left(starts, b) - 1
        if b - a > 40 or a < reach or k >= 0 and max(y for _, y in taken[max(0, k - 2):k + 1]) > a:
            continue
        value = parse_number(m.group())
        end = b
        while value is None and end - 1 > a and view[end - 1] in "十百千万亿":
            end -= 1
            value = parse_number(view[a:end])
        if value is None:
            continue
        tail = _VAGUE_MAG.match(view, end)
        if tail and isinstance(value, (int, float)):
            for ch in tail.group(1):
                value *= _MAG_VALUE[ch]
            end = tail.end()
            reach = end
        if a > 0 and view[a - 1] in "负-−－" and not (a > 1 and view[a - 2].isalnum() and view[a - 1] != "负"):
            a -= 1
            value = -value
        if (cents := money_tail(view, end)) is not None:
            end, value = cents[0], _as_number(float(Decimal(str(value)) + Decimal(str(cents[1]))))
            reach = end
        out.append((a, end, value))
    return sorted(out)


#: 1.5e3, -12e-1, 2^5: scientific notation and powers (technical annexes print them).
_SCIENTIFIC = re.compile(
    r"(?<![\w.])(?P<sign>[-−－])?(?P<m>\d+(?:\.\d+)?)(?:[eE](?P<e>[+\-−－]?\d{1,3})|\^(?P<p>[+\-−－]{0,2}\d{1,3}))(?![\w.])"
)


def _scientific_value(m: re.Match) -> int | float | None:
    mant = Decimal(m.group("m"))
    if m.group("e") is not None:
        value = mant.scaleb(int(m.group("e").replace("−", "-").replace("－", "-")))
    else:
        p = m.group("p")
        minus = sum(ch in "-−－" for ch in p) % 2
        try:
            value = Decimal(float(mant) ** (-int(p.lstrip("+-−－")) if minus else int(p.lstrip("+-−－"))))
        except OverflowError:
            return None
    if m.group("sign"):
        value = -value
    return _as_number(float(value))


_CENTS = re.compile(rf"[元圆块](?P<jiao>[{_CN_CHARS}\d]{{1,3}})[角毛](?:(?P<fen>[{_CN_CHARS}\d]{{1,3}})分)?")


def money_tail(view: str, pos: int) -> tuple[int, float] | None:
    """元 followed by 角/毛 (and 分) at ``pos``: the end of the amount and the fraction of a yuan.

    >>> money_tail("元6角三分", 0)
    (5, 0.63)
    """
    m = _CENTS.match(view, pos)
    if not m:
        return None
    jiao = parse_number(m.group("jiao"))
    fen = parse_number(m.group("fen")) if m.group("fen") else 0
    if jiao is None or fen is None or jiao >= 10 or fen >= 10:
        return None
    return m.end(), round(jiao / 10 + fen / 100, 2)
