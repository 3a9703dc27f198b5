"""Durations: 5年, 六十四年, 将近十年, 近10年, and the interval a duration covers when the text anchors it.

A duration is read in two steps: :func:`duration` decides whether ``N年`` / ``N个月`` is a length of
time at all (not 五年来, 三年一遇, “一年建设、两年入住”) and gives ``P5Y``; :func:`anchor_durations`
then gives it its years when the text allows it:

* from a start year in the sentence: 从2018年起三年 -> 2018/2020 (N calendar years from the start;
  从一九五七年起的二十年间 -> 1957/1976);
  counted as time gone by (从1955年开始…历经64年) the end is the start plus N: 1955/2019;
* from an end year in the sentence: 用三年时间，到2020年 -> 2018/2020;
* from a period of the same length just before (“十三五”以来…用5年时间 -> 2016/2020), or a range of
  years of that length earlier in the sentence (从二〇三五年到本世纪中叶…再奋斗十五年 -> 2035/2050);
* looking back (用了五年, 历经五年, 回顾十四年走过的道路, 十四年伟大实践的经验), the years a look back of that length
  covers (:meth:`.Frame.looking_back`): ending the year before the document's, or the document's
  own year late in it (a congress report of October counts its own year).

A programme or a deadline ahead without an anchor (三年行动, 3年内) keeps ``P3Y``, and so does an
estimate or a threshold (将近十年, 1年以上).
"""
from __future__ import annotations

import re

from analyser.facts import DateExpr
from analyser.text.document import DocumentText
from analyser.text.numerals import CN_DIGITS, digit_sequence_value, parse_number

from .frame import Frame
from .relative import recent

__all__ = ["ANCHOR_REACH", "anchor_durations", "duration"]

#: How far before a duration's sentence (in characters) a period of the same length may anchor it:
#: about two sentences of a report (“十三五”以来…。…用5年时间).
ANCHOR_REACH = 400
#: The longest duration read (a longer number of years is a count or a code).
_MAX_YEARS = 500

_NOT_DURATION_AFTER = re.compile(
    r"^(?:来|以来|多来|级|度|代|制|龄|期|计划|规划|行动计划|前|后|之前|之后|以前|以后|一遇"
    rf"|(?:或|、|至|到|和)[\d{CN_DIGITS}十百]{{1,4}}年一遇)"  # 二十年或五十年一遇: return periods
)
_NOT_DURATION_BEFORE = ("第", "每", "个", "前", "后", "这", "那", "头", "几", "数")
_ANCHOR_AFTER = re.compile(r"共|累计|期间|间")
#: A duration followed by these is a programme or a deadline ahead (三年行动, 3年内), not a past stretch.
_AHEAD_AFTER = re.compile(r"行动|攻坚|内|之内|以内|左右|时间内|过渡期")
#: Before a duration in its sentence, words of an aim or a decision: the stretch lies ahead
#: (力争用三年时间, 国务院决定，用三年时间), however the sentence goes on.
_AHEAD_BEFORE = re.compile(r"力争|争取|计划|拟|预计|决定|将用|要用|再用")
#: A duration with a bound (1年以上, 将近十年) is a threshold or an estimate, not a dated stretch.
_BOUNDED = re.compile(r"以上|以下|左右|多|将近|近|约|超过")
#: Words that put a sentence in the past, so that a bare duration ends before the document's year.
_PAST = re.compile(r"用了|历经|经过|经历|历时|连续|已经|已|了|来|回顾|走过")
#: After a duration, the practice or the course it names: a stretch gone by (十四年伟大实践的经验,
#: 十年奋斗历程, 五年的实践).
_PAST_AFTER = re.compile(r"的?[^，。；、\n]{0,4}?(?:实践|历程)")
#: Before a duration of the years its figures cover (二十年间), a start year: the duration counts
#: from it (从一九五七年起的二十年间), not back from the document.
_SINCE_BEFORE = re.compile(r"(?:从|自)[^，。；\n]{2,8}年(?:起|开始|以后)?的?$")
#: Before a duration, words that count N years from a point in time rather than N calendar years:
#: time gone by (从1955年开始…历经64年: 1955 + 64) or a further stretch after a stage ends
#: (从二〇三五年到本世纪中叶…再奋斗十五年: 2035 + 15).
_ELAPSED = re.compile(r"历经|历时|经过|经历|再")
#: Before a year, words that make it the start of the stretch (从2018年起, 自今年开始).
_START_BEFORE = re.compile(r"(?:从|自)$")
#: Before a year, words that make it the end of the stretch (到2020年, 至2020年).
_END_BEFORE = re.compile(r"(?:到|至)$")
#: Approximations whose words stay outside the duration's surface only when they are not estimates.
_KEEP_QUALIFIER = ("将近", "近", "约", "大约", "超过")


