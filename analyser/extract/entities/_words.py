"""Word boundaries: does a candidate name straddle a word of the segmentation (衡水 in 均衡|水平)?

The pipeline's jieba tokens are used when the source has them; otherwise a small window around
the candidate is segmented with jieba's default dictionary (a private tokenizer, built on first
use), so extractors called on a bare :class:`~analyser.source.SourceText` behave the same.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["WordBounds"]

_WINDOW = 6


@lru_cache(maxsize=1)
def _fallback_tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


class WordBounds:
    """Offsets strictly inside words, from the tokens or from a local segmentation.

    >>> WordBounds("保持在合理均衡水平上").straddles(6, 8)
    True
    >>> WordBounds("向西藏派出干部").straddles(1, 3)
    False
    """

    def __init__(self, view: str, tokens: Sequence = ()) -> None:
        self.view = view
        self.inner: dict[int, int] | None = None  # offset inside a word -> the word's start
        if tokens:
            self.inner = {p: t.start for t in tokens for p in range(t.start + 1, t.end)}
        self._cache: dict[tuple[int, int], bool] = {}

    def straddles(self, a: int, b: int) -> bool:
        """True when a word starts before ``a`` and runs into the span (均衡|水平 for 衡水), or
        starts inside it and runs past ``b`` (预算中|国家 for 中国). A word that merely extends
        the span (淮河流域, 美国政府) does not count."""
        if self.inner is not None:
            return a in self.inner or self.inner.get(b, a) > a
        key = (a, b)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._segment_window(a, b)
        return found

    def _segment_window(self, a: int, b: int) -> bool:
        view = self.view
        lo = max(0, a - _WINDOW, view.rfind("\n", 0, a) + 1)
        nl = view.find("\n", b)
        hi = min(len(view), b + _WINDOW, nl if nl >= 0 else len(view))
        pos = lo
        for w in _fallback_tokenizer().cut(view[lo:hi], HMM=False):
            s, e = pos, pos + len(w)
            if s < a < e or a < s < b < e:
                return True
            pos = e
        return False
