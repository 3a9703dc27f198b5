"""The table of temporal expressions: each kind's pattern (:mod:`.patterns`) with its resolver.

A resolver takes the match and the :class:`Scan` and gives ``(start, end, value, kind)`` or None.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import explicit as cal
from . import fiscal as fy
from . import events as ev
from . import relative as rel
from .durations import duration
from .frame import Frame
from .patterns import FIRST_CHARS, FIRST_WORDS, PATTERNS

__all__ = ["DATE_RE", "RESOLVERS", "RULES", "Resolved", "Scan", "resolve"]

Resolved = tuple[int, int, "str | None", str]


@dataclass
class Scan:
    """What a resolver may read: the Simplified view and the running frame."""

    view: str
    frame: Frame


Resolver = Callable[[re.Match, Scan], "Resolved | None"]

#: kind -> resolver; every kind of :data:`~.patterns.PATTERNS` has one.
RESOLVERS: dict[str, Resolver] = {
    "fiscal_range": fy.fiscal_range,
    "fiscal": fy.fiscal,
    "range": cal.year_range,
    "crange": cal.century_range,
    "asof": cal.as_of,
    "drange": cal.day_range,
    "mrange": cal.month_range,
    "date": cal.date,
    "ndate": cal.numeric_date,
    "month": cal.month,
    "ypart": cal.year_part,
    "since_y": cal.since_year,
    "year": cal.year,
    "mdrange": rel.days_in_focus,
    "mday": rel.month_day,
    "bmrange": rel.months_in_focus,
    "bmonth": rel.focus_month,
    "cmonth": rel.clause_month,
    "plan_q": cal.plan,
    "plan": cal.plan,
    "plan_old": cal.plan,
    "plan_nth": cal.plan_nth,
    "congress": cal.congress,
    "plenum": ev.plenum_since,
    "npc_since": ev.npc_since,
    "gov_since": rel.government_since,
    "past": rel.past_years,
    "ahead": rel.years_ahead,
    "ago": rel.years_ago,
    "decade": cal.decade,
    "decade_bare": cal.decade_bare,
    "rel": rel.years_up_to,
    "ana_day": rel.anaphoric_day,
    "ana": rel.anaphoric,
    "anniv": cal.anniversary,
    "century_part": cal.century_part,
    "century_nth": cal.century_year,
    "jm": rel.this_and_next,
    "deic_part": rel.deictic_part,
    "fiscal_rel": fy.fiscal_relative,
    "deictic": rel.deictic,
    "focus_part": rel.focus_part,
    "dur": duration,
}

#: The table: (kind, pattern, resolver) in matching order.
RULES: list[tuple[str, str, Resolver]] = [(kind, pattern, RESOLVERS[kind]) for kind, pattern in PATTERNS]

#: One alternation of every kind, each in a group named ``_kind``, after a cheap first-character test.
DATE_RE = re.compile(
    f"(?=[{FIRST_CHARS}]|{FIRST_WORDS})(?:" + "|".join(f"(?P<_{kind}>{pat})" for kind, pat, _ in RULES) + ")"
)


def resolve(m: re.Match, scan: Scan) -> Resolved | None:
    """The date a match of :data:`DATE_RE` stands for, by the resolver of its kind."""
    return RESOLVERS[m.lastgroup[1:]](m, scan) if m.lastgroup else None
