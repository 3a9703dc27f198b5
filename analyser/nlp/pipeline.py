"""The spaCy pipeline: the only place a ``Language`` is assembled.

``Doc.text`` is exactly the original text. The tokenizer (registered as
``policy.jieba_tokenizer.v1``) segments the Simplified view with a private jieba tokenizer and
sets ``token.norm_`` (Simplified form), ``token.tag_`` (jieba POS tag) and sentence starts
(after 。！？； and at paragraph breaks). The components in :mod:`analyser.nlp.components` then add
the page metadata and one fact list each, as ``doc.spans[kind]``.

Examples
--------
>>> nlp = get_nlp()
>>> doc = nlp("國務院印發通知。要求各地落實。")
>>> doc.text
'國務院印發通知。要求各地落實。'
>>> [t.norm_ for t in doc][:3]
['国务院', '印发', '通知']
>>> len(list(doc.sents))
2
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain, compress, count

import numpy
import spacy
from spacy.attrs import LIKE_NUM, NORM, SENT_START, TAG
from spacy.tokens import Doc
from spacy.util import registry

from analyser.text.normalize import simplified_view
from analyser.text.segment import PolicyTokenizer, get_tokenizer

from . import components as _components  # noqa: F401  (registers the factories without the entry points)
from .keys import TEXT_KEY, TOKENS_KEY, VIEW_KEY

__all__ = ["PIPE_NAMES", "SpacyPolicyTokenizer", "build_nlp", "gc_paused", "get_nlp"]

#: The fact components, in the order they run (later ones read earlier results).
PIPE_NAMES = (
    "policy_page",
    "policy_outline",
    "policy_dates",
    "policy_entities",
    "policy_citations",
    "policy_slogans",
    "policy_quantities",
)
#: Pieces after which a sentence starts (sentence-final punctuation alone, or a line break).
_BREAKS = frozenset("。！？；\n")
#: Upper bound on a document's length in characters (the reader refuses larger files first).
MAX_CHARS = 20_000_000


class SpacyPolicyTokenizer:
    """spaCy tokenizer over :class:`~analyser.text.segment.PolicyTokenizer`; keeps the original text."""

    def __init__(self, vocab, tokenizer: PolicyTokenizer | None = None) -> None:
        self.vocab = vocab
        self.tokenizer = tokenizer or get_tokenizer()

    def __call__(self, text: str) -> Doc:
        view = simplified_view(text)
        seg = self.tokenizer.segment(text, view)
        norms, n = seg.norms, len(seg.norms)
        doc = Doc(self.vocab, words=seg.surfaces, spaces=[False] * n)
        if n:
            strings = self.vocab.strings
            tag_ids = {t: strings.add(t) for t in set(seg.tags)}
            attrs = numpy.empty((n, 3), dtype=numpy.uint64)
            attrs[:, 0] = numpy.fromiter(map(tag_ids.__getitem__, seg.tags), dtype=numpy.uint64, count=n)
            attrs[:, 1] = _sentence_starts(norms).view(numpy.uint64)
            attrs[:, 2] = numpy.fromiter(map(strings.add, norms), dtype=numpy.uint64, count=n)
            doc.from_array([TAG, SENT_START, NORM], attrs)
        doc.user_data[TEXT_KEY] = text
        doc.user_data[VIEW_KEY] = view
        doc.user_data[TOKENS_KEY] = seg.tokens()
        return doc

    def to_disk(self, path, **kwargs) -> None:  # the vocabulary ships with the package
        return None

    def from_disk(self, path, **kwargs):
        return self

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs):
        return self


def _sentence_starts(pieces: list[str]) -> numpy.ndarray:
    """spaCy's sentence starts of the pieces: 1 for the first word of a sentence, -1 for any other
    word, 0 for white space where a sentence may start and -1 for white space inside a sentence.

    A sentence starts at the text's start, after 。！？； and after a line break (white space
    between them and the word does not matter).

    >>> _sentence_starts(["甲", "。", " ", "乙", "丙", "\\n", "丁"]).tolist()
    [1, -1, 0, 1, -1, -1, 1]
    """
    n = len(pieces)
    starts = numpy.full(n, -1, dtype=numpy.int64)
    breaks = compress(count(), map(_BREAKS.__contains__, pieces))
    for i in chain((-1,), breaks):
        j = i + 1
        while j < n and pieces[j].isspace():
            starts[j] = 0
            j += 1
        if j < n:
            starts[j] = 1
    if n:
        starts[0] = 1
    return starts


@registry.tokenizers("policy.jieba_tokenizer.v1")
def create_policy_tokenizer():
    def make(nlp):
        return SpacyPolicyTokenizer(nlp.vocab)

    return make


def build_nlp(*, components: tuple[str, ...] = PIPE_NAMES):
    """Assemble a blank Chinese ``Language`` with the policy tokenizer and fact components.

    Parameters
    ----------
    components : the component names to add, in order (a subset of :data:`PIPE_NAMES`).
    """
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "policy.jieba_tokenizer.v1"}}})
    nlp.max_length = MAX_CHARS
    nlp.vocab.lex_attr_getters = _quick_getters(nlp.vocab.lex_attr_getters)
    for name in components:
        nlp.add_pipe(name)
    return nlp


def _quick_getters(getters: dict) -> dict:
    """spaCy's lexical attribute functions, with the same values computed faster.

    Every word a vocabulary meets for the first time runs them all (two dozen, in Python), which
    is most of what unseen text costs beyond warm text. A function that is one string method is
    replaced by the method itself, and ``like_num`` first rules out words without a digit or a
    Chinese numeral (most of them). A new dictionary: spaCy's own is shared by its pipelines.
    """
    from operator import itemgetter

    from spacy.lang import lex_attrs

    same = {
        lex_attrs.lower: str.lower, lex_attrs.is_alpha: str.isalpha, lex_attrs.is_digit: str.isdigit,
        lex_attrs.is_lower: str.islower, lex_attrs.is_space: str.isspace, lex_attrs.is_title: str.istitle,
        lex_attrs.is_upper: str.isupper, lex_attrs.is_ascii: str.isascii,
        lex_attrs.prefix: itemgetter(0), lex_attrs.suffix: itemgetter(slice(-3, None)),
    }
    out = {attr: same.get(fn, fn) for attr, fn in getters.items()}
    if LIKE_NUM in out:
        out[LIKE_NUM] = _quick_like_num(out[LIKE_NUM])
    return out


def _quick_like_num(like_num: Callable[[str], bool]) -> Callable[[str], bool]:
    """``like_num`` of the Chinese language data, answering False at once for a word that holds no
    digit and none of the numeral characters its word lists are made of."""
    try:
        from spacy.lang.zh import lex_attrs as zh
    except ImportError:  # pragma: no cover
        return like_num
    if like_num is not zh.like_num:
        return like_num
    numerals = frozenset("".join(zh._single_num_words + zh._count_num_words + zh._base_num_words))

    def quick(text: str) -> bool:
        if numerals.isdisjoint(text) and not any(map(str.isdigit, text)):
            return False
        return like_num(text)

    return quick


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while one document is analysed.

    An analysis allocates a few objects per character (tokens, facts, spaCy's own) and keeps most
    of them to the end, so the collector's passes over the growing heap find nothing to free yet
    cost a third of the time. Reference counting still frees what is dropped; cycles wait for the
    collector to resume after the document.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@lru_cache(maxsize=1)
def get_nlp():
    """The process-wide pipeline, built once on first use.

    Once built, the objects the process holds (the pipeline, its vocabulary and word lists) are
    moved out of the garbage collector's sight (:func:`gc.freeze`): they live as long as the
    process, yet each full collection between documents would walk them again, a pause of the
    size of the loaded pipeline that cost a short document more than a tenth of its time.
    """
    nlp = build_nlp()
    gc.freeze()
    return nlp
