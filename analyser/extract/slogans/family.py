"""Normalised keys and variant families of formulations, so one can be followed across documents.

``normalize_key`` is the Simplified, punctuation-unified key of one mention. ``variant_family``
decides whether a key is a variant of a key already known (members added, dropped or changed; a
member of a numbered formula; a one-character change of a long term) and returns the family key.

Similarity model: two parallel formulations are variants when at least half of the members of the
shorter one match a member of the other, at least one of them exactly (or three quarters of
them loosely); members match when they are
equal, when one is a subsequence of the other (靠园区 / 靠近产业园区), or when their character
bigrams overlap by half (Dice ≥ 0.5). A mention equal to a member of a known numbered formula
(``analyser/data/slogan_families.txt``) joins that formula's family.

Examples
--------
>>> normalize_key("“穩得住,能脫貧”")
'稳得住、能脱贫'
>>> variant_family("稳得住、有就业、逐步能致富", ["搬得出、稳得住、有事做、能致富"])
'搬得出、稳得住、有事做、能致富'
>>> variant_family("住房安全有保障", [])
'两不愁三保障'
>>> variant_family("四个自信", ["四个意识"])
'四个自信'
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from analyser.text.normalize import to_simplified

from .lexicon import member_to_family

__all__ = ["FamilyIndex", "is_variant", "normalize_key", "split_members", "variant_family"]

_DROP = re.compile(r"[“”「」『』‘’\"'《》\s\u3000]")
_SEP = re.compile(r"[，,、；;：:。.！!？?]+")
_JOIN = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:和|及|与|以及)(?=[\u4e00-\u9fff]{2})")
_PREFIX_WORDS = ("既", "又", "就", "也", "更")


def normalize_key(text: str) -> str:
    """Simplified key: quotes and spaces dropped, separators unified to 、.

    >>> normalize_key("按規劃,分年度；有計劃。")
    '按规划、分年度、有计划'
    """
    s = to_simplified(_DROP.sub("", text))
    s = s.translate(str.maketrans({"陜": "陕", "著": "着"})) if "著力" in s else s.replace("陜", "陕")
    return _SEP.sub("、", s).strip("、")


@lru_cache(maxsize=65536)
def _members(key: str) -> tuple[str, ...]:
    return tuple(split_members(key))


def split_members(key: str) -> list[str]:
    """Members of a key: split on 、 and on 和/及/与 between members; compact forms by shared frame.

    >>> split_members("获得感、幸福感、安全感和归属感")
    ['获得感', '幸福感', '安全感', '归属感']
    >>> split_members("获得感归属感")
    ['获得感', '归属感']
    """
    parts = [p for p in _SEP.split(_JOIN.sub("、", key)) if p]
    if len(parts) == 1:
        parts = _split_compact(parts[0]) or parts
    return parts


def _split_compact(s: str) -> list[str]:
    n = len(s)
    for k in (2, 3, 4):  # k members of equal length sharing a first or last character
        if n % k or n // k < 2:
            continue
        size = n // k
        units = [s[i:i + size] for i in range(0, n, size)]
        if len(set(units)) == k and (len({u[0] for u in units}) == 1 or len({u[-1] for u in units}) == 1):
            return units
    return []


@lru_cache(maxsize=65536)
def _bigrams(s: str) -> frozenset[str]:
    return frozenset([s[i:i + 2] for i in range(len(s) - 1)]) or frozenset((s,))


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


@lru_cache(maxsize=65536)
def _reach(members: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The first characters and the bigrams of the members of at least three characters: what a
    member must share with one of them to match it other than by equality (see :func:`_member_match`)."""
    long_enough = [m for m in members if len(m) >= 3]
    return frozenset(m[0] for m in long_enough), frozenset(g for m in long_enough for g in _bigrams(m))


def _may_match(member: str, reach: tuple[frozenset[str], frozenset[str]]) -> bool:
    """False when ``member`` can match none of the members ``reach`` describes but by equality:
    :func:`_member_match` needs both sides of three characters or more, and then the same first
    character (a subsequence) or a shared bigram (the overlap of their bigrams)."""
    firsts, grams = reach
    return len(member) >= 3 and (member[0] in firsts or not grams.isdisjoint(_bigrams(member)))


def _member_match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and short[0] == long[0] and _subsequence(short, long):
        return True
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) >= 0.5 and min(len(a), len(b)) >= 3


def is_variant(a: str, b: str) -> bool:
    """True when keys ``a`` and ``b`` name the same formulation in different wordings.

    >>> is_variant("不忘初心、牢记使命", "不忘初心、牢记使命、不负重托、尽锐出战")
    True
    >>> is_variant("网格化、信息化、标准化", "经常性、规范性、动态化")
    False
    >>> is_variant("最先一公里", "最后一公里")
    True
    """
    if a == b:
        return True
    ma, mb = _members(a), _members(b)
    if len(ma) >= 2 and len(mb) >= 2:
        short, long = sorted((ma, mb), key=len)
        exact = sum(1 for m in short if m in long)
        near = _reach(long)
        fuzzy = sum(1 for m in short if m in long or (_may_match(m, near) and any(_member_match(m, x) for x in long)))
        return (exact >= 1 and fuzzy * 2 >= len(short)) or (fuzzy >= 2 and fuzzy * 4 >= 3 * len(short))
    if len(ma) == 1 and len(mb) == 1 and len(a) == len(b) >= 5:
        return sum(1 for x, y in zip(a, b) if x != y) == 1  # 最先一公里 / 最后一公里
    return False


