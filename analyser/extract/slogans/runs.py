"""Parallel shapes without 、: comma clauses with a shared frame, juxtaposed members sharing a
character, and pairs joined by 和/与.

Examples
--------
>>> v = "推动各民族群众交往交流交融。"
>>> [v[c.start:c.end] for c in compact_candidates(v, None)]
['交往交流交融']
"""
from __future__ import annotations

import re
from os.path import commonprefix

from .base import _CLAUSE_BREAK, _CONNECTORS, _HAN, _IS_HAN, _SENT_BREAK, Candidate
from .lexicon import cue_pattern, cues

__all__ = ["clause_candidates", "compact_candidates", "joined_candidates", "linked_parallel"]

#: Sentence particles: a clause run closing on one is narration (要闹事，要政变了).
_PARTICLES = "了吗呢吧啊"


def _common_prefix(a: str, b: str) -> int:
    return len(commonprefix((a, b)))


def _linked_columns(parts: list[str]) -> tuple[int, int] | None:
    """``(i, j)`` when ``parts`` (two or more, of one length, 4 or 5 characters) share exactly the
    characters ``[i, j)`` inside them, after subjects that all differ and before predicates."""
    if len(parts) < 2 or len({len(p) for p in parts}) != 1 or not 4 <= len(parts[0]) <= 5:
        return None
    shared = [k for k, col in enumerate(zip(*parts)) if len(set(col)) == 1]
    if not shared or shared[0] == 0 or shared[-1] == len(parts[0]) - 1 or shared != list(range(shared[0], shared[-1] + 1)):
        return None
    subjects = [p[:shared[0]] for p in parts]
    if len(set(subjects)) != len(parts) or any(s[0] in _CONNECTORS + "不没只" for s in subjects):
        return None
    return shared[0], shared[-1] + 1


def linked_parallel(parts: list[str]) -> bool:
    """Clauses of one shape whose subjects differ and share the verb or modal linking them to their
    predicates (the ``link`` cues): the set form of an official formula.

    >>> linked_parallel(["国家要独立", "民族要解放", "人民要革命"]), linked_parallel(["管而不死", "活而不乱"])
    (True, True)
    >>> linked_parallel(["发展新观念", "进入新境界"]), linked_parallel(["而是一大片", "不是极少数"])
    (False, False)
    """
    cols = _linked_columns(parts)
    return cols is not None and parts[0][cols[0]:cols[1]] in cues()["link"]

def clause_candidates(view: str) -> list[Candidate]:
    """Runs of ，-clauses with a shared opening (不搞…，不搞…) or 既…，又… ."""
    out = []
    sent_a = 0
    for m in list(_SENT_BREAK.finditer(view)) + [None]:
        sent_b = m.start() if m else len(view)
        sent = view[sent_a:sent_b]
        base = sent_a
        sent_a = m.end() if m else len(view)
        if "，" not in sent:
            continue
        n_before = len(out)
        clauses, p = [], base
        for piece in sent.split("，"):
            clauses.append((p, p + len(piece)))
            p += len(piece) + 1
        i = 0
        while i < len(clauses) - 1:
            a0, b0 = clauses[i]
            first = view[a0:b0]
            run = [(a0, b0)]
            frame = ""
            j = i + 1
            while j < len(clauses):
                a1, b1 = clauses[j]
                if len(run) == 1 and first.startswith("既") and view[a1:b1].startswith("又"):
                    if 2 <= b1 - a1 <= 16 and 2 <= b0 - a0 <= 16:
                        run.append((a1, b1))
                        frame = "既…又"
                        j += 1
                    break
                nxt = view[a1:b1].lstrip(_CONNECTORS) if len(run) else view[a1:b1]
                off = (b1 - a1) - len(nxt)
                ref = view[run[-1][0]:run[-1][1]] if len(run) > 1 else first
                if len(run) == 1:
                    # the frame may start inside the first clause (要让农业成为…，让农民成为…)
                    # of the places sharing the opening, the longest shared opening, then the one
                    # leaving a clause as long as the next (要和平不要战争，要发展…: from the first 要)
                    ks = [k for k, ch in enumerate(ref) if ch == nxt[0]] if nxt and nxt[0] in ref else []
                    if not ks:
                        break
                    k = max(ks, key=lambda k: (_common_prefix(ref[k:], nxt), -abs(len(ref) - k - len(nxt)), k))
                    cp = _common_prefix(ref[k:], nxt)
                    if cp < 1:
                        break
                    run[0] = (a0 + k, b0)
                    frame = nxt[:cp]
                else:
                    if not nxt.startswith(frame[:1]):
                        break
                longest = 16 if len(frame) < 3 else 22  # a long shared opening (毫不动摇…) allows longer clauses
                if not (2 <= len(nxt) <= longest) or not (2 <= run[0][1] - run[0][0] <= longest + 2):
                    break
                run.append((a1 + off, b1))
                j += 1
            # a denial (不是中好，也不是小好) or a run closing on a sentence particle (要闹事，要政变了)
            # is narration, not a formula
            if len(run) >= 2 and frame and _IS_HAN.search(frame) and not frame.startswith("不是") \
                    and view[run[-1][1] - 1] not in _PARTICLES:
                out.append(Candidate(run[0][0], run[-1][1], "clauses", parts=tuple(run), frame=frame))
                # a one-character opening is weak evidence: the next clause may open a run of its own
                # (…作品，更好地为人民服务，为社会主义服务)
                i = j if len(frame) > 1 else i + 1
            else:
                i += 1
        found = _suffix_clause_runs(view, clauses)
        even = _even_clause_runs(view, clauses)
        if even:  # a run the shared-frame rules found already keeps its origin
            spans = {(c.start, c.end) for c in out[n_before:] + found}
            found += [c for c in even if (c.start, c.end) not in spans]
        out += found
    return out


