"""spaCy components: thin wrappers that run one extractor each and store its facts.

Each component reads the document's :class:`~analyser.text.document.DocumentText` (built once, after
the page component has found the body and the publication date), calls a plain extractor
function, keeps the frozen facts on the ``Doc`` (:func:`analyser.nlp.keys.set_facts`) and writes
spaCy spans to ``doc.spans[kind]`` (snapped to token boundaries), so displaCy can render them.

The factories are registered with spaCy by the package's ``spacy_factories`` entry points (see
``pyproject.toml``); importing this module registers them too.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from analyser.extract.citations import extract_citations
from analyser.extract.dates import extract_dates
from analyser.extract.entities import extract_entities
from analyser.extract.outline import extract_outline
from analyser.extract.quantities import extract_quantities
from analyser.extract.slogans import extract_slogans
from analyser.reading.page import find_page_info

from .keys import PAGE_KEY, PUBLISHED_KEY, SOURCE_KEY, doc_text, doc_view, get_facts, get_source, set_facts

__all__ = [
    "PageComponent", "FactComponent", "OutlineComponent",
    "make_page", "make_outline", "make_dates", "make_entities", "make_citations", "make_slogans",
    "make_quantities",
]


def _write_spans(doc: Doc, kind: str, facts: Iterable, label: Callable[[object], str]) -> None:
    if not len(doc):  # a Doc without spaCy tokens (see analyser.nlp.chunks.make_doc): no span to snap to
        doc.spans[kind] = []
        return
    spans = []
    for f in facts:
        span = doc.char_span(f.start, f.end, label=label(f), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[kind] = sorted(spans, key=lambda s: s.start_char)


class PageComponent:
    """Finds the page metadata (body, title, issuer, date, number) from the text and its view.

    A date given from outside (``doc.user_data[PUBLISHED_KEY]``, from a corpus sidecar) is the
    document's date, so relative years (今年, 去年) resolve against it.
    """

    def __call__(self, doc: Doc) -> Doc:
        page = find_page_info(doc_text(doc), doc_view(doc))
        known = doc.user_data.get(PUBLISHED_KEY)
        if known:
            page = replace(page, published=known)
        doc.user_data[PAGE_KEY] = page
        doc.user_data.pop(SOURCE_KEY, None)
        return doc


class FactComponent:
    """Runs ``extract(src, **inputs)``; ``inputs`` maps keyword names to earlier fact kinds."""

    def __init__(self, kind: str, extract: Callable, inputs: dict[str, str] | None = None) -> None:
        self.kind = kind
        self.extract = extract
        self.inputs = inputs or {}

    def __call__(self, doc: Doc) -> Doc:
        src = get_source(doc)
        kwargs = {arg: tuple(get_facts(doc, kind)) for arg, kind in self.inputs.items()}
        facts = sorted(self.extract(src, **kwargs), key=lambda f: (f.start, f.end))
        set_facts(doc, self.kind, facts)
        _write_spans(doc, self.kind, facts, lambda f: str(getattr(f, "label", None) or getattr(f, "kind", None) or self.kind))
        return doc


class OutlineComponent:
    """The outline tree; its spans are the markers of every node."""

    def __call__(self, doc: Doc) -> Doc:
        nodes = list(extract_outline(get_source(doc)))
        set_facts(doc, "outline", nodes)
        markers, stack = [], list(nodes)
        while stack:
            node = stack.pop()
            markers.append(node.marker)
            stack.extend(node.children)
        _write_spans(doc, "outline", markers, lambda m: "marker")
        return doc


@Language.factory("policy_page", assigns=["doc.user_data"])
def make_page(nlp: Language, name: str) -> PageComponent:
    """Finds the article body, title, issuer, publication date and document number."""
    return PageComponent()


@Language.factory("policy_outline", assigns=["doc.spans"])
def make_outline(nlp: Language, name: str) -> OutlineComponent:
    """Sections, points and items (the outline tree; spans are the markers of its nodes)."""
    return OutlineComponent()


@Language.factory("policy_dates", assigns=["doc.spans"])
def make_dates(nlp: Language, name: str) -> FactComponent:
    """Dates, years, plan periods and relative periods."""
    return FactComponent("dates", extract_dates)


@Language.factory("policy_entities", assigns=["doc.spans"])
def make_entities(nlp: Language, name: str) -> FactComponent:
    """People, organisations and places (with their administrative parents)."""
    return FactComponent("entities", extract_entities)


@Language.factory("policy_citations", assigns=["doc.spans"])
def make_citations(nlp: Language, name: str) -> FactComponent:
    """Cited documents: 《…》 titles and document numbers."""
    return FactComponent("citations", extract_citations)


@Language.factory("policy_slogans", assigns=["doc.spans"])
def make_slogans(nlp: Language, name: str) -> FactComponent:
    """Official formulations (提法): quoted, parallel and numbered."""
    return FactComponent("slogans", extract_slogans)


@Language.factory("policy_quantities", assigns=["doc.spans"])
def make_quantities(nlp: Language, name: str) -> FactComponent:
    """Quantities with unit, qualifier, indicator, time and place."""
    return FactComponent("quantities", extract_quantities, {"dates": "dates", "entities": "entities"})
