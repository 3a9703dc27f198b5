"""Read routes that parse their parameters in one pass answer exactly as the framework's own resolution does."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from api_fixtures import *
from api_reads import read_urls, reports_client  # noqa: F401 - a fixture
from pydantic import BaseModel

from api.deps import get_runner
from api.quickroute import ReadPlan, ReadRoute

#: requests the one pass hands to the framework: a parameter missing, malformed or out of range
INVALID = [
    "/quantities?limit=0", "/quantities?limit=abc", "/quantities?year=x", "/quantities?min=nan", "/quantities?limit=501",
    "/indicators/gdp_growth/series?modality=guess", "/indicators/gdp_growth/series?from=0", "/indicators?q=" + "x" * 201,
    "/terms/timeline", "/terms/timeline?q=", "/citations?documents=0", "/citations?cursor=" + "c" * 2001,
    "/graph/nodes/doc:x/neighbors?depth=4", "/graph/nodes/doc:x/neighbors?type=Not-A-Type", "/graph/nodes/doc:x/neighbors?limit=2001",
]  # fmt: skip
#: valid requests with repeated, empty or unknown parameters
ODD = [
    "/quantities?limit=3&limit=2", "/quantities?unit=&year=2018", "/quantities?unknown=1&limit=1",
    "/indicators/gdp_growth/series?from=2018&to=2019&limit=1", "/citations?q=" + quote("決定") + "&documents=2",
    "/terms/timeline?q=" + quote("精準扶貧") + "&limit=1",
]  # fmt: skip


def framework_way(client):
    """The client's app with a dependency override, which sends every request through the framework's resolution."""
    client.app.dependency_overrides[get_runner] = get_runner
    return client


class Item(BaseModel):
    """A request body (a route with one is left to the framework)."""

    n: int


@pytest.fixture
def counted(monkeypatch):
    """How many requests the one pass answered."""
    calls = []
    real = ReadPlan.call

    async def call(self, endpoint, request, values):
        calls.append(request.url.path)
        return await real(self, endpoint, request, values)

    monkeypatch.setattr(ReadPlan, "call", call)
    return calls


def test_the_fact_list_routes_have_a_plan():
    from api.routers import corpus, graph, knowledge

    routes = [r for m in (corpus, graph, knowledge) for r in m.router.routes]
    planned = {r.path for r in routes if isinstance(r, ReadRoute) and r.plan is not None}
    assert {"/quantities", "/indicators", "/indicators/{concept}/series", "/terms/timeline", "/citations",
            "/graph/nodes/{node_id:path}/neighbors"} <= planned  # fmt: skip


def test_answers_are_the_frameworks_byte_for_byte(reports_client, client, counted):  # noqa: F811
    for c in (reports_client, client):
        urls = read_urls(c) + INVALID + ODD
        quick = [(u, c.get(u)) for u in urls]
        assert len(counted) >= len(urls) - len(INVALID) - 3  # the error answers of read_urls go the framework's way
        try:
            slow = [(u, framework_way(c).get(u)) for u in urls]
        finally:
            c.app.dependency_overrides.clear()
        for (url, a), (_, b) in zip(quick, slow):
            assert (a.status_code, a.headers["content-type"], a.content) == (b.status_code, b.headers["content-type"], b.content), url
        counted.clear()


def test_invalid_parameters_get_the_422_envelope(client):
    for url in INVALID:
        r = client.get(url)
        assert r.status_code == 422, url
        body = r.json()
        assert body["ok"] is False and body["status"] == 422 and body["errors"], url


def test_a_route_with_a_body_or_a_sync_endpoint_has_no_plan():
    from fastapi import APIRouter

    from api.responses import RowsResponse

    router = APIRouter(route_class=ReadRoute)

    @router.post("/body", response_class=RowsResponse)
    async def with_body(item: Item) -> RowsResponse:
        return RowsResponse(item.n)

    @router.get("/sync", response_class=RowsResponse)
    def sync(n: int = 1) -> RowsResponse:
        return RowsResponse(n)

    @router.get("/model")
    async def model(n: int = 1) -> dict:
        return {"n": n}

    assert [r.plan for r in router.routes] == [None, None, None]


def test_dependencies_the_plan_does_not_resolve_leave_the_route_to_the_framework():
    from collections.abc import AsyncIterator

    from fastapi import APIRouter, Depends

    from api.responses import RowsResponse

    async def held_for_the_response() -> AsyncIterator[int]:  # scope "request" by default
        yield 1

    def in_a_thread() -> int:
        return 2

    async def a_guard() -> None:
        return None

    router = APIRouter(route_class=ReadRoute)

    @router.get("/held", response_class=RowsResponse)
    async def held(v: int = Depends(held_for_the_response)) -> RowsResponse:
        return RowsResponse(v)

    @router.get("/thread", response_class=RowsResponse)
    async def thread(v: int = Depends(in_a_thread)) -> RowsResponse:
        return RowsResponse(v)

    @router.get("/guarded", response_class=RowsResponse, dependencies=[Depends(a_guard)])
    async def guarded() -> RowsResponse:
        return RowsResponse(3)

    @router.get("/uncached", response_class=RowsResponse)
    async def uncached(v: None = Depends(a_guard, use_cache=False)) -> RowsResponse:
        return RowsResponse(4)

    assert [r.plan for r in router.routes] == [None, None, None, None]
