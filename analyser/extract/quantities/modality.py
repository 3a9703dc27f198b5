"""Modality of a quantity (a target or a reported result), binding force, and the year it refers to.

* ``modality``: the cue nearest before the figure in its sentence decides (``data/modality_cues.txt``:
  预期目标, 力争, 确保, 到2025年… for a target; 比上年, 累计, 截至, 完成, 去年… for a result); a
  sentence that opens with a goal cue (今年发展的主要预期目标是：…) makes its whole enumeration
  targets. Without a cue the figure's year against the document's date decides: before it, a
  result; after it, a target; the document's own year early in the year (a work report in March),
  a target; else the last section cue before it (a 工作回顾 section reports results, a
  主要预期目标 or 今年工作 section sets targets). Otherwise ``None``: the role is not clear.
  A comparison with last year (比上年增长) marks a result only where no target cue is near.
* ``binding``: ``binding`` for 约束性, ``expected`` for 预期性 in the figure's sentence.
* :func:`reference_year`: the year a value refers to: the year of its ``time`` (the last year of a
  period: 到2025年, 十四五 → 2025), else for a target the document's year, else for a result
  reported in January–March (a work report reviewing the past year) the year before.

Examples
--------
>>> v = "去年国内生产总值增长6.6%。今年发展的主要预期目标是：国内生产总值增长6%—6.5%；城镇新增就业1100万人以上。"
>>> modality(v, v.index("6.6%"), time="2018", published="2019-03-05")
'actual'
>>> modality(v, v.index("1100"), time=None, published="2019-03-05")
'target'
>>> reference_year("2021/2025", "target", "2021-03-05"), reference_year(None, "target", "2026-01-27")
(2025, 2026)
"""
from __future__ import annotations

import bisect
import re
from functools import cache

from analyser import data
from analyser.text.firstchars import alternation

__all__ = ["binding", "modality", "reference_year", "section_cues", "sentence_start"]

_YEAR = re.compile(r"(1[89]\d\d|2[01]\d\d)")
_STOP = set("。！？\n")
_CLAUSE = set("，；：,;:")
_WINDOW = 160


@cache
def _cues() -> dict[str, re.Pattern]:
    kinds: dict[str, list[str]] = {}
    for kind, pattern in data.table("modality_cues.txt"):
        kinds.setdefault(kind, []).append(pattern)
    # written so that re skips to where a cue can start (else it tries each cue at every position)
    return {k: re.compile(alternation(v)) for k, v in kinds.items()}


def sentence_start(view: str, pos: int) -> int:
    """Back from ``pos`` to the last full stop (。！？ or a line break; not ；), at most 160 characters."""
    floor = max(0, pos - _WINDOW)
    last = max(view.rfind(c, floor, pos) for c in _STOP)  # searched in C, not character by character
    return last + 1 if last >= 0 else floor


def _last(pattern: re.Pattern, view: str, a: int, b: int) -> int:
    pos = -1
    for m in pattern.finditer(view, a, b):
        pos = m.end()
    return pos


def _last_span(pattern: re.Pattern, text: str) -> tuple[int, int]:
    """(end, start) of the last match of ``pattern`` in ``text``, or ``(-1, -1)``."""
    m = None
    for m in pattern.finditer(text):
        pass
    return (m.end(), m.start()) if m else (-1, -1)


def _years(time: str | None) -> list[int]:
    return [int(y) for y in _YEAR.findall(time or "")]


