"""From marker candidates to the outline tree: sequences, spans, headings, nesting.

A marker only becomes structure when it belongs to a *run*: a sequence of the same family that
starts at one and goes on consecutively (one missing number is tolerated for line markers, as
real documents sometimes skip). Line-marker runs are found over the whole body (so ``（一）``
numbering may run on across sections); point runs are found inside their container (the
innermost line node holding them).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from .markers import FAMILY_RANK, SECTION_FAMILIES, Candidate

__all__ = ["TITLE_CHARS", "Draft", "line_runs", "nest", "point_runs", "title_line"]

_SPACE = " \u3000\xa0\t\n\r\ufeff"
_HEAD_TRIM = _SPACE + "：；，、"


@dataclass
class Draft:
    """A node under construction: offsets into the view, children filled by :func:`nest`."""

    kind: str
    family: str
    number: int
    marker: tuple[int, int]
    body: int
    start: int
    end: int
    heading: tuple[int, int] | None = None
    rank: float = 0.0
    children: list[Draft] = field(default_factory=list)


def _sequences(cands: list[Candidate], continues) -> list[list[Candidate]]:
    """Split candidates into runs that start at 1 and go on while ``continues(previous, next)``."""
    runs: list[list[Candidate]] = []
    cur: list[Candidate] = []
    for c in cands:
        if cur and continues(cur[-1], c):
            cur.append(c)
        elif c.number == 1:
            if len(cur) >= 2:
                runs.append(cur)
            cur = [c]
    if len(cur) >= 2:
        runs.append(cur)
    return runs


def _runs(cands: list[Candidate], *, tolerance: int) -> list[list[Candidate]]:
    """Split candidates of one family into runs 1, 2, 3 … (skips up to ``tolerance`` numbers)."""
    return [run for run, _ in _nested_runs(cands, tolerance=tolerance)]


def _nested_runs(cands: list[Candidate], *, tolerance: int) -> list[tuple[list[Candidate], int]]:
    """Runs 1, 2, 3 … of one family with their depth: a run that starts again at one while
    another is open (一、…二、 then 一、二、三、 then 三、…) lies inside it when the outer run goes
    on after it; its depth is one more than the outer run's.
    """
    runs: list[list[Candidate]] = []
    depth: dict[int, int] = {}
    stack: list[list[Candidate]] = []  # open runs, innermost last
    # the next number each open run expects -> the stack positions of those runs, innermost last;
    # runs change only at the top of the stack, so finding the run a number continues is a look-up
    expecting: dict[int, list[int]] = {}

    def push(run: list[Candidate]) -> None:
        expecting.setdefault(run[-1].number + 1, []).append(len(stack))
        stack.append(run)

    def pop() -> None:
        expecting[stack.pop()[-1].number + 1].pop()

    def extend_top(c: Candidate) -> None:
        top = stack[-1]
        expecting[top[-1].number + 1].pop()
        top.append(c)
        expecting.setdefault(c.number + 1, []).append(len(stack) - 1)

    for c in cands:
        cur = stack[-1] if stack else None
        if cur and c.number == cur[-1].number + 1:
            extend_top(c)
            continue
        waiting = expecting.get(c.number)
        outer = waiting[-1] if waiting else None  # never the top: it expects another number
        if outer is not None:
            for inner in stack[outer + 1:]:
                if len(inner) >= 2:
                    depth[id(inner)] = depth.get(id(inner), 0) + 1
            while len(stack) > outer + 1:
                pop()
            extend_top(c)
        elif c.number == 1:
            run = [c]
            runs.append(run)
            push(run)
        elif cur and cur[-1].number < c.number <= cur[-1].number + 1 + tolerance:
            extend_top(c)
    return [(run, _depth(run, runs, depth)) for run in runs if len(run) >= 2]


def _depth(run: list[Candidate], runs: list[list[Candidate]], marks: dict[int, int]) -> int:
    """How many runs of the family hold ``run`` (those marked inside one, counted by span)."""
    if id(run) not in marks:
        return 0
    a = run[0].marker[0]
    return sum(1 for r in runs if r is not run and len(r) >= 2 and r[0].marker[0] < a < r[-1].marker[0])


def _trim_end(view: str, a: int, b: int) -> int:
    while b > a and view[b - 1] in _SPACE:
        b -= 1
    return b


def _heading(view: str, a: int, b: int, stops: str) -> tuple[int, int] | None:
    """The heading from ``a`` to the first stop character (or ``b``), trimmed."""
    while a < b and view[a] in _HEAD_TRIM:
        a += 1
    end = a
    while end < b and view[end] not in stops:
        end += 1
    while end > a and view[end - 1] in _HEAD_TRIM:
        end -= 1
    return (a, end) if end > a else None


class Layout:
    """Paragraph lookup over the view (``(start, end)`` of each non-blank line)."""

    def __init__(self, paragraphs: tuple[tuple[int, int], ...], length: int) -> None:
        self.paragraphs = paragraphs or ((0, length),)
        self.starts = [a for a, _ in self.paragraphs]

    def index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def end_of(self, pos: int) -> int:
        return self.paragraphs[self.index(pos)][1]


def line_runs(
    view: str, cands: list[Candidate], layout: Layout, limit: int, extra: list[Draft] = (),
    promote: str | None = None,
) -> list[Draft]:
    """Drafts of the line markers that form runs, each with its span (up to the next peer).

    Numbered families are checked over the whole body; bullet lines (``——``) are grouped by the
    node that holds them and numbered by position. ``extra`` drafts (unnumbered titles) are
    returned too and end the spans of the nodes before them like any peer of their rank.
    ``promote`` names a family whose nodes are the document's sections (ranked as ``一、``).
    """
    ranks: dict[str, float] = dict(FAMILY_RANK)
    if promote is not None:
        ranks[promote] = FAMILY_RANK["dun"]
    runs: list[list[Candidate]] = []
    for fam in sorted({c.family for c in cands} - {"dash", "ordinal_sentence"}):
        if fam == "ordinal_title":  # 第一、… title lines: a run of title lines only, no number skipped
            group = [c for c in cands if c.family in ("ordinal_title", "ordinal_sentence")]
            runs.extend(r for r in _runs(group, tolerance=0) if all(c.family == fam for c in r))
        else:
            for run, depth in _nested_runs([c for c in cands if c.family == fam], tolerance=1):
                if depth:  # 一、 inside 二、 of the same family: a level below it
                    sub = f"{fam}{_SUB}{depth}"
                    ranks[sub] = ranks[fam] + depth / 10
                    run = [replace(c, family=sub) for c in run]
                runs.append(run)
    runs = _nested_lists(view, runs, layout, ranks)
    accepted = sorted(((c, c.number) for run in runs for c in run), key=lambda t: t[0].marker)
    line_lists = _one_line_list_ends(view, runs, layout)
    _place_floating(accepted, ranks)
    demoted = _lists_inside_articles(accepted, ranks) | {f for f in ranks if f.endswith(_LIST)}
    events = sorted([(c.marker[0], ranks[c.family], c, n) for c, n in accepted]
                    + [(d.start, d.rank, None, d) for d in extra], key=lambda t: (t[0], t[1]))
    drafts: list[Draft] = []
    next_at: dict[float, int] = {}  # next start of a node of each rank
    for start, rank, c, payload in reversed(events):
        if c is None:
            drafts.append(payload)
        else:
            nxt = min((v for r, v in next_at.items() if r <= rank), default=limit)
            end = min(_trim_end(view, start, nxt), limit)
            if start in line_lists:  # the last entry of a list of one-line entries ends with its line
                end = min(end, layout.end_of(start))
            draft = _line_draft(view, c, payload, end, layout)
            draft.rank = rank
            if c.family == promote:
                draft.kind = "section"
            elif c.family in demoted:
                draft.kind = "item"
            drafts.append(draft)
        next_at[rank] = start
    drafts.reverse()
    dashes = [c for c in cands if c.family == "dash"]
    boxes: dict[int, list[Candidate]] = {}
    containers = Containers(drafts)
    for c in dashes:
        box = containers.at(c.marker[0])
        boxes.setdefault(0 if box is None else id(box), []).append(c)
    for group in boxes.values():
        for run in _dash_runs(group, layout):
            for i, c in enumerate(run):
                end = layout.end_of(c.marker[0])
                if i + 1 < len(run):  # unmarked paragraphs before the next bullet belong to this one
                    end = _trim_end(view, c.marker[0], run[i + 1].marker[0])
                drafts.append(_line_draft(view, c, i + 1, min(end, limit), layout))
    return drafts


#: the longest line of a list entry (longer entries are paragraphs)
LIST_LINE = 80


def _one_line_list_ends(view: str, runs: list[list[Candidate]], layout: Layout) -> set[int]:
    """Marker starts of the last entries of lists whose entries are short lines, one after the
    other (（一）清理衞生黑點；⏎（二）…；⏎（三）…。): the paragraph after such a list is not inside its
    last entry but inside the node that holds the list, unless the last entry's line ends with a
    colon (…由以下小组组成：⏎1.监督组): it introduces what follows. Entries that are whole paragraphs
    ((二)成立联合采购办公室。…下设监督组、专家组。⏎1.监督组) keep what follows them."""
    out: set[int] = set()
    for run in runs:
        idx = [layout.index(c.marker[0]) for c in run]
        short = all(b - a <= LIST_LINE for a, b in (layout.paragraphs[i] for i in idx))
        if short and all(b == a + 1 for a, b in zip(idx, idx[1:])):
            last = view[run[-1].marker[0]:layout.end_of(run[-1].marker[0])].rstrip()
            if not last.endswith(("：", ":")):
                out.add(run[-1].marker[0])
    return out


#: Families whose place in the hierarchy depends on the document: 第一、关于… title lines are
#: subdivisions of 一、 in one report and of （一） in another.
FLOATING = frozenset({"ordinal_title"})
#: The heading families a floating family may sit under (items such as 1. or ① do not hold titles).
_HEADING_RANK = FAMILY_RANK["paren_cn"]


def _place_floating(accepted: list[tuple[Candidate, int]], ranks: dict[str, float]) -> None:
    """Rank each floating family just below the heading family of the nearest line node that
    precedes its first member (its default rank when none does)."""
    for fam in FLOATING:
        first = next((c for c, _ in accepted if c.family == fam), None)
        if first is None:
            continue
        before = [c for c, _ in accepted if c.marker[0] < first.marker[0]
                  and c.family not in FLOATING and ranks[c.family] <= _HEADING_RANK]
        if before:
            ranks[fam] = ranks[before[-1].family] + 0.5


_LIST = "+list"
_SUB = "+sub"
#: an annex heading alone on its line (附件1, 附件：, 附录二): what follows is not inside the node before it
_ANNEX_LINE = re.compile(r"(?m)^[ \u3000\xa0\t]*(?:附件|附录|附表)[0-9０-９一二三四五六七八九十]{0,3}[：:]?[ \u3000\xa0\t]*$")


def _nested_lists(view: str, runs: list[list[Candidate]], layout: Layout, ranks: dict[str, float]) -> list[list[Candidate]]:
    """A section family's later run whose lines are sentences, not titles, is a list inside the
    node before it (1982: 第一、严格控制固定资产投资的总规模 then 一、固定资产投资总规模，包括…。
    二、…): its members become items of a family ranked just below that node's. Not across an
    annex heading (附件1): an annex opens a new outline."""
    out: list[list[Candidate]] = []
    seen: set[str] = set()
    starts = sorted((run[0].marker[0], run) for run in runs)
    for start, run in starts:
        fam = run[0].family
        if fam in SECTION_FAMILIES and fam in seen and not all(_title_line(view, c, layout) for c in run):
            before = [c for r in out for c in r if c.marker[0] < start and not c.family.endswith(_LIST)]
            anchor = max(before, key=lambda c: c.marker[0]) if before else None
            if anchor is not None and not _ANNEX_LINE.search(view, anchor.marker[0], start):
                name = fam + _LIST
                ranks[name] = ranks[anchor.family] + 0.5 if anchor.family in ranks else ranks[fam]
                out.append([replace(c, family=name) for c in run])
                continue
        seen.add(fam)
        out.append(run)
    return out


#: The longest title line a numbered node may have.
TITLE_CHARS = 50
_NOT_IN_TITLE = re.compile(r"[。！？；]")


def title_line(view: str, start: int, body: int, layout: Layout) -> bool:
    """True when the line of a marker at ``start`` is a title: the text from ``body`` to the line
    end is there (not on the next line), short and holds no sentence end."""
    first = layout.index(start)
    if layout.index(body) != first:
        return False
    line = view[body:layout.paragraphs[first][1]]
    return 0 < len(line) <= TITLE_CHARS and not _NOT_IN_TITLE.search(line)


def _title_line(view: str, c: Candidate, layout: Layout) -> bool:
    return title_line(view, c.marker[0], c.body, layout)


def _lists_inside_articles(accepted: list[tuple[Candidate, int]], ranks: dict[str, float]) -> set[str]:
    """In a regulation whose articles come first (第一条 … 第三条 补助项目如下：⏎一、…⏎二、…), the
    一、 lists are the articles' own items (款), not sections: rank them just below the article.
    Returns the families so demoted."""
    first: dict[str, int] = {}
    for c, _ in accepted:
        first.setdefault(c.family, c.marker[0])
    if "article" in first and "dun" in first and first["article"] < first["dun"]:
        ranks["dun"] = ranks["article"] + 0.5
        return {"dun"}
    return set()


def _line_draft(view: str, c: Candidate, number: int, end: int, layout: Layout) -> Draft:
    kind = "section" if c.family.split("+")[0] in SECTION_FAMILIES else "item"
    head_end = min(end, layout.end_of(c.body))
    heading = _heading(view, c.body, head_end, "。\n")
    return Draft(kind, c.family, number, c.marker, c.body, c.marker[0], end, heading, FAMILY_RANK.get(c.family, 0.0))


#: Bullet lines separated by more unmarked paragraphs than this start a new list.
DASH_GAP = 5


def _dash_runs(group: list[Candidate], layout: Layout) -> list[list[Candidate]]:
    """Bullet lines ``——…`` close to each other in one node form a list (two lines at least)."""
    runs: list[list[Candidate]] = []
    cur: list[Candidate] = []
    last = -10**9
    for c in group:
        idx = layout.index(c.marker[0])
        if cur and idx - last <= DASH_GAP + 1:
            cur.append(c)
        else:
            if len(cur) >= 2:
                runs.append(cur)
            cur = [c]
        last = idx
    if len(cur) >= 2:
        runs.append(cur)
    return runs


class Containers:
    """Which draft holds a position: the innermost of properly nested spans, found by bisection."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.starts: list[int] = []
        self.owners: list[Draft | None] = []
        self._parent: dict[int, Draft | None] = {}
        stack: list[Draft] = []
        for d in sorted(drafts, key=lambda d: (d.start, d.rank)):
            while stack and stack[-1].end <= d.start:
                self._emit(stack.pop().end, stack)
            self._parent[id(d)] = stack[-1] if stack else None
            stack.append(d)
            self._emit(d.start, stack)
        while stack:
            self._emit(stack.pop().end, stack)

    def _emit(self, pos: int, stack: list[Draft]) -> None:
        self.starts.append(pos)
        self.owners.append(stack[-1] if stack else None)

    def at(self, pos: int) -> Draft | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.owners[i] if i >= 0 else None

    def parent(self, draft: Draft) -> Draft | None:
        """The draft that holds ``draft`` (None at the top)."""
        return self._parent.get(id(draft))


