"""The store's knowledge graph, built once and rebuilt only when the store changes.

The store's :meth:`~analyser.corpus.store.Store.version` (documents and last sequence number) is
checked at most once per ``check_interval`` seconds, so a busy server does not query it on
every request; a write through this API invalidates the cache at once. Exports (GraphML,
GEXF, JSON) are cached per version as well. One lock makes sure concurrent first requests
build the graph once.
"""
from __future__ import annotations

import gc
import io
import json
import threading
import time
from typing import Any

import networkx as nx

from analyser.corpus.graph import to_json

__all__ = ["GraphCache", "EXPORT_FORMATS"]

#: format -> media type
EXPORT_FORMATS = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "json": "application/json",
}


class GraphCache:
    """Cached :meth:`Store.load_graph` with version checks and cached exports.

    Examples
    --------
    >>> from analyser.corpus.store import Store
    >>> store = Store(":memory:")
    >>> cache = GraphCache(store)
    >>> cache.get().number_of_nodes()
    0
    >>> from analyser.facts import Analysis
    >>> store.add_analysis(Analysis.from_dict({"document": {"id": "d1", "published": "2020-01-02"}}, text="扶贫"))
    True
    >>> cache.invalidate(); sorted(cache.get())
    ['doc:d1', 'year:2020']
    """

    def __init__(self, store: Any, *, check_interval: float = 1.0) -> None:
        self.store = store
        self.check_interval = check_interval
        self._lock = threading.Lock()
        self._graph: nx.MultiDiGraph | None = None
        self._version: Any = None
        self._checked = 0.0
        self._exports: dict[str, bytes] = {}

    def invalidate(self) -> None:
        """Force a version check on the next :meth:`get`."""
        self._checked = 0.0

    def get(self) -> nx.MultiDiGraph:
        """The current graph."""
        graph = self._graph
        if graph is not None and time.monotonic() - self._checked < self.check_interval:
            return graph
        with self._lock:
            if self._graph is not None and time.monotonic() - self._checked < self.check_interval:
                return self._graph
            version = self.store.version()
            if self._graph is None or version != self._version:
                self._graph = self.store.load_graph()
                self._version = version
                self._exports = {}
                # A large graph is millions of long-lived objects; keep the cyclic garbage
                # collector from walking them again and again (pauses of a second or more).
                gc.collect()
                gc.freeze()
            self._checked = time.monotonic()
            return self._graph

    def export(self, fmt: str) -> bytes:
        """The graph serialised as ``fmt`` (one of :data:`EXPORT_FORMATS`), UTF-8."""
        graph = self.get()
        with self._lock:
            cached = self._exports.get(fmt)
            if cached is not None and graph is self._graph:
                return cached
        if fmt == "json":
            data = json.dumps(to_json(graph), ensure_ascii=False).encode("utf-8")
        elif fmt == "graphml":
            data = "\n".join(nx.generate_graphml(graph, encoding="utf-8")).encode("utf-8")
        elif fmt == "gexf":
            buf = io.BytesIO()
            nx.write_gexf(graph, buf, encoding="utf-8")
            data = buf.getvalue()
        else:  # pragma: no cover - the router validates the format
            raise ValueError(f"unknown graph format {fmt!r}")
        with self._lock:
            if graph is self._graph:
                self._exports[fmt] = data
        return data
