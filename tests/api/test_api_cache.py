"""The response cache: repeated reads answered from memory, never stale after a write, bounded."""
from __future__ import annotations

import asyncio
import dataclasses
from types import SimpleNamespace

import pytest
from api_fixtures import *  # noqa: F403
from api_fixtures import TOKEN
from fastapi.testclient import TestClient

from analyser.corpus.store import Store
from api.main import create_app
from api.respcache import ResponseCache
from api.settings import Settings

READS = ["/quantities?unit=元", "/slogans?limit=2", "/slogans/timeline?normalized=稳就业", "/search?q=就业", "/issuers"]


@pytest.mark.parametrize("url", READS)
def test_a_repeated_read_is_served_from_the_cache(client, url):
    first = client.get(url)
    again = client.get(url)
    assert first.status_code == again.status_code == 200
    assert again.headers["x-cache"] == "hit" and again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"]


def test_other_parameters_are_other_entries(client):
    one = client.get("/quantities", params={"limit": 1, "unit": "人"})
    two = client.get("/quantities", params={"limit": 2, "unit": "人"})
    assert two.headers["x-cache"] == "miss" and len(two.json()["items"]) > len(one.json()["items"])


@pytest.mark.parametrize("url", ["/graph/nodes/doc:nope", "/quantities?limit=0", "/health"])
def test_errors_and_other_paths_are_not_kept(client, url):
    client.get(url)
    assert client.get(url).headers.get("x-cache") != "hit"


def test_a_write_through_the_api_is_seen_at_once(writer):
    before = writer.get("/slogans", params={"q": "乡村振兴"}).json()["items"]
    assert writer.get("/slogans", params={"q": "乡村振兴"}).headers["x-cache"] == "hit"
    text = "关于推进乡村振兴的意见\n坚持“乡村振兴”，安排资金50亿元。"
    r = writer.post("/documents", json={"text": text}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    after = writer.get("/slogans", params={"q": "乡村振兴"}).json()["items"]
    assert sum(g["count"] for g in after) == sum(g["count"] for g in before) + 1


def test_a_write_by_another_process_is_seen_after_the_check_interval(store_copy, analyses):
    app = create_app(Settings(db=str(store_copy), warm_graph=False, version_check_interval=0))
    with TestClient(app) as client:
        before = client.get("/documents").json()["items"]
        with Store(store_copy) as other:
            first = next(iter(analyses.values()))
            extra = dataclasses.replace(first, document=dataclasses.replace(first.document, id="another-document"))
            assert other.add_analysis(extra)
        after = client.get("/documents").json()["items"]
        assert len(after) == len(before) + 1


def test_the_cache_is_off_with_no_memory(store_path):
    app = create_app(Settings(db=str(store_path), warm_graph=False, response_cache_mb=0))
    with TestClient(app) as client:
        client.get("/issuers")
        assert "x-cache" not in client.get("/issuers").headers


def test_memory_stays_bounded_least_recently_used_dropped_first():
    async def app(scope, receive, send):
        body = b"x" * int(scope["query_string"] or b"1")
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": body})

    holder = SimpleNamespace(state=SimpleNamespace(store=SimpleNamespace(version=lambda: (1, 1))))
    cache = ResponseCache(app, max_bytes=250, max_item=200)

    async def get(size: int) -> bytes:
        scope = {"type": "http", "method": "GET", "path": f"/documents/{size}", "query_string": str(size).encode(), "app": holder}
        sent = []

        async def send(message):
            sent.append(message)

        await cache(scope, None, send)
        return dict(sent[0]["headers"])[b"x-cache"]

    async def run() -> None:
        for size in (100, 101, 102):
            assert await get(size) == b"miss"
        assert cache.size <= 250 and len(cache) == 2
        assert await get(102) == b"hit" and await get(100) == b"miss"  # 100 was the oldest
        assert await get(300) == b"miss" and await get(300) == b"miss"  # too large to keep

    asyncio.run(run())