_ALL_HAN = re.compile(f"[{_HAN}]+")


def _even_clause_runs(view: str, clauses: list[tuple[int, int]]) -> list[Candidate]:
    """Runs of two to four whole ，-clauses of one length (3–6 Han characters) that need share no
    character (解放思想，实事求是; 带量采购，以量换价; 同舟共济，权责共担): the classifier decides."""
    out = []
    i = 0
    while i < len(clauses) - 1:
        a, b = clauses[i]
        x, y = clauses[i + 1]
        size = y - x
        # the first clause may open with a marker or a cue word: （一）带量采购，…; 坚持自力更生，…
        if b - a > size and _ALL_HAN.fullmatch(view, b - size, b) and (
                not _IS_HAN.match(view[b - size - 1]) or cue_pattern("before", "$").search(view, a, b - size)
                or linked_parallel([view[b - size:b], view[x:y]])):  # 因此态度要积极，步骤要稳妥
            a = b - size
        size = b - a
        run = [(a, b)]
        if 3 <= size <= 6 and _ALL_HAN.fullmatch(view, a, b):
            for x, y in clauses[i + 1:i + 4]:
                if y - x != size or not _ALL_HAN.fullmatch(view, x, y):
                    break
                run.append((x, y))
        if len(run) >= 2 and len({view[x:y] for x, y in run}) == len(run):
            out.append(Candidate(run[0][0], run[-1][1], "even", parts=tuple(run)))
            i += len(run)
        else:
            i += 1
    return out

def _suffix_clause_runs(view: str, clauses: list[tuple[int, int]]) -> list[Candidate]:
    """Runs of short ，-clauses ending alike (创新发展一批，重组整合一批，清理退出一批)."""
    out = []
    i = 0
    while i < len(clauses) - 1:
        # a run needs its first two clauses of 4-12 characters: look no further when one is not
        if not (4 <= clauses[i][1] - clauses[i][0] <= 12 and 4 <= clauses[i + 1][1] - clauses[i + 1][0] <= 12):
            i += 1
            continue
        run = [clauses[i]]
        suffix = ""
        for a, b in clauses[i + 1:]:
            texts = [view[x:y] for x, y in run] + [view[a:b]]
            n = _common_prefix(*(t[::-1] for t in (texts[0], texts[-1])))
            if suffix:
                n = min(n, len(suffix))
            if n < 2 or not all(4 <= len(t) <= 12 for t in texts) or n >= min(len(t) for t in texts):
                break
            suffix = texts[0][-n:]
            run.append((a, b))
        if len(run) >= 2:
            out.append(Candidate(run[0][0], run[-1][1], "clauses", parts=tuple(run), frame="…" + suffix))
            i += len(run)
        else:
            i += 1
    return out

def _prefix_units(view: str, han: list[bool], i: int, bounds: set[int] | None = None) -> Candidate | None:
    n = len(view)
    for p in (2, 1):  # shared prefix of 1-2 characters, remainders of 1-3 characters
        pre = view[i:i + p]
        if not all(han[i:i + p]):
            continue
        for r in (2, 1, 3):
            j = i + p + r
            if j + p + 1 > n or view[j:j + p] != pre or not all(han[i:j + p + 1]) or pre in view[i + p:j]:
                continue
            units = [(i, j)]
            rem = view[i + p:j]
            k = j
            while k + p < n and view[k:k + p] == pre:
                nxt = view[k + p:k + p + r]
                if len(nxt) < r or not all(han[k + p:k + p + r]) or nxt == rem or pre in nxt:
                    break
                e = k + p + r
                if bounds is not None and e not in bounds and e + 1 in bounds and e < n and han[e] \
                        and pre not in view[k + p:e + 1]:
                    units.append((k, e + 1))  # a last member one character longer (全党全国全社会)
                    break
                units.append((k, e))
                rem = nxt
                k += p + r
            if len(units) >= 2 and len({view[a + p:b] for a, b in units}) == len(units):
                return Candidate(units[0][0], units[-1][1], "compact", parts=tuple(units), frame=pre + "…")
    return None

