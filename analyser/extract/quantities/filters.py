"""Where a numeral is not a quantity: lexical words, formulas, markers, codes and phone numbers.

:func:`blocked_spans` lists the stretches of the view in which no quantity may start or end;
:func:`is_marker` tells an enumeration marker (一是, 一、, （一）, 第一) from a number.

General rules, not lists of cases:

* words of :func:`~analyser.extract.quantities.lexicon.lexical_re` (十分, 百姓, 一刀切, 四川 …);
* a short quotation holding a Chinese numeral is a formula name (“五个一批”, “三农”, “一老一小”);
* two single Chinese numerals alternating with one or two characters (四梁八柱, 三位一体,
  两不愁三保障, 一户一宅, 一步千年) are a formula;
* the ordinals of the sessions of a body elected for a term (省委十一届十次、十一次全会, 十四届全国人大三次会议);
* titles in 《》, document numbers (国发〔2018〕39号), telephone numbers, long digit codes.

Examples
--------
>>> v = "构建“四梁八柱”体系，三位一体，国发〔2018〕39号，电话0371-61177826。"
>>> [v[a:b] for a, b in blocked_spans(v)]
['四梁八柱', '三位一体', '〔2018〕39号', '电话0371-61177826']
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from analyser import data
from analyser.text.docnumbers import NUMBER_TAIL
from analyser.text.document import DocumentText
from analyser.text.numerals import CN_DIGITS, CN_NONZERO, CN_NUMERAL

from .lexicon import lexical_re

__all__ = ["Blocked", "blocked_spans", "body_blocked", "is_marker"]

_ONE = CN_NONZERO + "十两百千万"
_QUOTE = re.compile(r"[“「『‘]([^“”「」『』‘’。！？\n]{1,12})[”」』’]")
_CN_NUM_CHAR = re.compile(f"[{CN_NUMERAL}]")
_ALTERNATION = re.compile(
    rf"(?<![{_ONE}\d点])[{_ONE}][^\W\d{_ONE}点到至或和及与]{{1,2}}(?!百分)[{_ONE}][^\W\d{_ONE}点]{{1,2}}"
)
_RETURN_PERIOD = re.compile(r".年一遇")
_YUAN_JIAO = re.compile(r".[元圆块].[角毛]")
_URL = re.compile(r"(?:https?[:：]//|www\.)[\w\-./?？%&=:：#~+;@!*]+|[\w.\-]{1,64}@[\w\-]{1,64}\.[\w.\-]{1,64}")  # the view has ？ and ：
_NUM_CHAR = rf"\d{CN_DIGITS}十百千万"
_TWO_NUMBERS = re.compile(rf"[{_NUM_CHAR}][^{_NUM_CHAR}]{{1,2}}[{_NUM_CHAR}]")
_TITLE = re.compile(r"《([^《》\n]{1,80})》")
_NAME_CHARS = rf"[^\W\d{CN_NUMERAL}]"  # a word without digits or numerals: 全国人大, 省委, 全体
_SESSION_NOUN = rf"(?={_NAME_CHARS}{{0,8}}?(?:全会|会议|代表大会))"
_SESSION_NTH = rf"[{_NUM_CHAR}]{{1,4}}次"
# The sessions of a body elected for a term: 十一届十次、十一次全会, 十四届全国人大三次会议,
# 第十次、第十一次全体会议. The ordinals after 届, or listed after a 第N次, name meetings.
_SESSION = re.compile(
    rf"届{_NAME_CHARS}{{0,8}}?(?P<n>{_SESSION_NTH}(?:[、和及与至]第?{_SESSION_NTH})*){_SESSION_NOUN}"
    rf"|第{_SESSION_NTH}(?P<l>(?:[、和及与至]第?{_SESSION_NTH})+){_SESSION_NOUN}"
)
# Both open with the character class of their first character, so that re skips ahead to a digit
# or a letter: the lookbehinds are tested after it, one character longer (\d(?<!\d\d) is a digit
# not preceded by one), and (?<=1) tells which digit it was.
_PHONE = re.compile(
    r"\d(?<!\d\d)(?:\d{2,3}-\d{7,8}(?:-\d{1,5})?|(?<=1)[3-9]\d{9}|(?<=4)00-?\d{3}-?\d{4}|(?<=8)00-?\d{3}-?\d{4})(?!\d)"
)  # 010-12345678, 13912345678, 400-123-4567 after no digit
_LONG_CODE = re.compile(
    r"[\dA-Za-z](?:(?<=\d)(?<![\d.,]\d)\d{8,}(?![\d.,])|(?<=[A-Za-z])(?<![A-Za-z][A-Za-z])[A-Za-z]{0,11}\d+[A-Za-z\d]*)"
)  # nine digits or more; letters then digits (A12, GB2312)


class Blocked:
    """Sorted, merged intervals with a fast overlap test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.spans = [(a, b) for a, b in merged]
        self._starts = [a for a, _ in self.spans]

    def overlaps(self, a: int, b: int) -> bool:
        """True when ``[a, b)`` shares a character with a blocked stretch."""
        i = bisect.bisect_right(self._starts, b - 1) - 1
        return i >= 0 and self.spans[i][1] > a


