"""Official formulations (提法): quoted terms, parallel formulas and numbered formulas.

``extract_slogans(src)`` generates candidates by rules (:mod:`.candidates`), scores them with the
trained classifier (:mod:`analyser.extract.slogans.model`, artifact ``analyser/data/slogans.joblib``),
resolves overlaps, and gives each kept formulation its members, its normalised key and its variant
family (:mod:`.family`).

Kinds: ``numbered`` (a numeral counting members: 四个意识, 六大体系) takes precedence over
``quoted`` (“头号工程”), which takes precedence over ``parallel`` (搬得出、稳得住…). A quoted
formula with separators keeps its members in ``parts``.

Conventions (those of the shared gold): spans exclude the quotation marks; quoted reported speech
(a villager's words) is not a formulation; a 《…》 title is a citation, never a slogan, but a quoted
period name inside it (《“十三五”时期…》) is listed like any “十三五”; the items a numbered formula
counts are its ``members``, not a parallel formula of their own; ``family`` is the normalised key of
the first mention of the variant group (:class:`.family.FamilyIndex`), and two adjacent quotes of
one frame (“阳光搬迁”“廉洁搬迁”) share one.

Examples
--------
>>> from analyser.text.document import DocumentText
>>> src = DocumentText.from_text("確保搬得出、穩得住、有事做、能致富，做到“兩個維護”。")
>>> [(s.text, s.kind) for s in extract_slogans(src)]
[('搬得出、穩得住、有事做、能致富', 'parallel'), ('兩個維護', 'numbered')]
"""
from __future__ import annotations

import bisect

from analyser.facts import Slogan
from analyser.text.document import DocumentText

from .candidates import Candidate, _is_numbered_text, generate, looks_like_speech
from .family import FamilyIndex, normalize_key, variant_family
from .noise import drop_noise
from .runs import linked_parallel
from .terms import term_candidates

__all__ = ["extract_slogans", "normalize_key", "variant_family"]

#: Candidates longer than this are never formulations (long quotations, runaway lists).
MAX_CHARS = 80


def _kind(c: Candidate) -> str:
    if c.origin == "numbered" or c.info.get("numbered"):
        return "numbered"
    return "quoted" if c.quoted else "parallel"


def _bare_term(view: str, c: Candidate) -> bool:
    """An unquoted term with no members is no parallel formula (以人民为中心, 全面从严治党): the
    conventions leave non-parallel formulations out unless quoted; a counting one (三大攻坚战)
    comes through the numbered candidates, a fixed line of policy named in its frame (新发展理念,
    实施走出去战略) through the ``coined`` candidates, which the classifier scores."""
    return not c.quoted and c.origin not in ("numbered", "term", "coined") and len(c.parts) < 2


