"""Candidate enumeration markers found in the Simplified view.

Two kinds of candidates are found here; :mod:`.tree` decides which of them form real sequences.

* *Line markers* open a paragraph: ``第一部分`` ``第一章`` ``壹、`` ``一、`` ``第一、`` (a short title
  line) ``甲、`` ``第一条`` ``（一）`` ``1.`` ``（a）`` ``（i）``
  ``（1）`` ``①`` and the bullet ``——``. Each belongs to a *family*; families have a fixed rank
  (smaller is higher in the hierarchy).
* *Point markers* sit at a sentence start inside running text: ``一是`` ``一要`` ``第一是``
  ``第一，`` ``首先…其次…再次…最后``; and numbered markers inside a paragraph (not at its
  start): ``（1）`` ``（一）`` ``①``, and ``1.`` ``1、`` right after 。；：. A marker may also
  stand alone on its line, its text on the next (``一是⏎去年出台的…``): ``body`` is then there.

The marker span includes its separator (``一、``, ``（一）``, ``1.``, ``第一，``) or its copula
(``一是``, ``一要``), never the space after it.

Examples
--------
>>> cn_number("十二"), cn_number("二十一"), cn_number("一百零五")
(12, 21, 105)
>>> [(c.family, c.number, c.marker) for c in line_candidates("一、总体要求\\n（一）指导思想。")]
[('dun', 1, (0, 2)), ('paren_cn', 1, (7, 10))]
>>> [(c.style, c.number) for c in point_candidates("要抓好三件事。一是稳增长；二是促改革。")]
[('shi', 1), ('shi', 2)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "FAMILY_RANK",
    "SECTION_FAMILIES",
    "Candidate",
    "cn_number",
    "line_candidates",
    "point_candidates",
]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "零〇一二两三四五六七八九十百"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CAPITAL = "壹贰参肆伍陆柒捌玖拾"  # in the Simplified view (貳 參 陸 read 贰 参 陆)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

#: Rank of each line-marker family: a node nests under the nearest open node of smaller rank.
FAMILY_RANK = {
    "part": 0,  # 第一部分 / 第一编 / 第一篇
    "chapter": 1,  # 第一章
    "jie": 2,  # 第一节
    "capital": 3,  # 壹、 贰、 (Taiwan documents: above their 一、)
    "dun": 4,  # 一、
    "ordinal_title": 5,  # 第一、关于基本建设 on a title line (第一，… and 第一、… in running text: points)
    "tiangan": 6,  # 甲、 乙、 (older documents)
    "article": 7,  # 第一条
    "paren_cn": 8,  # （一）
    "arabic": 9,  # 1. 1、 1．
    "paren_ar": 10,  # （1）
    "paren_latin": 11,  # (a) (b) (Hong Kong documents)
    "paren_roman": 12,  # (i) (ii)
    "circled": 13,  # ①
    "dash": 14,  # ——
}
#: Families whose nodes are sections (titled divisions); the others are items.
SECTION_FAMILIES = frozenset({"part", "chapter", "jie", "capital", "dun"})

_PART_KIND = {"部分": "part", "编": "part", "篇": "part", "章": "chapter", "节": "jie", "条": "article"}


def cn_number(s: str) -> int | None:
    """The value of a Chinese numeral up to 999 (``十二`` 12, ``二十`` 20, ``一百零五`` 105), or None.

    >>> cn_number("十"), cn_number("三十五"), cn_number("甲")
    (10, 35, None)
    """
    if not s or any(ch not in _CN for ch in s):
        return None
    total, current = 0, 0
    for ch in s:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _DIGITS[ch] if current else _DIGITS[ch]
    total += current
    return total or None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible marker: ``marker`` and ``body`` are ``(start, end)`` offsets into the view.

    ``family`` is the line-marker family or the point style; ``body`` is where the heading text
    starts (after the marker and any spaces).
    """

    family: str
    number: int
    marker: tuple[int, int]
    body: int
    line_start: bool

    @property
    def style(self) -> str:
        return self.family


_SP = r"[ \u3000\xa0\t]*"
_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
_ROMAN = "|".join(sorted(_ROMANS, key=len, reverse=True))
_NUM_CN = r"[一二三四五六七八九十百〇零两]{1,4}"

