"""Companies named by short brand names, recognised from what the sentence says of them.

Short company names (晨鸣纸业, 华润雪花, 晓星) carry no suffix; they are taken only where the
sentence says what they are:

* a 、-list closed by 等企业 / 等重点企业 / 等一批企业 / 等公司 / 等集团
  (华润雪花、三元乳业等重点企业): every item of two to six characters that is not an ordinary
  word (钢铁、煤炭等企业 are trades), not a place and not a kind of body (国有企业);
* a 、-list of a foreign country followed by a name, closed by 等 … 企业 / 项目 / 外资
  (韩国晓星、意大利世科姆、美国莱卡等重点外资项目): the name after the country (the country
  stays a place);
* a name opening a clause that wins a company's distinction: it 荣获 / 入选 / 获评 something
  naming 企业, 质量奖 or 品牌 (百瑞源荣获中国质量奖提名奖, 威力传动入选全国民营企业…典型案例);
  ordinary words, names opening with an adverb or numeral (首次整体) and places
  (银川入选…试点城市) are not taken.

A list item is the run of Chinese characters between two 、; the leftmost one must start at a
clause boundary or after a lead-in verb (关停, 引进), else it is dropped (…生产线、晨鸣纸业等企业
keeps 晨鸣纸业 only).
"""
from __future__ import annotations

import re
from functools import lru_cache

from analyser.data import groups as data_groups
from analyser.data import table as data_table
from analyser.text.segment import get_tokenizer

from ._lexicon import is_han
from ._words import word_freq
from .orgs import org_words

__all__ = ["find_award_companies", "find_listed_companies"]

#: the tail closing a list of companies; ``project`` lists only count with a country before each item
_CUES = data_groups("company_cues.txt")
_TAIL = re.compile(
    rf"等(?:{'|'.join(_CUES['list_modifiers'])})?(?:{'|'.join(_CUES['list_foreign'])})?"
    rf"(?P<kind>{'|'.join(_CUES['list_kinds'])})"
)
_AWARD = re.compile(rf"(?<=[，。；：\n])(?P<name>[\u4e00-\u9fff]{{2,4}})(?:{'|'.join(_CUES['award_verbs'])})(?P<what>[^，。；！？\n]{{2,30}})")
_COMPANY_DISTINCTION = _CUES["distinctions"]
#: part-of-speech tags of a first word that opens an adverbial, not a name (首次, 各, 已经, 今年)
_NOT_NAME_TAGS = ("m", "d", "vd", "ad", "r", "p", "c", "f", "t", "q")
_CLAUSE_START = set("，。；：！？\n“”（）《》 　")
#: an item ending so is a kind of body or a sector, not a company's name
_KIND_ENDINGS = _CUES["kind_endings"]
_STOP_CHARS = set(_CUES["stop_chars"])
#: a whole item this frequent in the general dictionary is an ordinary word (钢铁, 汽车, 民营)
_COMMON = 20
#: after a country the bar is higher: brands are dictionary words (西门子, 三星), the words that
#: follow a country otherwise are frequent (企业家, 客商, 投资者, 政府)
_COMMON_AFTER_COUNTRY = 500


@lru_cache(maxsize=1)
def _countries() -> tuple[str, ...]:
    """Foreign country names of ``places.tsv``, longest first."""
    names = {r[0] for r in data_table("places.tsv") if len(r) >= 3 and r[2] == "country" and r[1] != "中国"}
    return tuple(sorted(names, key=len, reverse=True))


def _items(view: str, lo: int, t: int) -> list[tuple[int, int]]:
    """The 、-separated runs of Chinese characters ending at ``t``, left to right."""
    out: list[tuple[int, int]] = []
    k = t
    while k > lo:
        j = k
        while j > lo and k - j < 12 and is_han(view[j - 1]):
            j -= 1
        if j == k:
            break
        out.append((j, k))
        if j > lo and view[j - 1] == "、":
            k = j - 1
            continue
        break
    return out[::-1]


def _plain_ok(name: str, generic: frozenset[str]) -> bool:
    if not 2 <= len(name) <= 6 or any(c in _STOP_CHARS for c in name):
        return False
    if name.endswith(_KIND_ENDINGS) or any(name.startswith(g) for g in generic):
        return False
    return word_freq(name) < _COMMON