def _resolve(cands: list[Candidate], probs: list[float], threshold: float) -> list[tuple[Candidate, float]]:
    """Keep candidates at or above the threshold; of two that cross (or nest with the same kind)
    keep the likelier. A quote or numbered formula may sit inside a parallel formula, a quote
    inside a quote (“至今还是‘死人’统治着”)."""
    kept: list[tuple[Candidate, float]] = []
    near: dict[int, list[Candidate]] = {}  # kept candidates by start // MAX_CHARS: all are shorter
    order = sorted(range(len(cands)), key=lambda i: -probs[i])
    for i in order:
        c, p = cands[i], probs[i]
        if p < threshold or c.end - c.start > MAX_CHARS:
            continue
        clash = False
        lo, hi = (c.start - MAX_CHARS) // MAX_CHARS, (c.end - 1) // MAX_CHARS
        for k in (k for bucket in range(lo, hi + 1) for k in near.get(bucket, ())):
            if c.end <= k.start or k.end <= c.start:
                continue
            nested = (k.start <= c.start and c.end <= k.end) or (c.start <= k.start and k.end <= c.end)
            if nested and (c.quoted or k.quoted or "numbered" in (c.origin, k.origin)) and (
                    c.origin != k.origin or (c.quoted and k.quoted)):  # a quote nested in a quote
                continue
            clash = True
            break
        if not clash:
            kept.append((c, p))
            near.setdefault(c.start // MAX_CHARS, []).append(c)
    kept.sort(key=lambda t: (t[0].start, t[0].end))
    return kept


def _paired(view: str, a: Candidate, b: Candidate) -> bool:
    """Two adjacent quoted terms of equal length sharing a character at the same place."""
    if not (a.outer and b.outer and _kind(a) == _kind(b) == "quoted"):
        return False
    if view[a.outer[1]:b.outer[0]] not in ("", "、"):
        return False
    x, y = view[a.start:a.end], view[b.start:b.end]
    return len(x) == len(y) and any(p == q for p, q in zip(x, y))


def select(view: str, cands: list[Candidate], probs: list[float], threshold: float) -> list[Candidate]:
    """The candidates kept: above the threshold, not reported speech, overlaps resolved, and without
    the lists that only spell out the members of a kept numbered formula (产业发展、…“六大体系”)."""
    probs = [0.0 if looks_like_speech(view, c) or _bare_term(view, c) else p for c, p in zip(cands, probs)]
    kept = [c for c, _ in _resolve(cands, probs, threshold)]
    counted = {(c.members[0][0], c.members[-1][1]) for c in kept if c.origin == "numbered" and c.members}
    return [c for c in kept if c.origin == "numbered" or (c.start, c.end) not in counted]


def _uncovered_terms(kept: list[Candidate]) -> list[Candidate]:
    """The kept candidates less the bare terms that overlap another kept formulation (三个代表 found
    as a numbered formula too, 一国两制 inside a kept list)."""
    spans = sorted((c.start, c.end) for c in kept if c.origin != "term")
    starts = [a for a, _ in spans]
    out = []
    for c in kept:
        if c.origin == "term":
            j = bisect.bisect_left(starts, c.end) - 1
            while j >= 0 and spans[j][0] > c.start - MAX_CHARS and spans[j][1] <= c.start:
                j -= 1
            if j >= 0 and spans[j][0] > c.start - MAX_CHARS:
                continue  # spans[j] starts before the term ends and ends after it starts
        out.append(c)
    return out


def extract_slogans(src: DocumentText) -> list[Slogan]:
    """Formulations of ``src``, sorted by start.

    Parameters
    ----------
    src : the prepared text (its tokens are used for word boundaries; segmented here if absent).

    Returns
    -------
    list of :class:`~analyser.facts.Slogan`, each with ``parts`` (members of a parallel or quoted
    formula), ``members`` (items a numbered formula counts, when listed next to it), ``normalized``
    (Simplified, punctuation-unified key) and ``family`` (the key of its variant group).
    """
    from .model import FeatureContext, score_candidates

    if not src.text or not any("\u4e00" <= ch <= "\u9fff" for ch in src.view):
        return []
    ctx = FeatureContext.build(src.view, src.tokens)
    cands = generate(src.view, ctx.bounds)
    probs, threshold = score_candidates(ctx, cands)
    # clauses of one shape linked by a shared verb or modal (国家要独立，民族要解放) are kept by rule
    probs = [max(p, threshold) if c.origin in ("even", "clauses") and linked_parallel([src.view[a:b] for a, b in c.parts])
             else p for c, p in zip(cands, probs)]
    # bare mentions of coined terms are kept by rule, unless a likelier candidate covers them
    quoted = [c.outer for c in drop_noise(src.view, (c for c, p in zip(cands, probs) if c.outer and p >= threshold))
              if c.outer and not looks_like_speech(src.view, c)]
    # in the body only: a document's title names its subject, it does not use the term
    terms = [t for t in term_candidates(src.view, quoted, ctx.bounds) if src.in_body(t.start, t.end)]
    for t in terms:
        t.info["numbered"] = _is_numbered_text(src.view[t.start:t.end])
    out: list[Slogan] = []
    families = FamilyIndex()
    prev: tuple[Candidate, str] | None = None
    kept = select(src.view, cands + terms, probs + [threshold] * len(terms), threshold)
    kept = [c for c in drop_noise(src.view, (c for c in kept if c.origin != "term"))] + \
        [t for t in kept if t.origin == "term"]
    kept = sorted(_uncovered_terms(kept), key=lambda c: (c.start, c.end))
    for c in kept:
        key = normalize_key(src.view[c.start:c.end])
        family = families.family(key)
        # adjacent quotes of one frame (“阳光搬迁”“廉洁搬迁”, “以购代捐”、“以买代帮”) form one family
        if prev and _paired(src.view, prev[0], c):
            family = prev[1]
        out.append(Slogan(
            start=c.start, end=c.end, text=src.text[c.start:c.end], kind=_kind(c),  # type: ignore[arg-type]
            parts=tuple(src.span(a, b) for a, b in c.parts),
            members=tuple(src.span(a, b) for a, b in c.members),
            normalized=key,
            family=family,
        ))
        prev = (c, family)
    return out
