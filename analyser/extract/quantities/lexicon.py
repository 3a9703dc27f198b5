"""The lexicons behind quantity extraction, loaded once from ``analyser/data``.

* ``units.txt``: units and measure words with their kind (currency, area, count, place …);
* ``implied_units.txt``: nouns that give the unit of a bare amount (贫困人口 -> 人);
* ``numeric_lexical.txt``: words written with numerals that are not quantities (十分, 四梁八柱);
* ``per_units.txt``: what a slash divides a unit by (645元/月); ``tenths_not_words.txt``: words
  after a number that begin with 成 without being tenths (成为, 成本);
* ``quantity_qualifiers.tsv``, ``quantity_negations.txt``, ``quantity_not_markers.txt``: the
  markers that make a number an estimate or a bound (约, 不低于, 以上), the negations that turn a
  comparison around, and the words that end like a marker without being one (节约, 附近);
* ``currency_prefixes.txt``: currencies printed before an amount (港币四十万元), which a marker
  may stand before.

Examples
--------
>>> unit_at("万元以上", 1)
('元', 'currency')
>>> unit_at("个百分点", 0)
('个', 'count')
>>> implied_unit("建档立卡贫困人口实现", 0)
'人'
>>> qualifier_markers()["低于"]
Marker(word='低于', side='before', qualifier='upper_bound', negated='lower_bound', apart=False, one=False, modal=False, outside=False)
>>> unit_at("个工作日", 0), unit_kind("工作日")
(('个工作日', 'time'), 'time')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analyser.data import lines as _lines
from analyser.data import table as _table
from analyser.data import words as _words

__all__ = [
    "UNIT_KINDS",
    "Marker",
    "currency_prefix_re",
    "implied_noun_at",
    "implied_unit",
    "implied_unit_before",
    "lexical_re",
    "marker_re",
    "modal_marker_re",
    "negation_re",
    "not_markers",
    "per_unit_at",
    "place_unit_at",
    "qualifier_markers",
    "tenths_not_words",
    "unit_at",
    "unit_kind",
    "units",
]

UNIT_KINDS = ("currency", "area", "length", "mass", "volume", "energy", "power", "time", "count",
              "place", "percent", "multiple")


@lru_cache(maxsize=1)
def units() -> dict[str, str]:
    """All units: surface -> kind (the first kind listed wins)."""
    out: dict[str, str] = {}
    for line in _lines("units.txt"):
        unit, kind, *_ = line.split("\t")
        out.setdefault(unit.strip(), kind.strip())
    return out


@lru_cache(maxsize=1)
def followers() -> dict[str, tuple[str, ...]]:
    """Measure words that count only before one of the nouns of their third column (四代人:
    代 counts generations of people; 第三代移动通信, 三代核主泵 are not counts)."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines("units.txt"):
        unit, _, *after = line.split("\t")
        if after and after[0].strip():
            out[unit.strip()] = tuple(after[0].split())
    return out


def unit_kind(unit: str) -> str | None:
    """The kind of a unit (``count``, ``currency`` …), or None when it is not in the lexicon."""
    return units().get(unit)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _unit_re() -> re.Pattern[str]:
    bound = followers()
    direct = [u for u, k in units().items() if k != "place" and not (u.isascii() and u.isalpha()) and u not in bound]
    before = "|".join(f"{re.escape(u)}(?={_alternation(nouns)})" for u, nouns in bound.items())
    return re.compile(_alternation(direct) + (f"|{before}" if before else ""))


@lru_cache(maxsize=1)
def _place_re() -> re.Pattern[str]:
    nouns = [u for u, k in units().items() if k in ("place", "percent") and len(u) > 1 or k == "place"]
    return re.compile(_alternation(nouns))


def unit_at(view: str, pos: int) -> tuple[str, str] | None:
    """The unit printed at ``view[pos:]`` (longest entry) and its kind, or None.

    Latin abbreviations (cm, kWh) match whatever their case and only as whole words.
    """
    m = _unit_re().match(view, pos)
    if m:
        return m.group(), units()[m.group()]
    if pos < len(view) and view[pos].isascii() and view[pos].isalpha():
        word = re.match(r"[A-Za-z]+", view[pos:pos + 8])
        if word and word.group().lower() in units():
            return view[pos:pos + len(word.group())], units()[word.group().lower()]
    return None


def place_unit_at(view: str, pos: int) -> str | None:
    """A counted noun that becomes the unit after 个 (80个县, 3个百分点), or None.

    Not when it opens an enumeration (22个省、区、市: the unit stays 个).
    """
    m = _place_re().match(view, pos)
    if not m:
        return None
    nxt = view[m.end():m.end() + 1]
    if nxt in ("、", "级", "和", "或", "（", "("):
        return None
    if len(m.group()) == 1 and nxt in _COMPOUND_NEXT:
        return None  # 5个省实验室, 200个县域医疗次中心: the noun is a modifier
    return m.group()


#: After a one-character place noun, characters that make it part of a longer word (县域, 省级).
_COMPOUND_NEXT = set("域级委属直实重点辖情长政府内外城际份民直管属办场")