# Line markers: tried at the first non-space character of a line, first match wins.
_LINE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ordinal", re.compile(rf"第{_SP}({_NUM_CN}|\d{{1,3}}){_SP}(部分|编|篇|章|节|条)")),  # also 第 1 條 (Taiwan)
    ("ordinal_title", re.compile(rf"第({_NUM_CN}){_SP}、")),  # 第一、关于基本建设 (see below); 第一， is a point
    ("dun", re.compile(rf"({_NUM_CN}){_SP}[、．.]")),
    ("tiangan", re.compile(rf"([{_TIANGAN}]){_SP}[、．.](?![{_TIANGAN}])")),
    ("capital", re.compile(rf"([{_CAPITAL}]|拾[{_CAPITAL[:-1]}]){_SP}、(?![{_CAPITAL}])")),
    ("dun_space", re.compile(rf"({_NUM_CN})(?=[ \u3000\xa0\t]+\S)")),  # 一　引言: a short title line only
    ("dun_bare", re.compile(rf"({_NUM_CN})(?=[ \u3000\xa0\t]*(?:\n|$))")),  # 一 alone on its line: a part number
    ("paren_cn", re.compile(rf"（[\s\ufeff]*({_NUM_CN}){_SP}）")),  # a stray line break after （ too
    ("paren_ar", re.compile(rf"（{_SP}(\d{{1,2}}){_SP}）")),
    ("paren_roman", re.compile(rf"（{_SP}({_ROMAN}){_SP}）")),
    ("paren_latin", re.compile(rf"（{_SP}([a-z]){_SP}）")),
    ("arabic", re.compile(rf"(\d{{1,3}}){_SP}(?:[、．]|\.(?!\d))")),  # also 1 . (a space a page left)
    ("circled", re.compile(f"([{_CIRCLED}])")),
    ("dash", re.compile(r"(—{2,3}|－－|--)(?!—)")),  # ——— too (the 1997 and 2004 reports)
]
_FIRST_CHARS = {  # the characters a family's marker can open with (digits: any Unicode digit)
    "ordinal": "第", "ordinal_title": "第", "dun": _CN, "tiangan": _TIANGAN, "capital": _CAPITAL,
    "dun_space": _CN, "dun_bare": _CN, "paren_cn": "（", "paren_ar": "（", "paren_roman": "（", "paren_latin": "（", "arabic": "", "circled": _CIRCLED, "dash": "—－-",
}
#: the patterns worth trying at a line opening with a given character, in ``_LINE_PATTERNS`` order
_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _family, _pat in _LINE_PATTERNS:
    for _ch in _FIRST_CHARS[_family]:
        _BY_FIRST.setdefault(_ch, []).append((_family, _pat))
_DIGIT_PATTERNS = [(f, p) for f, p in _LINE_PATTERNS if f == "arabic"]
_LINE_START = re.compile(r"(?m)^[ \u3000\xa0\t\ufeff]*(?=\S)")
# A dated or attributed line under a title: ——2024年3月5日在… / ——一九五四年… / ——在…上的讲话
_DATELINE = re.compile(rf"{_SP}(?:\d{{2,4}}|[一二三四五六七八九〇零]{{2,4}})年|{_SP}在.{{0,40}}(?:上的|会议)")
_SHORT_TITLE = 30
_LONG_TITLE = 50  # a title line 第一、… may be a long phrase (正确地确定基本建设的总规模，努力保证…)
_SENTENCE_END = re.compile(r"[。！？；，]")
_TITLE_END = re.compile(r"[。！？；：]")
# A numeral right after 一、 means a run of numbers (一、二、三产业), not a heading.
_NUMERAL_RUN = re.compile(rf"{_SP}(?:{_NUM_CN}|\d+){_SP}[、，]")


def _short_title(view: str, pos: int, stops: re.Pattern[str], most: int = _SHORT_TITLE) -> bool:
    """True when the rest of the line from ``pos`` is a short title: not empty, at most ``most``
    characters, none of ``stops``."""
    line_end = view.find("\n", pos)
    line = view[pos:len(view) if line_end < 0 else line_end].strip()
    return 0 < len(line) <= most and not stops.search(line)


_NEXT_LINE = re.compile(r"\s*([^\n]*)")
#: the shortest line of text after a part number alone on its line
_BARE_NEXT = 10


