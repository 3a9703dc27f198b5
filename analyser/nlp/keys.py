"""Where the pipeline keeps its results on a spaCy ``Doc``, and the helpers that read them.

The tokenizer stores the original text (``Doc.text`` would rebuild it from the tokens on every
read), the Simplified view and the token facts; the page component the page
metadata; each fact component one list of frozen facts. Everything that reads a ``Doc`` goes
through the helpers here, so no module needs the pipeline to find its inputs.
"""
from __future__ import annotations

from spacy.tokens import Doc

from analyser.facts import Token
from analyser.text.document import DocumentText
from analyser.text.normalize import simplified_view

__all__ = [
    "TEXT_KEY", "VIEW_KEY", "TOKENS_KEY", "PAGE_KEY", "FACTS_KEY", "SOURCE_KEY", "PUBLISHED_KEY",
    "doc_text", "doc_view", "doc_tokens", "get_source", "get_facts", "set_facts",
]

TEXT_KEY = "policy.text"

VIEW_KEY = "policy.view"
TOKENS_KEY = "policy.tokens"
PAGE_KEY = "policy.page"
FACTS_KEY = "policy.facts"
SOURCE_KEY = "policy.source"
#: a publication date known from outside the text (a corpus sidecar); it wins over the page's own
PUBLISHED_KEY = "policy.published"


def doc_text(doc: Doc) -> str:
    """``doc.text``, as the tokenizer kept it (spaCy joins the tokens again on each ``doc.text``)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def doc_view(doc: Doc) -> str:
    """The Simplified view of ``doc.text`` (as long as it), made by the tokenizer."""
    view = doc.user_data.get(VIEW_KEY)
    if view is None:
        view = doc.user_data[VIEW_KEY] = simplified_view(doc_text(doc))
    return view


def doc_tokens(doc: Doc) -> tuple[Token, ...]:
    """The non-space tokens of ``doc`` as :class:`~analyser.facts.Token` facts."""
    tokens = doc.user_data.get(TOKENS_KEY)
    if tokens is None:
        tokens = tuple(
            Token(t.idx, t.idx + len(t.text), t.text, t.norm_, t.tag_) for t in doc if not t.is_space
        )
    return tokens


def get_source(doc: Doc) -> DocumentText:
    """The :class:`DocumentText` of ``doc`` (built on first use, with the page's body and date)."""
    src = doc.user_data.get(SOURCE_KEY)
    if src is None:
        page = doc.user_data.get(PAGE_KEY)
        src = DocumentText(
            text=doc_text(doc),
            view=doc_view(doc),
            body=page.body if page is not None else (0, len(doc_text(doc))),
            published=page.published if page is not None else None,
            tokens=doc_tokens(doc),
        )
        doc.user_data[SOURCE_KEY] = src
    return src


def get_facts(doc: Doc, kind: str) -> list:
    """The facts of one kind that the pipeline stored on ``doc``."""
    return doc.user_data.get(FACTS_KEY, {}).get(kind, [])


def set_facts(doc: Doc, kind: str, facts: list) -> None:
    """Keep the facts of one kind on ``doc``."""
    doc.user_data.setdefault(FACTS_KEY, {})[kind] = facts
