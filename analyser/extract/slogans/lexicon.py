"""The slogan data files of ``analyser/data/``: context cues, known formulations, numbered families.

Each file is read once per process (``lru_cache``) and never changed at run time.

Examples
--------
>>> "按照" in cues()["before"]
True
>>> family_members()["五个一批"][1]
'易地搬迁脱贫一批'
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from analyser.data import lines as data_lines

__all__ = ["cue_pattern", "cues", "family_members", "known_compact", "known_formulations", "known_parts", "member_to_family"]


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """Cue words by kind (``before``, ``after``, ``speech``, ``head``)."""
    out: dict[str, set[str]] = {}
    for ln in data_lines("slogan_cues.txt"):
        kind, _, word = ln.partition("\t")
        out.setdefault(kind.strip(), set()).add(word.strip())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def known_formulations() -> frozenset[str]:
    """Known formulations as punctuation-free keys (``精准扶贫精准脱贫``)."""
    return frozenset(ln.replace("、", "").strip() for ln in data_lines("slogan_lexicon.txt"))


@lru_cache(maxsize=1)
def known_parts() -> frozenset[str]:
    """Members of known parallel formulations (``不忘初心``, ``牢记使命`` …)."""
    out: set[str] = set()
    for ln in data_lines("slogan_lexicon.txt"):
        if "、" in ln:
            out.update(p.strip() for p in ln.split("、") if p.strip())
    return frozenset(out)


@lru_cache(maxsize=1)
def family_members() -> dict[str, tuple[str, ...]]:
    """Numbered formulas and the members they count (``两不愁三保障`` -> 不愁吃, 不愁穿 …)."""
    out: dict[str, tuple[str, ...]] = {}
    for ln in data_lines("slogan_families.txt"):
        formula, _, members = ln.partition("\t")
        out[formula.strip()] = tuple(m.strip() for m in members.split("|") if m.strip())
    return out


@lru_cache(maxsize=1)
def member_to_family() -> dict[str, str]:
    """Member -> its numbered formula (``住房安全有保障`` -> ``两不愁三保障``)."""
    return {m: f for f, ms in family_members().items() for m in ms}


@lru_cache(maxsize=1)
def known_compact() -> re.Pattern[str]:
    """One pattern matching every known formulation of four or more characters written without
    separators (longest first).

    >>> known_compact().search("坚持绿水青山就是金山银山理念").group()
    '绿水青山就是金山银山'
    """
    words = sorted({ln.strip() for ln in data_lines("slogan_lexicon.txt") if "、" not in ln and len(ln.strip()) >= 4},
                   key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


@cache
def cue_pattern(kind: str, anchor: str = "") -> re.Pattern[str]:
    """Cue words of ``kind`` as one pattern, longest first; ``anchor`` ``"$"`` or ``"^"`` pins it.

    >>> cue_pattern("after", "^").match("的原则").group()
    '的原则'
    """
    words = sorted(cues().get(kind, ()), key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(f"^(?:{body})" if anchor == "^" else f"(?:{body})$" if anchor == "$" else f"(?:{body})")
