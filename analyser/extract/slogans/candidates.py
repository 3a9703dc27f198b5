"""Candidate formulations found by rules; a classifier (:mod:`analyser.slogan_model`) keeps or drops them.

Seven generators, all over the Simplified view:

``quote``     the text inside “…” 「…」 『…』 ‘…’ (never 《…》: titles are citations);
``numbered``  a small numeral with a measure or frame (六大体系, 四个意识, 两不愁三保障, 三位一体);
``list``      two or more members separated by 、 inside one clause (搬得出、稳得住、有事做、能致富);
``clauses``   comma-separated clauses sharing a frame (不搞…，不搞…; 既…，又…);
``compact``   juxtaposed members sharing a character (扶志扶智, 获得感归属感, 精准扶贫精准脱贫);
``joined``    two members of one length joined by 和/与 sharing a character (投资于物和投资于人);
``lexicon``   a known formulation written without separators (绿水青山就是金山银山, 山水林田湖草).

Members are trimmed with the context cues of ``analyser/data/slogan_cues.txt`` and the word
boundaries of the tokenizer.

Examples
--------
>>> view = "按照“物理隔离、封闭运行、专款专用”的原则。确保搬得出、稳得住、有事做、能致富。"
>>> [(c.source, view[c.start:c.end]) for c in generate(view)]
[('quote', '物理隔离、封闭运行、专款专用'), ('list', '搬得出、稳得住、有事做、能致富')]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .lexicon import cue_pattern, cues

__all__ = ["Candidate", "generate", "looks_like_speech", "NUMERALS", "numeral_value", "QUOTES"]

#: Opening quote -> closing quote.
QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’"}
#: Counting numerals of numbered formulas (一 alone never counts: 一带一路, 一老一小 are terms).
NUMERALS = "两二三四五六七八九十"
_NUM_VALUE = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_HAN = r"\u4e00-\u9fff"
_IS_HAN = re.compile(f"[{_HAN}]")
_QUOTE_RE = re.compile("|".join(f"{re.escape(o)}([^{re.escape(o + c)}\n]{{1,120}}){re.escape(c)}" for o, c in QUOTES.items()))
_TITLE_RE = re.compile(r"《[^《》\n]{0,200}》")
_PERIOD_NAME = re.compile(r"^十[一二三四五六七八九]五$")
#: Hard clause breaks (a list never crosses them).
_CLAUSE_BREAK = re.compile(r"[，。；：！？“”「」『』‘’《》（）()\n\t 　…—,.;:!?\"']")
_SENT_BREAK = re.compile(r"[。；！？\n：]")
_NUMBERED = re.compile(
    rf"[{NUMERALS}]位一体"
    rf"|(?P<a>[{NUMERALS}])(?:个|大|项|条|种|类|级)(?P<head>[{_HAN}]{{1,4}})"
    rf"|[{NUMERALS}]不[{_HAN}]{{1,2}}[{NUMERALS}][{_HAN}]{{2}}"
    rf"|[{NUMERALS}][{_HAN}][{NUMERALS}][{_HAN}]"
)
_JOINERS = ("以及", "和", "及", "与", "并")
_CONNECTORS = "就又也更还并而且再"


def numeral_value(text: str) -> int | None:
    """The count a numbered formula names: its first numeral (``六大体系`` -> 6).

    >>> numeral_value("两不愁三保障"), numeral_value("一带一路")
    (2, 1)
    """
    for ch in text:
        if ch in _NUM_VALUE:
            return _NUM_VALUE[ch]
    return None


@dataclass
class Candidate:
    """A possible formulation: offsets into the view, how it was found, its members."""

    start: int
    end: int
    source: str
    parts: tuple[tuple[int, int], ...] = ()
    members: tuple[tuple[int, int], ...] = ()
    outer: tuple[int, int] | None = None
    in_title: bool = False
    frame: str = ""
    info: dict = field(default_factory=dict)

    @property
    def quoted(self) -> bool:
        return self.outer is not None


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
    for m in _QUOTE_RE.finditer(view):
        g = next(i for i in range(1, len(QUOTES) + 1) if m.group(i) is not None)
        a, b = m.span(g)
        if not _IS_HAN.search(view[a:b]):
            continue
        in_title = any(x < a and b < y for x, y in titles)
        text = view[a:b]
        source = "quote"
        if _is_numbered_text(text):
            source = "numbered"
        out.append(Candidate(a, b, source, parts=_split_parts(view, a, b), outer=m.span(), in_title=in_title))
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
    if before[-1:] in ("：", "，", ":") and any(w in before for w in cues()["speech"]):
        return True
    if _SPEECH_END.search(text) and len(text) >= 6:
        return True
    return "，" in text and len(text) >= 10 and bool(re.search(r"[了我你咱俺吗呢啊]", text))


def _boundaries(bounds: set[int] | None, pos: int) -> bool:
    return bounds is None or pos in bounds


def _trim_left(view: str, a: int, b: int, ref: int | None, bounds: set[int] | None, nxt: str) -> int:
    """Start of the first member, a suffix of ``view[a:b]``: cut after a cue word, match ``ref``."""
    seg = view[a:b]
    if not seg:
        return a
    before = cues()["before"]
    for i in range(len(seg) - 1, 0, -1):  # the last cue word that leaves a member of the right length
        rem = len(seg) - i
        two, one = seg[i - 2:i] in before and i >= 2, seg[i - 1:i] in before
        if ref is None:
            if (two and rem <= 8) or (one and 2 <= rem <= 6):
                return a + i
        elif (two and ref - 1 <= rem <= ref + 2) or (one and ref <= rem <= ref + 2):
            return a + i
    # shared frame: the member starts with the next member's first character (将靠近城镇、靠近中心村)
    if nxt and ref is not None:
        for L in sorted(range(2, len(seg) + 1), key=lambda x: abs(x - ref)):
            if abs(L - ref) <= 2 and seg[len(seg) - L] == nxt[0] and _boundaries(bounds, b - L):
                return b - L
    # start after the last 的/和/了 when what follows fits (…的政治优势和全国一盘棋)
    k = max(seg.rfind(w) + len(w) if w in seg else -1 for w in ("的", "和", "了", "与", "是"))
    if 0 < k <= len(seg) - 2 and (ref is None or abs(len(seg) - k - ref) <= 3) and _boundaries(bounds, a + k):
        return a + k
    if ref is None:
        ref = min(len(seg), 4)
    if len(seg) <= ref:
        return a
    start = b - ref
    for delta in (0, -1, 1, -2, 2):
        s = start + delta
        if a <= s < b and _boundaries(bounds, s):
            return s
    return start


def _trim_right(view: str, a: int, b: int, ref: int | None, bounds: set[int] | None, prev: str) -> int:
    """End of the last member, a prefix of ``view[a:b]``: stop before a cue, match ``ref``."""
    seg = view[a:b]
    if not seg:
        return b
    m = re.compile("的|" + cue_pattern("after").pattern).search(seg, 2)
    stop = m.start() if m else None
    if ref is None:
        if stop is not None and stop <= 10:
            return a + stop
        ref = len(prev) if prev else 4
    if stop is not None and stop <= ref + 2:
        return a + stop
    if len(seg) <= ref + 1:
        return b
    if prev:
        for L in (ref, ref + 1, ref - 1, ref + 2):
            if 0 < L <= len(seg) and seg[L - 1] == prev[-1]:
                return a + L
    end = a + ref
    for delta in (0, 1, -1, 2, -2):
        e = end + delta
        if a < e <= b and _boundaries(bounds, e):
            return e
    return end


def _frame_length(view: str, members: list[tuple[int, int]], la: int, lb: int) -> int:
    """Length of the last member when all members so far have one length and one first
    character, and the last segment starts with it and runs longer (众创、众包、众扶、众筹平台)."""
    if len(members) < 2:
        return 0
    lens = {b - a for a, b in members}
    firsts = {view[a] for a, _ in members}
    if len(lens) == 1 and len(firsts) == 1 and view[la] in firsts:
        size = lens.pop()
        if lb - la >= size + 2:
            return size
    return 0


def _split_joined(view: str, a: int, b: int, ref: int) -> list[tuple[int, int]]:
    """Split a last member joined by 和/及/与 (安全感和归属感) when both halves fit the list."""
    seg = view[a:b]
    for j in _JOINERS:
        i = seg.find(j)
        if 0 < i and abs(i - ref) <= 2 and i + len(j) < len(seg):
            return [(a, a + i), (a + i + len(j), b)]
    return [(a, b)]


def _list_candidates(view: str, bounds: set[int] | None) -> list[Candidate]:
    out = []
    pos = 0
    for m in list(_CLAUSE_BREAK.finditer(view)) + [None]:
        end = m.start() if m else len(view)
        chunk_a, chunk_b = pos, end
        pos = m.end() if m else len(view)
        if "、" not in view[chunk_a:chunk_b]:
            continue
        for sub_a, sub_b in _split_at_inner_de(view, chunk_a, chunk_b):
            c = _list_run(view, sub_a, sub_b, bounds)
            if c is not None:
                out.append(c)
    return out


def _split_at_inner_de(view: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split a 、-chunk where an inner member holds 的 (节约能源资源、保护生态环境的产业结构、增长方式)."""
    pieces, p = [], a
    for piece in view[a:b].split("、"):
        pieces.append((p, p + len(piece)))
        p += len(piece) + 1
    for x, y in pieces[1:-1]:
        k = view.find("的", x, y)
        if k > x:
            return [(a, k)] + _split_at_inner_de(view, k + 1, b)
    return [(a, b)]


