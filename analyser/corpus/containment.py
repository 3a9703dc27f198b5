"""Which outline node holds a position: the innermost of nested spans, for many positions at once.

The graph links each outline node (a section, a point 一是…, an item （一）…) to the facts inside it
(``contains``); a fact belongs to the innermost node whose span holds its start.

Examples
--------
>>> spans = [(0, 100, "s1"), (10, 40, "s1.1"), (40, 90, "s1.2"), (100, 150, "s2")]
>>> innermost(spans, [5, 12, 45, 95, 120, 200])
['s1', 's1.1', 's1.2', 's1', 's2', None]
"""
from __future__ import annotations

import bisect
from collections.abc import Hashable, Sequence

__all__ = ["innermost"]


def innermost(spans: Sequence[tuple[int, int, Hashable]], positions: Sequence[int]) -> list[Hashable | None]:
    """For each position, the key of the innermost span ``(start, end, key)`` holding it (end exclusive).

    Spans nest or are disjoint (an outline); a wider span starting at the same place is the outer one.
    Runs in ``O((n + m) log n)``: spans sorted by start, each position walks up from the last span
    starting at or before it through the chain of enclosing spans.
    """
    order = sorted(spans, key=lambda s: (s[0], -s[1]))
    starts = [s[0] for s in order]
    parent: list[int] = []
    stack: list[int] = []
    for i, (a, b, _) in enumerate(order):
        while stack and order[stack[-1]][1] <= a:
            stack.pop()
        parent.append(stack[-1] if stack else -1)
        stack.append(i)
    out: list[Hashable | None] = []
    for pos in positions:
        i = bisect.bisect_right(starts, pos) - 1
        while i >= 0 and order[i][1] <= pos:
            i = parent[i]
        out.append(order[i][2] if i >= 0 else None)
    return out
