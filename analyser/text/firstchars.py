"""A first-character test in front of a regular expression, read off the expression itself.

Python's ``re`` skips ahead to the characters a match can start with only when every alternative
opens with a plain character. An alternation of cue words where some open with a lookbehind
(``预期目标|力争|(?<!超)计划|…``) is instead tried alternative by alternative at every position of
the text, which on a long clause of digits costs a hundred times what the one test "is this
character one a cue starts with" costs. :func:`guarded` puts that test in front as a lookahead;
the matches are the same, since no match can start anywhere else.

Examples
--------
>>> first_chars("(?<!超)计划|力争|到\\\\d{4}年")
'[计力到]'
>>> guarded("(?<!超)计划|力争")
'(?=[计力])(?:(?<!超)计划|力争)'
>>> guarded("力争|确保")  # re skips ahead by itself here
'力争|确保'
>>> first_chars("a?b") is None  # an optional start: no test
True
"""
from __future__ import annotations

import re

__all__ = ["alternation", "first_chars", "guarded", "hoisted"]

try:  # the parser re compiles with (private, but stable in its shape since Python 3.11)
    from re import _constants as _c
    from re import _parser as _parser
except ImportError:  # pragma: no cover - another Python: no test, the pattern as it is
    _c = _parser = None  # type: ignore[assignment]

_CLASS_SPECIAL = frozenset("\\]^-[")


def _char(code: int) -> str:
    ch = chr(code)
    return "\\" + ch if ch in _CLASS_SPECIAL else ch


def _first_of(items) -> list[str] | None:
    """Pieces of a character class holding every character a match of ``items`` (a parsed
    sequence) can start with; None when that cannot be told or a match may be empty."""
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero-width: the first character comes after it
        if op is _c.LITERAL:
            return [_char(av)]
        if op is _c.IN:
            out = []
            for kind, value in av:
                if kind is _c.LITERAL:
                    out.append(_char(value))
                elif kind is _c.RANGE:
                    out.append(f"{_char(value[0])}-{_char(value[1])}")
                elif kind is _c.CATEGORY and value in _CATEGORIES:
                    out.append(_CATEGORIES[value])
                else:
                    return None  # a negated class, or one this cannot write back
            return out
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None
            return _first_of(sub)
        if op is _c.BRANCH:
            out = []
            for alternative in av[1]:
                found = _first_of(alternative)
                if found is None:
                    return None
                out.extend(found)
            return out
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _high, sub = av
            return _first_of(sub) if low >= 1 else None
        return None  # any character, a back reference, a conditional …
    return None  # nothing consumed: an empty match


_CATEGORIES = {} if _c is None else {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}


def _parsed(pattern: str):
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return None
    return parsed if not parsed.state.flags & (re.IGNORECASE | re.VERBOSE) else None


def first_chars(pattern: str) -> str | None:
    """A character class (``[…]``) of every character a match of ``pattern`` can start with;
    None when that cannot be told (an optional or wildcard start, flags, a negated class)."""
    parsed = _parsed(pattern)
    found = None if parsed is None else _first_of(parsed.data)
    return "[" + "".join(dict.fromkeys(found)) + "]" if found else None


def _skips_ahead(parsed) -> bool:
    """Whether ``re`` itself skips to the possible first characters: the pattern opens with a
    plain character or class, or with alternatives that each open with a plain character."""
    if not parsed.data:
        return False
    op, av = parsed.data[0]
    if op in (_c.LITERAL, _c.IN):
        return True
    return op is _c.BRANCH and all(alt.data[:1] and alt.data[0][0] is _c.LITERAL for alt in av[1])


_META = frozenset(".^$*+?{}[]\\|()")


def _lookbehind_end(pattern: str) -> int:
    """Where the lookbehind that opens ``pattern`` ends (just after its ``)``), or -1."""
    if not pattern.startswith(("(?<!", "(?<=")):
        return -1
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def hoisted(pattern: str) -> str:
    """``pattern`` with a lookbehind that opens it moved after the plain character that follows
    it, as one character longer: ``(?<!超)计划`` becomes ``计(?<!(?:超)计)划`` (the same matches,
    and ``re`` can skip ahead to 计). Unchanged when it does not open that way.

    >>> hoisted("(?<![比较])上年"), hoisted("(?<=a)b*"), hoisted("力争")
    ('上(?<!(?:[比较])上)年', '(?<=a)b*', '力争')
    """
    end = _lookbehind_end(pattern)
    if end < 0 or end >= len(pattern):
        return pattern
    ch, after = pattern[end], pattern[end + 1:end + 2]
    if ch in _META or after[:1] in ("*", "+", "?", "{"):
        return pattern  # no plain character, or one a quantifier makes optional
    out = f"{ch}{pattern[:4]}(?:{pattern[4:end - 1]}){ch}){pattern[end + 1:]}"
    try:
        re.compile(out)
    except re.error:  # pragma: no cover - a lookbehind whose width this changes
        return pattern
    return out


def alternation(patterns: list[str]) -> str:
    """One regular expression matching what any of ``patterns`` matches (the first that matches,
    as ``"|".join``), written so that ``re`` skips ahead to where a match can start: leading
    lookbehinds hoisted (:func:`hoisted`), else a first-character test (:func:`guarded`).

    >>> alternation(["力争", "(?<!超)计划"])
    '(?:力争)|(?:计(?<!(?:超)计)划)'
    """
    return guarded("|".join(f"(?:{hoisted(p)})" for p in patterns))


def guarded(pattern: str) -> str:
    """``pattern`` behind a lookahead for its possible first characters (the same matches, found
    faster), or unchanged where ``re`` skips ahead by itself or the characters cannot be told."""
    parsed = _parsed(pattern)
    if parsed is None or _skips_ahead(parsed):
        return pattern
    found = first_chars(pattern)
    if found is None:
        return pattern
    out = f"(?={found})(?:{pattern})"
    try:
        re.compile(out)
    except re.error:  # pragma: no cover - a class this could not write back
        return pattern
    return out
