"""Queries across documents: quantities, formulations and their timelines, full-text search, issuers."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ..deps import StoreDep
from ..offload import run_read
from ..quickroute import ReadRoute
from ..responses import RowsResponse
from ..schemas import IssuerCount, Page, QuantityRow, SearchHit, SloganGroup, TimelineEntry
from ..unitfilter import base_unit
from ._params import DEFAULT_LIMIT, Contains, Cursor, Limit

router = APIRouter(tags=["corpus"], route_class=ReadRoute)


@router.get("/quantities", response_model=Page[QuantityRow], response_class=RowsResponse)
async def list_quantities(
    store: StoreDep,
    indicator: Annotated[str | None, Query(max_length=200, description="part of the indicator (either script)")] = None,
    unit: Annotated[
        str | None,
        Query(
            max_length=50,
            description="the unit (元, 人, %, 平方米 ...); a unit printed with a magnitude (万元, 亿元, 万人, 万吨 ...) "
            "is read as its base unit, and `min`/`max` are then in the printed unit",
        ),
    ] = None,
    place: Annotated[str | None, Query(max_length=200, description="part of the place name")] = None,
    year: Annotated[int | None, Query(ge=1, le=9999, description="the year the quantity refers to")] = None,
    min: Annotated[float | None, Query(allow_inf_nan=False, description="smallest value (in `unit` when given)")] = None,  # noqa: A002
    max: Annotated[float | None, Query(allow_inf_nan=False, description="largest value (in `unit` when given)")] = None,  # noqa: A002
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Any:
    """Quantities across documents, each with its ``document`` id and ``sentence``.

    Values are stored in base units (800亿元 is `value` 80000000000, `unit` 元): `unit=亿元&min=500`
    asks for 元 from 50,000,000,000 on. Rows always answer in the base unit.
    """
    if unit:
        unit, factor = base_unit(unit)
        min, max = (None if v is None else v * factor for v in (min, max))  # noqa: A001
    # no filter, or one of unit, year and range: a page fills from the first documents or from a small
    # index range; names matched in part, or filters combined, may walk the corpus (then a thread)
    ranged = min is not None or max is not None
    bounded = not (indicator or place) and bool(unit) + (year is not None) + ranged <= 1
    page = await run_read(
        store.list_quantities, indicator=indicator or None, unit=unit or None, place=place or None, year=year,
        min=min, max=max, cursor=cursor, limit=limit, inline=bounded,
    )  # fmt: skip
    return RowsResponse(page)  # rows straight from the store: skip re-validating them


@router.get("/slogans", response_model=Page[SloganGroup])
def list_slogans(
    store: StoreDep, q: Contains = None, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT
) -> dict[str, Any]:
    """Formulations grouped by ``normalized``, most mentioned first: count, documents, first and last date, variants.

    ``q`` keeps formulations whose normalized form contains it.
    """
    return store.slogans(q=q or None, cursor=cursor, limit=limit)


@router.get("/slogans/timeline", response_model=Page[TimelineEntry])
def timeline(
    store: StoreDep,
    normalized: Annotated[str, Query(min_length=1, max_length=200, description="the formulation's key")],
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """One formulation across documents, oldest first: mentions, variants and first sentence per document."""
    return store.slogan_timeline(normalized, cursor=cursor, limit=limit)


@router.get("/search", response_model=Page[SearchHit])
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="words to find (either script)")],
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """Keyword-in-context hits of ``q`` with document id and offsets into its text.

    Several space-separated words must all occur in a document; hits of each are listed.
    """
    return store.search(q, cursor=cursor, limit=limit)


@router.get("/issuers", response_model=Page[IssuerCount])
def issuers(store: StoreDep) -> dict[str, Any]:
    """Issuers with their number of documents, most first (one page: ``next`` is always null)."""
    return {"items": store.issuers(), "next": None}