def point_runs(view: str, cands: list[Candidate], lines: list[Draft], layout: Layout, limit: int) -> list[Draft]:
    """Drafts of the in-paragraph points that form runs inside their container."""
    groups: dict[tuple[int, str], list[Candidate]] = {}
    bounds: dict[int, int] = {}
    containers = Containers(lines)
    last: dict[tuple[int, str], Candidate] = {}  # the last candidate of each (container, style)
    for c in _order_runs_go_on(_first_by_order_word(cands, containers), containers):
        box = containers.at(c.marker[0])
        if c.number > 1 and _paragraph_initial(view, c, layout):
            inner, box = box, _run_owner(c, box, containers, last, view, layout)
            while inner is not None and inner is not box:  # the nodes it lay in end before it
                inner.end = min(inner.end, _trim_end(view, inner.start, c.marker[0]))
                inner = containers.parent(inner)
        key = id(box) if box is not None else 0
        last[(key, c.family)] = c
        bounds[key] = box.end if box is not None else limit
        groups.setdefault((key, c.family), []).append(c)
    drafts: list[Draft] = []
    for (key, style), group in groups.items():
        for run in _point_sequences(view, group, layout, style):
            drafts.extend(_point_drafts(view, run, style, layout, bounds[key]))
    return drafts


def _run_owner(c: Candidate, box: Draft | None, containers: Containers, last: dict, view: str, layout: Layout) -> Draft | None:
    """The container of a point opening a paragraph: an outer node when the run it goes on was
    opened there (第一，全国动员…⏎（一）…（九）…⏎第二，加快发展基础工业: the last item's span runs
    on to the section's end, but 第二， continues the run of the section, not of the item)."""
    if (id(box) if box is not None else 0, c.family) in last:
        return box
    outer = containers.parent(box) if box is not None else None
    while outer is not None:
        prev = last.get((id(outer), c.family))
        if prev is not None:
            if prev.number == c.number - 1 and _paragraph_initial(view, prev, layout):
                return outer
            return box
        outer = containers.parent(outer)
    prev = last.get((0, c.family))
    if box is not None and prev is not None and prev.number == c.number - 1 and _paragraph_initial(view, prev, layout):
        return None
    return box


