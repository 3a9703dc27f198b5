"""A request holds its read connection only while its handler runs, so the read pool does not run dry."""
from __future__ import annotations

import asyncio
from urllib.parse import quote

from api_fixtures import *  # noqa: F401,F403 - the shared fixtures

from api.main import create_app
from api.settings import Settings


def test_a_slow_client_does_not_hold_a_read_connection(store_path):
    """Twenty requests whose clients take their responses slowly, one pooled connection: it serves
    them all in turn, and none reads through the main connection (which serialises reads behind a
    long one in a thread: a read on the event loop must never wait for it)."""
    app = create_app(Settings(db=str(store_path), response_cache_mb=0, read_connections=1, warm_graph=False))
    handed: list[bool] = []

    async def get(path: str) -> int:
        status = 0
        p, _, q = path.partition("?")

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            else:
                await asyncio.sleep(0)  # the client is slow: other requests run meanwhile

        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": p, "raw_path": p.encode(), "query_string": q.encode(),
                 "root_path": "", "headers": [(b"host", b"test")], "client": ("127.0.0.1", 1),
                 "server": ("test", 80)}  # fmt: skip
        await app(scope, receive, send)
        return status

    async def run() -> list[int]:
        async with app.router.lifespan_context(app):
            pool = app.state.readers
            take = pool._take

            def recording():
                store = take()
                handed.append(store is pool.main)
                return store

            pool._take = recording
            urls = ["/quantities?limit=5", "/indicators", f"/terms/timeline?q={quote('精准扶贫')}", "/citations?limit=5"]
            return await asyncio.gather(*(get(u) for u in urls * 5))

    assert set(asyncio.run(run())) == {200}
    assert len(handed) == 20 and not any(handed)
