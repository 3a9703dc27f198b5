"""The frame relative expressions are read in: the document's own date and the year the text speaks of.

Two years anchor relative expressions:

* the **document year**, from the document's own date: the date it closes with (a letter or a
  notice signed 二〇〇四年八月十二日 under the issuer's name) when the text has one, else the date the
  caller or the page gives (``DocumentText.published``). A page that re-publishes an old letter
  prints its own later date in the header; the closing date is the letter's. 今年 / 去年 / 明年 /
  五年来 / 近10年 count from the document year;
* the **year in focus**, the last year the text named (2018年…全年, 当年), which 全年 / 这一年 /
  上年 and 当年 / 同年 refer to, within a reach measured in characters.
"""
from __future__ import annotations

import re

from analyser.reading.page.dates import iso_date
from analyser.text.document import DocumentText
from analyser.text.numerals import SEQUENCE_DIGITS

__all__ = ["ANAPHOR_REACH", "FOCUS_REACH", "SHIFTS", "Frame", "closing_date", "document_date"]

#: 全年, 这一年, 上年 and a bare month (六月前) refer to the last year named within this many
#: characters (about a section of a report: a report's review of a year runs a few thousand
#: characters under one year heading); beyond it they fall back to the document year.
FOCUS_REACH = 3000
#: 当年 / 同年 refer back to a year named within this many characters: the same or the previous
#: sentence (a long sentence of a report is about 100 characters).
ANAPHOR_REACH = 200
#: Years a relative word moves away from the year it is read against.
SHIFTS = {"去年": -1, "上年": -1, "明年": 1, "前年": -2}

#: A closing date stands alone on one of the last lines of the body (or just after it), at most
#: this many characters long once stripped (二〇〇四年八月十二日, （2019年3月5日）).
_DATE_LINE_MAX = 24
#: How many non-blank lines at the end of the body (and after it) are searched for the closing date.
_CLOSING_LINES = 4
_DATE_LINE = re.compile(rf"[（(]?[\d{SEQUENCE_DIGITS}十年月日号/.\-\s]+[）)]?")


def closing_date(src: DocumentText) -> str | None:
    """The ISO date a document closes with: a line holding only a date among the last lines of
    the body or the first lines after it.

    >>> src = DocumentText.from_text("请认真贯彻执行。\\n国务院办公厅\\n二〇〇四年八月十二日\\n（本文有删减）")
    >>> closing_date(src)
    '2004-08-12'
    """
    view = src.view
    b0, b1 = src.body
    lines = [(a, b) for a, b in src.paragraphs if a >= b0]
    inside = [ln for ln in lines if ln[1] <= b1][-_CLOSING_LINES:]
    after = [ln for ln in lines if ln[0] >= b1][:2]
    for a, b in reversed(inside + after):
        line = view[a:b].strip()
        if len(line) <= _DATE_LINE_MAX and _DATE_LINE.fullmatch(line) and (iso := iso_date(line)):
            return iso
    return None


def document_date(src: DocumentText) -> str | None:
    """The document's own date: its closing date, else ``src.published``; ISO, or None."""
    return closing_date(src) or src.published


class Frame:
    """Running context while scanning: the document's date and the last year named.

    >>> f = Frame("2021-07-05")
    >>> f.year, f.month, f.shifted("去年")
    (2021, '2021-07', 2020)
    """

    def __init__(self, dated: str | None) -> None:
        self.year = int(dated[:4]) if dated else None
        self.month = dated[:7] if dated else None
        self.last_year: int | None = None
        self.last_year_pos = -1

    def focus(self, pos: int, reach: int = FOCUS_REACH) -> int | None:
        """The last year named within ``reach`` characters before ``pos``, or None."""
        if self.last_year is not None and pos - self.last_year_pos < reach:
            return self.last_year
        return None

    def shifted(self, word: str, pos: int = 0, *, in_focus: bool = False) -> int | None:
        """The year a relative word points to: the document year shifted by the word; with
        ``in_focus``, the year in focus instead. Without a document year, the last year named."""
        base = self.focus(pos) if in_focus else None
        if base is None:
            base = self.year if self.year is not None else self.last_year
        if base is None:
            return None
        return base + SHIFTS.get(word, 0)

    def name(self, year: int, pos: int) -> None:
        """A year the text speaks of, named at ``pos``."""
        self.last_year, self.last_year_pos = year, pos