#: point styles whose first member may be said with 首先 (首先…。二是…。三是…)
_NUMBERED_STYLES = frozenset({"shi", "yao", "dishi", "ordinal", "qi"})


def _first_by_order_word(cands: list[Candidate], containers: Containers) -> list[Candidate]:
    """A 首先 that opens a numbered run (首先要增加投入。…二是保护耕地。三是…) joins that run as
    its first member: the next point candidate in the same container is number two of a numbered
    style, no 其次 follows the 首先 first, and no number one of that style comes before it (第一，…
    首先是由于…。第二，…: the 首先 is inside the first member)."""
    out = list(cands)
    for i, c in enumerate(cands):
        if c.family != "order" or c.number != 1 or i + 1 >= len(cands):
            continue
        nxt = cands[i + 1]
        box = containers.at(c.marker[0])
        if nxt.family not in _NUMBERED_STYLES or nxt.number != 2 or containers.at(nxt.marker[0]) is not box:
            continue
        then = next((d for d in cands[i + 1:] if d.family == "order"), None)
        if then is not None and then.number == 2 and containers.at(then.marker[0]) is box:
            continue  # 首先 … 其次: its own run
        before = next((cands[j] for j in range(i - 1, -1, -1) if cands[j].family == nxt.family), None)
        if before is not None and before.number == 1 and containers.at(before.marker[0]) is box:
            continue  # 第一、…首先要…。第二、: the run has its first member; 首先 is inside it
        out[i] = Candidate(nxt.family, 1, c.marker, c.body, c.line_start)
    return out


