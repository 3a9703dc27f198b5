"""The Simplified *view*: a normalised copy of the text with exactly the same length.

All analysis reads the view; every offset found in it is an offset into the original text,
because the view changes characters one for one and never adds or drops any.

What the view changes:

* Traditional characters to Simplified (OpenCC ``t2s``, paragraph by paragraph; where a phrase
  rule would change a paragraph's length, the paragraph is converted character by character);
* variants OpenCC leaves alone (陜 → 陕, 著力 → 着力 …, see :data:`VARIANTS`);
* full-width digits, Latin letters, ``％`` and the decimal ``．`` to half-width;
* ASCII punctuation used in Chinese prose (``, : ; ( ) ! ?``) to the full-width forms, except
  between digits (``1,100``, ``10:30``), so extractors only meet ``，：；（）！？``.

Examples
--------
>>> v = simplified_view("來源:振興司 發布日期:2021/7/5，陜西１２３％")
>>> v
'来源：振兴司 发布日期：2021/7/5，陕西123%'
>>> detect_script("易地扶貧搬遷是中央明確的")
'traditional'
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal

__all__ = ["simplified_view", "detect_script", "VARIANTS", "to_simplified"]

Script = Literal["simplified", "traditional", "mixed"]

#: Character variants left by OpenCC's t2s (or written by machine converters), folded in the view.
VARIANTS = str.maketrans(
    {
        "陜": "陕",  # U+965C, a common mis-conversion of 陝
        "擡": "抬",
        "鉅": "巨",
        "綫": "线",
        "裏": "里",
        "峯": "峰",
        "羣": "群",
        "衆": "众",
        "爲": "为",
        "僞": "伪",
        "啓": "启",
        "温": "温",
        "敎": "教",
        "戶": "户",
        "黃": "黄",
        "強": "强",
        "〇": "〇",
    }
)

#: Two-character phrases whose first character a per-character conversion gets wrong.
PHRASE_FIXES = {"著力": "着力", "著眼": "着眼", "著手": "着手", "著重": "着重", "臨著": "临着", "隨著": "随着"}

_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
_ASCII_PUNCT = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}


@lru_cache(maxsize=1)
def _converters():
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


def to_simplified(text: str) -> str:
    """Convert to Simplified with OpenCC ``t2s`` (the length may change; see :func:`simplified_view`).

    >>> to_simplified("發展改革委")
    '发展改革委'
    """
    return _converters()[0].convert(text)


def _convert_same_length(par: str) -> str:
    t2s = _converters()[0].convert
    out = t2s(par)
    if len(out) == len(par):
        return out
    # A phrase rule changed the length: fall back to one character at a time.
    chars = []
    for ch in par:
        c = t2s(ch)
        chars.append(c if len(c) == 1 else ch)
    return "".join(chars)


_WIDTH = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
    | {"％": "%"}
)
_PUNCT = re.compile(r"[,:;()!?．]")


def _fold_punct(m: re.Match) -> str:
    ch, s, i = m.group(), m.string, m.start()
    between_digits = 0 < i < len(s) - 1 and s[i - 1].isdigit() and s[i + 1].isdigit()
    if ch == "．":
        return "." if between_digits else ch
    if between_digits and ch in ",:":
        return ch
    return _ASCII_PUNCT[ch]


def simplified_view(text: str) -> str:
    """Return the Simplified, width-folded view of ``text``; ``len(view) == len(text)`` always.

    >>> simplified_view("國務院(一)") == "国务院（一）"
    True
    """
    if not text:
        return text
    view = _converters()[0].convert(text)
    if len(view) != len(text) or [len(p) for p in view.split("\n")] != [len(p) for p in text.split("\n")]:
        view = "\n".join(_convert_same_length(par) for par in text.split("\n"))
    view = view.translate(VARIANTS)
    for trad, simp in PHRASE_FIXES.items():
        if trad in view:
            view = view.replace(trad, simp)
    view = _PUNCT.sub(_fold_punct, view.translate(_WIDTH))
    assert len(view) == len(text), "the simplified view must keep the text's length"
    return view


#: A long text's script is counted this many characters at a time (cut after a line break):
#: OpenCC's working memory grows with the text it converts at once (75 bytes a character).
_SCRIPT_PIECE = 200_000


def _line_pieces(text: str, size: int) -> Iterator[str]:
    """``text`` in consecutive pieces of at most about ``size`` characters, cut after a line break
    where there is one."""
    pos, n = 0, len(text)
    while pos < n:
        end = n if pos + size >= n else (text.rfind("\n", pos, pos + size) + 1 or pos + size)
        yield text[pos:end]
        pos = end


def _script_counts(text: str) -> tuple[int, int]:
    """Characters of ``text`` only Traditional uses, and characters only Simplified uses."""
    import numpy

    t2s, s2t = _converters()
    han = _NOT_HAN.sub("", text)
    if not han:
        return 0, 0
    simp, trad = t2s.convert(han), s2t.convert(han)
    if len(simp) != len(han) or len(trad) != len(han):
        simp = "".join(t2s.convert(c)[:1] or c for c in han)
        trad = "".join(s2t.convert(c)[:1] or c for c in han)
    h, s, t = (numpy.frombuffer(x.encode("utf-32-le"), dtype=numpy.uint32) for x in (han, simp, trad))
    return int(numpy.count_nonzero(h != s)), int(numpy.count_nonzero((h == s) & (h != t)))


def detect_script(text: str) -> Script:
    """Tell whether ``text`` is written in Simplified, Traditional or mixed script.

    Counts characters that only Traditional uses (changed by t2s) against characters that only
    Simplified uses (changed by s2t, unchanged by t2s); a minority under 15 % is tolerated, since
    machine-converted pages keep a few characters of the other script.

    >>> detect_script("国务院关于")
    'simplified'
    >>> detect_script("Policy")
    'simplified'
    """
    trad_only = simp_only = 0
    for piece in _line_pieces(text, _SCRIPT_PIECE):
        t, s = _script_counts(piece)
        trad_only += t
        simp_only += s
    total = trad_only + simp_only
    if total == 0:
        return "simplified"
    share = trad_only / total
    if share >= 0.85:
        return "traditional"
    if share <= 0.15:
        return "simplified"
    return "mixed"
