"""The frame relative expressions are read in: the document's own date and the year the text speaks of.

Two years anchor relative expressions:

* the **document year**, from the document's own date: the date it closes with (a letter or a
  notice signed 二〇〇四年八月十二日 under the issuer's name) when the text has one, else the date the
  caller or the page gives (``DocumentText.published``). A page that re-publishes an old letter
  prints its own later date in the header; the closing date is the letter's. 今年 / 去年 / 明年 /
  五年来 / 近10年 count from the document year;
  A text that prints no date still tells its year: a report's title (2014年政府工作报告), the
  year its review covers (一、2009年工作回顾: a report of 2010), the year it plans (二、2005年工作总体部署),
  the Party congress it is read to
  (代表第十六届中央委员会向大会作报告: October 2007). That year comes before the date the caller or
  the page gives, which may be the page's re-publication date, unless both agree on the year; a
  page's written date (成文日期) comes before its publication date. Without any of these, 今年 /
  去年 have no value: the last year the text names is no substitute (a report of 1997 names 2010,
  the horizon of a plan);
* the **year in focus**, the last year the text named (2018年…全年, 当年), which 全年 / 这一年 /
  上年 refer to, within a reach measured in characters, and the year a section heading names
  (一、1996年国内工作的回顾) for the rest of that section; 当年 / 同年 refer to the last year
  named, shifted ones included (到去年底，…当年减少…).
"""
from __future__ import annotations

import bisect
import re

from analyser.reading.page.dates import iso_date
from analyser.text.document import DocumentText
from analyser.text.numerals import SEQUENCE_DIGITS

from .explicit import year_of
from .patterns import YEAR_DIGITS
from .told import told_date

__all__ = ["ANAPHOR_REACH", "FOCUS_REACH", "SHIFTS", "Frame", "closing_date", "document_date", "section_years", "written_date"]

#: 全年, 这一年, 上年 and a bare month (六月前) refer to the last year named within this many
#: characters (about a section of a report: a report's review of a year runs a few thousand
#: characters under one year heading); beyond it they fall back to the document year.
FOCUS_REACH = 3000
#: 当年 / 同年 refer back to a year named within this many characters: the same or the previous
#: sentence (a long sentence of a report is about 100 characters).
ANAPHOR_REACH = 200
#: Years a relative word moves away from the year it is read against.
SHIFTS = {"去年": -1, "上年": -1, "明年": 1, "来年": 1, "前年": -2}

#: A closing date stands alone on one of the last lines of the body (or just after it), at most
#: this many characters long once stripped (二〇〇四年八月十二日, （2019年3月5日）).
_DATE_LINE_MAX = 24
#: How many non-blank lines at the end of the body (and after it) are searched for the closing date.
_CLOSING_LINES = 4
_DATE_LINE = re.compile(rf"[（(]?[\d{SEQUENCE_DIGITS}十年月日号/.\-\s]+[）)]?(?:[（(]星期[一二三四五六日天][）)])?")


def closing_date(src: DocumentText) -> str | None:
    """The ISO date a document closes with: a line holding only a date among the last lines of
    the body or the first lines after it; a weekday may follow it, as in a Hong Kong press
    release (2025年10月15日（星期三）, then a line 香港时间12时30分).

    >>> src = DocumentText.from_text("请认真贯彻执行。\\n国务院办公厅\\n二〇〇四年八月十二日\\n（本文有删减）")
    >>> closing_date(src)
    '2004-08-12'
    >>> closing_date(DocumentText.from_text("主席，我谨此陈辞。\\n完\\n2025年10月15日（星期三）\\n香港时间12时30分"))
    '2025-10-15'
    >>> closing_date(DocumentText.from_text("现函复如下：同意。\\n国务院办公厅\\n二00五年三月三日"))
    '2005-03-03'
    """
    view = src.view
    b0, b1 = src.body
    lines = [(a, b) for a, b in src.paragraphs if a >= b0]
    inside = [ln for ln in lines if ln[1] <= b1][-_CLOSING_LINES:]
    after = [ln for ln in lines if ln[0] >= b1][:2]
    for a, b in reversed(inside + after):
        line = view[a:b].strip()
        if len(line) <= _DATE_LINE_MAX and _DATE_LINE.fullmatch(line) and (iso := iso_date(_typed_zeros(line))):
            return iso
    return None


#: A year in Chinese numerals whose zeros may be typed as a digit or a letter (二00五年).
_CN_YEAR = re.compile(rf"[一二][{YEAR_DIGITS}]{{3}}(?=年)")
_ZEROS = str.maketrans("0０OＯ", "〇〇〇〇")


