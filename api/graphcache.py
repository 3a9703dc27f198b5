"""The store's knowledge graph as a graph file, built once per store version.

The graph is served from a SQLite graph file (:mod:`analyser.corpus.graphstore`): nodes and
edges are indexed rows, so serving costs connection caches, not the graph. The file lies beside
the store (``<store>.graph``; in a temporary folder for an in-memory store or a folder the
server cannot write) and is reused by the next start when the store has not changed since.

The store's :meth:`~analyser.corpus.store.Store.version` (documents and last sequence number) is
checked at most once per ``check_interval`` seconds, so a busy server does not query it on
every request; a write through this API invalidates the cache at once. One lock makes sure
concurrent first requests build the file once; requests meanwhile wait for it.

Exports (GraphML, GEXF, JSON) are written from the graph file to temporary files a node and an
edge at a time (never whole in memory), kept per version and streamed from disk; one export is
written at a time (another request meanwhile answers 503), and the files of an older version
are deleted when the graph changes.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from typing import IO, Any

from analyser.corpus.export import export_graph
from analyser.corpus.graphbuild import build_graph_file
from analyser.corpus.graphstore import GraphFile
from analyser.corpus.graphstream import StreamedGraph

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
    """The store's graph file, rebuilt when the store's version changes, and cached exports.

    Examples
    --------
    >>> from analyser.corpus.store import Store
    >>> store = Store(":memory:")
    >>> cache = GraphCache(store)
    >>> cache.get().stats()
    {'nodes': {}, 'edges': {}}
    >>> from analyser.facts import Analysis
    >>> store.add_analysis(Analysis.from_dict({"document": {"id": "d1", "published": "2020-01-02"}}, text="扶贫"))
    True
    >>> cache.invalidate(); [n["id"] for n in cache.get().neighbourhood("doc:d1")["nodes"]]
    ['doc:d1', 'keyword:扶贫', 'year:2020']
    >>> cache.close()
    """

    def __init__(self, store: Any, *, check_interval: float = 1.0, path: str | None = None) -> None:
        self.store = store
        self.check_interval = check_interval
        self._lock = threading.Lock()
        self._graph: GraphFile | None = None
        self._checked = 0.0
        self._exports: dict[str, str] = {}
        self._export_lock = threading.Lock()
        self._folder: str | None = None
        self._path = path

    def invalidate(self) -> None:
        """Force a version check on the next :meth:`get`."""
        self._checked = 0.0

    def path(self) -> str:
        """Where the graph file lies."""
        if self._path is None:
            store_path = str(getattr(self.store, "path", ":memory:"))
            folder = os.path.dirname(os.path.abspath(store_path))
            if store_path != ":memory:" and os.access(folder, os.W_OK):
                self._path = f"{store_path}.graph"
            else:
                self._path = os.path.join(self._temp_folder(), "graph.sqlite")
        return self._path

    def _temp_folder(self) -> str:
        if self._folder is None:
            self._folder = tempfile.mkdtemp(prefix="policy-analyser-graph-")
        return self._folder

    def current(self) -> GraphFile | None:
        """The graph file when its version was checked within ``check_interval``, else ``None`` (call :meth:`get`)."""
        graph = self._graph
        if graph is not None and time.monotonic() - self._checked < self.check_interval:
            return graph
        return None

    def get(self) -> GraphFile:
        """The current graph file."""
        graph = self._graph
        if graph is not None and time.monotonic() - self._checked < self.check_interval:
            return graph
        with self._lock:
            if self._graph is not None and time.monotonic() - self._checked < self.check_interval:
                return self._graph
            version = tuple(self.store.version())
            if self._graph is None or version != self._graph.version:
                path = self.path()
                found = GraphFile.open(path) if self._graph is None else None
                if found is not None and found.version == version and found.keywords == 10:
                    self._graph = found
                else:
                    if found is not None:
                        found.close()
                    # the older file's connections close with it, once no request holds it
                    self._graph = build_graph_file(self.store, path)
                self._drop_exports()
            self._checked = time.monotonic()
            return self._graph

    def size(self) -> int:
        """Nodes plus edges of the current graph (what an export's size grows with)."""
        return self.get().size()

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
                folder = self._temp_folder()
            fd, path = tempfile.mkstemp(suffix=f".{fmt}", dir=folder)
            os.close(fd)
            try:
                export_graph(StreamedGraph(graph), fmt, path)
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

    def _open_export(self, fmt: str, graph: GraphFile) -> tuple[IO[bytes], int] | None:
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
        """Delete the export files (and a temporary graph file) and close the graph file."""
        with self._lock:
            self._drop_exports()
            if self._graph is not None:
                self._graph.close()
                self._graph = None
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
                self._folder = None


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
