"""Dates and periods: full dates, years, months, plan periods, relative and anaphoric periods.

``extract_dates(src)`` finds temporal expressions in the article body and gives each an ISO value:

* ``date`` 2015-11-27, ``month`` 2015-07, ``year`` 2018, ``range`` 1949/1952, ``year_part``
  (2020年底 -> 2020-12, 上半年 -> 2020-01/2020-06), ``fiscal_year`` (二零一三／一四年度 -> 2013/2014);
* ``plan_period``: five-year plans (“十三五” -> 2016/2020, 第一个五年计划 -> 1953/1957);
* ``relative_period``: “十三五”以来 -> 2016/.., 2016年以来 -> 2016/.., 十八大以来 -> 2012-11/..,
  五年来 / 五年多来 resolved against ``src.published``;
* ``as_of``: 截至2020年底 -> 2020-12-31;
* ``anaphoric_year`` (当年, 同年) and ``deictic_year`` (今年, 过去一年, 全年, 这一年, 本年内) resolved from
  the context or the publication date: 今年/去年/明年 shift the document's year (publication; for a
  report, the day it was delivered), while 全年/这一年 are the year the text speaks of (the last year
  named, within reach) and 上年 the year before it; a shifted year (去年, 明年3月底) never becomes
  the frame for what follows;
* parts of a relative year: 今年年底 -> 2020-12-31, 明年3月底 -> 2021-03-31, and a month of the
  current year as a deadline (六月前 -> 2020-06);
* ``duration`` 近10年 / 近5个月: the last N years before the document's year, the last N months up
  to its month;
* ``duration``: 5年, 六十四年, 将近十年, anchored to an interval when the text allows it
  (从1955年开始…历经64年 -> 1955/2019) or, looking back, ending the year before publication;
  a programme or a deadline ahead (三年行动, 3年内) keeps ``P3Y``;

Vague expressions (新时代, 近年来, 长期以来, 今后) are left out: they name no period one can date.

Examples
--------
>>> from analyser.text.source import SourceText
>>> src = SourceText.from_text("2015年11月27日召开会议。“十三五”以来，截至2020年底完成。", published="2021-07-05")
>>> [(d.text, d.value, d.kind) for d in extract_dates(src)]
[('2015年11月27日', '2015-11-27', 'date'), ('“十三五”以来', '2016/..', 'relative_period'), ('截至2020年底', '2020-12-31', 'as_of')]
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

from analyser import data
from analyser.facts import DateExpr
from analyser.text.numerals import digit_sequence_value, parse_number
from analyser.text.source import SourceText

__all__ = ["congress_month", "extract_dates", "plan_period"]

_CD = "〇○零一二三四五六七八九"  # ○ (U+25CB) stands for 〇 in many transcriptions
_YEAR = rf"(?:1[6-9]\d\d|20\d\d|21\d\d|[一二][{_CD}]{{3}})"
_SMALL = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_NUM = rf"(?:\d{{1,6}}(?:\.\d{{1,3}})?|[{_CD}两十百千]{{1,8}})"  # bounded: no quadratic scans
_QUOTE_OPEN = "“「‘\"'"
_QUOTE_CLOSE = "”」’\"'"

# One alternation, earliest and longest first; named groups tell the kind.
_PATTERNS = [
    # fiscal year 2013/14年度, 二零一三／一四年度
    ("fiscal", rf"(?P<fy1>{_YEAR})[/／\-－—–](?P<fy2>\d\d|[{_CD}]{{2}})年度"),
    # ranges of years: 一九四九年至一九五二年, 2016—2020年, 2016年至2020年
    ("range", rf"(?P<r1>{_YEAR})年?(?:至|到|—|–|－|-|～|~)(?P<r2>{_YEAR})年(?!\d|[{_CD}]|度)"),
    # as of: 截至2020年底 / 截至2020年6月 / 截至2020年
    ("asof", rf"(?:截至|截止到|截止|截至到)(?P<ay>{_YEAR})年(?:(?P<am>{_SMALL})月(?:(?P<ad>{_SMALL})日)?|(?P<apart>底|末))?"),
    ("date", rf"(?P<y>{_YEAR})年(?P<m>{_SMALL})月(?P<d>{_SMALL})[日号]"),
    ("ndate", r"(?<![\d/.\-])(?P<ny>1[6-9]\d\d|20\d\d)(?P<sep>[/.\-])(?P<nm>\d{1,2})(?P=sep)(?P<nd>\d{1,2})(?![\d/.\-])"),
    ("month", rf"(?P<my>{_YEAR})年(?P<mm>{_SMALL})月(?:份)?(?P<mpart>上旬|中旬|下旬|底|末|初)?"),
    ("ypart", rf"(?P<py>{_YEAR})年(?P<part>底|末|初|年底|年末|年初|上半年|下半年|前三季度|(?:第?[一二三四1-4])季度)"),
    ("since_y", rf"(?P<sy>{_YEAR})年(?:以来|来)"),
    ("year", rf"(?P<yy>{_YEAR})年(?!度|代|级|龄)"),
    ("mday", rf"(?<![年\d{_CD}])(?P<dm>{_SMALL})月(?P<dd>{_SMALL})[日号]"),
    # a month of the current year as a deadline: 六月前, 9月底
    ("bmonth", rf"(?<![年\d{_CD}个])(?P<bm>{_SMALL})月(?P<bmp>底|末|前)"),
    # plan periods
    ("plan_q", r"(?P<pq>[“「‘\"](?P<pqn>十[一二三四五六七八九]五|[六七八九十]五)[”」’\"])(?P<pqs>以来|时期|期间|末|初|期末|前期|中期)?"),
    ("plan", r"(?<![十百千\d])(?P<pn>十[一二三四五六七八九]五)(?P<ps>以来|时期|期间|末期?|初期?|规划|计划)?(?![一二三四五六七八九十])"),
    ("plan_old", r"(?<![十百千\d])(?P<pon>[六七八九十]五)(?P<pos>时期|期间|规划|计划)"),
    ("plan_nth", r"第(?P<nth>[一二三四五六七八九十]{1,3})个五年(?:计划|规划)(?P<nths>期间|时期)?"),
    ("congress", r"(?P<cn>[一二]?十?[一二三四五六七八九十])大以来"),
    # relative: 五年来, 五年多来, 5年来, 一年来, 过去一年, 过去五年
    ("past", rf"过去(?P<pastn>{_NUM})年"),
    ("rel", rf"(?<![\d{_CD}十百千年])(?P<rn>{_NUM})(?:个)?年(?P<more>多)?(?:以)?来"),
    # anaphoric and deictic years
    ("ana", r"(?P<ana>当年|同年|该年|是年)"),
    ("jm", r"(?P<jm>今明两年|今后两年)"),
    ("deic_part", rf"(?P<dpy>今年|明年|去年|本年)(?P<dpp>年底|年末|年初|底|末|初|上半年|下半年|(?P<dpm>{_SMALL})月(?P<dpmp>底|末|初|份)?)"),
    ("deictic", r"(?P<deic>今年|本年内|本年度|本年|去年|上年|明年|前年|全年|这一年)"),
    # durations: 5年, 六十四年, 将近十年
    ("dur", rf"(?P<dq>将近|近|约|大约|超过|长达|历时|历经)?(?P<dn>{_NUM})(?P<dmore>多)?(?P<du>个月|年)(?P<dpost>多|左右|以上)?"),
]
# every pattern starts with one of these characters: a cheap first test before the alternation
_FIRST = r"(?=[\d〇○零一二三四五六七八九十两截“「‘\"第过当同该是今本去上明前全将近约大超长历六七八九这])"
_DATE_RE = re.compile(_FIRST + "(?:" + "|".join(f"(?P<_{name}>{pat})" for name, pat in _PATTERNS) + ")")

_MONTH_PARTS = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, None)}
_RANGE_WORDS = re.compile(r"^(?:以来|来|前|后|以后|以前|之前|之后|级|度|代|龄|期|段|计划|规划|制)")


@lru_cache(maxsize=1)
def _congresses() -> dict[int, str]:
    return {int(n): month for n, month in data.table("party_congresses.txt")}


def congress_month(n: int) -> str | None:
    """Opening month of the ``n``-th Party congress.

    >>> congress_month(18)
    '2012-11'
    """
    return _congresses().get(n)


def plan_period(n: int) -> tuple[int, int]:
    """Years of the ``n``-th five-year plan (1953-57, 1958-62, then from 1966 in fives).

    >>> plan_period(13), plan_period(1), plan_period(15)
    ((2016, 2020), (1953, 1957), (2026, 2030))
    """
    start = 1953 + 5 * (n - 1) if n <= 2 else 1966 + 5 * (n - 3)
    return start, start + 4


def _year(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    return digit_sequence_value(s)


def _small(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    v = parse_number(s)
    return int(v) if isinstance(v, (int, float)) else None


def _ymd(y: int, m: int | None = None, d: int | None = None) -> str | None:
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _fyp_number(s: str) -> int:
    """十三五 -> 13, 九五 -> 9."""
    head = s[:-1]
    return int(parse_number(head) or 0)


class _Ctx:
    """Running context while scanning: the last explicit year and the publication date."""

    def __init__(self, published: str | None) -> None:
        self.pub_year = int(published[:4]) if published else None
        self.pub_month = published[:7] if published else None
        self.last_year: int | None = None
        self.last_year_pos = -1


def extract_dates(src: SourceText) -> list[DateExpr]:
    """Find the temporal expressions of the body of ``src``, sorted by start.

    Parameters
    ----------
    src : SourceText
        The prepared text; ``src.published`` anchors relative expressions (五年来, 今年).

    Returns
    -------
    list of DateExpr

    Examples
    --------
    >>> from analyser.text.source import SourceText
    >>> src = SourceText.from_text("2018年，当年完成280万人。五年来，一九四九年至一九五二年。", published="2021-07-05")
    >>> [(d.text, d.value) for d in extract_dates(src)]
    [('2018年', '2018'), ('当年', '2018'), ('五年来', '2016/2020'), ('一九四九年至一九五二年', '1949/1952')]
    """
    from analyser.extract.quantities.filters import Blocked, blocked_spans

    view = src.view
    b0, b1 = src.body
    ctx = _Ctx(src.published)
    lexical = Blocked([(a + b0, b + b0) for a, b in blocked_spans(view[b0:b1])])
    out: list[DateExpr] = []
    for m in _DATE_RE.finditer(view, b0, b1):
        kind = m.lastgroup
        if kind is None:
            continue
        res = _resolve(kind[1:], m, view, ctx, out, src)
        if res is None:
            continue
        a, b, value, dkind = res
        if a < b0 or b > b1 or (dkind == "duration" and lexical.overlaps(a, b)):
            continue
        out.append(DateExpr(a, b, src.text[a:b], value, dkind))
        if _comparison_base(view, a):
            continue
        if view[a:a + 2] in _SHIFTED:
            continue  # 去年, 明年3月底: a year away from the one the text speaks of, not a new frame
        if dkind in ("year", "date", "month", "year_part", "as_of") and value or dkind in ("anaphoric_year", "deictic_year") and value:
            ctx.last_year, ctx.last_year_pos = int(value[:4]), a
    _anchor_durations(out, src)
    return sorted(out, key=lambda d: (d.start, d.end))


_SHIFTED = {"去年": -1, "上年": -1, "明年": 1, "前年": -2}
_BASE_BEFORE = re.compile(r"(?:比|较|比较|同|等于|相当于|超过|低于|高于)$")


def _comparison_base(view: str, a: int) -> bool:
    """A year after 比 / 等于 is the base of a comparison, not the year the text speaks of."""
    return bool(_BASE_BEFORE.search(view[max(0, a - 3):a]))


def _frame_year(ctx: _Ctx, a: int, word: str, frame: bool = False) -> int | None:
    """The year a relative word points to: the document's year (publication) shifted by the word;
    with ``frame``, the year the text is speaking of (the last year named within reach) instead."""
    base = ctx.pub_year
    if frame and ctx.last_year is not None and a - ctx.last_year_pos < 3000:
        base = ctx.last_year
    if base is None:
        base = ctx.last_year
    if base is None:
        return None
    return base + _SHIFTED.get(word, 0)


def _resolve(kind, m, view, ctx: _Ctx, prior, src):
    a, b = m.span()
    g = m.group
    if kind == "fiscal":
        y1 = _year(g("fy1"))
        tail = g("fy2")
        y2 = _year(tail) if tail.isdigit() else digit_sequence_value(tail)
        if y1 is None or y2 is None:
            return None
        y2 = y1 // 100 * 100 + y2
        return a, b, f"{y1}/{y2}", "fiscal_year"
    if kind == "range":
        y1, y2 = _year(g("r1")), _year(g("r2"))
        if y1 is None or y2 is None or y2 < y1:
            return None
        return a, b, f"{y1}/{y2}", "range"
    if kind == "asof":
        y = _year(g("ay"))
        mo, d = _small(g("am")), _small(g("ad"))
        if y is None:
            return None
        if mo and d:
            value = _ymd(y, mo, d)
        elif mo:
            value = _ymd(y, mo, calendar.monthrange(y, mo)[1]) if 1 <= mo <= 12 else None
        else:
            value = f"{y}-12-31"
        return a, b, value, "as_of"
    if kind == "date":
        y = _year(g("y"))
        return (a, b, _ymd(y, _small(g("m")), _small(g("d"))), "date") if y else None
    if kind == "ndate":
        return a, b, _ymd(int(g("ny")), int(g("nm")), int(g("nd"))), "date"
    if kind == "month":
        y, mo = _year(g("my")), _small(g("mm"))
        if y is None or mo is None:
            return None
        part = g("mpart")
        if part in ("底", "末", "下旬") or part in ("上旬", "中旬", "初"):
            return a, b, _ymd(y, mo), "month"
        return a, b, _ymd(y, mo), "month"
    if kind == "ypart":
        y = _year(g("py"))
        if y is None:
            return None
        part = g("part").lstrip("年")
        if part in ("底", "末"):
            value = f"{y}-12"
        elif part == "初":
            value = f"{y}-01"
        elif part == "上半年":
            value = f"{y}-01/{y}-06"
        elif part == "下半年":
            value = f"{y}-07/{y}-12"
        elif part == "前三季度":
            value = f"{y}-01/{y}-09"
        else:
            q = _small(part.strip("第季度")) or 1
            value = f"{y}-{3 * q - 2:02d}/{y}-{3 * q:02d}"
        return a, b, value, "year_part"
    if kind == "since_y":
        y = _year(g("sy"))
        return (a, b, f"{y}/..", "relative_period") if y else None
    if kind == "year":
        y = _year(g("yy"))
        if y is None or _RANGE_WORDS.match(view[b:b + 2]) and view[b:b + 2].startswith(("代", "级", "龄")):
            return None
        return a, b, f"{y}", "year"
    if kind == "mday":
        mo, d = _small(g("dm")), _small(g("dd"))
        y = ctx.last_year or ctx.pub_year
        if y is None or mo is None or d is None:
            return None
        return a, b, _ymd(y, mo, d), "date"
    if kind in ("plan_q", "plan", "plan_old"):
        n_s = g("pqn") or g("pn") or g("pon")
        suffix = g("pqs") if kind == "plan_q" else g("ps") if kind == "plan" else g("pos")
        if kind == "plan" and a > 0 and view[a - 1] in _QUOTE_OPEN and view[b:b + 1] != "" and view[b] in _QUOTE_CLOSE:
            return None  # handled by plan_q
        n = _fyp_number(n_s)
        if not 1 <= n <= 30:
            return None
        y1, y2 = plan_period(n)
        if kind == "plan_q":
            if suffix == "以来":
                return a, b, f"{y1}/..", "relative_period"
            if suffix in ("时期", "期间"):
                return a, b, f"{y1}/{y2}", "plan_period"
            if suffix in ("末", "期末"):
                return a, b, f"{y2}", "year_part"
            if suffix == "初":
                return a, b, f"{y1}", "year_part"
            qa = a + 1
            return qa, qa + len(n_s), f"{y1}/{y2}", "plan_period"
        if suffix == "以来":
            return a, b, f"{y1}/..", "relative_period"
        if suffix in ("时期", "期间"):
            return a, b, f"{y1}/{y2}", "plan_period"
        return a, a + len(n_s), f"{y1}/{y2}", "plan_period"
    if kind == "plan_nth":
        n = _small(g("nth"))
        if not n:
            return None
        y1, y2 = plan_period(n)
        return a, b, f"{y1}/{y2}", "plan_period"
    if kind == "congress":
        n = _small(g("cn"))
        month = congress_month(n) if n else None
        return (a, b, f"{month}/..", "relative_period") if month else None
    if kind == "past":
        n = _small(g("pastn"))
        if not n or ctx.pub_year is None:
            return a, b, None, "relative_period"
        end = ctx.pub_year - 1
        return (a, b, f"{end}", "deictic_year") if n == 1 else (a, b, f"{end - n + 1}/{end}", "relative_period")
    if kind == "rel":
        n = parse_number(g("rn"))
        if not n or n != int(n) or n > 200:
            return None
        n = int(n)
        if ctx.pub_year is None:
            return a, b, None, "relative_period"
        start = ctx.pub_year - n
        if g("more"):
            return a, b, f"{start}/{ctx.pub_month}", "relative_period"
        end = ctx.pub_year - 1
        return a, b, (f"{end}" if n == 1 else f"{start}/{end}"), "relative_period"
    if kind == "jm":
        return (a, b, f"{ctx.pub_year}/{ctx.pub_year + 1}", "range") if ctx.pub_year else (a, b, None, "range")
    if kind == "ana":
        # 当年 = that year: only with a year in the same or the previous sentence
        if ctx.last_year is None or a - ctx.last_year_pos > 200:
            return None
        return a, b, f"{ctx.last_year}", "anaphoric_year"
    if kind == "deic_part":
        y = _frame_year(ctx, a, g("dpy"))
        if y is None:
            return None
        part, mo = g("dpp"), _small(g("dpm"))
        if g("dpm"):
            if mo is None or not 1 <= mo <= 12:
                return None
            if g("dpmp") in ("底", "末"):
                return a, b, _ymd(y, mo, calendar.monthrange(y, mo)[1]), "month"
            return a, b, _ymd(y, mo), "month"
        if part in ("年底", "年末", "底", "末"):
            return a, b, f"{y}-12-31", "year_part"
        if part in ("年初", "初"):
            return a, b, f"{y}-01", "year_part"
        return a, b, (f"{y}-01/{y}-06" if part == "上半年" else f"{y}-07/{y}-12"), "year_part"
    if kind == "bmonth":
        y = ctx.last_year if ctx.last_year is not None and a - ctx.last_year_pos < 3000 else ctx.pub_year
        mo = _small(g("bm"))
        if y is None or mo is None or not 1 <= mo <= 12:
            return None
        if g("bmp") in ("底", "末"):
            return a, b, _ymd(y, mo, calendar.monthrange(y, mo)[1]), "month"
        return a, b, _ymd(y, mo), "month"
    if kind == "deictic":
        word = g("deic")
        if word == "上年":
            y = _frame_year(ctx, a, "今年", frame=True)
            return (a, b, f"{y - 1}", "deictic_year") if y is not None else (a, b, None, "deictic_year")
        if word in ("全年", "这一年"):
            if ctx.last_year is not None and a - ctx.last_year_pos < 3000:
                return a, b, f"{ctx.last_year}", "deictic_year"
            return (a, b, f"{ctx.pub_year}", "deictic_year") if ctx.pub_year else None
        base = ctx.pub_year
        if base is None:
            base = ctx.last_year
        if base is None:
            return a, b, None, "deictic_year"
        shift = {"去年": -1, "上年": -1, "明年": 1, "前年": -2}.get(word, 0)
        return a, b, f"{base + shift}", "deictic_year"
    if kind == "dur":
        res = _duration(m, view, a, b)
        if res and res[3] == "recent":
            return _recent(g, a, b, ctx)
        if res and res[3] == "relative_period":
            n = parse_number(g("dn"))
            if ctx.pub_year is None or not n or n != int(n):
                return res
            end = ctx.pub_year - 1
            return a, b, (f"{end}" if n == 1 else f"{end - int(n) + 1}/{end}"), "relative_period"
        return res
    return None


def _recent(g, a: int, b: int, ctx: _Ctx):
    """近10年, 近5个月: the last N years before the report's year, the last N months up to its month."""
    n = parse_number(g("dn"))
    if not n or n != int(n):
        return None
    if ctx.pub_year is None:
        return a, b, None, "duration"
    n = int(n)
    if g("du") == "年":
        return a, b, f"{ctx.pub_year - n}/{ctx.pub_year - 1}", "duration"
    if ctx.pub_month is None or len(ctx.pub_month) < 7 or n > 120:
        return None
    y, mo = ctx.pub_year, int(ctx.pub_month[5:7])
    k = y * 12 + mo - 1 - (n - 1)
    return a, b, f"{k // 12:04d}-{k % 12 + 1:02d}/{ctx.pub_month}", "duration"


