"""A response cache for the read endpoints: serialised bodies keyed by URL and store version.

Most of a read request's time is framework work (parameter validation, dependency injection,
JSON serialisation), not the query. This ASGI middleware keeps the finished ``200`` responses
of ``GET`` requests to the read endpoints, keyed by path and query string, and answers a
repeated request with the stored bytes at once. Every entry carries the version it was made
at: the store's :meth:`~analyser.corpus.store.Store.version` (checked at most once per
``check_interval`` seconds, and at the next request after any write request) and, for the
graph endpoints, the version of the graph in memory, so a document added (through this API or by another process) is seen
within ``check_interval`` seconds. Memory is bounded: entries are dropped least recently used
first once the bodies exceed ``max_bytes``; a body larger than ``max_item`` is not kept.

Examples
--------
>>> from fastapi.testclient import TestClient
>>> from analyser.corpus.store import Store
>>> from api.main import create_app
>>> from api.settings import Settings
>>> app = create_app(Settings(db=":memory:", warm_graph=False), store=Store(":memory:"))
>>> with TestClient(app) as client:
...     first = client.get("/slogans").content
...     client.get("/slogans").content == first, client.get("/slogans").headers["x-cache"]
(True, 'hit')
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CACHED_PATHS", "ResponseCache"]

#: path prefixes whose GET responses depend only on the URL and the store's content
CACHED_PATHS = ("/quantities", "/slogans", "/search", "/issuers", "/documents", "/graph/nodes", "/graph/stats")


class ResponseCache:
    """ASGI middleware caching ``200`` GET responses of :data:`CACHED_PATHS` (see the module docstring)."""

    def __init__(
        self, app: ASGIApp, *, max_bytes: int = 64 << 20, max_item: int = 1 << 20, check_interval: float = 1.0
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_item = max_item
        self.check_interval = check_interval
        self._entries: OrderedDict[tuple[str, bytes], tuple[Any, int, list, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._version: Any = None
        self._checked = float("-inf")

    @property
    def size(self) -> int:
        """Bytes of the bodies held."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.max_bytes <= 0:
            await self.app(scope, receive, send)
            return
        if scope["method"] != "GET":
            try:
                await self.app(scope, receive, send)
            finally:
                self._checked = float("-inf")  # a write may have changed the store
            return
        path = scope["path"]
        if not path.startswith(CACHED_PATHS):
            await self.app(scope, receive, send)
            return
        version = await self._current(scope, graph=path.startswith("/graph/"))
        key = (path, scope.get("query_string", b""))
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] == version:
                self._entries.move_to_end(key)
        if entry is not None and entry[0] == version:
            await send({"type": "http.response.start", "status": entry[1], "headers": [*entry[2], (b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": entry[3]})
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []
        size = 0

        async def keep(message: Message) -> None:
            nonlocal size
            if message["type"] == "http.response.start":
                start.update(message)
                message = {**message, "headers": [*message.get("headers", []), (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body" and size <= self.max_item:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
            await send(message)

        await self.app(scope, receive, keep)
        if start.get("status") == 200 and size <= self.max_item:
            self._put(key, (version, 200, list(start.get("headers", [])), b"".join(chunks)))

    def _put(self, key: tuple[str, bytes], entry: tuple[Any, int, list, bytes]) -> None:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old[3])
            self._entries[key] = entry
            self._bytes += len(entry[3])
            while self._bytes > self.max_bytes and self._entries:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped[3])

    async def _current(self, scope: Scope, *, graph: bool) -> Any:
        """The store's version (checked at most once per interval), with the graph cache's for graph paths."""
        state = scope["app"].state
        if time.monotonic() - self._checked >= self.check_interval:
            store_version = await anyio.to_thread.run_sync(state.store.version)
            if store_version != self._version:
                with self._lock:
                    self._entries.clear()
                    self._bytes = 0
                self._version = store_version
            self._checked = time.monotonic()
        if not graph:
            return self._version
        return self._version, getattr(getattr(state, "graph", None), "_version", None)