def find_listed_companies(
    view: str,
    lo: int,
    hi: int,
    places: list[tuple[int, int]] = (),
    leadins: frozenset[str] | None = None,
    generic: frozenset[str] | None = None,
) -> list[tuple[int, int]]:
    """``(start, end)`` of the company names of company lists in ``view[lo:hi]``.

    ``places`` are the place spans found (an item that is a place is no company); ``leadins``
    may open the leftmost item (关停晨鸣纸业等企业); ``generic`` words mark kinds of body (both
    default to those of ``org_leadins.txt``).

    >>> v = "确保华润雪花、三元乳业等重点企业达产。韩国晓星、美国莱卡等重点外资项目建成投运。"
    >>> [v[a:b] for a, b in find_listed_companies(v, 0, len(v))]
    ['华润雪花', '三元乳业', '晓星', '莱卡']
    >>> find_listed_companies("支持钢铁、煤炭等企业转型", 0, 12)
    []
    """
    if leadins is None or generic is None:
        leadins, generic = org_words()
    place_spans = set(places)
    place_starts = {a: b for a, b in places}
    out: list[tuple[int, int]] = []
    for m in _TAIL.finditer(view, lo, hi):
        items = _items(view, lo, m.start())
        if not items:
            continue
        a0, b0 = items[0]
        if a0 > lo and view[a0 - 1] not in _CLAUSE_START and view[a0 - 1] != "、":
            items = items[1:]  # the leftmost run is the tail of something else (…500吨熟料生产线)
        elif leadins:
            items[0] = (_after_leadins(view, a0, b0, leadins), b0)
        found = _with_country(view, items, place_starts)
        if found is None and m.group("kind") != "项目":
            if len(items) > 1 and items[0][1] - items[0][0] > 6:
                items = items[1:]  # the leftmost run holds more than the name (主城区华德牧业机械)
            found = [(a, b) for a, b in items if (a, b) not in place_spans and _plain_ok(view[a:b], generic)]
            if len(found) < len(items):
                found = []  # one trade or kind in the list (电商、物流等企业) makes it a list of kinds
        out.extend(found or ())
    return sorted(set(out))


def _after_leadins(view: str, a: int, b: int, leadins: frozenset[str]) -> int:
    """``a`` moved past the lead-in words opening ``view[a:b]`` (积极支持古纳河酒业 -> 古纳河酒业)."""
    changed = True
    while changed:
        changed = False
        for w in leadins:
            if view.startswith(w, a) and a + len(w) < b:
                a += len(w)
                changed = True
                break
    return a


def _with_country(view: str, items: list[tuple[int, int]], place_starts: dict[int, int]) -> list[tuple[int, int]] | None:
    """Names after a foreign country, when every item of the list has one (韩国晓星、美国莱卡)."""
    found = []
    for a, b in items:
        country = next((c for c in _countries() if view.startswith(c, a)), None)
        if country is None:
            return None
        s = a + len(country)
        name = view[s:b]
        if not 2 <= len(name) <= 4 or s in place_starts or any(c in _STOP_CHARS for c in name):
            return None
        if word_freq(name) >= _COMMON_AFTER_COUNTRY or name.endswith(_KIND_ENDINGS):
            return None
        found.append((s, b))
    return found or None


def find_award_companies(
    view: str, lo: int, hi: int, places: list[tuple[int, int]] = (), generic: frozenset[str] | None = None
) -> list[tuple[int, int]]:
    """``(start, end)`` of clause-opening names that win a company's distinction.

    >>> v = "。百瑞源荣获中国质量奖提名奖，威力传动入选全国民营企业典型案例。银川入选全国试点城市"
    >>> [v[a:b] for a, b in find_award_companies(v, 0, len(v))]
    ['百瑞源', '威力传动']
    """
    if generic is None:
        generic = org_words()[1]
    place_starts = {a for a, _ in places}
    out = []
    for m in _AWARD.finditer(view, lo, hi):
        a, b = m.span("name")
        name = m.group("name")
        if any(p in place_starts for p in range(a, b)) or any(c in _STOP_CHARS for c in name):
            continue
        if not any(w in m.group("what") for w in _COMPANY_DISTINCTION) or not _plain_ok(name, generic):
            continue
        if _first_tag(name) in _NOT_NAME_TAGS:
            continue
        out.append((a, b))
    return out


def _first_tag(name: str) -> str:
    tokens = get_tokenizer().tokenize(name)
    return tokens[0].tag if tokens else ""
