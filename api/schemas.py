"""Request and response models of the HTTP API (the shapes of ../CONTRACT.md's "HTTP API").

These are separate from :mod:`analyser.facts`: they describe JSON on the wire, validate request
bodies and document the responses in OpenAPI. Response models allow extra keys, so the store
can add columns without breaking clients.
"""
from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "AnalyseRequest",
    "DocumentRequest",
    "ErrorOut",
    "Page",
    "Health",
    "Span",
    "Analysis",
    "DocumentSummary",
    "StoredDocument",
    "QuantityRow",
    "SloganGroup",
    "TimelineEntry",
    "SearchHit",
    "IssuerCount",
    "GraphNode",
    "GraphEdge",
    "Neighbourhood",
    "GraphStats",
    "FACT_KINDS",
    "FactKind",
]

T = TypeVar("T")

FactKind = Literal["outline", "quantities", "dates", "slogans", "citations", "entities"]
FACT_KINDS: tuple[str, ...] = ("outline", "quantities", "dates", "slogans", "citations", "entities")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# -- requests -----------------------------------------------------------------------------------
class AnalyseRequest(BaseModel):
    """A document to analyse: exactly one of ``text`` or ``html``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"text": "国务院关于做好2024年就业工作的通知\n坚持“稳就业”。"}],
            "oneOf": [{"required": ["text"]}, {"required": ["html"]}],
        },
    )

    # typed ``str`` (not nullable) with a ``None`` default: absent is allowed, null is not
    text: str = Field(None, min_length=1, description="plain text (offsets point into it)")  # type: ignore[assignment]
    html: str = Field(None, min_length=1, description="a web page; the text is extracted from it")  # type: ignore[assignment]

    @model_validator(mode="after")
    def _one_input(self) -> AnalyseRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        return self


class DocumentRequest(AnalyseRequest):
    """A document to analyse and store; ``source`` names where it came from."""

    source: str | None = Field(None, max_length=2000, description="path, URL or name of the document")


# -- responses ----------------------------------------------------------------------------------
class ErrorOut(BaseModel):
    """The error envelope."""

    ok: Literal[False] = False
    status: int
    error: str
    errors: list[dict[str, Any]] | None = None


class Page(BaseModel, Generic[T]):
    """One page of a list; pass ``next`` as ``?cursor=`` for the following page (null: the end)."""

    items: list[T]
    next: str | None


class Health(_Open):
    ok: bool
    documents: int
    writable: bool = False
    pipeline_loaded: bool = False


class Span(_Open):
    text: str
    start: int
    end: int


class Body(_Open):
    start: int
    end: int


class DecodeErrors(_Open):
    """How the bytes failed to decode cleanly (only present when they did)."""

    count: int
    first_offsets: list[int] = []
    lines: dict[str, int] = {}


class DocumentInfo(_Open):
    id: str
    source: str | None = None
    encoding: str | None = None
    format: str | None = None
    script: str | None = None
    chars: int | None = None
    title: Span | None = None
    issuer: Span | None = None
    published: str | None = None
    doc_number: Span | None = None
    body: Body | None = None
    text: str | None = None
    decode_errors: DecodeErrors | None = None


class OutlineNode(_Open):
    kind: str
    level: int | None = None
    marker: Span | None = None
    number: int | None = None
    heading: Span | None = None
    start: int
    end: int
    children: list[OutlineNode] = []


class Quantity(Span):
    value: int | float | None = None
    unit: str | None = None
    qualifier: str | None = None
    lower: int | float | None = None
    upper: int | float | None = None
    indicator: Span | None = None
    time: str | None = None
    place: str | None = None


class DateFact(Span):
    value: str | None = None
    kind: str | None = None


class Slogan(Span):
    kind: str | None = None
    parts: list[Span] = []
    members: list[Span] = []
    normalized: str | None = None


class Citation(Span):
    title: str | None = None
    normalized: str | None = None
    doc_type: str | None = None
    doc_number: str | None = None


class Entity(Span):
    label: str | None = None
    normalized: str | None = None
    parents: list[str] = []


class Analysis(_Open):
    """The analysis JSON (``policy-analyser/analysis@1``)."""

    schema_: str | None = Field(None, alias="schema")
    document: DocumentInfo
    outline: list[OutlineNode] = []
    quantities: list[Quantity] = []
    dates: list[DateFact] = []
    slogans: list[Slogan] = []
    citations: list[Citation] = []
    entities: list[Entity] = []

    model_config = ConfigDict(extra="allow", populate_by_name=True, serialize_by_alias=True)


class DocumentSummary(_Open):
    id: str
    source: str | None = None
    title: str | None = None
    issuer: str | None = None
    published: str | None = None
    script: str | None = None
    chars: int | None = None
    encoding: str | None = None
    format: str | None = None
    doc_number: str | None = None
    counts: dict[str, int] = {}


class StoredDocument(_Open):
    """The answer to ``POST /documents``."""

    ok: bool
    id: str
    created: bool
    document: DocumentSummary | None = None


class QuantityRow(_Open):
    document: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    n: int
    text: str | None = None
    start: int | None = None
    end: int | None = None
    value: int | float | None = None
    unit: str | None = None
    qualifier: str | None = None
    lower: int | float | None = None
    upper: int | float | None = None
    indicator: str | None = None
    time: str | None = None
    year: int | None = None
    place: str | None = None
    sentence: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None


class Variant(_Open):
    text: str | None = None
    count: int


class SloganGroup(_Open):
    normalized: str | None = None
    count: int
    n_documents: int | None = None
    first: str | None = None
    last: str | None = None
    family: str | None = None
    documents: list[str] = []
    variants: list[Variant] = []


class TimelineEntry(_Open):
    document: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    count: int
    first: int | None = None
    variants: list[str] = []
    sentence: str | None = None


class SearchHit(_Open):
    document: str
    title: str | None = None
    source: str | None = None
    start: int
    end: int
    left: str
    match: str
    right: str


class IssuerCount(_Open):
    issuer: str | None = None
    documents: int


class GraphNode(_Open):
    id: str
    type: str | None = None
    label: str | None = None


class GraphEdge(_Open):
    source: str
    target: str
    rel: str


class Neighbourhood(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = False


class GraphStats(BaseModel):
    nodes: dict[str, int]
    edges: dict[str, int]
