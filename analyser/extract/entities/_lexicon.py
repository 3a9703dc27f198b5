"""A leftmost-longest dictionary matcher shared by the entity extractors (word lists: :mod:`analyser.data`)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Generic, TypeVar

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
        for n in self._lengths():
            if n <= b and text[b - n:b] in self.entries:
                return text[b - n:b]
        return None

    def _lengths(self) -> tuple[int, ...]:
        found = getattr(self, "_all_lengths", None)
        if found is None:
            found = self._all_lengths = tuple(sorted({len(k) for k in self.entries}, reverse=True))
        return found

    def finditer(self, text: str, lo: int = 0, hi: int | None = None) -> Iterator[tuple[int, int, str, V]]:
        """Non-overlapping leftmost-longest matches ``(start, end, key, value)`` in ``text[lo:hi]``."""
        hi = len(text) if hi is None else hi
        heads = self.by_head
        i = lo
        while i < hi:
            if text[i:i + 2] not in heads and text[i] not in heads:
                i += 1
                continue
            found = self.longest_at(text, i, hi)
            if found is None:
                i += 1
                continue
            end, key, value = found
            yield i, end, key, value
            i = end
