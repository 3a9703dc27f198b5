"""Candidate formulations found by rules; a classifier (:mod:`analyser.extract.slogans.model`) keeps or drops them.

Eight generators, all over the Simplified view:

``quote``     the text inside “…” 「…」 『…』 ‘…’ (never 《…》: titles are citations);
``numbered``  a small numeral with a measure or frame (六大体系, 四个意识, 两不愁三保障, 三位一体, 第二步战略目标 before a known head word);
``list``      two or more members separated by 、 inside one clause (搬得出、稳得住、有事做、能致富);
``clauses``   comma-separated clauses sharing a frame (不搞…，不搞…; 既…，又…);
``compact``   juxtaposed members sharing a character (扶志扶智, 获得感归属感, 精准扶贫精准脱贫);
``joined``    two members of one length joined by 和/与 sharing a character (投资于物和投资于人);
``lexicon``   a known formulation written without separators (绿水青山就是金山银山, 山水林田湖草);
``coined``    a bare fixed formulation the archive repeats in policy frames, or a strategy named in its
              frame (新发展理念, 以经济建设为中心, 实施走出去战略: :mod:`.coined`).

Members are trimmed with the context cues of ``analyser/data/slogan_cues.txt`` and the word
boundaries of the tokenizer.

Examples
--------
>>> view = "按照“物理隔离、封闭运行、专款专用”的原则。确保搬得出、稳得住、有事做、能致富。"
>>> [(c.origin, view[c.start:c.end]) for c in generate(view)]
[('quote', '物理隔离、封闭运行、专款专用'), ('list', '搬得出、稳得住、有事做、能致富')]
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from .base import _CLAUSE_BREAK, _HAN, _IS_HAN, _JOINERS, NUMERALS, QUOTES, Candidate, numeral_value
from .coined import coined_candidates
from .lexicon import cues
from .lists import list_candidates, split_joined, trim_left
from .runs import clause_candidates, compact_candidates, joined_candidates

__all__ = ["NUMERALS", "QUOTES", "Candidate", "find_members", "generate", "looks_like_speech", "numeral_value"]

#: A quotation on one line; some transcriptions print the marks on lines of their own
#: (“\n深挖洞、广积粮、不称霸\n”): one line break after the opening and before the closing mark is
#: part of the marks, never of the quoted text.
#: One pattern per pair of marks, so that a quote nested in another (“打破‘金要足赤’的…”) is found
#: as well as the quote holding it.
_QUOTE_RES = tuple(re.compile(f"{re.escape(o)}\n?([^{re.escape(o + c)}\n]{{1,120}})\n?{re.escape(c)}")
                   for o, c in QUOTES.items())
_TITLE_RE = re.compile(r"《[^《》\n]{0,200}》")
_PERIOD_NAME = re.compile(r"^十[一二三四五六七八九]五$")
#: A quoted programme code: digits and Latin letters (“315”科技创新体系, “415X”集群), or Latin
#: letters with a plus sign (“AI+”综合场景).
_CODE = re.compile(r"^(?=.*[0-9+])[0-9A-Za-z+]{2,8}$")
#: Unquoted numbered names. A numeral with 级 names a grade or tier (三级公立医院, 一级响应, 五级书记
#: is in the lexicon), never a counted formula in the annotated documents, so 级 is no measure here.
_NUMBERED = re.compile(
    rf"[{NUMERALS}]位一体"
    rf"|(?P<a>[{NUMERALS}])(?:个|大|项|条|种|类)(?P<head>[{_HAN}]{{1,6}})"
    rf"|[{NUMERALS}]不[{_HAN}]{{1,2}}[{NUMERALS}][{_HAN}]{{2}}"
    rf"|[{NUMERALS}][{_HAN}][{NUMERALS}][{_HAN}]"
    rf"|[{NUMERALS}]步走|翻[一{NUMERALS}]番"
    rf"|第[{NUMERALS}]步(?P<step>[{_HAN}]{{2,4}})"
)


def _is_numbered_text(s: str) -> bool:
    """A short quoted formula counting its members (“四个意识”, “三农”, “新三样”, not “十三五”)."""
    if len(s) > 9 or _PERIOD_NAME.match(s) or re.search(r"[、，,；]", s):
        return False
    if not any(ch in NUMERALS for ch in s):
        return False
    return bool(re.match(rf"^(新|第)?[{NUMERALS}]", s)) or bool(_NUMBERED.search(s))


def _split_parts(view: str, a: int, b: int) -> tuple[tuple[int, int], ...]:
    """Members of ``view[a:b]`` separated by 、 or ，(empty when there is no separator)."""
    seg = view[a:b]
    if not re.search(r"[、，,；]", seg):
        return ()
    out, pos = [], a
    for piece in re.split(r"[、，,；]", seg):
        if piece.strip():
            out.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return tuple(out) if len(out) >= 2 else ()


def _title_spans(view: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TITLE_RE.finditer(view)]


def _quote_candidates(view: str) -> list[Candidate]:
    titles = _title_spans(view)
    out = []
    for m in (m for pattern in _QUOTE_RES for m in pattern.finditer(view)):
        a, b = m.span(1)
        if not _IS_HAN.search(view[a:b]) and not (_CODE.match(view[a:b]) and _IS_HAN.match(view[m.end():m.end() + 1])):
            continue  # no Han character: kept only for a programme code naming what follows (“415X”集群)
        in_title = any(x < a and b < y for x, y in titles)
        text = view[a:b]
        origin = "quote"
        if _is_numbered_text(text):
            origin = "numbered"
        out.append(Candidate(a, b, origin, parts=_split_parts(view, a, b), outer=m.span(), in_title=in_title))
    return out


_SPEECH_END = re.compile(r"[。！？!?…]$")


def looks_like_speech(view: str, c: Candidate) -> bool:
    """A quotation of someone's words rather than a formulation: introduced by a speech verb and a
    colon or comma (说：“…”), ending a sentence inside the marks, or a clause chain with 了 or a
    personal pronoun.

    >>> v = "群众感慨：“从山上搬到山下，生活进步了几十年”。"
    >>> looks_like_speech(v, Candidate(6, 21, "quote", outer=(5, 22)))
    True
    """
    if c.outer is None:
        return False
    text = view[c.start:c.end]
    before = view[max(0, c.outer[0] - 8):c.outer[0]]
    # the speech verb ends the words before the colon or comma (…说：, 他表示，), not any 道 (道路，)
    if before[-1:] in ("：", "，", ":") and before[:-1].endswith(tuple(cues()["speech"])):
        return True
    if _SPEECH_END.search(text) and len(text) >= 6:
        return True
    return "，" in text and len(text) >= 10 and bool(re.search(r"[了我你咱俺吗呢啊]", text))


def _numbered_candidates(view: str, quoted: list[tuple[int, int]], bounds: set[int] | frozenset[int] | None = None) -> list[Candidate]:
    out = []
    heads, long_heads = cues()["head"], cues()["long_head"]
    quoted = sorted(quoted)
    q_starts = [x for x, _ in quoted]
    q_reach, reach = [], -1  # the furthest end of the quotes so far: one that holds ``a`` reaches past it
    for _, y in quoted:
        reach = max(reach, y)
        q_reach.append(reach)
    for m in _NUMBERED.finditer(view):
        a, b = m.span()
        i = bisect.bisect_right(q_starts, a) - 1
        if i >= 0 and q_reach[i] > a:
            continue
        if a > 0 and (view[a - 1] in NUMERALS or view[a - 1] in "第一百千万零0123456789"):
            continue
        text = view[a:b]
        group = "head" if m.group("head") else "step" if m.group("step") else None
        if group:
            # keep the head short: the longest known head word, else two characters
            body = m.group(group)
            stem_len = m.start(group) - a
            best = None
            if body.startswith(tuple(cues()["counted"])):
                continue  # an ordinal, a time or a count (十大以来, 十条之多), not a formula's name
            # a known head word ends the name within six characters (十条经济建设方针)
            for L in range(min(6, len(body)), 1, -1):
                if any(body[:L].endswith(h) for h in (heads if L <= 4 else long_heads)) and (L <= 4 or "的" not in body[:L]):
                    best = L
                    break
            if best is None and group == "step":
                continue  # 第二步 names a stage only before a known head (第二步战略目标), not 第二步工作
            if best is None:
                # else two characters, or the word they begin when it ends within four (四个现代化)
                head = m.start(group)
                best = min(2, len(body))
                if bounds is not None and head + best not in bounds:
                    best = next((L for L in (3, 4) if L <= len(body) and head + L in bounds), best)
            b = a + stem_len + best
            text = view[a:b]
        out.append(Candidate(a, b, "numbered", info={"text": text}))
    return out


def _lexicon_candidates(view: str) -> list[Candidate]:
    """Known formulations written without separators or quotes (绿水青山就是金山银山)."""
    from .lexicon import known_compact

    out = []
    for m in known_compact().finditer(view):
        out.append(Candidate(m.start(), m.end(), "lexicon"))
    return out


def find_members(view: str, cand: Candidate, bounds: set[int] | None = None) -> tuple[tuple[int, int], ...]:
    """Members a numbered formula counts, when as many items are listed right before or after it.

    >>> v = "构筑产业发展、就业帮扶、社区治理“三大体系”。"
    >>> c = Candidate(17, 21, "numbered")
    >>> [v[a:b] for a, b in find_members(v, c)]
    ['产业发展', '就业帮扶', '社区治理']
    """
    n = numeral_value(view[cand.start:cand.end])
    if not n or n < 2:
        return ()
    a = cand.outer[0] if cand.outer else cand.start
    # before: a 、-list ending right before the formula (skipping 等, 的, quotes, 这)
    k = a
    while k > 0 and view[k - 1] in "等的这“「":
        k -= 1
    breaks = _breaks(view)
    j = bisect.bisect_left(breaks.clause, k) - 1
    clause_start = breaks.clause[j] + 1 if j >= 0 else 0
    commas = bisect.bisect_left(breaks.dun, k) - bisect.bisect_left(breaks.dun, clause_start)  # 、 in between
    seg = view[clause_start:k] if n - 2 <= commas <= n - 1 else ""
    if seg and (commas == n - 1 or any(j in seg for j in _JOINERS)):
        pieces, p = [], clause_start
        for piece in seg.split("、"):
            pieces.append((p, p + len(piece)))
            p += len(piece) + 1
        if len(pieces) == n - 1:
            la, lb = pieces[-1]
            inner = pieces[1:-1] or pieces[:1]
            ref = round(sum(y - x for x, y in inner) / len(inner))
            pieces = pieces[:-1] + split_joined(view, la, lb, ref)
        if len(pieces) == n:
            inner = pieces[1:]
            ref = round(sum(y - x for x, y in inner) / len(inner))
            fa, fb = pieces[0]
            start = trim_left(view, fa, fb, ref, bounds, view[pieces[1][0]:pieces[1][1]])
            members = [(start, fb)] + pieces[1:]
            if all(y > x for x, y in members):
                return tuple(members)
    # after: the formula, then ：or ，即 and the list
    b = cand.outer[1] if cand.outer else cand.end
    m = re.match(r"(?:[^，。；：\n]{0,6})(?:：|，即|，分别是|，就是|即)", view[b:b + 12])
    if m:
        s = b + m.end()
        j = bisect.bisect_left(breaks.list_end, s)
        e = breaks.list_end[j] if j < len(breaks.list_end) else len(view)
        seps = [x.start() for x in islice(_LIST_SEP.finditer(view, s, e), n)]
        if len(seps) + 1 >= n:
            ends = (seps + [e])[:n]
            return tuple(zip([s] + [x + 1 for x in ends[:-1]], ends))
    return ()


_LIST_SEP = re.compile(r"[、，]")
_LIST_END = re.compile(r"[。；\n：]")


class _Breaks(NamedTuple):
    clause: list[int]  # offsets of the hard clause breaks
    list_end: list[int]  # offsets of the ends of a listed series (。；：, line breaks)
    dun: list[int]  # offsets of 、


@lru_cache(maxsize=2)
def _breaks(view: str) -> _Breaks:
    """The break offsets of ``view``, found once per text: the member look-ups bisect them."""
    return _Breaks(
        [m.start() for m in _CLAUSE_BREAK.finditer(view)],
        [m.start() for m in _LIST_END.finditer(view)],
        [m.start() for m in re.finditer("、", view)],
    )


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``[a, b)`` lies inside one of ``spans`` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, (a, len(spans) and 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= a and b <= spans[i][1]


def _widened(numbered: list[Candidate], lexicon: list[Candidate]) -> list[Candidate]:
    """The numbered candidates, each spanning the known name that holds it (五项原则 in
    和平共处五项原则, 三个世界 in 三个世界划分) where there is one."""
    known = sorted((c.start, c.end) for c in lexicon)
    starts = [a for a, _ in known]
    for c in numbered:
        i = bisect.bisect_right(starts, c.start) - 1
        while i >= 0 and known[i][0] > c.start - 40:
            a, b = known[i]
            if a <= c.start and c.end <= b and (a, b) != (c.start, c.end):
                c.start, c.end = a, b
                break
            i -= 1
    return numbered


def generate(view: str, bounds: set[int] | frozenset[int] | None = None) -> list[Candidate]:
    """All candidates of ``view``, sorted by start; ``bounds`` are word boundaries when known.

    >>> [view[c.start:c.end] for view in ["推动各民族群众交往交流交融。"] for c in generate(view)]
    ['交往交流交融']
    """
    quotes = _quote_candidates(view)
    qspans = [c.outer for c in quotes if c.outer]
    # a rule's candidate inside a quote is the quote itself, unless the quote is someone's words
    inner_spans: list[tuple[int, int]] = []  # the outermost such quotes: nested ones add nothing
    for a, b in sorted(((c.start, c.end) for c in quotes if not looks_like_speech(view, c)), key=lambda s: (s[0], -s[1])):
        if not inner_spans or b > inner_spans[-1][1]:
            inner_spans.append((a, b))
    out: list[Candidate] = list(quotes)
    lexicon = _lexicon_candidates(view)
    out += _widened(_numbered_candidates(view, qspans, bounds), lexicon)
    rules = (list_candidates(view, bounds) + clause_candidates(view) + compact_candidates(view, bounds)
             + joined_candidates(view, bounds))
    spans = {(c.start, c.end) for c in rules}
    rules += [c for c in lexicon if (c.start, c.end) not in spans]
    spans |= {(c.start, c.end) for c in rules + out}  # a coined wording found otherwise (四项基本原则) once
    rules += [c for c in coined_candidates(view, qspans, bounds) if (c.start, c.end) not in spans]
    for c in rules:
        if _inside(c.start, c.end, inner_spans):
            continue  # the quote itself is the candidate
        out.append(c)
    for c in out:
        if c.origin == "numbered":
            c.members = find_members(view, c, bounds)
    out.sort(key=lambda c: (c.start, -c.end))
    return out
