"""Resolvers of periods that open at a dated event: a plenary session of the Party's Central
Committee, a Party congress named in full, a session of the National People's Congress.

十一届三中全会以来 -> 1978-12/.., 党的第十一次全国代表大会以来 -> 1977-08/.., 六届人大一次会议以来 ->
1983/..: the event's month (or year, for the NPC, whose sessions :mod:`.told` knows by year) opens a
period that runs to the present. The dates are public record, in ``analyser/data``
(``plenary_sessions.txt``, ``party_congresses.txt``, ``npc_sessions.txt``); an event the tables do not
hold (a session not yet met, a miscounted ordinal) gives no date.
"""
from __future__ import annotations

from functools import lru_cache

from analyser import data

from .explicit import congress_month, small
from .told import npc_session_year

__all__ = ["npc_since", "plenary_month", "plenum_since"]


@lru_cache(maxsize=1)
def _plenums() -> dict[tuple[int, int], str]:
    return {(int(t), int(s)): month for t, s, month in data.table("plenary_sessions.txt")}


def plenary_month(term: int, session: int) -> str | None:
    """Opening month of the ``session``-th plenary session of the ``term``-th Central Committee.

    >>> plenary_month(11, 3), plenary_month(18, 3), plenary_month(11, 9)
    ('1978-12', '2013-11', None)
    """
    return _plenums().get((term, session))


def plenum_since(m, scan):
    """十一届三中全会以来 -> 1978-12/.. (the session's opening month); 党的第十一次全国代表大会以来 ->
    1977-08/.. (the congress's)."""
    if m["pct"]:
        month = congress_month(small(m["pct"]) or 0)
    else:
        month = plenary_month(small(m["ptt"]) or 0, small(m["pts"]) or 0)
    return (m.start(), m.end(), f"{month}/..", "relative_period") if month else None


def npc_since(m, scan):
    """六届人大一次会议以来 / 第六届全国人民代表大会第一次会议以来 -> 1983/.. (the session's year)."""
    year = npc_session_year(small(m["npt"]) or 0, small(m["nps"]) or 0)
    return (m.start(), m.end(), f"{year}/..", "relative_period") if year else None