def _list_run(view: str, chunk_a: int, chunk_b: int, bounds: set[int] | None) -> Candidate | None:
    """The candidate of one 、-run ``view[chunk_a:chunk_b]``, members trimmed at both ends."""
    if "、" not in view[chunk_a:chunk_b]:
        return None
    pieces = []
    p = chunk_a
    for piece in view[chunk_a:chunk_b].split("、"):
        pieces.append((p, p + len(piece)))
        p += len(piece) + 1
    if any(x == y for x, y in pieces):
        return None
    inner = pieces[1:-1]
    ref = round(sum(y - x for x, y in inner) / len(inner)) if inner else None
    la, lb = pieces[-1]
    last_text = view[la:lb]
    first_ref = ref
    if ref is None and lb == chunk_b and len(last_text) <= 6:
        first_ref = len(last_text)
    elif ref is None:
        tentative = _trim_right(view, la, lb, None, bounds, "")
        if tentative - la <= 10:
            first_ref = tentative - la
    prev = view[pieces[-2][0]:pieces[-2][1]] if ref is not None else ""
    fa, fb = pieces[0]
    nxt = view[pieces[1][0]:pieces[1][1]]
    start = _trim_left(view, fa, fb, first_ref, bounds, nxt)
    first = view[start:fb]
    last_ref = ref if ref is not None else len(first)
    members = [(start, fb)] + list(inner)
    at_end = lb == chunk_b
    while lb - la > 1 and view[lb - 1] in "和及与或":  # 大众创业、万众创新和“互联网+”
        lb -= 1
        at_end = True
    joined = _split_joined(view, la, lb, last_ref)
    if len(joined) == 2:  # …、安全感和归属感: two members, the second trimmed like a last one
        members.append(joined[0])
        la = joined[1][0]
    m = cue_pattern("after", "$").search(view, la + 2, lb)
    tail = lb - m.start() if m else 0
    size = lb - tail - la
    if prev == "" and len(first) >= 2:  # no inner member: the first is the reference
        prev = first
    frame_len = _frame_length(view, members, la, lb)
    if frame_len:
        end_ = la + frame_len  # 众创、众包、众扶、众筹平台: the shared frame fixes the length
    elif at_end and (size <= last_ref + 1 or (size <= last_ref + 3 and "的" not in view[la:lb - tail])):
        end_ = lb - tail  # the member runs to the end of the clause (逐步能致富，), less a closing cue (…原则)
    else:
        end_ = _trim_right(view, la, lb, last_ref, bounds, prev or first)
    members.append((la, end_))
    members = [(x, y) for x, y in members if y > x]
    if len(members) < 2:
        return None
    end_ok = end_ in bounds if bounds is not None else True
    end_ok = end_ok or bool(cue_pattern("after", "^").match(view[end_:end_ + 8])) or end_ == chunk_b
    if bounds is not None and not (start in bounds and end_ok):
        return None
    return Candidate(start, end_, "list", parts=tuple(members), info={"chunk": (chunk_a, chunk_b)})


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _clause_candidates(view: str) -> list[Candidate]:
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
                    k = ref.rfind(nxt[:1]) if nxt else -1
                    while k > 0 and _common_prefix(ref[k:], nxt) < 1:
                        k = ref.rfind(nxt[:1], 0, k)
                    if k < 0:
                        break
                    cp = _common_prefix(ref[k:], nxt)
                    if cp < 1:
                        break
                    run[0] = (a0 + k, b0)
                    frame = nxt[:cp]
                else:
                    if not nxt.startswith(frame[:1]) and not (frame == "又"):
                        break
                if not (2 <= len(nxt) <= 16) or not (2 <= run[0][1] - run[0][0] <= 18):
                    break
                run.append((a1 + off, b1))
                j += 1
            if len(run) >= 2 and frame and _IS_HAN.search(frame):
                out.append(Candidate(run[0][0], run[-1][1], "clauses", parts=tuple(run), frame=frame))
                i = j
            else:
                i += 1
        out += _suffix_clause_runs(view, clauses)
    return out


