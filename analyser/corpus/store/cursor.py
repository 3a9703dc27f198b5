"""Opaque pagination cursors: a JSON list, URL-safe base64, no padding.

>>> c = encode_cursor([12, 3])
>>> decode_cursor(c)
[12, 3]
>>> decode_cursor(None) is None
True
"""
from __future__ import annotations

import base64
import json
from typing import Any

from analyser.errors import InputError

__all__ = ["check_limit", "decode_cursor", "encode_cursor", "offset_of"]

MAX_LIMIT = 500


def encode_cursor(position: list[Any]) -> str:
    """An opaque string for ``position`` (a short JSON list)."""
    raw = json.dumps(position, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, length: int | None = None) -> list[Any] | None:
    """The position inside a cursor; :class:`~analyser.errors.InputError` when it is not one."""
    if cursor is None or cursor == "":
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (ValueError, TypeError):
        raise InputError(f"invalid cursor {cursor!r}") from None
    if not isinstance(value, list) or (length is not None and len(value) != length):
        raise InputError(f"invalid cursor {cursor!r}")
    return value


def offset_of(cursor: str | None) -> int:
    """The offset inside an offset cursor (0 without one).

    >>> offset_of(encode_cursor([20]))
    20
    """
    pos = decode_cursor(cursor, 1)
    if not pos:
        return 0
    if not isinstance(pos[0], int) or isinstance(pos[0], bool) or pos[0] < 0:
        raise InputError(f"invalid cursor {cursor!r}")
    return pos[0]


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