def blocked_spans(view: str) -> list[tuple[int, int]]:
    """Stretches of ``view`` where numerals are not quantities (merged, sorted; see the module docstring)."""
    out: list[tuple[int, int]] = [m.span() for m in lexical_re().finditer(view)]
    for m in _QUOTE.finditer(view):
        inner = m.group(1)
        if _is_plan_name(inner):
            continue
        if (_CN_NUM_CHAR.search(inner) and not re.search(r"\d", inner)) or _TWO_NUMBERS.search(inner):
            out.append(m.span(1))  # “五个一批”, “三农”, “3个100万”: a formula name
    for m in _ALTERNATION.finditer(view):
        if _RETURN_PERIOD.match(m.group()) or _YUAN_JIAO.match(m.group()) or "分之" in m.group():
            continue  # 五年一遇: a flood return period; 五元三毛: an amount of money; 万分之五: a rate, not a formula
        # 一年建设、两年入住 are separate clauses; 四梁八柱 / 五个一批 are one word
        out.append(m.span())
    out.extend(m.span(1) for m in _TITLE.finditer(view))  # 《…三年行动…》: part of a title
    out.extend(m.span("n") if m.group("n") else m.span("l") for m in _SESSION.finditer(view))  # 十一届十次、十一次全会
    # an address holds http, www. or @ (a text without them is not searched for one)
    url = _URL if "@" in view or "www." in view or "http" in view else None
    for pattern in (url, NUMBER_TAIL, _PHONE, _LONG_CODE, _code_label_re()):
        if pattern is not None:
            out.extend(m.span() for m in pattern.finditer(view))
    return Blocked(out).spans


def body_blocked(src: DocumentText) -> Blocked:
    """The :func:`blocked_spans` of the body of ``src``, as offsets into the whole text (computed
    once per document through :meth:`DocumentText.derived`: dates and quantities both read it)."""
    b0, b1 = src.body
    return Blocked([(a + b0, b + b0) for a, b in blocked_spans(src.view[b0:b1])])


@lru_cache(maxsize=1)
def _code_label_re() -> re.Pattern[str]:
    """A label of code_labels.txt (电话, 邮编) and the digits after it."""
    labels = "|".join(re.escape(w) for w in sorted(data.lines("code_labels.txt"), key=len, reverse=True))
    return re.compile(rf"(?:{labels})[：:\s]*[\d\-—（）()\s]+")


def _is_plan_name(inner: str) -> bool:
    return bool(re.fullmatch(rf"十?[{CN_NONZERO}十]五", inner))


def is_marker(view: str, a: int, b: int) -> bool:
    """An enumeration marker or ordinal rather than an amount.

    >>> is_marker("一是强化", 0, 1), is_marker("第一次", 1, 2), is_marker("（三）加强", 1, 2)
    (True, True, True)
    >>> is_marker("建成3个", 2, 3)
    False
    """
    before = view[a - 1:a]
    after = view[b:b + 1]
    if before in ("第", "前") or (before == "之" and not view[a:b][:1].isdigit()):
        return True
    if after == "是" and not view[a:b][:1].isdigit():
        return True
    if before != "" and after != "" and before in "（(【[" and after in "）)】]":
        return True
    if before == "、" and re.search(rf"第[{CN_NONZERO}十]{{1,3}}$", view[max(0, a - 6):a - 1]):
        return True  # 第一、二轮
    line_start = a == 0 or view[a - 1] in "\n \u3000\t"
    return line_start and after in ("、", ".", "．") and not view[b + 1:b + 2].isdigit()