def _suffix_clause_runs(view: str, clauses: list[tuple[int, int]]) -> list[Candidate]:
    """Runs of short ，-clauses ending alike (创新发展一批，重组整合一批，清理退出一批)."""
    out = []
    i = 0
    while i < len(clauses) - 1:
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


def _prefix_units(view: str, han: list[bool], i: int) -> Candidate | None:
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
                units.append((k, k + p + r))
                rem = nxt
                k += p + r
            if len(units) >= 2 and len({view[a + p:b] for a, b in units}) == len(units):
                return Candidate(units[0][0], units[-1][1], "compact", parts=tuple(units), frame=pre + "…")
    return None


def _suffix_units(view: str, han: list[bool], i: int) -> Candidate | None:
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


def _compact_candidates(view: str, bounds: set[int] | None) -> list[Candidate]:
    """Juxtaposed members sharing a prefix (扶志扶智) or a suffix (获得感归属感), no separator.

    Shared prefixes are looked for first; a shared-suffix run overlapping one is dropped.
    """
    han = [bool(_IS_HAN.match(ch)) for ch in view]
    n = len(view)
    # a run needs one character repeated 2-5 places on: look only where that happens
    repeat = {d: [i for i in range(n - d) if view[i] == view[i + d] and han[i]] for d in (2, 3, 4, 5)}
    prefix_starts = sorted({i for d in (2, 3, 4, 5) for i in repeat[d]})
    suffix_starts = sorted({i - (d - 1) for d in (2, 3, 4) for i in repeat[d] if i - (d - 1) >= 0})
    out: list[Candidate] = []
    covered: dict[int, str] = {}  # offset -> shared characters of the runs covering it
    for finder, starts in ((_prefix_units, prefix_starts), (_suffix_units, suffix_starts)):
        last_end = -1
        for i in starts:
            if i < last_end or i >= n - 3 or not han[i]:
                continue
            found = finder(view, han, i)
            if found and bounds is not None and not (found.start in bounds and found.end in bounds):
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


