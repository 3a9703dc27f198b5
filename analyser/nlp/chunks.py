"""Long documents in bounded memory: segmented a stretch of lines at a time, tokens kept compactly.

A spaCy ``Doc`` costs about 120 bytes a token, and a token held as a :class:`~analyser.facts.Token`
tuple (its strings and offsets as Python objects) about 230 more: some 180 bytes a character of
Chinese, most of an analysis's peak memory. Above :data:`CHUNKED_ABOVE` characters,
:func:`make_doc` therefore builds no ``Doc`` of the whole text. It cuts the text at line breaks
into stretches of about :data:`CHUNK_CHARS` characters, segments one stretch at a time (the
segmenter works line by line, so the tokens are those of the whole text, offsets shifted back into
it) and keeps them in a :class:`TokenTable` (three integers a token and one entry per distinct
word). The ``Doc`` it returns has no spaCy tokens: it carries the text, its Simplified view and
that table.

:func:`run_pipeline` runs the fact components on it. Most see the whole document, so what depends
on all of it — the outline across sections, the date a closing line gives, the year in focus,
section cues, the order of facts — is what the unchunked analysis finds. The formulation
extractor keeps a dictionary entry per token while it works (some 100 bytes a character), so it
runs a stretch at a time (:data:`BY_STRETCH`), each stretch with a margin of whole lines for
context: a formulation lies inside one line and its features read a few characters around it.
Only the formulations starting inside the stretch proper are kept, their offsets moved back into
the text, and their variant families are then set across the whole document by the extractor's
own rule. ``doc.spans`` (the spaCy spans displaCy would draw) stay empty.

Examples
--------
>>> from analyser.nlp.keys import doc_tokens
>>> from analyser.nlp.pipeline import get_nlp
>>> doc = make_doc(get_nlp(), "一、總體要求\\n堅持穩中求進。\\n二、重點任務\\n", chunked_above=10)
>>> len(doc), [t.text for t in doc_tokens(doc)][:4]
(0, ['一', '、', '總體', '要求'])
>>> line_chunks("ab\\ncd\\nef", 4)
[(0, 3), (3, 6), (6, 8)]
"""
from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields, is_dataclass, replace
from itertools import compress, islice, repeat
from operator import add, not_
from operator import index as operator_index
from typing import Any, overload

from spacy.tokens import Doc

from analyser.facts import Slogan, Token
from analyser.text.document import DocumentText
from analyser.text.normalize import simplified_view
from analyser.text.segment import Segmentation

from .keys import (
    SOURCE_KEY,
    TEXT_KEY,
    TOKENS_KEY,
    VIEW_KEY,
    doc_text,
    doc_tokens,
    doc_view,
    get_facts,
    get_source,
    set_facts,
)

__all__ = ["CHUNKED_ABOVE", "CHUNKS_KEY", "CHUNK_CHARS", "TokenTable", "line_chunks", "make_doc", "run_pipeline"]

#: Texts longer than this many characters are segmented in stretches, without a whole spaCy Doc.
CHUNKED_ABOVE = 500_000
#: About how many characters one stretch holds (a line longer than that is one stretch of its own).
CHUNK_CHARS = 250_000
#: Where a chunked ``Doc`` keeps its stretches, ``[(start, end), ...]``.
CHUNKS_KEY = "policy.chunks"
#: Characters of context a stretch is given on each side, in whole lines (a formulation's features
#: read up to eight characters around it).
MARGIN = 64


