"""Rivers, lakes, islands, deserts and other landforms outside the gazetteer, read from the
segmentation: a word ending with a landform word (``place_context.txt`` group ``landform``) that
the segmentation tags as a place name (叶尔羌河, 古尔班通古特沙漠, 松花江), or a proper name
followed by the landform word as a word of its own (黑瞎子|岛, 喀什|噶尔|河, 毛乌素|沙地), or a
place name followed by a numbered group of rivers or lakes (荆南|四河).

Words of two characters are left to the gazetteer (黑河, 嫩江 are also cities and counties), and
a name inside another entity is not taken.

Examples
--------
>>> v = "推进黑瞎子岛联合保护开发，实施叶尔羌河治理，加强荆南四河堤防建设。"
>>> [v[a:b] for a, b in landform_places(v, 0, len(v), set())]
['黑瞎子岛', '叶尔羌河', '荆南四河']
"""
from __future__ import annotations

import re
from functools import lru_cache

from analyser.data import groups as data_groups
from analyser.data import words as data_words
from analyser.text.segment import get_tokenizer

from ._lexicon import is_han
from ._words import word_freq

__all__ = ["landform_places"]

_NAME_TAGS = ("ns", "nr", "nz")
_GROUP = re.compile("[二三四五六七八九十][河江湖水]")
_WINDOW = 10
_NUMERALS = set("一二三四五六七八九十两半")
#: a stem this frequent is an ordinary word (新建|高原), not a name
_COMMON = 100


#: characters a landform's name does not hold (function words, verb complements)
_NOT_IN_NAME = set("的得了着在和与及或是为对把被将从向由以于等个各每该本这那其之并也都而就所到")


def _leadins() -> frozenset[str]:
    from .orgs import org_words

    return frozenset(w for w in org_words()[0] if len(w) > 1)


@lru_cache(maxsize=1)
def _brand_words() -> tuple[str, ...]:
    """Words after a name that make it a company's (集团, 公司 …: ``org_suffixes.txt`` group ``enterprise``)."""
    return tuple(data_groups("org_suffixes.txt")["enterprise"])


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(data_groups("place_context.txt")["landform"], key=len, reverse=True))


@lru_cache(maxsize=1)
def _basin_words() -> tuple[str, ...]:
    """Words only a river or a lake takes after its name (流域, 上游: ``place_context.txt`` group ``basin``)."""
    return tuple(data_groups("place_context.txt")["basin"])


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    return re.compile("|".join(map(re.escape, _suffixes())) + "|" + _GROUP.pattern)


def landform_places(view: str, lo: int, hi: int, taken: set[int]) -> list[tuple[int, int]]:
    """``(start, end)`` of the landforms named in ``view[lo:hi]`` outside ``taken`` offsets."""
    out: list[tuple[int, int]] = []
    tok = get_tokenizer()
    last = lo
    for m in _pattern().finditer(view, lo, hi):
        end = m.end()
        if end <= last or end - 1 in taken:
            continue
        a = end - 1
        while a > lo and end - a < _WINDOW and is_han(view[a - 1]):
            a -= 1
        words = [(t.text, t.tag) for t in tok.tokenize(view[a:min(hi, end + 2)])]
        spans, pos = [], a
        for w, tag in words:
            spans.append((pos, pos + len(w), w, tag))
            pos += len(w)
        k = next((i for i, s in enumerate(spans) if s[1] == end), None)
        if k is None:
            continue  # the landform word runs on into another word (江河湖泊, 山区)
        s0, e0, w, tag = spans[k]
        found = None
        if len(w) >= 3 and (tag.startswith("ns") or tag.startswith(_NAME_TAGS) and view.startswith(_basin_words(), end)) \
                and w.endswith(_suffixes()) and not (len(w) >= 4 and w[0] in _NUMERALS):
            found = s0  # 叶尔羌河, 松花江 (one word, tagged a place), 龙溪河|流域 (tagged a name); not 三座大山
        elif (w in _suffixes() and tag[:1] in ("n", "") or _GROUP.fullmatch(w)) and k > 0:
            j = k
            while j > 0 and spans[j - 1][3].startswith(_NAME_TAGS) and s0 - spans[j - 1][0] <= 5:
                j -= 1
            stem = view[spans[j][0]:s0]
            if any(c in _NUMERALS for c in stem):
                continue  # 三河|三湖: a count, not a name
            if j < k and 2 <= len(stem) <= 5 and word_freq(stem) < _COMMON and (not _GROUP.fullmatch(w) or spans[k - 1][3].startswith("ns")):
                found = spans[j][0]  # 黑瞎子|岛, 喀什|噶尔|河, 荆南|四河
        if found is None or any(p in taken for p in range(found, end)) or any(c in _NOT_IN_NAME for c in view[found:end]):
            continue  # 留得青山 (a saying)
        name = view[found:end]
        if any(w in name for w in _leadins()) or name in data_words("place_stopstems.txt"):
            continue  # 大力加强|草原: a clause, not a name; 堰塞湖: a kind of lake
        if view[found - 1:found] in "“\"‘" and view[end:end + 1] in "”\"’":
            continue  # “半壁江山”: a quoted figure of speech
        nxt = spans[k + 1][2] if k + 1 < len(spans) else ""
        if nxt.endswith("业") or nxt.startswith(_brand_words()):
            continue  # 古纳河|酒业, …河|集团: the name of a company
        out.append((found, end))
        last = end
    return out
