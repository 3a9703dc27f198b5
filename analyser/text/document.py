"""The prepared text every extractor reads: the original, its Simplified view, and its layout.

Extractors are plain functions ``extract_x(src: DocumentText, ...) -> list[Fact]``. They search
``src.view`` (Simplified, half-width digits, full-width Chinese punctuation; same length as the
original) and build facts with :meth:`DocumentText.span`, so every surface comes from the original.

Examples
--------
>>> src = DocumentText.from_text("一、總體要求\\n\\n堅持精準扶貧。做好工作！")
>>> src.view[:6]
'一、总体要求'
>>> [src.text[a:b] for a, b in src.sentences]
['一、總體要求', '堅持精準扶貧。', '做好工作！']
>>> src.span(3, 6)
Span(start=3, end=6, text='體要求')
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from analyser.facts import Span, Token

from .normalize import simplified_view

__all__ = ["DocumentText", "split_sentences", "split_paragraphs", "token_ends", "token_starts"]

T = TypeVar("T")

_SENTENCE_END = re.compile(r"[。！？；]+[”’」』）)]*|\n+")
_PARAGRAPH = re.compile(r"[^\n]+")


def token_starts(tokens: Sequence[Token]) -> Sequence[int]:
    """The start offsets of ``tokens``, in order: the column of a compact token table (such as
    :class:`analyser.nlp.chunks.TokenTable`, which has ``starts``) read without building a token,
    else a list.

    >>> token_starts((Token(0, 2, "国务", "国务", "n"), Token(2, 3, "院", "院", "n")))
    [0, 2]
    """
    column = getattr(tokens, "starts", None)
    return column if column is not None else [t.start for t in tokens]


def token_ends(tokens: Sequence[Token]) -> Sequence[int]:
    """The end offsets of ``tokens``, in order (a compact table's ``ends`` column, else a list).

    >>> token_ends((Token(0, 2, "国务", "国务", "n"), Token(2, 3, "院", "院", "n")))
    [2, 3]
    """
    column = getattr(tokens, "ends", None)
    return column if column is not None else [t.end for t in tokens]


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line, stripped of surrounding white space.

    >>> split_paragraphs("ab\\n\\n  cd \\n")
    [(0, 2), (6, 8)]
    """
    out: list[tuple[int, int]] = []
    for m in _PARAGRAPH.finditer(text):
        _append_trimmed(out, text, *m.span())
    return out


def split_sentences(view: str) -> list[tuple[int, int]]:
    """Sentences of ``view``: ended by 。！？； (with closing quotes) or a line break; no blanks.

    >>> split_sentences("甲。乙！\\n丙")
    [(0, 2), (2, 4), (5, 6)]
    """
    out = []
    pos = 0
    for m in _SENTENCE_END.finditer(view):
        end = m.start() if m.group().startswith("\n") else m.end()
        _append_trimmed(out, view, pos, end)
        pos = m.end()
    _append_trimmed(out, view, pos, len(view))
    return out


def _append_trimmed(out: list[tuple[int, int]], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        out.append((a, b))


@dataclass(frozen=True)
class DocumentText:
    """A document's text as the extractors see it.

    Attributes
    ----------
    text : the original decoded text (offsets point here).
    view : the Simplified view, ``len(view) == len(text)``.
    body : ``(start, end)`` of the article proper (the whole text when unknown).
    published : the publication date, ISO ``YYYY-MM-DD``, when known (anchors relative dates).
    tokens : the jieba tokens, when the pipeline has segmented the text.
    """

    text: str
    view: str
    body: tuple[int, int] = (0, 0)
    published: str | None = None
    tokens: tuple[Token, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=(), repr=False)
    paragraphs: tuple[tuple[int, int], ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        if len(self.view) != len(self.text):
            raise ValueError("the view must have the text's length")
        if self.body == (0, 0):
            object.__setattr__(self, "body", (0, len(self.text)))
        if not self.sentences:
            object.__setattr__(self, "sentences", tuple(split_sentences(self.view)))
        if not self.paragraphs:
            object.__setattr__(self, "paragraphs", tuple(split_paragraphs(self.view)))

    @classmethod
    def from_text(cls, text: str, **kwargs) -> DocumentText:
        """Build from the original text alone (the view is computed)."""
        return cls(text=text, view=simplified_view(text), **kwargs)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` whose text is the original surface ``text[start:end]``."""
        return Span(start, end, self.text[start:end])

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence holding offset ``pos`` (or the nearest one before)."""
        i = max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.text))

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the paragraph (line) holding offset ``pos``."""
        i = max(0, bisect.bisect_right(self._paragraph_starts, pos) - 1)
        return self.paragraphs[i] if self.paragraphs else (0, len(self.text))

    @cached_property
    def _sentence_starts(self) -> list[int]:  # built once: a look-up is a bisection, not a scan
        return [s for s, _ in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [s for s, _ in self.paragraphs]

    def derived(self, fn: Callable[[DocumentText], T]) -> T:
        """``fn(self)``, computed once per document: what several extractors derive alike from
        the same text (the stretches where no number is a quantity, read by dates and
        quantities). ``fn`` must be a pure function of the document, and its result is shared:
        read it, never change it.

        >>> def lines(src): return src.view.split("\\n")
        >>> src = DocumentText.from_text("甲\\n乙")
        >>> src.derived(lines), src.derived(lines) is src.derived(lines)
        (['甲', '乙'], True)
        """
        memo = self.__dict__.setdefault("_derived", {})  # beside the fields, as cached_property keeps its values
        if fn not in memo:
            memo[fn] = fn(self)
        return memo[fn]

    def in_body(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside the article body."""
        return self.body[0] <= start and end <= self.body[1]
