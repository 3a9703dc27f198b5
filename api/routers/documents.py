"""Documents: list and filter, read one analysis or one of its fact lists, analyse and store."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from fastapi.concurrency import run_in_threadpool

from analyser.corpus.store.cursor import encode_cursor, offset_of
from analyser.facts import FACT_KINDS
from analyser.facts import Analysis as FactAnalysis

from ..deps import GraphCacheDep, RunnerDep, StoreDep, WriterDep, WriteStoreDep
from ..schemas import Analysis, DocumentRequest, DocumentSummary, ErrorOut, FactKind, Page, StoredDocument
from ._params import DEFAULT_LIMIT, Cursor, Limit
from .analyse import run_analysis

router = APIRouter(prefix="/documents", tags=["documents"])

DocId = Annotated[str, Path(min_length=1, max_length=200, description="the document id")]
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut, "description": "no such document"}}
_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    200: {"model": StoredDocument, "description": "the document was already stored (same text, same id)"},
    401: {"model": ErrorOut, "description": "missing or wrong bearer token"},
    403: {"model": ErrorOut, "description": "the API is read-only (no write token configured)"},
    413: {"model": ErrorOut, "description": "body larger than the configured limit"},
    503: {"model": ErrorOut, "description": "the analyser is busy"},
    504: {"model": ErrorOut, "description": "the analysis took too long"},
}


@router.get("", response_model=Page[DocumentSummary])
def list_documents(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=200, description="text the document contains (either script)")] = None,
    issuer: Annotated[str | None, Query(max_length=200, description="part of the issuer's name")] = None,
    year: Annotated[int | None, Query(ge=1, le=9999, description="year of publication")] = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """Documents in the order they were stored: id, title, issuer, published, script, chars, counts."""
    return store.list_documents(q=q or None, issuer=issuer or None, year=year, cursor=cursor, limit=limit)


def summary(analysis: FactAnalysis, *, source: str | None = None) -> dict[str, Any]:
    """The list entry of an analysis (as ``GET /documents`` gives it)."""
    d = analysis.document

    def text(span: Any) -> str | None:
        return None if span is None else span.text

    return {
        "id": d.id,
        "source": source if source is not None else d.source,
        "title": text(d.title),
        "issuer": text(d.issuer),
        "published": d.published,
        "script": d.script,
        "chars": d.chars,
        "encoding": d.encoding,
        "format": d.format,
        "doc_number": text(d.doc_number),
        "counts": {kind: len(getattr(analysis, kind)) for kind in FACT_KINDS},
    }


@router.post("", response_model=StoredDocument, status_code=201, responses=_WRITE_ERRORS)
async def add_document(
    body: DocumentRequest,
    _writer: WriterDep,
    store: WriteStoreDep,
    runner: RunnerDep,
    graph: GraphCacheDep,
    response: Response,
) -> dict[str, Any]:
    """Analyse ``text`` (or ``html``) and store it: 201 when added, 200 when already stored.

    Needs ``Authorization: Bearer <token>`` with the configured write token (401 without or
    with a wrong one); without a configured token the API is read-only and this answers 403.
    """
    analysis = await run_analysis(runner, body, body.source)
    facts = FactAnalysis.from_dict(analysis)  # the runner answers JSON; the store takes typed facts
    created = await run_in_threadpool(store.add_analysis, facts, source=body.source)
    if created:
        graph.invalidate()
    else:
        response.status_code = 200
    return {"ok": True, "id": facts.document.id, "created": created, "document": summary(facts, source=body.source)}


@router.get("/{doc_id}", response_model=Analysis, response_model_exclude_unset=True, responses=_NOT_FOUND)
def get_document(
    doc_id: DocId,
    store: StoreDep,
    text: Annotated[bool, Query(description="add the decoded text as document.text")] = False,
) -> dict[str, Any]:
    """The stored analysis of a document (without tokens; ``?text=true`` adds its text)."""
    return store.get_document(doc_id, text=text)


@router.get("/{doc_id}/{kind}", response_model=Page[dict[str, Any]], responses=_NOT_FOUND)
def get_facts(
    doc_id: DocId,
    kind: Annotated[FactKind, Path(description="which fact list")],
    store: StoreDep,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """One fact list of a document, in text order (``outline``: the top-level nodes with their subtrees)."""
    facts = store.facts(kind, doc_id)
    offset = offset_of(cursor)
    items = facts[offset : offset + limit]
    nxt = encode_cursor([offset + limit]) if offset + limit < len(facts) else None
    return {"items": items, "next": nxt}
