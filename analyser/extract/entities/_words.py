"""Word boundaries: does a candidate name straddle a word of the segmentation (衡水 in 均衡|水平)?

The pipeline's jieba tokens are used when the source has them; otherwise the line holding the
candidate is segmented with the project's tokenizer (each line once), so extractors called on
a bare :class:`~analyser.text.document.DocumentText` behave alike.
"""
from __future__ import annotations

from array import array
from collections.abc import Sequence
from analyser.text.document import token_ends, token_starts
from analyser.text.segment import get_tokenizer

__all__ = ["WordBounds", "word_freq"]

#: a word of the dictionary counted fewer times than this is a stray entry (和佩斯), no evidence
#: that a name is cut
_RARE_WORD = 10


class WordBounds:
    """Offsets strictly inside words, from the tokens or from a local segmentation.

    >>> WordBounds("保持在合理均衡水平上").straddles(6, 8)
    True
    >>> WordBounds("向西藏派出干部").straddles(1, 3)
    False
    """

    def __init__(self, view: str, tokens: Sequence = ()) -> None:
        self.view = view
        self.inner: dict[int, int] | _WordStarts | None = None  # offset inside a word -> the word's start
        if tokens:
            self.inner = _WordStarts(tokens, len(view))
        self._lines: dict[int, dict[int, int]] = {}

    def straddles(self, a: int, b: int) -> bool:
        """True when a word starts before ``a`` and runs into the span (均衡|水平 for 衡水), or
        starts inside it and runs past ``b`` (预算中|国家 for 中国). A word that merely extends
        the span (淮河流域, 美国政府) does not count."""
        inner = self.inner if self.inner is not None else self._line_words(a)
        return a in inner or inner.get(b, a) > a

    def straddles_word(self, a: int, b: int) -> bool:
        """``straddles``, counting only words the dictionary knows: a run the segmentation guessed
        (所中) or a rare entry of the dictionary (和佩斯|林) does not split a name.

        >>> WordBounds("B和佩斯林来到").straddles_word(2, 5), WordBounds("保持在合理均衡水平上").straddles_word(6, 8)
        (False, True)
        """
        if not self.straddles(a, b):
            return False
        inner = self.inner if self.inner is not None else self._line_words(a)
        held = [p for p in (a, b) if p in inner and (p == a or inner.get(p, a) > a)]
        return any(word_freq(self.view[self.word_start(p):self.word_end(p)]) >= _RARE_WORD for p in held)

    def word_end(self, p: int) -> int:
        """The end of the word holding the character at ``p``.

        >>> WordBounds("面对疫情").word_end(0)
        2
        """
        inner = self.inner if self.inner is not None else self._line_words(p)
        start = inner.get(p, p)
        e = p + 1
        while inner.get(e) == start:
            e += 1
        return e

    def word_start(self, p: int) -> int:
        """The start of the word holding the character at ``p``.

        >>> WordBounds("面对疫情").word_start(1)
        0
        """
        inner = self.inner if self.inner is not None else self._line_words(p)
        return inner.get(p, p)

    def _line_words(self, a: int) -> dict[int, int]:
        """The inner offsets of the words of the line holding ``a`` (segmented once per line)."""
        view = self.view
        ls = view.rfind("\n", 0, a) + 1
        found = self._lines.get(ls)
        if found is None:
            le = view.find("\n", a)
            le = len(view) if le < 0 else le
            found = {}
            pos = ls
            for w, a, b in get_tokenizer().words(view[ls:le]):
                for p in range(pos + a + 1, pos + b):
                    found[p] = pos + a
            self._lines[ls] = found
        return found


class _WordStarts:
    """Offset inside a word -> the word's start, as a dict would answer (``in``, ``get``), kept in
    an array of four bytes per character rather than a dict entry per offset."""

    def __init__(self, tokens: Sequence, n: int) -> None:
        import numpy

        first = numpy.asarray(token_starts(tokens), dtype=numpy.int64)
        inner = numpy.asarray(token_ends(tokens), dtype=numpy.int64) - first - 1
        first, inner = first[inner > 0], inner[inner > 0]  # words of two characters or more
        at = numpy.arange(n, dtype=numpy.int32)  # each offset its own start, but inside a word
        offsets = numpy.repeat(first + 1 - (numpy.cumsum(inner) - inner), inner) + numpy.arange(inner.sum())
        at[offsets] = numpy.repeat(first, inner)
        starts = array("i")
        starts.frombytes(at.tobytes())
        self.starts, self.n = starts, n

    def __contains__(self, p: int) -> bool:
        return 0 <= p < self.n and self.starts[p] != p

    def get(self, p: int, default: int | None = None) -> int | None:
        if 0 <= p < self.n:
            s = self.starts[p]
            if s != p:
                return s
        return default


def word_freq(word: str) -> int:
    """How often jieba's general dictionary counts ``word`` as one word (0 when it is no word).

    >>> word_freq("钢铁") > 100, word_freq("晨鸣纸业")
    (True, 0)
    """
    return get_tokenizer().freq(word)