def _numbered_candidates(view: str, quoted: list[tuple[int, int]]) -> list[Candidate]:
    out = []
    heads = cues()["head"]
    for m in _NUMBERED.finditer(view):
        a, b = m.span()
        if any(x <= a < y for x, y in quoted):
            continue
        if a > 0 and (view[a - 1] in NUMERALS or view[a - 1] in "第一百千万零0123456789"):
            continue
        text = view[a:b]
        if m.group("head"):
            # keep the head short: the longest known head word, else two characters
            body = m.group("head")
            stem_len = m.start("head") - a
            best = None
            for L in range(min(4, len(body)), 1, -1):
                if any(body[:L].endswith(h) for h in heads):
                    best = L
                    break
            if best is None:
                best = min(2, len(body))
            b = a + stem_len + best
            text = view[a:b]
        out.append(Candidate(a, b, "numbered", info={"text": text}))
    return out


_JOINED = re.compile("和|与|同")


def _joined_candidates(view: str, bounds: set[int] | None) -> list[Candidate]:
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
    clause_start = k
    while clause_start > 0 and not _CLAUSE_BREAK.match(view[clause_start - 1]):
        clause_start -= 1
    seg = view[clause_start:k]
    if seg.count("、") == n - 1 or (seg.count("、") == n - 2 and any(j in seg for j in _JOINERS)):
        pieces, p = [], clause_start
        for piece in seg.split("、"):
            pieces.append((p, p + len(piece)))
            p += len(piece) + 1
        if len(pieces) == n - 1:
            la, lb = pieces[-1]
            inner = pieces[1:-1] or pieces[:1]
            ref = round(sum(y - x for x, y in inner) / len(inner))
            pieces = pieces[:-1] + _split_joined(view, la, lb, ref)
        if len(pieces) == n:
            inner = pieces[1:]
            ref = round(sum(y - x for x, y in inner) / len(inner))
            fa, fb = pieces[0]
            start = _trim_left(view, fa, fb, ref, bounds, view[pieces[1][0]:pieces[1][1]])
            members = [(start, fb)] + pieces[1:]
            if all(y > x for x, y in members):
                return tuple(members)
    # after: the formula, then ：or ，即 and the list
    b = cand.outer[1] if cand.outer else cand.end
    m = re.match(r"(?:[^，。；：\n]{0,6})(?:：|，即|，分别是|，就是|即)", view[b:b + 12])
    if m:
        s = b + m.end()
        e = s
        while e < len(view) and not re.match(r"[。；\n：]", view[e]):
            e += 1
        seg = view[s:e]
        parts = re.split(r"[、，]", seg)
        if len(parts) >= n:
            out, p = [], s
            for piece in parts[:n]:
                out.append((p, p + len(piece)))
                p += len(piece) + 1
            return tuple(out)
    return ()


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``[a, b)`` lies inside one of ``spans`` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, (a, len(spans) and 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= a and b <= spans[i][1]


def generate(view: str, bounds: set[int] | None = None) -> list[Candidate]:
    """All candidates of ``view``, sorted by start; ``bounds`` are word boundaries when known.

    >>> [view[c.start:c.end] for view in ["推动各民族群众交往交流交融。"] for c in generate(view)]
    ['交往交流交融']
    """
    quotes = _quote_candidates(view)
    qspans = [c.outer for c in quotes if c.outer]
    inner_spans = sorted((c.start, c.end) for c in quotes)
    out: list[Candidate] = list(quotes)
    out += _numbered_candidates(view, qspans)
    rules = (_list_candidates(view, bounds) + _clause_candidates(view) + _compact_candidates(view, bounds)
             + _joined_candidates(view, bounds))
    spans = {(c.start, c.end) for c in rules}
    rules += [c for c in _lexicon_candidates(view) if (c.start, c.end) not in spans]
    for c in rules:
        if _inside(c.start, c.end, inner_spans):
            continue  # the quote itself is the candidate
        out.append(c)
    for c in out:
        if c.source == "numbered":
            c.members = find_members(view, c, bounds)
    out.sort(key=lambda c: (c.start, -c.end))
    return out
