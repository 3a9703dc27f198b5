"""The year an undated text tells it belongs to.

A work report or a congress report often prints no date, but says which year it is of: its title
(2014年政府工作报告), the year its review covers (一、2009年工作回顾, 首先报告2001年的工作, 刚刚过去的1984年:
a report of the following year), the plan period it reviews (一、“十一五”时期…的回顾: 2011), the
year it plans (二、2005年工作总体部署), the session of the National People's Congress it is addressed
to (向第一届全国人民代表大会第五次会议: 1958; 从去年9月第五届全国人民代表大会第三次会议…: 1981;
去年举行的六届人大一次会议: 1984), the Party
congress it is read to (代表第十六届中央委员会向大会作报告, 中国共产党第九次全国代表大会，…: its month).

:data:`CUES` is the table: (pattern, where it is looked for, resolver). The first cue that gives a
value wins, in table order.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from analyser import data
from analyser.text.document import DocumentText
from analyser.text.numerals import SEQUENCE_DIGITS, small_number

from .explicit import congress_month, plan_period, year_of
from .patterns import YEAR_DIGITS

__all__ = ["CUES", "government_start", "npc_session_year", "told_date"]

#: A year, its digits sometimes spaced out in transcribed texts (1 9 9 8 年).
_YEAR = rf"(?P<y>\d(?:[ 　]?\d){{3}}[ 　]?|[一二][{YEAR_DIGITS}]{{3}})"
_N = r"[一二三四五六七八九十]{1,3}"
_FIVE = r"十?[一二三四五六七八九]五|十五"
_NPC = "(?:全国人民代表大会|全国人大|人大)"  # 第六届全国人民代表大会第一次会议, 六届人大一次会议  # 六五 … 十五, 十一五 … 十九五
_HEAD = r"^[\s　]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])?[\s　]*"
#: How far into the body the opening cues are looked for.
OPENING = 5000


@lru_cache(maxsize=1)
def _npc() -> dict[int, tuple[int, ...]]:
    return {int(n): tuple(int(y) for y in years.split()) for n, years in data.table("npc_sessions.txt")}


def npc_session_year(term: int, session: int = 1) -> int | None:
    """The year of the ``session``-th session of the ``term``-th National People's Congress.

    >>> npc_session_year(1, 5), npc_session_year(2, 3), npc_session_year(10)
    (1958, 1962, 2003)
    """
    years = _npc().get(term, ())
    return years[session - 1] if 1 <= session <= len(years) else None


#: From the 7th NPC (1988) on, a term's first session, which forms the government, meets in March.
_MARCH_FROM_TERM = 7


def government_start(dated: str | None) -> str | None:
    """When the government in office on the date ``dated`` (ISO) was formed: the first session of
    the NPC term the date falls in (``YYYY-03`` from the 7th NPC on, the year before). A report read
    to a term's first session, up to its March, is the outgoing government's: its term began at the
    first session of the term before. None without a date or outside the known terms.

    >>> government_start("2017-03-05"), government_start("2018-03-05"), government_start("2018-11-07")
    ('2013-03', '2013-03', '2018-03')
    >>> government_start("1958"), government_start(None)
    ('1954', None)
    """
    if not dated:
        return None
    y = int(dated[:4])
    month = int(dated[5:7]) if len(dated) >= 7 else None
    terms = sorted(_npc().items())
    for i, (term, years) in enumerate(terms):
        if years[0] <= y and (i + 1 == len(terms) or y < terms[i + 1][1][0]):
            if y == years[0] and month is not None and month <= 3 and i > 0:
                term, years = terms[i - 1]
            return f"{years[0]}-03" if term >= _MARCH_FROM_TERM else f"{years[0]}"
    return None


def _year(m: re.Match, shift: int = 0) -> str | None:
    y = year_of(re.sub(r"[ 　]", "", m["y"]))
    return f"{y + shift}" if y else None


def _plan_end(m: re.Match) -> str | None:
    n = small_number(m["p"][:-1]) if m["p"] else None
    return f"{plan_period(n)[1] + 1}" if n else None


def _session(m: re.Match, shift: int = 0) -> str | None:
    term = small_number(m["t"])
    y = npc_session_year(term, small_number(m["s"]) if m["s"] else 1) if term else None
    return f"{y + shift}" if y else None


def _central_committee(m: re.Match) -> str | None:
    n = small_number(m["c"])
    return congress_month(n + 1) if n else None


def _congress(m: re.Match) -> str | None:
    n = small_number(m["c"])
    return congress_month(n) if n else None


Resolver = Callable[[re.Match], "str | None"]
#: (pattern, where: "head" before the body, "first" its first line, "opening" the first
#: :data:`OPENING` characters of the body, "body" all of it, resolver), in order of trust.
CUES: list[tuple[re.Pattern, str, Resolver]] = [
    (re.compile(rf"^\s*{_YEAR}年[^\n。，]{{0,30}}工作报告\s*$", re.MULTILINE), "head", _year),
    (re.compile(rf"{_HEAD}{_YEAR}年[^\n。，]{{0,8}}回顾", re.MULTILINE), "opening", lambda m: _year(m, 1)),
    (re.compile(rf"(?:首先报告|刚刚过去的){_YEAR}年"), "opening", lambda m: _year(m, 1)),
    (re.compile(rf"{_HEAD}(?:去年|过去一年)(?:的)?工作(?:的)?回顾\s*\n[\s　]*{_YEAR}年", re.MULTILINE), "opening", lambda m: _year(m, 1)),
    (re.compile(rf"{_HEAD}[“\"]?(?P<p>{_FIVE})[”\"]?(?:时期|计划)[^\n。，]{{0,16}}回顾", re.MULTILINE), "opening", _plan_end),
    (re.compile(rf"(?:向|我们)第?(?P<t>{_N})届{_NPC}(?:第?(?P<s>{_N})次会议)?"), "opening", _session),
    (re.compile(rf"去年[^，。]{{0,6}}第?(?P<t>{_N})届{_NPC}第?(?P<s>{_N})次会议"), "opening", lambda m: _session(m, 1)),
    (re.compile(rf"(?:代表|受)(?:中国共产党)?第?(?P<c>{_N})届中央委员会(?:委托)?，?向(?:党的第{_N}次全国代表大会|大会|全会)?作报告"),
     "opening", _central_committee),
    (re.compile(rf"^[\s　]*中国共产党第(?P<c>{_N})次全国代表大会[，,是现]", re.MULTILINE), "first", _congress),
    (re.compile(rf"{_HEAD}(?:关于)?{_YEAR}年[^\n。，]{{0,12}}(?:部署|安排|任务|建议)\s*$", re.MULTILINE), "body", _year),
]


def told_date(src: DocumentText) -> str | None:
    """The year (or month) an undated text tells it belongs to (see the module docstring); ISO, or None.

    >>> told_date(DocumentText.from_text("现在，我代表第十六届中央委员会向大会作报告。"))
    '2007-10'
    >>> told_date(DocumentText.from_text("各位代表：\\n我代表国务院向第一届全国人民代表大会第五次会议提出报告。"))
    '1958'
    >>> told_date(DocumentText.from_text("各位代表：\\n一、“十一五”时期国民经济和社会发展的回顾\\n……"))
    '2011'
    """
    view = src.view
    b0, b1 = src.body
    where = {"head": (0, min(b0 + 200, len(view))), "first": (b0, min(b0 + 100, b1)),
             "opening": (b0, min(b0 + OPENING, b1)), "body": (b0, b1)}
    for pattern, place, resolve in CUES:
        a, b = where[place]
        for m in pattern.finditer(view, a, b):
            if value := resolve(m):
                return value
    return None
