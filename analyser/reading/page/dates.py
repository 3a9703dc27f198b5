"""Calendar dates as printed in Chinese pages, to ISO ``YYYY-MM-DD``.

Arabic (``2021/7/5``, ``2019-01-14``, ``2019年01月14日``), Chinese numerals (``二〇二六年一月二十七日``)
and the Republic of China calendar (``中华民国一一六年五月二日``, ``民国116年``).
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["iso_date", "cn_number"]

_DIGIT = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_DATE = re.compile(
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)(?:\s*日)?"
    r"|(?P<cy>[〇○零Ｏ一二三四五六七八九]{4})年(?P<cm>[一二三四五六七八九十]{1,2})月(?P<cd>[一二三四五六七八九十]{1,3})日"
    r"|民国(?P<ry>\d{1,3}|[〇零一二三四五六七八九十百]{1,5})年(?P<rm>\d{1,2}|[一二三四五六七八九十]{1,2})月"
    r"(?P<rd>\d{1,2}|[一二三四五六七八九十]{1,3})日"
)


def cn_number(s: str) -> int | None:
    """Value of a small Chinese numeral (0–99).

    >>> [cn_number(x) for x in ("九", "十", "十二", "二十", "二十七", "")]
    [9, 10, 12, 20, 27, None]
    """
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _DIGIT.get(tens) if tens else 1
        o = _DIGIT.get(ones) if ones else 0
        return None if t is None or o is None else t * 10 + o
    return _DIGIT.get(s) if len(s) == 1 else None


def _small(s: str) -> int:
    return int(s) if s.isdigit() else (cn_number(s) or 0)


def _roc_year(s: str) -> int | None:
    """民国 year: Arabic (116), digit by digit (一一六) or with 百/十 (一百一十六)."""
    if s.isdigit():
        return int(s)
    if "百" in s:
        h, _, rest = s.partition("百")
        hv = _DIGIT.get(h, None) if h else 1
        rest = rest.lstrip("零〇")
        rv = (cn_number(rest) if rest else 0) if rest != "十" else 10
        return None if hv is None or rv is None else hv * 100 + rv
    if "十" in s:
        return cn_number(s)
    digits = [_DIGIT.get(c) for c in s]
    return None if None in digits else int("".join(map(str, digits)))


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
            y = 1911 + (_roc_year(m.group("ry")) or -2000)
            mo, d = _small(m.group("rm")), _small(m.group("rd"))
        else:
            y = int("".join(str(_DIGIT[c]) for c in m.group("cy")))
            mo, d = cn_number(m.group("cm")) or 0, cn_number(m.group("cd")) or 0
        try:
            if 1000 <= y <= 2999:
                return _dt.date(y, mo, d).isoformat()
        except ValueError:
            continue
    return None
