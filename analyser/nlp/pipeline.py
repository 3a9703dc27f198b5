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
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import NORM
from spacy.tokens import Doc
from spacy.util import registry

from analyser.facts import Token
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
_SENT_END = set("。！？；")
#: Upper bound on a document's length in characters (the reader refuses larger files first).
MAX_CHARS = 20_000_000


class SpacyPolicyTokenizer:
    """spaCy tokenizer over :class:`~analyser.text.segment.PolicyTokenizer`; keeps the original text."""

    def __init__(self, vocab, tokenizer: PolicyTokenizer | None = None) -> None:
        self.vocab = vocab
        self.tokenizer = tokenizer or get_tokenizer()

    def __call__(self, text: str) -> Doc:
        view = simplified_view(text)
        tag = self.tokenizer.tag
        words, norms, tags, sent_starts, tokens = [], [], [], [], []
        boundary = True
        for w, a, b in self.tokenizer.iter_words(view):
            surface = text[a:b]
            if surface == w:
                w = surface  # one string for both (Simplified text)
            words.append(surface)
            norms.append(w)
            if w.isspace():
                tags.append("x")
                sent_starts.append(False if not boundary else None)
                boundary = boundary or "\n" in w
                continue
            t = tag(w)
            tags.append(t)
            tokens.append(Token(a, b, surface, w, t))
            sent_starts.append(True if boundary else False)
            boundary = w in _SENT_END
        if sent_starts:
            sent_starts[0] = True
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words), tags=tags, sent_starts=sent_starts)
        del words, tags, sent_starts
        add = self.vocab.strings.add
        doc.from_array([NORM], numpy.fromiter(map(add, norms), dtype=numpy.uint64, count=len(norms)).reshape(-1, 1))
        doc.user_data[TEXT_KEY] = text
        doc.user_data[VIEW_KEY] = view
        doc.user_data[TOKENS_KEY] = tuple(tokens)
        return doc

    def to_disk(self, path, **kwargs) -> None:  # the vocabulary ships with the package
        return None

    def from_disk(self, path, **kwargs):
        return self

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs):
        return self


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
    for name in components:
        nlp.add_pipe(name)
    return nlp


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
    """The process-wide pipeline, built once on first use."""
    return build_nlp()
