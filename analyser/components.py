"""spaCy components: thin wrappers that run one extractor each and store its facts.

Each component reads the document's :class:`~analyser.source.SourceText` (built once, after the
page component has found the body and the publication date), calls a plain extractor function,
keeps the frozen facts in ``doc.user_data["policy.facts"][kind]`` and writes spaCy spans to
``doc.spans[kind]`` (snapped to token boundaries), so displaCy can render them.
"""
from __future__ import annotations

import importlib
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from .facts import Token
from .normalize import simplified_view
from .source import SourceText

__all__ = ["get_source", "get_facts", "FACTS_KEY", "PAGE_KEY", "SOURCE_KEY"]

FACTS_KEY = "policy.facts"
PAGE_KEY = "policy.page"
SOURCE_KEY = "policy.source"


def doc_tokens(doc: Doc) -> tuple[Token, ...]:
    """The non-space tokens of ``doc`` as :class:`~analyser.facts.Token` facts."""
    from .pipeline import TOKENS_KEY

    tokens = doc.user_data.get(TOKENS_KEY)
    if tokens is not None:
        return tokens
    return tuple(
        Token(t.idx, t.idx + len(t.text), t.text, t.norm_, t.tag_) for t in doc if not t.is_space
    )


def get_source(doc: Doc) -> SourceText:
    """The :class:`SourceText` of ``doc`` (built on first use, with the page's body and date)."""
    src = doc.user_data.get(SOURCE_KEY)
    if src is None:
        from .pipeline import VIEW_KEY

        view = doc.user_data.get(VIEW_KEY) or simplified_view(doc.text)
        page = doc.user_data.get(PAGE_KEY)
        src = SourceText(
            text=doc.text,
            view=view,
            body=page.body if page is not None else (0, len(doc.text)),
            published=page.published if page is not None else None,
            tokens=doc_tokens(doc),
        )
        doc.user_data[SOURCE_KEY] = src
    return src


def get_facts(doc: Doc, kind: str) -> list:
    """The facts of one kind that the pipeline stored on ``doc``."""
    return doc.user_data.get(FACTS_KEY, {}).get(kind, [])


def _load(module: str, name: str) -> Callable:
    return getattr(importlib.import_module(f"analyser.{module}"), name)


def _store(doc: Doc, kind: str, facts: list) -> Doc:
    doc.user_data.setdefault(FACTS_KEY, {})[kind] = facts
    spans = []
    for f in facts:
        label = getattr(f, "label", None) or getattr(f, "kind", None) or kind
        span = doc.char_span(f.start, f.end, label=str(label), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[kind] = spans
    return doc


class _PageComponent:
    def __init__(self) -> None:
        self.find = _load("page", "find_page_info")

    def __call__(self, doc: Doc) -> Doc:
        from .pipeline import VIEW_KEY

        view = doc.user_data.get(VIEW_KEY) or simplified_view(doc.text)
        doc.user_data[PAGE_KEY] = self.find(doc.text, view)
        doc.user_data.pop(SOURCE_KEY, None)
        return doc


class _FactComponent:
    """Runs ``extract(src, **inputs)``; ``inputs`` maps keyword names to earlier fact kinds."""

    def __init__(self, kind: str, module: str, func: str, inputs: dict[str, str] | None = None) -> None:
        self.kind = kind
        self.extract = _load(module, func)
        self.inputs = inputs or {}

    def __call__(self, doc: Doc) -> Doc:
        src = get_source(doc)
        kwargs = {arg: tuple(get_facts(doc, kind)) for arg, kind in self.inputs.items()}
        facts = sorted(self.extract(src, **kwargs), key=lambda f: (f.start, f.end))
        return _store(doc, self.kind, facts)


@Language.factory("policy_page", assigns=["doc.user_data"])
def make_page(nlp: Language, name: str):
    """Finds the article body, title, issuer, publication date and document number."""
    return _PageComponent()


@Language.factory("policy_outline", assigns=["doc.spans"])
def make_outline(nlp: Language, name: str):
    """Sections, points and items (the outline tree; spans are the top-level nodes' markers)."""
    return _OutlineComponent()


class _OutlineComponent(_FactComponent):
    def __init__(self) -> None:
        super().__init__("outline", "extract.outline", "extract_outline")

    def __call__(self, doc: Doc) -> Doc:
        nodes = list(self.extract(get_source(doc)))
        doc.user_data.setdefault(FACTS_KEY, {})["outline"] = nodes
        flat = []
        stack = list(nodes)
        while stack:
            node = stack.pop()
            flat.append(node.marker)
            stack.extend(node.children)
        spans = [doc.char_span(m.start, m.end, label="marker", alignment_mode="expand") for m in flat]
        doc.spans["outline"] = sorted((s for s in spans if s is not None), key=lambda s: s.start_char)
        return doc


@Language.factory("policy_dates", assigns=["doc.spans"])
def make_dates(nlp: Language, name: str):
    """Dates, years, plan periods and relative periods."""
    return _FactComponent("dates", "extract.dates", "extract_dates")


@Language.factory("policy_entities", assigns=["doc.spans"])
def make_entities(nlp: Language, name: str):
    """People, organisations and places (with their administrative parents)."""
    return _FactComponent("entities", "extract.entities", "extract_entities")


@Language.factory("policy_citations", assigns=["doc.spans"])
def make_citations(nlp: Language, name: str):
    """Cited documents: 《…》 titles and document numbers."""
    return _FactComponent("citations", "extract.citations", "extract_citations")


@Language.factory("policy_slogans", assigns=["doc.spans"])
def make_slogans(nlp: Language, name: str):
    """Official formulations: quoted, parallel and numbered."""
    return _FactComponent("slogans", "extract.slogans", "extract_slogans")


@Language.factory("policy_quantities", assigns=["doc.spans"])
def make_quantities(nlp: Language, name: str):
    """Quantities with unit, qualifier, indicator, time and place."""
    return _FactComponent(
        "quantities", "extract.quantities", "extract_quantities", {"dates": "dates", "entities": "entities"}
    )