def _order_runs_go_on(cands: list[Candidate], containers: Containers) -> list[Candidate]:
    """A run said with order words may go on with numbered points (首先…。其次，…。第三，…): the
    numbered point that follows its last member in the same container, numbered one more, joins
    it (and so on for the next)."""
    if not any(c.family == "order" for c in cands):
        return cands
    out = list(cands)
    last: dict[int, tuple[int, int]] = {}  # container id -> (number of the last order member, index)
    for i, c in enumerate(out):
        box = id(containers.at(c.marker[0]))
        if c.family == "order" and c.number != 99:
            prev = last.get(box)
            if c.number == 1 or (prev is not None and c.number == prev[0] + 1):
                last[box] = (c.number, i)
            continue
        prev = last.get(box)
        if prev is None or c.family not in _NUMBERED_STYLES:
            continue
        if prev[0] >= 2 and c.number == prev[0] + 1:
            out[i] = Candidate("order", c.number, c.marker, c.body, c.line_start)
            last[box] = (c.number, i)
        else:
            del last[box]
    return out


def _point_sequences(view: str, group: list[Candidate], layout: Layout, style: str) -> list[list[Candidate]]:
    return _sequences(group, lambda p, c: _continues(view, p, c, layout, style))


def _paragraph_initial(view: str, c: Candidate, layout: Layout) -> bool:
    return layout.paragraphs[layout.index(c.marker[0])][0] == c.marker[0]