def _typed_zeros(s: str) -> str:
    """``s`` with the zeros of a year in Chinese numerals written 〇 (二00五年 -> 二〇〇五年), the
    same length.

    >>> _typed_zeros("二00五年三月三日"), _typed_zeros("2005年3月3日")
    ('二〇〇五年三月三日', '2005年3月3日')
    """
    return _CN_YEAR.sub(lambda m: m[0].translate(_ZEROS), s)


def document_date(src: DocumentText) -> str | None:
    """The document's own date: its closing date, else its written date, else the year the text
    tells (see the module docstring) or ``src.published`` when both agree on the year; ISO
    (a year alone when only the year is known), or None.

    >>> src = DocumentText.from_text("各位代表：\\n一、2009年工作回顾\\n去年这个时候……", published="2018-12-03")
    >>> document_date(src)
    '2010'
    """
    own = closing_date(src) or written_date(src)
    if own:
        return own
    told = told_date(src)
    if told and not (src.published and src.published.startswith(told[:4])):
        return told
    return src.published


#: The written date of a page's metadata table (成文日期：2004年04月17日), as opposed to the date the
#: page was published (发布日期), which may be years later.
_WRITTEN = re.compile(r"成文日期\s*[:：]?\s*")
_YEAR = rf"(\d{{4}}|[一二][{YEAR_DIGITS}]{{3}})"


def written_date(src: DocumentText) -> str | None:
    """The written date (成文日期) of the page's metadata table before the body, ISO, or None."""
    head = src.view[:src.body[0]]
    m = _WRITTEN.search(head)
    return iso_date(_typed_zeros(head[m.end():m.end() + 20])) if m else None


#: From this month on, a document's year is mostly behind it: N年来 in a congress report of October
#: counts the current year as the last of the N (a report of March counts up to the year before).
LATE_MONTH = 9
#: A section heading of the top level (一、2009年工作回顾) at most this long.
_HEADING_MAX = 40
_HEADING = re.compile(r"[一二三四五六七八九十]{1,3}、[^。；]*")
_HEADING_YEAR = re.compile(rf"{_YEAR}年(?![代度级龄])")


def section_years(src: DocumentText) -> list[tuple[int, int | None]]:
    """``(start, year)`` of each top-level section heading of the body (一、…); ``year`` is the
    year the heading names (一、1996年国内工作的回顾), else None.

    >>> section_years(DocumentText.from_text("一、2009年工作回顾\\n全年增长。\\n二、今年的工作\\n……"))
    [(0, 2009), (18, None)]
    """
    b0, b1 = src.body
    out: list[tuple[int, int | None]] = []
    for a, b in src.paragraphs:
        if a < b0 or b > b1 or b - a > _HEADING_MAX or not _HEADING.fullmatch(src.view, a, b):
            continue
        years = _HEADING_YEAR.findall(src.view, a, b)
        # a heading of one year only (not 一、2019年和今年以来工作回顾, which spans two)
        one = len(years) == 1 and "今年" not in src.view[a:b]
        out.append((a, year_of(years[0]) if one else None))
    return out


