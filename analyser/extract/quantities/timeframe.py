"""The time a figure refers to: the nearest date before it in its sentence, else the date that opens
its paragraph (五年多来，… / 2018年，…当年…), else the frame an earlier paragraph opened with a
period (这五年，…) until a later date moves past it.
"""
from __future__ import annotations

import bisect
import re

from analyser.facts import DateExpr
from analyser.text.document import DocumentText

__all__ = ["DateChains", "time_of"]


class DateChains:
    """For each date (sorted by start), the index of the nearest date at or before it that is no
    duration, that opens its paragraph or a sentence of it, or that frames later paragraphs: the
    look-back of :func:`time_of` jumps along these instead of walking every earlier date."""

    def __init__(self, view: str, layout, dates) -> None:
        self.plain, self.opener, self.frame = [], [], []
        plain = opener = frame = -1
        for j, d in enumerate(dates):
            if d.kind != "duration":
                plain = j
                dp0 = layout.paragraph(d.start)[0]
                if _opens(view, d, dp0):
                    opener = j
                    if d.kind in _FRAME_KINDS and _is_frame_opening(view, d):
                        frame = j
            self.plain.append(plain)
            self.opener.append(opener)
            self.frame.append(frame)


_FRAME_KINDS = ("relative_period", "plan_period", "deictic_year", "year", "as_of")


def time_of(src: DocumentText, layout, q, dates, date_starts, chains: DateChains) -> str | None:
    # a duration is its own time
    i = bisect.bisect_right(date_starts, q.start) - 1
    for d in dates[max(0, i - 1):i + 2]:
        if d.kind == "duration" and d.start <= q.start and q.end <= d.end + 2 and d.start >= q.start - 2:
            return d.value
    s0, _ = layout.sentence(q.start)
    p0, _ = layout.paragraph(q.start)
    # the nearest date before the number in its sentence
    i = chains.plain[i] if i >= 0 else -1
    while i >= 0 and dates[i].start >= s0:
        if dates[i].end <= q.start:
            return dates[i].value
        i = chains.plain[i - 1] if i > 0 else -1
    # else the nearest one of its paragraph that opens the paragraph or a sentence of it
    while i >= 0 and dates[i].start >= p0:
        j = chains.opener[i]
        if j < 0 or dates[j].start < p0:
            i = bisect.bisect_left(date_starts, p0) - 1
            break
        if dates[j].end <= q.start:
            return dates[j].value
        i = j - 1
    # the look-back stops at the first date of an earlier paragraph
    i = chains.plain[i] if i >= 0 else -1
    while i >= 0 and dates[i].end > q.start:
        i = chains.plain[i - 1] if i > 0 else -1
    # the frame set by an earlier paragraph that opens with a period (五年多来，… / 过去一年，…)
    j = chains.frame[i] if i >= 0 else -1
    if j >= 0 and dates[j].start >= p0 - _FRAME_REACH and not _moved_on(dates[j].value, dates[i].value):
        return dates[j].value
    return None


_FRAME_REACH = 3000


def _moved_on(frame: str | None, last: str | None) -> bool:
    """The text has moved past the frame: a later date before the number starts after the frame ends
    (这五年，… 2021/2025, then 二、“十五五”时期主要任务 … 到2030年)."""
    end, start = (frame or "").split("/")[-1][:4], (last or "")[:4]
    return end.isdigit() and start.isdigit() and int(start) > int(end)


def _is_frame_opening(view: str, d: DateExpr) -> bool:
    """The date is followed by a comma: it frames its paragraph (五年多来，各地…)."""
    return view[d.end:d.end + 1] in ("，", "、")


def _opens(view: str, d: DateExpr, p0: int) -> bool:
    """The date opens its paragraph (五年多来，…) or a sentence of it, so it frames what follows."""
    return d.start - p0 <= 2 or view[d.start - 1] in "。；" or _POINT_HEAD.fullmatch(view, p0, d.start) is not None


_POINT_HEAD = re.compile(r"[一二三四五六七八九十]+是[^。]{0,12}。?")
