"""The store's knowledge graph, built once and rebuilt only when the store changes.

The store's :meth:`~analyser.corpus.store.Store.version` (documents and last sequence number) is
checked at most once per ``check_interval`` seconds, so a busy server does not query it on
every request; a write through this API invalidates the cache at once. One lock makes sure
concurrent first requests build the graph once.

Exports (GraphML, GEXF, JSON) are written to temporary files (JSON and GraphML as they are
generated, never whole in memory), kept per version and streamed from disk; one export is
written at a time (another request meanwhile answers 503), and the files of an older version
are deleted when the graph changes.
"""
from __future__ import annotations

import gc
import os
import shutil
import tempfile
import threading
import time
from typing import IO, Any

import networkx as nx

from analyser.corpus.export import export_graph

__all__ = ["EXPORT_FORMATS", "ExportBusy", "GraphCache"]

#: format -> media type
EXPORT_FORMATS = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "json": "application/json",
}


class ExportBusy(Exception):
    """Another export is being written."""


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
    ['doc:d1', 'keyword:扶贫', 'year:2020']
    """

    def __init__(self, store: Any, *, check_interval: float = 1.0) -> None:
        self.store = store
        self.check_interval = check_interval
        self._lock = threading.Lock()
        self._graph: nx.MultiDiGraph | None = None
        self._version: Any = None
        self._checked = 0.0
        self._exports: dict[str, str] = {}
        self._export_lock = threading.Lock()
        self._folder: str | None = None

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
                self._drop_exports()
                # A large graph is millions of long-lived objects; keep the cyclic garbage
                # collector from walking them again and again (pauses of a second or more).
                gc.collect()
                gc.freeze()
            self._checked = time.monotonic()
            return self._graph

    def size(self) -> int:
        """Nodes plus edges of the current graph (what an export's size grows with)."""
        graph = self.get()
        return graph.number_of_nodes() + graph.number_of_edges()

    def export_file(self, fmt: str) -> tuple[IO[bytes], int]:
        """The graph serialised as ``fmt`` (one of :data:`EXPORT_FORMATS`): an open file and its size.

        The caller streams and closes the file; it stays readable even when a newer version
        deletes it meanwhile. Raises :class:`ExportBusy` while another export is being written.

        >>> from analyser.corpus.store import Store
        >>> cache = GraphCache(Store(":memory:"))
        >>> fh, size = cache.export_file("json"); fh.read(13), size > 0; fh.close(); cache.close()
        (b'{"directed": ', True)
        """
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown graph format {fmt!r}")
        graph = self.get()
        opened = self._open_export(fmt, graph)
        if opened is not None:
            return opened
        if not self._export_lock.acquire(blocking=False):
            raise ExportBusy("another export is being written")
        try:
            opened = self._open_export(fmt, graph)
            if opened is not None:
                return opened
            with self._lock:
                if self._folder is None:
                    self._folder = tempfile.mkdtemp(prefix="policy-analyser-export-")
                folder = self._folder
            fd, path = tempfile.mkstemp(suffix=f".{fmt}", dir=folder)
            os.close(fd)
            try:
                export_graph(graph, fmt, path)
            except BaseException:
                os.unlink(path)
                raise
            with self._lock:
                if graph is self._graph:
                    old = self._exports.get(fmt)
                    self._exports[fmt] = path
                    if old:
                        _unlink(old)
                    keep = True
                else:
                    keep = False
            fh = open(path, "rb")  # noqa: SIM115 - handed to the caller, who closes it
            if not keep:
                _unlink(path)  # written for an older version: served once, then gone
            return fh, os.fstat(fh.fileno()).st_size
        finally:
            self._export_lock.release()

    def _open_export(self, fmt: str, graph: nx.MultiDiGraph) -> tuple[IO[bytes], int] | None:
        with self._lock:
            path = self._exports.get(fmt) if graph is self._graph else None
            if path is None:
                return None
            try:
                fh = open(path, "rb")  # noqa: SIM115 - handed to the caller
            except OSError:
                self._exports.pop(fmt, None)
                return None
        return fh, os.fstat(fh.fileno()).st_size

    def _drop_exports(self) -> None:
        for path in self._exports.values():
            _unlink(path)
        self._exports = {}

    def close(self) -> None:
        """Delete the export files."""
        with self._lock:
            self._drop_exports()
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
                self._folder = None


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
