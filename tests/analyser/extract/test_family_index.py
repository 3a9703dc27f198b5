"""The formulations' family index gives the families a plain search over every known family gives."""
from __future__ import annotations

import random

from analyser.extract.slogans.family import FamilyIndex, _bigrams, _members, variant_family


class PlainIndex:
    """The rule written out: the oldest known family sharing a character bigram with the key and
    a variant of it (every known family read each time)."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.seen: dict[str, str] = {}

    def family(self, key: str) -> str:
        if key not in self.seen:
            grams = {g for m in _members(key) for g in _bigrams(m)}
            near = [k for k in self.keys if not grams.isdisjoint({g for m in _members(k) for g in _bigrams(m)})]
            fam = self.seen[key] = variant_family(key, near)
            if fam not in self.keys:
                self.keys.append(fam)
        return self.seen[key]


def _keys(seed: int, n: int) -> list[str]:
    """Keys of one to five members from a small alphabet, so that variants of every kind occur:
    shared members, members one a subsequence of another, overlapping bigrams, one-character
    changes of long single terms, members of numbered formulas."""
    rnd = random.Random(seed)
    chars = "发展改革建设创新稳就业住房安全有保障"
    out: list[str] = []
    for _ in range(n):
        if out and rnd.random() < 0.3:  # a variant of an earlier key
            base = rnd.choice(out)
            i = rnd.randrange(len(base))
            out.append(base[:i] + rnd.choice(chars + "、") + base[i + 1:])
            continue
        members = ["".join(rnd.choice(chars) for _ in range(rnd.choice((1, 2, 3, 3, 4, 5, 6))))
                   for _ in range(rnd.choice((1, 1, 2, 3, 4, 5)))]
        out.append("、".join(members))
    out += ["住房安全有保障", "两不愁三保障", "最先一公里", "最后一公里", "最后一公里", "获得感归属感", "获得感、幸福感"]
    return [k.strip("、").replace("、、", "、") for k in out if k.strip("、")]


def test_family_index_matches_the_plain_search():
    for seed in range(6):
        keys = _keys(seed, 600)
        index, plain = FamilyIndex(), PlainIndex()
        assert [index.family(k) for k in keys] == [plain.family(k) for k in keys]


def test_family_index_finds_variants_of_each_kind():
    index = FamilyIndex()
    assert index.family("搬得出、稳得住、有事做、能致富") == "搬得出、稳得住、有事做、能致富"
    assert index.family("稳得住、有就业、逐步能致富") == "搬得出、稳得住、有事做、能致富"  # shared member
    assert index.family("靠县城、靠乡镇、靠园区、靠景区、靠中心村") == "靠县城、靠乡镇、靠园区、靠景区、靠中心村"
    assert index.family("靠近城镇、靠近中心村、靠近产业园区、靠近旅游景区") == "靠县城、靠乡镇、靠园区、靠景区、靠中心村"
    assert index.family("最先一公里") == "最先一公里"
    assert index.family("最后一公里") == "最先一公里"  # one character changed
    assert index.family("住房安全有保障") == "两不愁三保障"  # member of a numbered formula
    # members matched as subsequences with the same first character, no bigram of them shared
    # (the two keys meet through the bigram 子乙 of a short member)
    assert index.family("甲乙丙、丁戊己、子乙") == "甲乙丙、丁戊己、子乙"
    assert index.family("甲子乙丑丙、丁寅戊卯己") == "甲乙丙、丁戊己、子乙"