_NOT_DURATION_AFTER = re.compile(
    r"^(?:来|以来|多来|级|度|代|制|龄|期|计划|规划|行动计划|前|后|之前|之后|以前|以后|一遇"
    r"|(?:或|、|至|到|和)[\d〇零一二三四五六七八九十百两]{1,4}年一遇)"  # 二十年或五十年一遇: return periods
)
_ANCHOR_AFTER = re.compile(r"共|累计|期间|间")
#: A duration followed by these is a programme or a deadline ahead (三年行动, 3年内), not a past stretch.
_AHEAD_AFTER = re.compile(r"行动|攻坚|内|之内|以内|左右|时间内|过渡期")
#: A duration with a bound (1年以上, 将近十年) is a threshold or an estimate, not a dated stretch.
_BOUNDED = re.compile(r"以上|以下|左右|多|将近|近|约|超过")
#: Words that put a sentence in the past, so that a bare duration ends before publication.
_PAST = re.compile(r"用了?|历经|经过|经历|历时|连续|已经|已|了|来")
_NOT_DURATION_BEFORE = ("第", "每", "近", "这", "前", "后", "头", "最近")


def _duration(m, view, a, b):
    g = m.group
    n_s = g("dn")
    after = view[b:b + 8]
    if _NOT_DURATION_AFTER.match(after) or view[a - 1:a] in ("第", "每", "个", "前", "后", "这", "那", "头", "几", "数"):
        return None
    if _in_short_quote(view, a, b):
        return None  # “一年建设、两年入住、三年脱贫”: a schedule formula, not a length of time
    if g("dq") == "近" and not g("dpost"):
        return a, b, None, "recent"  # 近5年 = the last five years up to the report (see _resolve)
    if n_s.isdigit() and len(n_s) >= 3 and g("du") == "年":
        return None
    if not n_s[0].isdigit() and len(n_s) >= 3 and digit_sequence_value(n_s) is not None:
        return None
    n = parse_number(n_s)
    if not n or n > 500:
        return None
    if len(n_s) == 1 and n_s == "一" and not g("dq"):
        return None  # 一年 is mostly 一年一度 / 一年建设 (formula) or the article
    if view[b:b + 1] in ("一", "二", "三", "两") and view[a - 1:a] in ("、", "“"):
        return None
    if _ANCHOR_AFTER.match(view, b) and g("du") == "年" and not g("dq"):
        return a, b, None, "relative_period"  # 五年共投资, 五年累计投入: the period the figures cover
    a2 = a if g("dq") in ("将近", "近", "约", "大约", "超过") else a + (len(g("dq")) if g("dq") else 0)
    b2 = b
    unit = "Y" if g("du") == "年" else "M"
    n_txt = int(n) if n == int(n) else n
    return a2, b2, f"P{n_txt}{unit}", "duration"