def line_chunks(text: str, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive stretches of ``text`` of about ``size`` characters, each
    ending just after a line break (the last one at the end of the text); they tile the text.

    >>> line_chunks("一二三\\n四五\\n六七八九\\n", 5)
    [(0, 4), (4, 7), (7, 12)]
    """
    out: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while pos < n:
        target = pos + size
        if target >= n:
            end = n
        else:
            nl = text.rfind("\n", pos, target)
            if nl < 0:
                nl = text.find("\n", target)
            end = n if nl < 0 else nl + 1
        out.append((pos, end))
        pos = end
    return out


#: Builds a Token from a tuple of its five fields (what ``Token._make`` does, without its call).
_new = tuple.__new__


class _WordNumbers(dict):
    """``(text, norm, tag)`` -> its number in ``words``; a key met the first time is appended to
    ``words`` and numbered (so a look-up by ``[]`` runs in C for every word met before)."""

    __slots__ = ("words",)

    def __init__(self, words: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.words = words

    def __missing__(self, key: tuple[str, str, str]) -> int:
        i = self[key] = len(self.words)
        self.words.append(key)
        return i


class TokenTable(Sequence[Token]):
    """Tokens held as arrays of offsets and word numbers: twelve bytes a token and one entry per
    distinct ``(text, norm, tag)``. Reads back as :class:`~analyser.facts.Token` tuples and
    equals the tuple of the same tokens.

    >>> table = TokenTable([Token(0, 3, "國務院", "国务院", "nt"), Token(3, 5, "印發", "印发", "v")])
    >>> table.extend([Token(0, 3, "國務院", "国务院", "nt")], offset=5)
    >>> len(table), table[-1], table == tuple(table), table.words
    (3, Token(start=5, end=8, text='國務院', norm='国务院', tag='nt'), True, 2)
    """

    __slots__ = ("_ends", "_ids", "_index", "_starts", "_words")

    def __init__(self, tokens: Iterable[Token] = ()) -> None:
        self._starts = array("i")
        self._ends = array("i")
        self._ids = array("i")
        self._words: list[tuple[str, str, str]] = []
        self._index = _WordNumbers(self._words)
        self.extend(tokens)

    def extend(self, tokens: Iterable[Token], offset: int = 0) -> None:
        """Append ``tokens``, their offsets moved by ``offset``."""
        number = self._index.__getitem__
        starts, ends, ids = self._starts, self._ends, self._ids
        for start, end, text, norm, tag in tokens:
            starts.append(start + offset)
            ends.append(end + offset)
            ids.append(number((text, norm, tag)))

    def add_segmentation(self, seg: Segmentation, offset: int = 0) -> None:
        """Append the tokens of ``seg`` (its pieces that are not white space, as
        :meth:`Segmentation.tokens <analyser.text.segment.Segmentation.tokens>` gives them), their
        offsets moved by ``offset``, without building a token.

        >>> from analyser.text.segment import Segmentation
        >>> table = TokenTable()
        >>> table.add_segmentation(Segmentation(["推進", " ", "扶貧"], ["推进", " ", "扶贫"], [0, 2, 3, 5], ["v", "x", "v"]), 10)
        >>> list(table)  # doctest: +NORMALIZE_WHITESPACE
        [Token(start=10, end=12, text='推進', norm='推进', tag='v'),
         Token(start=13, end=15, text='扶貧', norm='扶贫', tag='v')]
        """
        offsets = seg.offsets
        keep = list(map(not_, map(str.isspace, seg.norms)))
        shift = repeat(offset)
        self._starts.extend(map(add, compress(offsets, keep), shift))
        self._ends.extend(map(add, compress(islice(offsets, 1, None), keep), shift))
        self._ids.extend(map(self._index.__getitem__, compress(zip(seg.surfaces, seg.norms, seg.tags), keep)))

    @property
    def words(self) -> int:
        """How many distinct ``(text, norm, tag)`` the table holds."""
        return len(self._words)

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Token, ...]: ...

    def __getitem__(self, i: int | slice) -> Token | tuple[Token, ...]:
        if i.__class__ is int:  # the common case first (the quantity extractors index tokens often)
            return _new(Token, (self._starts[i], self._ends[i]) + self._words[self._ids[i]])
        if isinstance(i, slice):
            return tuple(self._tokens(self._starts[i], self._ends[i], self._ids[i]))
        return self[operator_index(i)]

    def __iter__(self) -> Iterator[Token]:
        return self._tokens(self._starts, self._ends, self._ids)

    def _tokens(self, starts: Iterable[int], ends: Iterable[int], ids: Iterable[int]) -> Iterator[Token]:
        # built in C (zip, map, tuple concatenation): no Python frame a token
        pairs = map(add, zip(starts, ends), map(self._words.__getitem__, ids))
        return map(_new, repeat(Token), pairs)

    @property
    def starts(self) -> array:
        """The tokens' start offsets, in order: a copy of the column (four bytes a token; no token
        is built to read them)."""
        return array("i", self._starts)

    @property
    def ends(self) -> array:
        """The tokens' end offsets, in order (a copy of the column)."""
        return array("i", self._ends)

    def between(self, a: int, b: int) -> tuple[Token, ...]:
        """The tokens that start inside ``[a, b)``, their offsets counted from ``a``."""
        i, j = bisect.bisect_left(self._starts, a), bisect.bisect_left(self._starts, b)
        starts: Iterable[int] = self._starts[i:j]
        ends: Iterable[int] = self._ends[i:j]
        if a:
            shift = repeat(a)
            starts, ends = map(int.__sub__, starts, shift), map(int.__sub__, ends, shift)
        return tuple(self._tokens(starts, ends, self._ids[i:j]))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TokenTable | tuple | list):
            return len(self) == len(other) and all(x == y for x, y in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:  # as the tuple it equals
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<TokenTable of {len(self)} tokens, {self.words} distinct>"


def make_doc(
    nlp, text: str, *, chunked_above: int = CHUNKED_ABOVE, chunk_chars: int | None = None, spacy_tokens: bool = True
) -> Doc:
    """The ``Doc`` the fact components run on: ``nlp.make_doc(text)``, or for a text longer than
    ``chunked_above`` a ``Doc`` without spaCy tokens whose tokens were segmented a stretch of
    lines at a time (``chunk_chars`` characters each; by default :data:`CHUNK_CHARS`, at most a
    quarter of ``chunked_above``) and kept in a :class:`TokenTable`.

    With ``spacy_tokens=False`` a shorter text also gets a ``Doc`` without spaCy tokens, carrying
    the tokens the pipeline's tokenizer finds for the whole text: the fact components read only
    those, so the facts are the same, without building a spaCy token (and for a word met the
    first time, a lexeme with two dozen attributes) that nothing reads. :func:`analyse
    <analyser.nlp.analysis.analyse>` takes this way; ``doc.spans`` then stay empty.
    """
    if len(text) > nlp.max_length:
        return nlp.make_doc(text)  # spaCy refuses a text above its max_length
    if len(text) <= chunked_above:
        if spacy_tokens:
            return nlp.make_doc(text)
        view = simplified_view(text)
        doc = Doc(nlp.vocab, words=[])
        doc.user_data[TEXT_KEY] = text
        doc.user_data[VIEW_KEY] = view
        doc.user_data[TOKENS_KEY] = nlp.tokenizer.tokenizer.segment(text, view).tokens()
        return doc
    size = chunk_chars or max(1, min(CHUNK_CHARS, chunked_above // 4))
    view = simplified_view(text)
    tokenizer = nlp.tokenizer.tokenizer  # the PolicyTokenizer under spaCy's tokenizer
    table = TokenTable()
    chunks = line_chunks(text, size)
    for a, b in chunks:
        table.add_segmentation(tokenizer.segment(text[a:b], view[a:b]), offset=a)
    doc = Doc(nlp.vocab, words=[])
    doc.user_data[TEXT_KEY] = text
    doc.user_data[VIEW_KEY] = view
    doc.user_data[TOKENS_KEY] = table
    doc.user_data[CHUNKS_KEY] = chunks
    return doc


def run_pipeline(nlp, doc: Doc) -> Doc:
    """Run the fact components of ``nlp`` on ``doc`` in order; on a chunked ``Doc``, those of
    :data:`BY_STRETCH` a stretch at a time (their working memory grows with the text they see)."""
    chunks = doc.user_data.get(CHUNKS_KEY)
    for name, proc in nlp.pipeline:
        if chunks and name in BY_STRETCH:
            kind, settle = BY_STRETCH[name]
            set_facts(doc, kind, settle(doc_view(doc), _by_stretch(nlp, proc, kind, doc, chunks)))
        else:
            doc = proc(doc)
    return doc


def _by_stretch(nlp, proc: Callable[[Doc], Doc], kind: str, doc: Doc, chunks: list[tuple[int, int]]):
    """For each stretch: the facts ``proc`` finds in it and a margin of whole lines around it (offsets
    into the whole text), and which of them start inside the stretch proper."""
    text, view, table, src = doc_text(doc), doc_view(doc), doc_tokens(doc), get_source(doc)
    n, (b0, b1) = len(text), src.body
    for a, b in chunks:
        w0 = text.rfind("\n", 0, a - MARGIN) + 1 if a > MARGIN else 0
        nl = text.find("\n", b + MARGIN) if b + MARGIN < n else -1
        w1 = n if nl < 0 else nl + 1
        lo, hi = max(b0, w0) - w0, min(b1, w1) - w0
        part = Doc(nlp.vocab, words=[])
        part.user_data[SOURCE_KEY] = DocumentText(
            text=text[w0:w1], view=view[w0:w1], body=(lo, hi) if lo < hi else (w1 - w0, w1 - w0),
            published=src.published, tokens=table.between(w0, w1),
        )
        facts = [_shifted(f, w0) for f in get_facts(proc(part), kind)]
        yield facts, [a <= f.start < b for f in facts]


def _shifted(fact: Any, d: int) -> Any:
    """``fact`` with every ``start`` and ``end`` (its own and its parts', at any depth) moved by ``d``."""
    changes: dict[str, Any] = {}
    for f in fields(fact):
        v = getattr(fact, f.name)
        if f.name in ("start", "end") and isinstance(v, int):
            changes[f.name] = v + d
        elif is_dataclass(v):
            changes[f.name] = _shifted(v, d)
        elif isinstance(v, tuple) and any(is_dataclass(x) for x in v):
            changes[f.name] = tuple(_shifted(x, d) if is_dataclass(x) else x for x in v)
    return replace(fact, **changes)


def _settle_slogans(view: str, runs: Iterable[tuple[list[Slogan], list[bool]]]) -> list[Slogan]:
    """The formulations of the stretches, with their variant families across the whole document.

    A family is that of the first variant met in the document, or that of the quote a quote is
    paired with (“阳光搬迁”“廉洁搬迁”): the extractor's own rule, applied in document order.
    """
    from analyser.extract.slogans import _paired  # the pairing rule of extract_slogans
    from analyser.extract.slogans.base import Candidate
    from analyser.extract.slogans.family import FamilyIndex

    def candidate(s: Slogan) -> Candidate:  # a quoted formulation's quotes are the characters around it
        outer = (s.start - 1, s.end + 1) if s.kind == "quoted" else None
        return Candidate(s.start, s.end, "numbered" if s.kind == "numbered" else "quote", outer=outer)

    families = FamilyIndex()
    out: list[Slogan] = []
    prev: tuple[Candidate, str] | None = None
    for facts, inside in runs:
        for s in (f for f, keep in zip(facts, inside) if keep):
            family = families.family(s.normalized)
            c = candidate(s)
            if prev and _paired(view, prev[0], c):
                family = prev[1]
            out.append(s if s.family == family else replace(s, family=family))
            prev = (c, family)
    return out


#: Components run a stretch at a time on a chunked ``Doc`` (their facts lie inside one line and
#: read a few characters around it), with the function that sets their document-wide attributes.
BY_STRETCH: dict[str, tuple[str, Callable[[str, Iterable[tuple[list, list[bool]]]], list]]] = {
    "policy_slogans": ("slogans", _settle_slogans),
}
