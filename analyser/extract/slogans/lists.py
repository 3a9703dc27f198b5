"""、-separated lists inside one clause, with the open first and last members trimmed.

The first member is cut after a cue word (按照, 坚持 …) or to the length of the inner members, the
last one before a closing cue (…的原则) or 的; a shared frame (靠X, 众X) fixes lengths.

Examples
--------
>>> v = "确保搬得出、稳得住、有事做、能致富。"
>>> [v[c.start:c.end] for c in list_candidates(v, None)]
['搬得出、稳得住、有事做、能致富']
"""
from __future__ import annotations

import re

from .base import _CLAUSE_BREAK, _JOINERS, Candidate, _boundaries
from .lexicon import cue_pattern, cues

__all__ = ["list_candidates", "split_joined", "trim_left"]


def trim_left(view: str, a: int, b: int, ref: int | None, bounds: set[int] | None, nxt: str) -> int:
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

def trim_right(view: str, a: int, b: int, ref: int | None, bounds: set[int] | None, prev: str) -> int:
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
    """Length of the last member when all members so far have one length and share characters at
    fixed places, and the last segment has them too and runs longer (众创、众包、众扶、众筹平台;
    幼有所育、…、弱有所扶上)."""
    if len(members) < 2:
        return 0
    lens = {b - a for a, b in members}
    if len(lens) != 1:
        return 0
    size = lens.pop()
    if lb - la < size + 2:
        return 0
    # positions where every member has the same character (众X, X有所X, 更X)
    shared = [i for i in range(size) if len({view[a + i] for a, _ in members}) == 1]
    if shared and len(shared) < size and all(view[la + i] == view[members[0][0] + i] for i in shared):
        return size
    return 0

def _shared_ending(view: str, members: list[tuple[int, int]]) -> str:
    """The last two characters every member ends with (强省 of 教育强省、科技强省), or ``""``."""
    ends = {view[max(a, b - 2):b] for a, b in members}
    return ends.pop() if len(members) >= 3 and len(ends) == 1 and len(next(iter(ends), "")) == 2 else ""


def split_joined(view: str, a: int, b: int, ref: int) -> list[tuple[int, int]]:
    """Split a last member joined by 和/及/与 (安全感和归属感) when both halves fit the list."""
    seg = view[a:b]
    for j in _JOINERS:
        i = seg.find(j)
        if 0 < i and abs(i - ref) <= 2 and i + len(j) < len(seg):
            return [(a, a + i), (a + i + len(j), b)]
    return [(a, b)]

def list_candidates(view: str, bounds: set[int] | None) -> list[Candidate]:
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
    # an inner member much longer than the next one and ending in its frame starts a new run
    # (一个国家、一个民族发展中更基本、更深沉、更持久): the list restarts inside it
    for (x, y), (nx, ny) in zip(pieces[1:-1], pieces[2:]):
        size = ny - nx
        if 2 <= size <= 4 and y - x >= size + 3 and view[y - size] == view[nx]:
            return [(a, x - 1)] + _split_at_inner_de(view, y - size, b)
    # members of one length opening alike, then an inner member opening alike that runs on
    # (有智慧、有能力、有办法把特别行政区管理好、建设好): the list ends inside it
    # (the members before the k-th are checked once each: the head only grows)
    size = pieces[0][1] - pieces[0][0]
    if 2 <= size <= 4:
        for k in range(1, len(pieces) - 1):
            x, y = pieces[k]
            if view[x] != view[pieces[0][0]]:
                break
            if k >= 2 and y - x >= size + 3:
                return [(a, x + size)]
            if y - x != size:
                break
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
    if view.find("等", la + 2, lb) > 0:  # 再贷款等手段: the last member ends before 等
        last_text = view[la:view.find("等", la + 2, lb)]
    first_ref = ref
    if ref is None and lb == chunk_b and len(last_text) <= 6:
        first_ref = len(last_text)
    elif ref is None:
        tentative = trim_right(view, la, lb, None, bounds, "")
        if tentative - la <= 10:
            first_ref = tentative - la
    prev = view[pieces[-2][0]:pieces[-2][1]] if ref is not None else ""
    fa, fb = pieces[0]
    nxt = view[pieces[1][0]:pieces[1][1]]
    start = trim_left(view, fa, fb, first_ref, bounds, nxt)
    inner_lens = {y - x for x, y in inner}
    if len(inner_lens) == 1 and fb - start > ref and (bounds is None or fb - ref in bounds):
        extra = view[start:fb - ref]  # 走生产发展、生活富裕; 一支听党指挥、能打胜仗
        if len(extra) == 1 or extra[0] in "一两几各每这那该":
            start = fb - ref
    first = view[start:fb]
    last_ref = ref if ref is not None else len(first)
    members = [(start, fb)] + list(inner)
    at_end = lb == chunk_b
    while lb - la > 1 and view[lb - 1] in "和及与或":  # 大众创业、万众创新和“互联网+”
        lb -= 1
        at_end = True
    joined = split_joined(view, la, lb, last_ref)
    ending = _shared_ending(view, members + [joined[0]]) if len(joined) == 2 else ""
    if ending and ending not in view[joined[1][0]:joined[1][0] + last_ref + 2]:
        # 教育强省、科技强省、人才强省和浙江特色…: the members share an ending the joined phrase
        # lacks, so the list ends before 和
        members.append(joined[0])
        return Candidate(start, joined[0][1], "list", parts=tuple(members), info={"chunk": (chunk_a, chunk_b)}) \
            if bounds is None or (start in bounds and joined[0][1] in bounds) else None
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
        k = min((i for i in (view.find("等", la + 2, end_), view.find("的", la + 2, end_)) if i > 0), default=-1)
        if k > 0:
            end_ = k  # 降准降息、再贷款等手段: the list ends before 等
    else:
        end_ = trim_right(view, la, lb, last_ref, bounds, prev or first)
    members.append((la, end_))
    members = [(x, y) for x, y in members if y > x]
    if len(members) < 2:
        return None
    end_ok = end_ in bounds if bounds is not None else True
    end_ok = end_ok or bool(cue_pattern("after", "^").match(view[end_:end_ + 8])) or end_ == chunk_b or bool(frame_len)
    if bounds is not None and not (start in bounds and end_ok):
        return None
    return Candidate(start, end_, "list", parts=tuple(members), info={"chunk": (chunk_a, chunk_b)})
