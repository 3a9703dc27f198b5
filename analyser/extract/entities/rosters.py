"""Rosters: lists of members with their posts, one person a line, as approvals and notices
print them when they set up a committee or a leading group::

    主　任：尤　权　　国务院副秘书长
    副主任：杨元元　　民航总局局长
    　　　　刘金国　　公安部副部长

A roster line holds an optional role and colon, a name (a surname and one or two characters; a
two-character name may be padded to three with a space, 尤　权), two spaces or more, and a post
ending with a title of ``person_titles.txt``; the body before the title is the person's unit. Two
such lines in a row make a roster, so a single line of a table is not read as one. The person's
surface keeps the padding (尤　权), the normalized name drops it (尤权); the unit is an
organisation unless it is a place (北京市副市长).

Examples
--------
>>> v = "主　任：尤　权　　国务院副秘书长\\n副主任：杨元元　　民航总局局长\\n"
>>> [(v[a:b], n) for a, b, n in roster_persons(v, 0, len(v))]
[('尤\\u3000权', '尤权'), ('杨元元', '杨元元')]
>>> [v[a:b] for a, b in roster_units(v, 0, len(v))]
['国务院', '民航总局']
"""
from __future__ import annotations

import re
from functools import lru_cache

from analyser.data import lines as data_lines
from analyser.data import words as data_words

from ._lexicon import Lexicon

__all__ = ["roster_persons", "roster_units"]

_SP = "[ \t\u3000\u00a0]"
_LINE = re.compile(
    rf"^{_SP}*(?:(?P<role>[\u4e00-\u9fff]{_SP}*(?:[\u4e00-\u9fff]{_SP}*){{0,5}})[：:])?{_SP}*"
    rf"(?P<name>[\u4e00-\u9fff](?:[\u4e00-\u9fff]{{1,2}}|\u3000[\u4e00-\u9fff]))"
    rf"{_SP}{{2,}}(?P<post>[^\s：:，。；]{{2,30}}){_SP}*$",
    re.MULTILINE,
)


@lru_cache(maxsize=1)
def _titles() -> Lexicon:
    return Lexicon({t: t for t in (ln.strip() for ln in data_lines("person_titles.txt")) if t})


#: words between a unit and a title that belong to neither (副, 原: deputy, former)
_QUALIFIERS = ("副", "原", "常务", "执行", "前")


def _lines(view: str, lo: int, hi: int, *, weak: bool = False) -> list[re.Match]:
    """Roster lines of ``view[lo:hi]`` that stand next to another roster line. With ``weak``, a
    line whose post ends with no title of ``person_titles.txt`` (王春峰　　自然资源部党组成员) is
    kept too when it stands next to a titled line: inside a roster the layout alone names it."""
    surnames = data_words("surnames.txt")
    titles = _titles()
    found = []
    for m in _LINE.finditer(view, lo, hi):
        name = m.group("name").replace("\u3000", "")
        if name[:1] not in surnames and name[:2] not in surnames:
            continue
        titled = titles.ends_at(m.group("post"), len(m.group("post"))) is not None
        if titled or weak:
            found.append((m, titled))

    def near(m: re.Match, o: re.Match) -> bool:
        return view.count("\n", min(m.start(), o.start()), max(m.start(), o.start())) <= 2

    strong = [m for m, titled in found if titled]
    kept = {m.start() for k, m in enumerate(strong) if any(near(m, strong[j]) for j in (k - 1, k + 1) if 0 <= j < len(strong))}
    out = []
    for k, (m, titled) in enumerate(found):
        if m.start() in kept or not titled and any(
            near(m, found[j][0]) and found[j][0].start() in kept for j in (k - 1, k + 1) if 0 <= j < len(found)
        ):
            out.append(m)
    return out


def roster_persons(view: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """``(start, end, normalized)`` of the names of the rosters in ``view[lo:hi]``."""
    return [(m.start("name"), m.end("name"), m.group("name").replace("\u3000", "")) for m in _lines(view, lo, hi, weak=True)]


def roster_units(view: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the units named in the posts of the rosters (国务院 in 国务院副秘书长)."""
    out = []
    titles = _titles()
    for m in _lines(view, lo, hi):
        post = m.group("post")
        unit = post[: len(post) - len(titles.ends_at(post, len(post)) or "")]
        while unit.endswith(_QUALIFIERS):  # 中央党校副(校长), 工程院原(副院长)
            unit = unit[: -len(next(q for q in _QUALIFIERS if unit.endswith(q)))]
        unit_len = len(unit)
        if unit_len >= 2 and "、" not in unit:
            out.append((m.start("post"), m.start("post") + unit_len))
    return out