def _masked(view: str, a: int, b: int) -> str:
    """``view[a:b]`` with short quoted formulations blanked (“两个确保” is no cue)."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), view[a:b])


_QUOTED = re.compile(r"[“「][^“”「」]{0,15}[”」]")


def section_cues(view: str) -> tuple[list[int], list[str]]:
    """Positions and kinds (``review``/``plan``) of the section cues of a text, in order."""
    cues = _cues()
    found = sorted(
        (m.start(), kind) for kind in ("review", "plan") for m in cues[kind].finditer(view)
    )
    return [p for p, _ in found], [k for _, k in found]


def modality(view: str, start: int, *, time: str | None, published: str | None,
             sections: tuple[list[int], list[str]] | None = None, sentence: int | None = None) -> str | None:
    """``target``, ``actual`` or ``None`` for the figure at ``start`` of the Simplified ``view``.

    ``sections`` (from :func:`section_cues`) adds the last review/plan cue before the figure's
    sentence as a fallback; ``sentence`` is ``sentence_start(view, start)`` when the caller has it.
    """
    cues = _cues()
    a = sentence_start(view, start) if sentence is None else sentence
    seg = _masked(view, a, start)
    t = _last(cues["target"], seg, 0, len(seg))
    r, r_start = _last_span(cues["actual"], seg)
    done, done_start = _last_span(cues["done"], seg)
    if done > r:
        r, r_start = done, done_start
    else:
        done = -1
    if t >= 0 or r >= 0:
        # the nearest cue decides; a modal right before a verb of result (要完成, 力争实现) is a target
        if t > r or t >= 0 and 0 <= r_start - t <= 1:
            return "target"
        if done < 0 or t >= 0 and _CLAUSE.isdisjoint(seg[t:r_start]):
            return "actual" if done < 0 else "target"  # 力争全年完成交通投资…: the modal governs the verb
        # 完成投资9800亿元 / 建成通车5个项目: a plan's too; the figure's year or section decides
        return "target" if _fallback(view, a, time, published, sections) == "target" else "actual"
    if cues["weak"].search(seg):
        return "actual"
    return _fallback(view, a, time, published, sections)


def _fallback(view: str, a: int, time: str | None, published: str | None,
              sections: tuple[list[int], list[str]] | None) -> str | None:
    """Without a cue in the sentence: the figure's year against the document's date, else the
    section, else the document's own year early in the year."""
    years = _years(time)
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    if years and pub_year:
        end = (time or "").rsplit("/", 1)[-1]
        if years[-1] < pub_year or len(end) > 4 and published and end <= published[: len(end)]:
            return "actual"  # before the document's date (…/2021-07 in a July 2021 document)
        if years[0] > pub_year:
            return "target"
    if sections is not None:
        k = bisect.bisect_right(sections[0], a) - 1
        if k >= 0:
            return "actual" if sections[1][k] == "review" else "target"
    if years and pub_year and years[0] == pub_year:
        month = int(published[5:7]) if published and len(published) >= 7 and published[5:7].isdigit() else 12
        if month <= 4:
            return "target"
    return None


def binding(view: str, start: int, end: int, sentence: int | None = None) -> str | None:
    """``binding`` (约束性) or ``expected`` (预期性) when the figure's sentence or row says so
    (``sentence``: ``sentence_start(view, start)`` when the caller has it)."""
    cues = _cues()
    a = sentence_start(view, start) if sentence is None else sentence
    limit = min(len(view), end + _WINDOW)
    b = min((i for i in (view.find(c, end, limit) for c in _STOP) if i >= 0), default=limit)
    found = [(m.start(), kind) for kind in ("binding", "expected") for m in cues[kind].finditer(view, a, b)]
    if not found:
        return None
    # the label nearest the figure (a table row: 指标 … 数值 … 属性)
    return min(found, key=lambda p: abs(p[0] - start))[1]


def reference_year(time: str | None, modality: str | None, published: str | None) -> int | None:
    """The year a value refers to: its time's (last) year, else a target's document year, else for
    a result reported in the first months of a year (a work report's review), the year before."""
    years = _years(time)
    if years:
        return years[-1]
    if not (published and published[:4].isdigit()):
        return None
    if modality == "target":
        return int(published[:4])
    month = published[5:7]
    if modality == "actual" and month.isdigit() and int(month) <= 3:
        return int(published[:4]) - 1
    return None
