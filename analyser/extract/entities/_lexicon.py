"""A leftmost-longest dictionary matcher shared by the entity extractors (word lists: :mod:`analyser.data`)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Generic, TypeVar

import numpy

V = TypeVar("V")

HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")


def is_han(ch: str) -> bool:
    """True for a CJK ideograph."""
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")



class Lexicon(Generic[V]):
    """Exact-match dictionary search, leftmost-longest, without regular expressions.

    >>> lex = Lexicon({"国务院": 1, "国务院办公厅": 2})
    >>> [(a, b, v) for a, b, _, v in lex.finditer("经国务院办公厅同意")]
    [(1, 7, 2)]
    """

    def __init__(self, entries: dict[str, V]) -> None:
        self.entries = {k: v for k, v in entries.items() if k}
        lengths: dict[str, set[int]] = {}
        for k in self.entries:
            lengths.setdefault(k[:2] if len(k) > 1 else k, set()).add(len(k))
        #: the key lengths (longest first) per first two characters (or the single character)
        self.by_head = {h: tuple(sorted(ns, reverse=True)) for h, ns in lengths.items()}

    def may_start(self, text: str, i: int) -> bool:
        """Cheap test: could an entry start at ``i``?"""
        return text[i:i + 2] in self.by_head or text[i:i + 1] in self.by_head

    def starts(self, text: str, lo: int = 0, hi: int | None = None) -> list[int]:
        """The offsets ``i`` in ``[lo, hi)`` where :meth:`may_start` holds, ascending.

        One pass over the code points in NumPy instead of a look-up per character in Python: the
        characters a head starts with are picked out by a table, and there each pair of characters
        (one 64-bit number) is looked up among the heads' by bisection.

        >>> Lexicon({"国务院": 1, "省": 2}).starts("经国务院和省政府")
        [1, 5]
        """
        hi = len(text) if hi is None else hi
        if lo >= hi:
            return []
        first, pairs, singles = self._head_codes()
        codes = numpy.frombuffer(text[lo:hi + 1].encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
        n = hi - lo  # codes has one more when text goes on after hi: the second character of a pair
        # where a head may start (a character beyond the table's range is looked up in full)
        at = numpy.flatnonzero(first[numpy.minimum(codes[:n], len(first) - 1)])
        c0 = codes[at].astype(numpy.uint64)
        hit = numpy.zeros(len(at), dtype=bool)
        if len(pairs):
            paired = at + 1 < len(codes)  # the last character of the text has no pair
            pair = (c0[paired] << numpy.uint64(32)) | codes[at[paired] + 1]
            hit[paired] = pairs[numpy.minimum(numpy.searchsorted(pairs, pair), len(pairs) - 1)] == pair
        if len(singles):
            hit |= singles[numpy.minimum(numpy.searchsorted(singles, c0), len(singles) - 1)] == c0
        return (at[hit] + lo).tolist()

    def _head_codes(self) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """A table of the code points heads start with (up to U+FFFF; its last entry stands for
        every code point from there on), the two-character heads as sorted 64-bit numbers (first
        code point above the second) and the one-character heads as sorted code points."""
        found = getattr(self, "_codes", None)
        if found is None:
            first = numpy.zeros(0x10000, dtype=bool)
            first[-1] = True
            first[[min(ord(h[0]), 0xFFFF) for h in self.by_head]] = True
            pairs = sorted((ord(h[0]) << 32) | ord(h[1]) for h in self.by_head if len(h) == 2)
            singles = sorted(ord(h) for h in self.by_head if len(h) == 1)
            found = self._codes = (
                first, numpy.array(pairs, dtype=numpy.uint64), numpy.array(singles, dtype=numpy.uint64)
            )
        return found

    def longest_at(self, text: str, i: int, hi: int | None = None) -> tuple[int, str, V] | None:
        """The longest entry starting at ``i`` as ``(end, key, value)``."""
        hi = len(text) if hi is None else hi
        for head in (text[i:i + 2], text[i:i + 1]):
            for n in self.by_head.get(head, ()):
                if i + n > hi:
                    continue
                key = text[i:i + n]
                if key in self.entries:
                    return i + n, key, self.entries[key]
        return None

    def ends_at(self, text: str, b: int) -> str | None:
        """The longest entry ending at ``b``, or None."""
        if b <= 0 or (b <= len(text) and text[b - 1] not in self.last_chars()):
            return None  # most positions: no entry ends with the character there
        for n in self._lengths():
            if n <= b and text[b - n:b] in self.entries:
                return text[b - n:b]
        return None

    def last_chars(self) -> frozenset[str]:
        """The characters an entry ends with (a position after any other ends none)."""
        found = getattr(self, "_all_last_chars", None)
        if found is None:
            found = self._all_last_chars = frozenset(k[-1] for k in self.entries if k)
        return found

    def _lengths(self) -> tuple[int, ...]:
        found = getattr(self, "_all_lengths", None)
        if found is None:
            found = self._all_lengths = tuple(sorted({len(k) for k in self.entries}, reverse=True))
        return found

    def finditer(self, text: str, lo: int = 0, hi: int | None = None) -> Iterator[tuple[int, int, str, V]]:
        """Non-overlapping leftmost-longest matches ``(start, end, key, value)`` in ``text[lo:hi]``."""
        hi = len(text) if hi is None else hi
        i = lo
        for start in self.starts(text, lo, hi):  # the places where an entry may start
            if start < i:
                continue  # inside the last match
            found = self.longest_at(text, start, hi)
            if found is not None:
                end, key, value = found
                yield start, end, key, value
                i = end