def _continues(view: str, prev: Candidate, c: Candidate, layout: Layout, style: str) -> bool:
    if style == "order":
        ok = c.number == prev.number + 1 or (c.number == 99 and prev.number >= 1)
    else:
        ok = c.number == prev.number + 1
    if not ok:
        return False
    gap = layout.index(c.marker[0]) - layout.index(prev.marker[0])
    if _paragraph_initial(view, c, layout):
        # 二是… opening a paragraph goes on a run whose first member opened one too, or one
        # begun inside a paragraph a few paragraphs before (实施积极的财政政策。一是…⏎…⏎二是…);
        # 首先 straight to 最后 only a few paragraphs on: 首先，我感谢… and 最后，多谢… framing a
        # speech are no run (首先…其次…再次…最后 over long paragraphs is)
        if style == "order" and c.number == 99 and prev.number == 1:
            return gap <= PARAGRAPH_GAP
        return _paragraph_initial(view, prev, layout) or gap <= PARAGRAPH_GAP
    return gap <= 1


#: How many paragraphs a run begun inside a paragraph may go on after, with a member opening a paragraph.
PARAGRAPH_GAP = 3


def _point_drafts(view: str, run: list[Candidate], style: str, layout: Layout, limit: int) -> list[Draft]:
    out = []
    kind = "point"
    for i, c in enumerate(run):
        par_end = layout.end_of(c.body)  # the marker's paragraph, or the next when it stands alone
        if i + 1 < len(run):
            end = _trim_end(view, c.marker[0], run[i + 1].marker[0])
        else:
            end = par_end
        end = min(end, limit)
        head_end = min(end, par_end)
        heading = _heading(view, c.body, head_end, "。\n")
        number = i + 1 if style == "order" else c.number
        out.append(Draft(kind, style, number, c.marker, c.body, c.marker[0], end, heading, 100.0))
    return out


def nest(drafts: list[Draft]) -> list[Draft]:
    """Nest drafts into a forest: line nodes by rank, points inside whatever span holds them."""
    drafts = sorted(drafts, key=lambda d: (d.start, d.rank, -d.end))
    roots: list[Draft] = []
    stack: list[Draft] = []
    for d in drafts:
        while stack and not _holds(stack[-1], d):
            stack.pop()
        (stack[-1].children if stack else roots).append(d)
        stack.append(d)
    return roots


def _holds(parent: Draft, child: Draft) -> bool:
    if not (parent.start <= child.start < parent.end):
        return False
    if parent.rank >= 100 and child.rank >= 100:  # a point holds a point of another run only
        return parent.family != child.family and child.end <= parent.end
    return parent.rank < child.rank