class Frame:
    """Running context while scanning: the document's date, the last year named and the year of
    the section.

    >>> f = Frame("2021-07-05")
    >>> f.year, f.month, f.shifted("去年")
    (2021, '2021-07', 2020)
    """

    def __init__(self, dated: str | None, sections: list[tuple[int, int | None]] | None = None,
                 *, fiscal_start: int | None = None) -> None:
        self.year = int(dated[:4]) if dated else None
        self.month = dated[:7] if dated else None
        #: the first month of the text's fiscal year (4 in Hong Kong), None for calendar years
        self.fiscal_start = fiscal_start
        self.last_year: int | None = None
        self.last_year_pos = -1
        self.last_month: tuple[int, int] | None = None
        self.last_month_pos = -1
        self.last_mention: int | None = None
        self.last_mention_pos = -1
        self._section_starts = [a for a, _ in sections or ()]
        self._section_years = [y for _, y in sections or ()]

    def looking_back(self, n: int) -> str | None:
        """The years a look back of ``n`` years (五年来, 过去五年) covers: the ``n`` years before the
        document's; from :data:`LATE_MONTH` on, the years from ``n`` years before to the
        document's own (这十年 in October 2022: since November 2012, 2012/2022).

        >>> Frame("2018-03-05").looking_back(5), Frame("2007-10").looking_back(5), Frame("2007-10").looking_back(1)
        ('2013/2017', '2002/2007', '2007')
        """
        if self.year is None:
            return None
        late = self.month is not None and len(self.month) == 7 and int(self.month[5:7]) >= LATE_MONTH
        end = self.year if late else self.year - 1
        if n == 1:
            return f"{end}"
        return f"{self.year - n if late else end - n + 1}/{end}"

    def looking_ahead(self, n: int) -> str | None:
        """The years a look ahead of ``n`` years (今后五年) covers: from the document's year, or from
        the next one from :data:`LATE_MONTH` on (今后五年 in October 2007: 2008/2012).

        >>> Frame("2011-03-05").looking_ahead(5), Frame("2007-10").looking_ahead(5)
        ('2011/2015', '2008/2012')
        """
        if self.year is None:
            return None
        late = self.month is not None and len(self.month) == 7 and int(self.month[5:7]) >= LATE_MONTH
        start = self.year + 1 if late else self.year
        return f"{start}/{start + n - 1}" if n > 1 else f"{start}"

    def section_year(self, pos: int) -> int | None:
        """The year the heading of the section holding ``pos`` names, or None."""
        i = bisect.bisect_right(self._section_starts, pos) - 1
        return self._section_years[i] if i >= 0 else None

    def focus(self, pos: int, reach: int = FOCUS_REACH) -> int | None:
        """The year in focus at ``pos``: the year the section's heading names, else the last year
        named within ``reach`` characters before ``pos``, else None."""
        if (y := self.section_year(pos)) is not None:
            return y
        if self.last_year is not None and pos - self.last_year_pos < reach:
            return self.last_year
        return None

    def mentioned(self, pos: int, reach: int = ANAPHOR_REACH) -> int | None:
        """The last year mentioned within ``reach`` characters before ``pos``, shifted ones
        (去年底) included: what 当年 / 同年 refer to."""
        if self.last_mention is not None and pos - self.last_mention_pos < reach:
            return self.last_mention
        return None

    def shifted(self, word: str, pos: int = 0, *, in_focus: bool = False) -> int | None:
        """The year a relative word points to: the document year shifted by the word; with
        ``in_focus``, the year in focus instead. Without a document year, None: the last year
        named is no substitute."""
        base = self.focus(pos) if in_focus else None
        if base is None:
            base = self.year
        if base is None:
            return None
        return base + SHIFTS.get(word, 0)

    def name(self, year: int, pos: int) -> None:
        """A year the text speaks of, named at ``pos``."""
        self.last_year, self.last_year_pos = year, pos

    def name_month(self, year: int, month: int, pos: int) -> None:
        """A day or a month of ``year`` named at ``pos`` (the last one, for a range)."""
        self.last_month, self.last_month_pos = (year, month), pos

    def year_of_day(self, year: int, month: int, pos: int) -> int:
        """The year of a day printed without one (2月4日) in the text's year ``year``: the next year
        when that puts it nearer to the day or month named just before (within
        :data:`ANAPHOR_REACH`): after 2018年12月29日, 2月4日 is in 2019; after 10月7日, 9月29日
        stays in the same year. A list of dates runs forward.

        >>> f = Frame("2018-12-04"); f.name_month(2018, 12, 0)
        >>> f.year_of_day(2018, 2, 20), f.year_of_day(2018, 9, 20), f.year_of_day(2018, 2, 500)
        (2019, 2018, 2018)
        """
        if self.last_month is None or pos - self.last_month_pos >= ANAPHOR_REACH:
            return year
        ly, lm = self.last_month
        if ly == year and lm - month > 6:
            return year + 1
        return year

    def deadline_year(self, year: int, month: int) -> int:
        """The year of a deadline (六月底前) read in year ``year``: a deadline lies ahead of the
        document's own date, so when that date is known to the month and ``year`` is an earlier
        year (a notice of May 1981 that has just named 1980), the deadline is the first such month
        from the document's date on.

        >>> Frame("1981-05-23").deadline_year(1980, 6), Frame("1981-05-23").deadline_year(1980, 3)
        (1981, 1982)
        >>> Frame("1981").deadline_year(1980, 6), Frame("1981-05-23").deadline_year(1981, 3)
        (1980, 1981)
        """
        if self.year is None or self.month is None or len(self.month) < 7 or year >= self.year:
            return year
        return self.year if month >= int(self.month[5:7]) else self.year + 1

    def mention(self, year: int, pos: int) -> None:
        """A year mentioned at ``pos``, whether or not the text then speaks of it."""
        self.last_mention, self.last_mention_pos = year, pos