def duration(m, scan):
    """``(start, end, value, "duration")`` of 5年 / 将近十年 (``P5Y``), or None when not a length."""
    a, b = m.span()
    view = scan.view
    n_s, unit = m["dn"], m["du"]
    if _NOT_DURATION_AFTER.match(view[b:b + 8]) or view[a - 1:a] in _NOT_DURATION_BEFORE:
        return None
    if _in_short_quote(view, a, b):
        return None  # “一年建设、两年入住、三年脱贫”: a schedule formula, not a length of time
    if m["dq"] == "近" and not m["dpost"]:
        n = parse_number(n_s)  # 近5年: the last five years up to the document
        return recent(m, scan, int(n)) if n and n == int(n) else None
    if n_s.isdigit() and len(n_s) >= 3 and unit == "年":
        return None  # 2018年 is a year
    if not n_s[0].isdigit() and len(n_s) >= 3 and digit_sequence_value(n_s) is not None:
        return None  # 一九五四年 is a year
    n = parse_number(n_s)
    if not n or n > _MAX_YEARS:
        return None
    if n_s == "一" and not m["dq"]:
        return None  # 一年 is mostly 一年一度 / 一年建设 (formula) or the article
    if view[b:b + 1] in ("一", "二", "三", "两") and view[a - 1:a] in ("、", "“"):
        return None
    if _ANCHOR_AFTER.match(view, b) and unit == "年" and not m["dq"] and not _SINCE_BEFORE.search(view, max(0, a - 12), a):
        return _covered_years(a, b, n, scan)  # 五年共投资, 五年累计投入: the period the figures cover
    start = a if m["dq"] in _KEEP_QUALIFIER else a + len(m["dq"] or "")
    n_txt = int(n) if n == int(n) else n
    return start, b, f"P{n_txt}{'Y' if unit == '年' else 'M'}", "duration"


def _covered_years(a: int, b: int, n, scan):
    """五年共投资: the N years a look back covers (see :meth:`.Frame.looking_back`)."""
    if scan.frame.year is None or n != int(n):
        return a, b, None, "relative_period"
    return a, b, scan.frame.looking_back(int(n)), "relative_period"


def _in_short_quote(view: str, a: int, b: int, limit: int = 24) -> bool:
    left = max(view.rfind("“", max(0, a - limit), a), view.rfind("「", max(0, a - limit), a))
    if left < 0:
        return False
    if any(ch in view[left:a] for ch in "”」。\n"):
        return False
    close = min((i for i in (view.find("”", b, b + limit), view.find("」", b, b + limit)) if i >= 0), default=-1)
    return close >= 0 and not any(ch in view[b:close] for ch in "“「。\n")


