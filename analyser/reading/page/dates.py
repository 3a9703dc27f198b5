"""Calendar dates as printed in Chinese pages, to ISO ``YYYY-MM-DD``.

Arabic (``2021/7/5``, ``2019-01-14``, ``2019年01月14日``), Chinese numerals (``二〇二六年一月二十七日``)
and the Republic of China calendar (``中华民国一一六年五月二日``, ``民国116年``).
"""

from __future__ import annotations

import datetime as _dt
import re

from analyser.text.numerals import CN_NONZERO, CN_ZEROS, SEQUENCE_DIGITS, digit_sequence_value, small_number

__all__ = ["cn_number", "iso_date"]

#: Latin O letters stand for 〇 in some transcribed years (二OO九年).
_LATIN_ZERO = str.maketrans("ＯO", "〇〇")
_SEQ = f"[{SEQUENCE_DIGITS}ＯO]"
_SMALL = f"[{CN_NONZERO}十]"
_DATE = re.compile(
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)(?:\s*日)?"
    rf"|(?P<cy>{_SEQ}{{4}})年(?P<cm>{_SMALL}{{1,2}})月(?P<cd>{_SMALL}{{1,3}})日"
    rf"|民国(?P<ry>\d{{1,3}}|[{CN_ZEROS}{CN_NONZERO}十百]{{1,5}})年(?P<rm>\d{{1,2}}|{_SMALL}{{1,2}})月"
    rf"(?P<rd>\d{{1,2}}|{_SMALL}{{1,3}})日"
)


def cn_number(s: str) -> int | None:
    """Value of a small Chinese numeral (0–99).

    >>> [cn_number(x) for x in ("九", "十", "十二", "二十", "二十七", "")]
    [9, 10, 12, 20, 27, None]
    """
    return small_number(s.translate(_LATIN_ZERO), most=99)


def iso_date(s: str) -> str | None:
    """The first complete calendar date in ``s`` (half-width digits) as ISO ``YYYY-MM-DD``.

    >>> iso_date("2021/7/5"), iso_date("2019年01月14日"), iso_date("——二〇二六年一月二十七日在")
    ('2021-07-05', '2019-01-14', '2026-01-27')
    >>> iso_date("2026-02-09 09:45:30"), iso_date("2019年13月1日")
    ('2026-02-09', None)
    >>> iso_date("中华民国一一六年五月二日"), iso_date("民国一百一十六年5月2日"), iso_date("民国116年5月2日")
    ('2027-05-02', '2027-05-02', '2027-05-02')
    """
    for m in _DATE.finditer(s):
        if m.group("y"):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        elif m.group("ry"):  # Republic of China calendar: year 1 = 1912
            y = 1911 + (small_number(m.group("ry")) or -2000)
            mo, d = small_number(m.group("rm")) or 0, small_number(m.group("rd")) or 0
        else:
            y = digit_sequence_value(m.group("cy").translate(_LATIN_ZERO)) or 0
            mo, d = small_number(m.group("cm")) or 0, small_number(m.group("cd")) or 0
        try:
            if 1000 <= y <= 2999:
                return _dt.date(y, mo, d).isoformat()
        except ValueError:
            continue
    return None