def variant_family(normalized: str, known: Iterable[str]) -> str:
    """The family key of ``normalized``: the first of ``known`` it is a variant of, else its own.

    A member of a known numbered formula (``住房安全有保障``) belongs to that formula's family.

    Parameters
    ----------
    normalized : a key from :func:`normalize_key`.
    known : family keys seen so far (in the document or across the corpus), oldest first.

    >>> variant_family("靠近城镇、靠近中心村、靠近产业园区、靠近旅游景区",
    ...                ["靠县城、靠乡镇、靠园区、靠景区、靠中心村"])
    '靠县城、靠乡镇、靠园区、靠景区、靠中心村'
    """
    formula = member_to_family().get(normalized)
    if formula:
        return formula
    chars = set(normalized)
    for k in known:
        if len(chars.intersection(k)) >= 2 and is_variant(normalized, k):
            return k
    return normalized


@lru_cache(maxsize=65536)
def _profile(key: str) -> tuple[tuple[str, ...], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """What :class:`FamilyIndex` reads of a key: its members; the character bigrams of all of them
    (of a one-character member, the character); the members as a set; the first characters and the
    bigrams of the members of three characters or more (:func:`_reach`)."""
    members = _members(key)
    grams = frozenset(g for m in members for g in _bigrams(m))
    return (members, grams, frozenset(members), *_reach(members))


def _may_be_variant(a: tuple, b: tuple) -> bool:
    """False when keys of several members whose :func:`_profile` are ``a`` and ``b`` cannot be
    variants (:func:`is_variant`): counting every member of the shorter one that equals a member
    of the other or :func:`_may_match` one of them, the count falls short of both of its thresholds."""
    if len(a[0]) > len(b[0]):
        a, b = b, a
    short, (_, _, long_set, firsts, grams) = a[0], b
    exact = fuzzy = 0
    for m in short:
        if m in long_set:
            exact += 1
            fuzzy += 1
        elif len(m) >= 3 and (m[0] in firsts or not grams.isdisjoint(_bigrams(m))):  # _may_match, inline
            fuzzy += 1
    return (exact >= 1 and fuzzy * 2 >= len(short)) or (fuzzy >= 2 and fuzzy * 4 >= 3 * len(short))


def _halves(key: str) -> tuple[tuple[int, str], tuple[int, str]]:
    """The first and the second half of ``key``, each with the key's length (the second one's
    negated): two keys of one length that differ in one character share one of them."""
    h = len(key) // 2
    return (len(key), key[:h]), (-len(key), key[h:])


class FamilyIndex:
    """Family keys seen so far, indexed so a lookup compares only those that could be variants.

    The family of a new key is the oldest known family that shares a character bigram with it
    and is a variant of it (:func:`variant_family` over those). Only families that could pass
    :func:`is_variant` are compared: a key of several members is a variant only of a key of
    several members when, counting a member that equals one of the other's or :func:`_may_match`
    one as matched, the shorter reaches :func:`is_variant`'s thresholds (:func:`_may_be_variant`,
    a few set look-ups); a key of one member (five characters or more), only of a key of one
    member of its length that differs from it in one character (the two share a half, see
    :func:`_halves`), or of itself. So the member comparisons run for a few families, not for
    every family sharing a common bigram, whose number grows with the text.

    >>> idx = FamilyIndex()
    >>> idx.family("不忘初心、牢记使命")
    '不忘初心、牢记使命'
    >>> idx.family("不忘初心、牢记使命、不负重托、尽锐出战")
    '不忘初心、牢记使命'
    >>> idx.family("最先一公里"), idx.family("最后一公里")
    ('最先一公里', '最先一公里')
    """

    def __init__(self) -> None:
        self._keys: list[str] = []
        self._profiles: list[tuple] = []
        self._index: dict[str, int] = {}  # family key -> its number in _keys
        self._by_bigram: dict[str, list[int]] = {}  # bigram -> families of several members, oldest first
        self._by_half: dict[tuple[int, str], list[int]] = {}  # half of a key (see _halves) -> families of one member
        self._seen: dict[str, str] = {}  # a key met before keeps its family: later keys come after it

    def family(self, normalized: str) -> str:
        """The family of ``normalized`` (see :func:`variant_family`); new families are remembered."""
        fam = self._seen.get(normalized)
        if fam is not None:
            return fam
        fam = self._seen[normalized] = variant_family(normalized, self._candidates(normalized))
        if fam not in self._index:
            self._add(fam)
        return fam

    def _candidates(self, key: str) -> list[str]:
        """The known families, oldest first, that share a bigram with ``key`` and could be variants of it."""
        members, grams = _profile(key)[:2]
        if len(members) >= 2:
            by_bigram, mine, profiles = self._by_bigram, _profile(key), self._profiles
            near = set().union(*[by_bigram[g] for g in grams if g in by_bigram])
            near = {i for i in near if _may_be_variant(mine, profiles[i])}
        else:
            near = {i for h in (_halves(key) if len(key) >= 5 else ()) for i in self._by_half.get(h, ())}
        same = self._index.get(key)
        if same is not None:
            near.add(same)
        return [self._keys[i] for i in sorted(near)]

    def _add(self, fam: str) -> None:
        i = len(self._keys)
        profile = _profile(fam)
        self._keys.append(fam)
        self._profiles.append(profile)
        self._index[fam] = i
        if len(profile[0]) >= 2:
            for g in profile[1]:
                self._by_bigram.setdefault(g, []).append(i)
        elif len(fam) >= 5:
            for h in _halves(fam):
                self._by_half.setdefault(h, []).append(i)
