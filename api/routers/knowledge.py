"""Corpus knowledge: indicator concepts and their series by year, term timelines, citations across documents.

Rows come straight from the store (:mod:`analyser.corpus.store.knowledge`) as JSON, paged with
``next`` cursors like every list of the API. Reads that are ranges of an index run on the event
loop, the others in a worker thread (:mod:`api.offload`).
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query

from ..deps import StoreDep
from ..offload import run_read
from ..quickroute import ReadRoute
from ..responses import RowsResponse
from ..schemas import ErrorOut
from ._params import DEFAULT_LIMIT, Contains, Cursor, Limit

router = APIRouter(tags=["knowledge"], route_class=ReadRoute)

_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut, "description": "no such indicator concept"}}


#: citing documents listed in one page of citations at most, for the page to be read on the event loop
INLINE_CITATION_ROWS = 5000


@router.get("/indicators", response_class=RowsResponse)
async def indicators(store: StoreDep, q: Contains = None, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> Any:
    """Indicator concepts across the corpus: ``{id, label, aliases, quantities, documents}``, most used first.

    ``q`` matches the id, label or an alias (either script).
    """
    # one row per concept used: a few hundred at most, whatever the corpus
    return RowsResponse(await run_read(store.indicators, q=q or None, cursor=cursor, limit=limit, inline=True))


@router.get("/indicators/{concept}/series", responses=_NOT_FOUND, response_class=RowsResponse)
async def indicator_series(
    store: StoreDep,
    concept: Annotated[str, Path(max_length=100, description="the concept id (gdp_growth, urban_new_jobs, ...)")],
    modality: Annotated[Literal["target", "actual"] | None, Query(description="target or actual")] = None,
    place: Annotated[str | None, Query(max_length=200, description="part of the place name")] = None,
    year_from: Annotated[int | None, Query(alias="from", ge=1, le=9999, description="first year of the value")] = None,
    year_to: Annotated[int | None, Query(alias="to", ge=1, le=9999, description="last year of the value")] = None,
    issuer: Annotated[str | None, Query(max_length=200, description="part of the document's issuer")] = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Any:
    """The concept's quantities, oldest value first: ``{document: {id, title, published, issuer, source},
    year, place, value, lower, upper, unit, qualifier, modality, binding, indicator, text, start, end, sentence}``.

    ``year`` is the year the value refers to (a 2019 report's 去年 figure: 2018).
    """
    # a range of the concept's index; a place or issuer is matched row by row along it (not bounded)
    page = await run_read(
        store.indicator_series, concept, modality=modality, place=place or None, year_from=year_from,
        year_to=year_to, issuer=issuer or None, cursor=cursor, limit=limit, inline=not (place or issuer),
    )  # fmt: skip
    return RowsResponse(page)


@router.get("/terms/timeline", response_class=RowsResponse)
async def term_timeline(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="any term (either script)")],
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Any:
    """Any term across the corpus, counted over the stored texts in both scripts, oldest document first:
    ``{term, n_documents, n_occurrences, first, documents: [{id, title, published, issuer, source, count,
    first_start}], next}``."""
    # a term of the term index (or counted before) is a range of an index; another is counted over the texts
    inline = store.term_is_counted(q)
    return RowsResponse(await run_read(store.term_timeline, q, cursor=cursor, limit=limit, inline=inline))


@router.get("/citations", response_class=RowsResponse)
async def citations(
    store: StoreDep,
    q: Contains = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
    documents: Annotated[int, Query(ge=1, le=500, description="citing documents listed per cited document")] = 20,
) -> Any:
    """Cited documents across the corpus, most citing documents first: ``{title, normalized, doc_type,
    doc_number, count, n_documents, documents: [{id, title, published, source, count}]}``; the citing
    documents oldest first, at most ``documents`` of them (``n_documents`` counts them all)."""
    page = await run_read(
        store.cited_documents, q=q or None, cursor=cursor, limit=limit, per_citation=documents,
        inline=limit * documents <= INLINE_CITATION_ROWS,  # a range of the ranking, one of each title's documents
    )  # fmt: skip
    return RowsResponse(page)
