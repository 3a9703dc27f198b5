"""A small pool of read-only connections (each a :class:`~analyser.corpus.store.Store`) over one store file.

The store serialises every call on its one connection. Reads of the HTTP API instead take a
store from this pool, so SQLite (which releases the GIL while it works) runs several queries
at once in WAL mode, and a long graph build on the main store does not stall other requests.
The pooled stores are opened read-only (SQLite ``mode=ro``: no schema statements, no
writes possible). Writes keep using the main store. An in-memory store cannot be shared between connections, so
the pool then hands out the main store itself.

Examples
--------
>>> from analyser.corpus.store import Store
>>> main = Store(":memory:")
>>> pool = ReadPool(main, size=2)
>>> with pool.borrow() as store:
...     store is main
True
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from analyser.corpus.store import Store

__all__ = ["ReadPool"]


class ReadPool:
    """At most ``size`` extra connections to ``main``'s file, opened on demand.

    When all are in use, a request reads through ``main`` (never waits for a pool slot).
    """

    def __init__(self, main: Any, *, size: int = 4) -> None:
        self.main = main
        self.size = size
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self._opened: list[Store] = []
        self._lock = threading.Lock()
        path = getattr(main, "path", ":memory:")
        self._shared = path == ":memory:" or type(main) is not Store or size < 1

    @contextmanager
    def borrow(self) -> Iterator[Any]:
        """A store for reading, returned to the pool afterwards."""
        if self._shared:
            yield self.main
            return
        store = self._take()
        try:
            yield store
        finally:
            if store is not self.main:
                self._idle.put(store)

    def _take(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if len(self._opened) < self.size:
                store = Store(self.main.path, readonly=True)
                self._opened.append(store)
                return store
        # Never wait here: the request threads that would give a store back may be the very
        # threads waiting. The main store serialises the overflow instead.
        return self.main

    def close(self) -> None:
        """Close every connection the pool opened."""
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