def anchor_durations(dates: list[DateExpr], src: DocumentText, frame: Frame) -> None:
    """Give each duration of whole years its interval where the text anchors it (see the module
    docstring); ``frame`` holds the document's date. ``dates`` is sorted and changed in place."""
    for i, d in enumerate(dates):
        if d.kind != "duration" or not d.value or not d.value.endswith("Y"):
            continue
        n = float(d.value[1:-1])
        if n != int(n):
            continue
        n = int(n)
        s0, s1 = src.sentence_at(d.start)
        if _BOUNDED.search(d.text):
            continue  # 将近十年, 1年以上: an estimate or a threshold has no dated interval
        anchored = _anchored(dates, i, n, src.view, (s0, s1), frame.year)
        ahead = _AHEAD_AFTER.match(src.view, d.end) or _AHEAD_BEFORE.search(src.view, s0, d.start)
        looking_back = _PAST.search(src.view, s0, s1) is not None or _PAST_AFTER.match(src.view, d.end) is not None
        if anchored is None and not ahead and looking_back:
            anchored = frame.looking_back(n)
        if anchored:
            dates[i] = DateExpr(d.start, d.end, d.text, anchored, d.kind)


def _anchored(
    dates: list[DateExpr], i: int, n: int, view: str, sentence: tuple[int, int], year: int | None = None
) -> str | None:
    """The interval a year of the sentence, or a period of the same length before it, gives ``dates[i]``;
    ``year`` is the document's."""
    d = dates[i]
    s0, s1 = sentence
    elapsed = _ELAPSED.search(view, s0, d.start) is not None
    for j in range(i + 1, len(dates)):  # indices, not slices: a slice copies the rest of the list
        other = dates[j]
        if other.start >= s1:
            break
        if other.value and other.kind in ("year", "deictic_year") and _END_BEFORE.search(_before(view, other.start)):
            return _from_year(int(other.value[:4]), n, elapsed, end=True)  # 用三年时间，到2020年
    for j in range(i - 1, -1, -1):
        prev = dates[j]
        if prev.start < s0 - ANCHOR_REACH:
            break
        if not prev.value:
            continue
        if prev.kind == "range" and prev.start >= s0 and (span := _years_of_range(prev.value)):
            lo, hi = span  # 从二〇三五年到本世纪中叶…再奋斗十五年, 从一九八一年到本世纪末的二十年内
            if n in (hi - lo, hi - lo + 1):
                return f"{lo}/{hi}"
        if prev.kind in ("plan_period", "relative_period") and "/" in prev.value:
            lo, hi = prev.value.split("/")
            if hi == ".." and lo[:4].isdigit():
                first = int(lo[:4]) + (lo[5:7] == "12")  # 十一届三中全会 (1978-12) 以来的八年: 1979 on
                if prev.kind == "relative_period" and prev.start >= s0 and (year is None or first + n >= year - 1):
                    return f"{first}/{first + n - 1}"  # not 三中全会以来……的五年 of a later term
            elif lo[:4].isdigit() and hi[:4].isdigit() and int(hi[:4]) - int(lo[:4]) + 1 == n:
                return f"{lo[:4]}/{hi[:4]}"
        if prev.start < s0 or prev.kind not in ("year", "deictic_year"):
            continue
        before = _before(view, prev.start)
        if _END_BEFORE.search(before):
            return _from_year(int(prev.value[:4]), n, elapsed, end=True)  # 到2020年，用三年时间
        if prev.kind == "year" or _START_BEFORE.search(before):
            return _from_year(int(prev.value[:4]), n, elapsed, end=False)  # 从今年起用两年时间
    return None


def _years_of_range(value: str) -> tuple[int, int] | None:
    """The first and last year of a range of whole years (1981/2000), else None."""
    lo, _, hi = value.partition("/")
    return (int(lo), int(hi)) if len(lo) == 4 and len(hi) == 4 and lo.isdigit() and hi.isdigit() else None


def _before(view: str, pos: int) -> str:
    return view[max(0, pos - 2):pos]


def _from_year(y: int, n: int, elapsed: bool, *, end: bool) -> str:
    """The years of an N-year stretch starting (or ending) in year ``y``: N calendar years, or N
    years gone by when the sentence counts elapsed time (历经64年: 1955 + 64)."""
    span = n if elapsed else n - 1
    return f"{y - span}/{y}" if end else f"{y}/{y + span}"
