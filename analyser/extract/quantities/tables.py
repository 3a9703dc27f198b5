"""Bare figures in a table whose unit line declares the unit (单位：人, （单位：万元）).

A table read from a web page arrives one cell to a line. When a line ends with a unit
declaration and the short lines after it hold rows of cells that are only a number, each such
number is a quantity with the declared unit: the cells print no unit, the unit line prints it for
all of them. A cell may carry a note in brackets (120（扩招）, 70（实招45）: a number in the note is a
figure too). The column headings are the non-number lines before the first row; the row label is
the last non-number line before a run of cells. The indicator is the cell's column heading; a
heading of years under a group heading (分年度招生任务 / 1996年 1997年 1998年) gives the group as
the indicator and the year as the time; the row label goes into ``place`` where it is a place
the document's entities name. A figure caption with a unit line and no rows of cells (图3 汽车号牌尺寸
（单位：毫米）) gives nothing.

Examples
--------
>>> view = "附表\\n单位：人\\n省份\\n2024年\\n扩招\\n总计\\n150\\n30\\n甲省\\n100\\n20（新增）\\n乙省\\n50\\n10\\n说明。"
>>> cells = scan_tables(view, 0, len(view))
>>> [(view[c.start:c.end], c.value, c.unit, c.heading and view[c.heading[0]:c.heading[1]], c.time) for c in cells]
[('150', 150, '人', '2024年', '2024'), ('30', 30, '人', '扩招', None), ('100', 100, '人', '2024年', '2024'), ('20', 20, '人', '扩招', None), ('50', 50, '人', '2024年', '2024'), ('10', 10, '人', '扩招', None)]
>>> scan_tables("图3 汽车号牌尺寸（单位：毫米）\\n（二）摩托车号牌。\\n", 0, 30)
[]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .draft import MAG
from .lexicon import unit_at

__all__ = ["TableCell", "scan_tables"]

#: A line that ends with the table's unit: 单位：人, （单位：万元）, 单位:亿元.
_UNIT_LINE = re.compile(r"(?:^|[\s（(])单位[：:]\s*(\S{1,6}?)\s*[）)]?\s*$")
#: A cell that is only a number, with an optional note in brackets.
_CELL = re.compile(r"(-?\d[\d,]*(?:\.\d+)?)(?:[（(]([^（）()\n]{0,12})[）)])?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: A column heading that is a year or a period (1996年, 2025年度): the sub-heading of a group.
_YEAR_HEADING = re.compile(r"((?:19|20)\d\d)年度?")
_MAX_CELL_LINE = 24  # a line longer than this is prose: the table has ended
_MIN_CELLS = 4


@dataclass(frozen=True, slots=True)
class TableCell:
    """A figure of a table: its span, value and unit, and the spans of its headings."""

    start: int
    end: int
    value: int | float
    unit: str
    heading: tuple[int, int] | None  # the column heading (or the group heading of a year column)
    row: tuple[int, int] | None  # the row label
    time: str | None  # the year of a year column


def _lines(view: str, a: int, b: int):
    """(start, end) of each line of ``view[a:b]``, white space stripped (empty lines skipped)."""
    pos = a
    while pos < b:
        nl = view.find("\n", pos, b)
        end = b if nl < 0 else nl
        s, e = pos, end
        while s < e and view[s].isspace():
            s += 1
        while e > s and view[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e
        pos = end + 1


def _declared_unit(text: str) -> tuple[str, int] | None:
    """The unit a unit line declares and the magnitude it carries (万元 -> 元, 10000)."""
    scale = 1
    i = 0
    while i < len(text) - 1 and text[i] in MAG:
        scale *= MAG[text[i]]
        i += 1
    unit = text[i:]
    u = unit_at(unit, 0)
    if not u or u[0] != unit:
        return None
    return unit, scale


def _cell(view: str, s: int, e: int) -> list[tuple[int, int, int | float]] | None:
    """The figures of a cell line, or None when the line is not a number cell."""
    m = _CELL.fullmatch(view, s, e)
    if not m:
        return None
    out = [(m.start(1), m.end(1), _number(m.group(1)))]
    if m.group(2):
        out += [(m.start(2) + n.start(), m.start(2) + n.end(), _number(n.group())) for n in _NUMBER.finditer(m.group(2))]
    return out


def _number(text: str) -> int | float:
    text = text.replace(",", "")
    return float(text) if "." in text else int(text)


def _leaves(view: str, headings: list[tuple[int, int]], width: int):
    """The heading span of each of ``width`` columns, and its year, from the heading lines.

    The first heading names the column of row labels when there is one more heading than
    columns; a group heading over a trailing run of years (分年度招生任务 / 1996年 1997年 1998年)
    counts once more.
    """
    heads = list(headings)
    if len(heads) == width + 1:
        return [(h, _year_in(view, h)) for h in heads[1:]]
    if len(heads) == width + 2:
        years = 0
        while years < len(heads) - 2 and _YEAR_HEADING.fullmatch(view, *heads[-1 - years]):
            years += 1
        if years >= 2:
            group = heads[-1 - years]
            plain = heads[1:-1 - years]
            if len(plain) + years == width:
                subs = heads[-years:]
                return [(h, _year_in(view, h)) for h in plain] + [(group, _YEAR_HEADING.fullmatch(view, *h).group(1)) for h in subs]
    return None


def _year_in(view: str, heading: tuple[int, int]) -> str | None:
    """The year a column heading names (1995年招生人数 -> 1995), or None."""
    m = _YEAR_HEADING.search(view, *heading)
    return m.group(1) if m else None


def _past_the_table(view: str, s: int, e: int, rows, label) -> bool:
    """Past the end of the body only the rows of a table already begun go on: the page reader
    drops trailing lines without a Chinese character, which a last row of figures is."""
    return not rows or (_cell(view, s, e) is None and label is not None)


def scan_tables(view: str, b0: int, b1: int) -> list[TableCell]:
    """The figures of every table of ``view[b0:b1]`` under a unit line, in text order."""
    out: list[TableCell] = []
    pos = b0
    for m in re.finditer("单位", view[b0:b1]):
        start = b0 + m.start()
        if start < pos:
            continue
        line_end = view.find("\n", start, b1)
        line_end = b1 if line_end < 0 else line_end
        line_start = view.rfind("\n", b0, start) + 1
        u = _UNIT_LINE.search(view[line_start:line_end])
        if not u:
            continue
        declared = _declared_unit(u.group(1))
        if not declared:
            continue
        cells, end = _read_table(view, line_end + 1, b1, declared)
        if cells:
            out.extend(cells)
            pos = end
    return out


def _read_table(view: str, a: int, b1: int, declared: tuple[str, int]) -> tuple[list[TableCell], int]:
    """The cells of the table after a unit line at ``a`` (none when it holds no rows of figures)."""
    unit, scale = declared
    headings: list[tuple[int, int]] = []
    rows: list[tuple[tuple[int, int] | None, list[list[tuple[int, int, int | float]]]]] = []
    label: tuple[int, int] | None = None
    end = a
    for s, e in _lines(view, a, len(view)):
        if s >= b1 and _past_the_table(view, s, e, rows, label):
            break
        if e - s > _MAX_CELL_LINE or "。" in view[s:e] or "单位" in view[s:e]:
            break
        figures = _cell(view, s, e)
        if figures is None:
            if rows and label is not None:
                break  # two lines without a figure after the rows began: the table has ended
            if not rows:
                headings.append((s, e))
            label = (s, e)
            continue
        if label is not None:
            if not rows and headings and headings[-1] == label:
                headings.pop()  # the first row's label closed the headings
            rows.append((label, []))
            label = None
        elif not rows:
            rows.append((None, []))
        rows[-1][1].append(figures)
        end = e
    width = max((len(cells) for _, cells in rows), default=0)
    if sum(len(cells) for _, cells in rows) < _MIN_CELLS or len(rows) < 2:
        return [], a
    leaves = _leaves(view, headings, width)
    out = []
    for row, cells in rows:
        for j, figures in enumerate(cells):
            heading, year = leaves[j] if leaves and len(cells) == width else (None, None)
            for s, e, value in figures:
                out.append(TableCell(s, e, value * scale if scale != 1 else value, unit, heading, row, year))
    return out, end