def _in_short_quote(view: str, a: int, b: int, limit: int = 24) -> bool:
    left = max(view.rfind("“", max(0, a - limit), a), view.rfind("「", max(0, a - limit), a))
    if left < 0:
        return False
    if any(ch in view[left:a] for ch in "”」。\n"):
        return False
    close = min((i for i in (view.find("”", b, b + limit), view.find("」", b, b + limit)) if i >= 0), default=-1)
    return close >= 0 and not any(ch in view[b:close] for ch in "“「。\n")


_START_MARK = re.compile(r"(?:从|自|于)?$")


def _anchor_durations(dates: list[DateExpr], src: SourceText) -> None:
    """Give a duration its interval: from a start year in the sentence (从1955年开始…历经64年),
    from a period of the same length near it (“十三五”以来…用5年时间), or ending the year
    before publication (a report looks back)."""
    pub_year = int(src.published[:4]) if src.published else None
    for i, d in enumerate(dates):
        if d.kind != "duration" or not d.value or not d.value.endswith("Y"):
            continue
        n = float(d.value[1:-1])
        if n != int(n):
            continue
        n = int(n)
        s0, _ = src.sentence_at(d.start)
        anchored = None
        for prev in reversed(dates[:i]):
            if prev.start < s0 - 400:
                break
            if not prev.value:
                continue
            if prev.kind in ("plan_period", "relative_period") and "/" in prev.value:
                lo, hi = prev.value.split("/")
                if hi == ".." and lo[:4].isdigit():
                    y1 = int(lo[:4])
                    if prev.kind == "relative_period" and prev.start >= s0:
                        anchored = f"{y1}/{y1 + n - 1}"
                        break
                elif lo[:4].isdigit() and hi[:4].isdigit() and int(hi[:4]) - int(lo[:4]) + 1 == n:
                    anchored = f"{lo[:4]}/{hi[:4]}"
                    break
            if prev.kind == "year" and prev.start >= s0:
                y1 = int(prev.value[:4])
                anchored = f"{y1}/{y1 + n}"
                break
        ahead = _AHEAD_AFTER.match(src.view, d.end) or _BOUNDED.search(d.text)
        s0, s1 = src.sentence_at(d.start)
        looking_back = _PAST.search(src.view, s0, s1) is not None
        if anchored is None and pub_year is not None and not ahead and looking_back:
            end = pub_year - 1
            anchored = f"{end - n + 1}/{end}"
        if anchored:
            dates[i] = DateExpr(d.start, d.end, d.text, anchored, d.kind)
