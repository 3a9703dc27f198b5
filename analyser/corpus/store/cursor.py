"""Opaque pagination cursors: a JSON list, URL-safe base64, no padding.

A cursor is decoded against its *shape*, one letter per position: ``i`` a non-negative integer
that SQLite can hold (below 2**63, never a boolean or a float), ``s`` a string of at most
:data:`MAX_STRING` characters. Anything else (another length, a nested list, an object, a
float, ``true``, a negative or huge number) raises :class:`~analyser.errors.InputError`, so a
crafted cursor is a client error, never a server failure.

>>> c = encode_cursor([12, 3])
>>> decode_cursor(c, "ii")
[12, 3]
>>> decode_cursor(None) is None
True
>>> decode_cursor(encode_cursor([2**63]), "i")
Traceback (most recent call last):
...
analyser.errors.InputError: invalid cursor 'WzkyMjMzNzIwMzY4NTQ3NzU4MDhd'
"""
from __future__ import annotations

import base64
import json
from typing import Any

from analyser.errors import InputError

__all__ = ["check_limit", "decode_cursor", "encode_cursor", "offset_of"]

MAX_LIMIT = 500
#: largest integer a cursor may carry (SQLite's INTEGER range)
MAX_INT = 2**63 - 1
#: longest string a cursor may carry
MAX_STRING = 1000


def encode_cursor(position: list[Any]) -> str:
    """An opaque string for ``position`` (a short JSON list)."""
    raw = json.dumps(position, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _fits(value: Any, kind: str) -> bool:
    if kind == "i":
        return type(value) is int and 0 <= value <= MAX_INT
    if kind == "s":
        return isinstance(value, str) and len(value) <= MAX_STRING
    raise ValueError(f"unknown cursor position kind {kind!r}; expected i or s")


def decode_cursor(cursor: str | None, shape: str | int | None = None) -> list[Any] | None:
    """The position inside a cursor; :class:`~analyser.errors.InputError` when it is not one.

    ``shape`` gives the kind of each position (``"ii"``: two integers, ``"is"``: an integer
    and a string); an integer ``n`` asks for ``n`` integers.

    >>> decode_cursor(encode_cursor([3, "x"]), "is")
    [3, 'x']
    >>> for bad in ([1.5], [True], ["x"], [-1], [[1]], [{}], []):
    ...     try:
    ...         decode_cursor(encode_cursor(bad), "i")
    ...     except InputError:
    ...         pass
    ...     else:
    ...         print("accepted", bad)
    """
    if cursor is None or cursor == "":
        return None
    if isinstance(shape, int):
        shape = "i" * shape
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (ValueError, TypeError, RecursionError):
        raise InputError(f"invalid cursor {cursor!r}") from None
    if not isinstance(value, list):
        raise InputError(f"invalid cursor {cursor!r}")
    if shape is not None and (len(value) != len(shape) or not all(map(_fits, value, shape))):
        raise InputError(f"invalid cursor {cursor!r}")
    return value


def offset_of(cursor: str | None) -> int:
    """The offset inside an offset cursor (0 without one).

    >>> offset_of(encode_cursor([20]))
    20
    """
    pos = decode_cursor(cursor, "i")
    return pos[0] if pos else 0


def check_limit(limit: int | None, default: int = 50) -> int:
    """``limit`` checked to lie in 1..500 (``None`` gives ``default``).

    >>> check_limit(None), check_limit(10)
    (50, 10)
    """
    if limit is None:
        return default
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit must be between 1 and {MAX_LIMIT}, got {limit!r}")
    return limit