def _text_follows(view: str, pos: int) -> bool:
    """The next non-blank line after ``pos`` is running text (a sentence, not another number)."""
    nl = view.find("\n", pos)
    if nl < 0:
        return False
    m = _NEXT_LINE.match(view, nl)
    line = m.group(1).strip(" \u3000\xa0\t")
    return len(line) >= _BARE_NEXT and bool(_SENTENCE_END.search(line))


def line_candidates(view: str) -> list[Candidate]:
    """Line-initial marker candidates of ``view`` in text order (see the module docstring).

    >>> [(c.family, c.number) for c in line_candidates("第一章 总则\\n第一条 为了…\\n1. 甲\\n——乙")]
    [('chapter', 1), ('article', 1), ('arabic', 1), ('dash', 0)]
    >>> line_candidates("一、二、三产业融合\\n——2024年3月5日在大会上")
    []
    """
    out: list[Candidate] = []
    for lm in _LINE_START.finditer(view):
        pos = lm.end()
        first = view[pos]
        for family, pat in _BY_FIRST.get(first) or (_DIGIT_PATTERNS if first.isdigit() else ()):
            m = pat.match(view, pos)
            if not m:
                continue
            if family == "ordinal":
                family = _PART_KIND[m.group(2)]
                number = int(m.group(1)) if m.group(1).isdigit() else cn_number(m.group(1))
            elif family == "dash":
                if _DATELINE.match(view, m.end()):
                    break
                number = 0
            elif family == "circled":
                number = _CIRCLED.index(m.group(1)) + 1
            elif family == "tiangan":
                number = _TIANGAN.index(m.group(1)) + 1
            elif family == "capital":
                number = sum(_CAPITAL.index(ch) + 1 for ch in m.group(1))  # 拾贰 = 10 + 2
            elif family == "paren_roman":
                number = _ROMANS.index(m.group(1)) + 1
            elif family == "paren_latin":
                number = ord(m.group(1)) - ord("a") + 1
            elif family in ("arabic", "paren_ar"):
                number = int(m.group(1))
            else:
                number = cn_number(m.group(1))
            if not number and family != "dash":
                break
            if family in ("dun", "arabic") and _NUMERAL_RUN.match(view, m.end()):
                break
            if family == "dun_space":
                family = "dun"
                if not _short_title(view, m.end(), _SENTENCE_END):
                    break
            elif family == "dun_bare":  # 一⏎⏎　　…: a part of a 1950s report, numbered, untitled
                family = "dun"
                if not _text_follows(view, m.end()):
                    break
            elif family == "ordinal_title" and not _short_title(view, m.end(), _TITLE_END, _LONG_TITLE):
                family = "ordinal_sentence"  # 第一、要稳。…: a point (a run mixing both is points: tree.line_runs)
            body = m.end()
            while body < len(view) and view[body] in " \u3000\xa0\t":
                body += 1
            if body < len(view) and view[body] == "\n" and family == "dash":
                body = _next_line_text(view, body)  # ——⏎改革开放⏎深入推进。: a page broke the bullet's line
                if body is None:
                    break
            elif body >= len(view) or view[body] == "\n" and family not in SECTION_FAMILIES | {"paren_cn"}:
                break  # an empty marker line
            out.append(Candidate(family, number or 0, (m.start(), m.end()), body, True))
            break
    return out


# Point markers. Each style: (pattern, group of the numeral, separator included in the marker).
_CLAUSE_PUNCT = "，。；、：）！？\n”"
_BOUNDARY = "。！？；：，\n”」』）"
_POINT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dishi", re.compile(rf"第({_NUM_CN})是")),
    ("ordinal", re.compile(rf"第({_NUM_CN})[，、：]")),
    ("shi", re.compile(rf"({_NUM_CN})是")),
    ("yao", re.compile(rf"({_NUM_CN})要")),
    ("qi", re.compile(rf"其({_NUM_CN})[，、：是]")),
]
_ORDER_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": 99}
_ORDER_RE = re.compile(r"(首先|其次|再次|最后)[，、：]?")
_INLINE_RE = re.compile(rf"（{_SP}({_NUM_CN}){_SP}）|（{_SP}(\d{{1,2}}){_SP}）|([{_CIRCLED}])")
_ARABIC_INLINE = re.compile(r"(?<=[。；：])[ \u3000]*(\d{1,2})(?:[、．]|\.(?!\d))")
_POINT_START = re.compile(rf"(?:第|其)?{_NUM_CN}[是要，、：]|首先|其次|再次|最后")