@lru_cache(maxsize=1)
def _implied() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {}
    for line in _lines("implied_units.txt"):
        noun, _, unit = line.partition("\t")
        table[noun.strip()] = unit.strip()
    return re.compile(_alternation(table)), table


_CLAUSE_END = re.compile(r"[，。；：！？\n]")


def implied_unit(view: str, pos: int, limit: int = 20) -> str | None:
    """The unit a noun after ``pos`` in the same clause implies (近1000万…贫困人口 -> 人)."""
    end = _CLAUSE_END.search(view, pos, pos + limit)
    stop = end.start() if end else min(len(view), pos + limit)
    pattern, table = _implied()
    m = pattern.search(view, pos, stop)
    return table[m.group()] if m else None


def implied_unit_before(view: str, pos: int, limit: int = 14) -> str | None:
    """The unit a noun shortly before ``pos`` in the same clause implies (贫困人口减少1386万 -> 人)."""
    start = max(0, pos - limit)
    breaks = [m.end() for m in _CLAUSE_END.finditer(view, start, pos)]
    start = breaks[-1] if breaks else start
    pattern, table = _implied()
    found = [m.group() for m in pattern.finditer(view, start, pos)]
    return table[found[-1]] if found else None


def implied_noun_at(view: str, pos: int, longer_than: int) -> bool:
    """True when a unit-giving noun longer than ``longer_than`` starts at ``pos`` (家庭 over 家)."""
    m = _implied()[0].match(view, pos)
    return bool(m) and len(m.group()) > longer_than


@lru_cache(maxsize=1)
def lexical_re() -> re.Pattern[str]:
    """Words with numerals that are never quantities."""
    return re.compile(_alternation(_lines("numeric_lexical.txt")))


@dataclass(frozen=True)
class Marker:
    """A qualifier marker of ``quantity_qualifiers.tsv``."""

    word: str
    side: str  # "before" or "after" the number
    qualifier: str
    negated: str | None  # the qualifier after 不 / 不得 / 未, None when the marker is not negated
    apart: bool  # may stand apart from the number with 有 (至少有十个)
    one: bool  # makes 一 a count (约一个月)
    modal: bool = False  # may stand before 可/能 and a short verb (最多可容纳十五万人)
    outside: bool = False  # a predicate that stays outside the surface (上限为三千元)


@lru_cache(maxsize=1)
def qualifier_markers() -> dict[str, Marker]:
    """Every qualifier marker by its word."""
    out = {}
    for word, side, qualifier, negated, flags in _table("quantity_qualifiers.tsv"):
        tags = set(flags.split(","))
        out[word] = Marker(word, side, qualifier, None if negated == "-" else negated, "apart" in tags, "one" in tags,
                           "modal" in tags, "outside" in tags)
    return out


@lru_cache(maxsize=1)
def modal_marker_re() -> re.Pattern[str]:
    """A limit before 可/能 and at most three characters of a verb, ending at the number (search
    with an end position): 最高可给予, 最多可容纳, 最长可延长至."""
    words = _alternation(w for w, m in qualifier_markers().items() if m.modal or m.side == "modal")
    return re.compile(f"(?P<marker>{words})(?:可以|可|能够|能)[\u4e00-\u9fff]{{0,3}}$")


@lru_cache(maxsize=1)
def currency_prefix_re() -> re.Pattern[str]:
    """A currency printed before an amount, ending at the number (search with an end position)."""
    return re.compile(f"(?:{_alternation(_lines('currency_prefixes.txt'))})$")


@lru_cache(maxsize=2)
def marker_re(side: str) -> re.Pattern[str]:
    """The markers of one side, longest first: ending at the number (``before``, search with an
    end position) or starting after it (``after``, with an optional （含）)."""
    words = _alternation(w for w, m in qualifier_markers().items() if m.side == side)
    if side == "before":
        return re.compile(f"(?:{words})$")
    return re.compile(f"(?:[（(]含[）)])?(?P<marker>{words})")


@lru_cache(maxsize=1)
def negation_re() -> re.Pattern[str]:
    """A negation ending where a marker starts (search with an end position)."""
    return re.compile(f"(?:{_alternation(_lines('quantity_negations.txt'))})$")


def not_markers() -> frozenset[str]:
    """Words that end like a marker but are not one (节约, 附近, 以上 before a number)."""
    return _words("quantity_not_markers.txt")


@lru_cache(maxsize=1)
def _per_re() -> re.Pattern[str]:
    return re.compile(_alternation(_lines("per_units.txt")))


def per_unit_at(view: str, pos: int) -> tuple[str, str] | None:
    """What a slash divides a unit by at ``pos`` when it is not a unit (645元/月 -> 月), or None."""
    m = _per_re().match(view, pos)
    return (m.group(), "per") if m else None


def tenths_not_words() -> frozenset[str]:
    """Words beginning with 成 that are not tenths (成为, 成本)."""
    return _words("tenths_not_words.txt")