def _suffix_units(view: str, han: list[bool], i: int, bounds: set[int] | None = None) -> Candidate | None:
    n = len(view)
    for r in (2, 1, 3):  # shared last character, stems of 1-3 characters (获得感归属感, 强农惠农富农)
        j = i + r
        if j + 1 + r >= n or not all(han[i:j + 1]):
            continue
        suf = view[j]
        if suf in view[i:j]:
            continue
        units = [(i, j + 1)]
        k = j + 1
        stems = {view[i:j]}
        while k + r < n and view[k + r] == suf and all(han[k:k + r + 1]):
            stem = view[k:k + r]
            if stem in stems or suf in stem:
                break
            stems.add(stem)
            units.append((k, k + r + 1))
            k += r + 1
        if len(units) >= 2:
            return Candidate(units[0][0], units[-1][1], "compact", parts=tuple(units), frame="…" + suf)
    return None

_HAN_RUN = re.compile(f"[{_HAN}]+")
#: A Han character that comes again ``d`` places on (the lookahead finds overlapping places too).
_REPEAT = {d: re.compile(f"(?=([{_HAN}]).{{{d - 1}}}\\1)", re.DOTALL) for d in (2, 3, 4, 5)}


def compact_candidates(view: str, bounds: set[int] | None) -> list[Candidate]:
    """Juxtaposed members sharing a prefix (扶志扶智) or a suffix (获得感归属感), no separator.

    Shared prefixes are looked for first; a shared-suffix run overlapping one is dropped.
    """
    n = len(view)
    han = bytearray(n)  # 1 where the character is Han (found by runs, not character by character)
    for m in _HAN_RUN.finditer(view):
        han[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    # a run needs one character repeated 2-5 places on: look only where that happens
    repeat = {d: [m.start() for m in _REPEAT[d].finditer(view)] for d in (2, 3, 4, 5)}
    prefix_starts = sorted({i for d in (2, 3, 4, 5) for i in repeat[d]})
    suffix_starts = sorted({i - (d - 1) for d in (2, 3, 4) for i in repeat[d] if i - (d - 1) >= 0})
    out: list[Candidate] = []
    covered: dict[int, str] = {}  # offset -> shared characters of the runs covering it
    for finder, starts in ((_prefix_units, prefix_starts), (_suffix_units, suffix_starts)):
        last_end = -1
        for i in starts:
            if i < last_end or i >= n - 3 or not han[i]:
                continue
            found = finder(view, han, i, bounds)
            # three or more members sharing a character need no word boundary (思想上政治上行动上)
            if found and bounds is not None and len(found.parts) < 3 \
                    and not (found.start in bounds and found.end in bounds):
                found = None
            # without word boundaries a run may not cross one already found; with them, both stay
            if found and any(k in covered and (bounds is None or found.frame[-1:] in covered[k])
                             for k in range(found.start, found.end)):
                found = None
            if found:
                out.append(found)
                last_end = found.end
                for k in range(found.start, found.end):
                    covered[k] = covered.get(k, "") + found.frame[-1:]
    return out

_JOINED = re.compile("和|与|同")

def joined_candidates(view: str, bounds: set[int] | None) -> list[Candidate]:
    """Two members of equal length joined by 和/与 and sharing a character at the same place
    (质的有效提升和量的合理增长, 投资于物和投资于人, 出发点和落脚点)."""
    out = []
    n = len(view)
    for m in _JOINED.finditer(view):
        i = m.start()
        for size in range(8, 1, -1):
            a, b = i - size, i + 1 + size
            if a < 0 or b > n:
                continue
            x, y = view[a:i], view[i + 1:b]
            if _CLAUSE_BREAK.search(x) or _CLAUSE_BREAK.search(y) or "、" in x + y or x == y:
                continue
            if not (_IS_HAN.match(x[0]) and _IS_HAN.match(y[-1])):
                continue
            if bounds is not None and not (a in bounds and b in bounds and i in bounds):
                continue
            if not any(p == q for p, q in zip(x, y)):
                continue
            out.append(Candidate(a, b, "joined", parts=((a, i), (i + 1, b)), frame=view[i]))
            break
    return out