def _at_boundary(view: str, pos: int) -> bool:
    """True when ``pos`` starts a sentence or clause (after punctuation, spaces or a line start)."""
    i = pos - 1
    while i >= 0 and view[i] in " \u3000\xa0\t":
        i -= 1
    return i < 0 or view[i] in _BOUNDARY


def _at_line_start(view: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and view[i] in " \u3000\xa0\t\ufeff":
        i -= 1
    return i < 0 or view[i] == "\n"


def point_candidates(view: str) -> list[Candidate]:
    """In-paragraph point marker candidates of ``view`` in text order.

    A candidate must open a sentence or clause; ``一是一、二是二`` (an idiom) and ``之一是``
    are not candidates.

    >>> [(c.family, c.number, c.marker) for c in point_candidates("第一，要稳。第二，要进。")]
    [('ordinal', 1, (0, 3)), ('ordinal', 2, (6, 9))]
    >>> point_candidates("坚持一是一、二是二。问题之一是不足。")
    []
    """
    out: list[Candidate] = []
    for m in _POINT_START.finditer(view):
        pos = m.start()
        if not _at_boundary(view, pos):
            continue
        cand = _point_at(view, pos)
        if cand is not None:
            out.append(cand)
    for m in _INLINE_RE.finditer(view):
        if _at_line_start(view, m.start()):
            continue  # a line marker, found by line_candidates
        nxt = view[m.end():m.end() + 1]
        if not nxt or nxt in _CLAUSE_PUNCT:
            continue  # a note mark or a parenthesis, not an enumeration: 精神①，
        if m.group(3) and not _at_boundary(view, m.start()) and view[m.start() - 1] not in _CIRCLED:
            continue
        if m.group(1):
            style, number = "paren_cn_inline", cn_number(m.group(1))
        elif m.group(2):
            style, number = "paren_ar_inline", int(m.group(2))
        else:
            style, number = "circled_inline", _CIRCLED.index(m.group(3)) + 1
        if number:
            out.append(Candidate(style, number, m.span(), m.end(), False))
    for m in _ARABIC_INLINE.finditer(view):  # 主要有：1.加强领导；2.完善制度。
        out.append(Candidate("arabic_inline", int(m.group(1)), m.span(1)[:1] + (m.end(),), m.end(), False))
    out.sort(key=lambda c: c.marker)
    return out


def _point_at(view: str, pos: int) -> Candidate | None:
    m = _ORDER_RE.match(view, pos)
    if m:
        return Candidate("order", _ORDER_WORDS[m.group(1)], m.span(), m.end(), False)
    for style, pat in _POINT_PATTERNS:
        m = pat.match(view, pos)
        if not m:
            continue
        number = cn_number(m.group(1))
        if not number:
            return None
        after = view[m.end():m.end() + 1]
        if after and after in _CN and _numeral_follows(view, m.end(), m.group(1)):
            return None  # 一是一、二是二 (an idiom), 第一、二、三产业 (a run of numbers)
        if after == "\n" and _at_line_start(view, pos):
            body = _next_line_text(view, m.end())
            return None if body is None else Candidate(style, number, m.span(), body, False)
        if after in ("", "\n", "。"):
            return None
        return Candidate(style, number, m.span(), m.end(), False)


def _numeral_follows(view: str, pos: int, numeral: str) -> bool:
    """The numeral at ``pos`` (right after a point marker) is a number, not the first character of
    a word: it repeats the marker's numeral (一是一), or a separator or another numeral follows it
    (一是一、二是二, 第一、二、三产业). 二是一以贯之, 第二、一定要 open points.

    >>> _numeral_follows("一是一、二是二", 2, "一"), _numeral_follows("二是一以贯之", 2, "二")
    (True, False)
    """
    nxt = view[pos + 1:pos + 2]
    return view[pos] == numeral or nxt in _CN or nxt in "、，,。是"


def _next_line_text(view: str, pos: int) -> int | None:
    """Where the text of the line after ``pos`` starts, when a marker stands alone on its line
    (一是⏎去年出台的…): the next non-blank line must open with a Chinese character."""
    i = pos
    while i < len(view) and view[i] in " \u3000\xa0\t\n":
        i += 1
    if i >= len(view) or view.count("\n", pos, i) > 2 or not "\u4e00" <= view[i] <= "\u9fff":
        return None
    return i
    return None
