"""The corpus graph on disk: the graph of :mod:`analyser.corpus.graph` as indexed SQLite rows.

In memory, a graph costs about 1 KB per node and 0.3 KB per edge, and its nodes grow with the
documents (every outline node and quantity is one).
:func:`~analyser.corpus.graphbuild.build_graph_file` walks the store
once, in document id order, with the same builder as :func:`~analyser.corpus.graph.build_graph`,
and writes each document's nodes and edges (document, outline nodes, quantities and their
edges) to a SQLite file as soon as the document is done; only the shared layer (formulations,
families, citations, entities, indicators, concepts, keywords, years: it grows with distinct
names, not documents) stays in memory until the end of the walk. :class:`GraphFile` then
answers node look-ups, neighbourhoods, node search and statistics with indexed queries, so
serving a graph needs a few connections' page caches, not the graph.

Tables of the file
------------------
``nodes(id, ord, type, label, attrs, in_degree, out_degree, degree, near)``
    ``attrs``: the node's attributes as JSON (``type`` and ``label`` included, in the order
    of the in-memory graph); ``ord``: its position in the in-memory graph's node order;
    ``near``: the types of its neighbours, comma-separated (which typed index ranges to read).
``edges(u, v, rel, u_type, v_type, attrs, seq)``
    one row per edge (``attrs`` as JSON, without ``rel``; ``seq``: its order among the
    edges of ``u`` in the in-memory graph, so exports write the same files); keyed ``(u, v_type, v, rel)`` with
    the index ``edges_in(v, u_type, u)``: a node's neighbours of one type come in id order from
    either direction, so a hub's nearest-first cut reads ``limit`` rows, not the hub.
``meta(key, value)``
    ``schema``, ``version`` (the store's :meth:`~analyser.corpus.store.Store.version` the
    file was built from), ``keywords``, ``stats`` (node and edge counts, JSON).

Examples
--------
>>> import tempfile, os
>>> from analyser.corpus.store import Store
>>> from analyser.corpus.graphbuild import build_graph_file
>>> from analyser.facts import Analysis
>>> store = Store(":memory:")
>>> store.add_analysis(Analysis.from_dict({"document": {"id": "d1", "published": "2020-01-02"}}, text="扶贫"))
True
>>> path = os.path.join(tempfile.mkdtemp(), "g.sqlite")
>>> gf = build_graph_file(store, path)
>>> [n["id"] for n in gf.neighbourhood("year:2020")["nodes"]]
['year:2020', 'doc:d1']
>>> gf.stats()
{'nodes': {'document': 1, 'keyword': 1, 'year': 1}, 'edges': {'has_keyword': 1, 'in_year': 1}}
>>> gf.close()
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from analyser.errors import InputError, NotFoundError
from analyser.text.normalize import simplified_view

from .graph import GRAPH_SCHEMA, _diverse

__all__ = ["DOCUMENT_TYPES", "EDGES_BETWEEN", "FILE_SCHEMA", "TYPED_NEIGHBOURS", "GraphFile"]

#: bump when the tables of the file change (an older file is rebuilt)
FILE_SCHEMA = f"{GRAPH_SCHEMA}/sqlite@2"
#: node types that belong to one document (written as soon as the document is done)
DOCUMENT_TYPES = frozenset({"document", "section", "point", "item", "quantity"})
#: a node with at most this many edges has all its neighbours read at once
_SMALL = 2000

#: a node's neighbours of one type, in id order, from either direction: both sides come in id
#: order from their index and are merged, so a hub's first ``?3`` cost ``?3`` rows
TYPED_NEIGHBOURS = (
    "SELECT v FROM edges WHERE u = ?1 AND v_type = ?2"
    " UNION SELECT u FROM edges WHERE v = ?1 AND u_type = ?2 ORDER BY 1 LIMIT ?3"
)
#: the edges between the nodes of a JSON list
EDGES_BETWEEN = (
    "SELECT u, v, rel, attrs FROM edges WHERE u IN (SELECT value FROM json_each(?1))"
    " AND v IN (SELECT value FROM json_each(?1))"
)


@lru_cache(maxsize=1 << 12)
def _parsed(data: str) -> tuple[tuple[str, Any], ...]:
    return tuple(json.loads(data).items())


def _attrs(data: str) -> dict[str, Any]:
    """Edge attributes from their JSON (a few shapes, ``{"count":1}``, repeat: parsed once)."""
    return dict(_parsed(data)) if len(data) < 40 else json.loads(data)


class GraphFile:
    """A graph file written by :func:`~analyser.corpus.graphbuild.build_graph_file`, read through one connection per thread."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        self._conns: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        meta = dict(self._conn().execute("SELECT key, value FROM meta"))
        if meta.get("schema") != FILE_SCHEMA:
            raise ValueError(f"{path} is not a graph file of schema {FILE_SCHEMA}")
        self.version = tuple(json.loads(meta["version"]))
        self.keywords = int(meta["keywords"])
        self._stats = json.loads(meta["stats"])

    @classmethod
    def open(cls, path: str) -> GraphFile | None:
        """The graph file at ``path``, or ``None`` when there is none (or an unreadable one)."""
        if not os.path.exists(path):
            return None
        try:
            return cls(path)
        except (sqlite3.DatabaseError, ValueError, KeyError):
            return None

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"file:{os.path.abspath(self.path)}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            conn.execute("PRAGMA cache_size = -4000")  # 4 MB per connection (one per server thread)
            self._local.conn = conn
            with self._lock:
                self._conns.append(conn)
        return conn

    def close(self) -> None:
        """Close every connection (the file stays)."""
        with self._lock:
            for conn in self._conns:
                conn.close()
            self._conns = []
        self._local = threading.local()

    # -- statistics and nodes ----------------------------------------------------------------

    def stats(self) -> dict[str, dict[str, int]]:
        """Node counts per type and edge counts per relation (as :func:`~analyser.corpus.graph.graph_stats`)."""
        return {"nodes": dict(self._stats["nodes"]), "edges": dict(self._stats["edges"])}

    def size(self) -> int:
        """Nodes plus edges."""
        return sum(self._stats["nodes"].values()) + sum(self._stats["edges"].values())

    def __contains__(self, node_id: object) -> bool:
        return self._conn().execute("SELECT 1 FROM nodes WHERE id = ?", (node_id,)).fetchone() is not None

    def node_attributes(self, node_id: str) -> dict[str, Any]:
        """A node's attributes with its ``id`` (as :func:`~analyser.corpus.graph.node_attributes`)."""
        row = self._conn().execute("SELECT attrs FROM nodes WHERE id = ?", (node_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no graph node {node_id!r}")
        return {"id": node_id, **json.loads(row[0])}

    def node_info(self, node_id: str) -> dict[str, Any]:
        """A node's attributes with ``id``, ``in_degree`` and ``out_degree`` (as :func:`api.graphview.node_info`)."""
        row = self._conn().execute(
            "SELECT attrs, in_degree, out_degree FROM nodes WHERE id = ?", (node_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no graph node {node_id!r}")
        return {"id": node_id, **json.loads(row[0]), "in_degree": row[1], "out_degree": row[2]}

    def find_nodes(
        self, q: str | None = None, *, types: Iterable[str] | None = None, offset: int = 0, limit: int = 50
    ) -> dict[str, Any]:
        """Nodes whose label or id contains ``q`` (either script), of the given types, most connected first.

        The walk follows the index of degrees and stops once the page is full: a common word
        answers at once, a word no node has reads every node.
        """
        key = simplified_view(q or "").strip().lower()
        wanted = set(types) if types else None
        items = []
        skip = offset
        more = False
        rows = self._conn().execute("SELECT id, type, label, attrs, degree FROM nodes ORDER BY degree DESC, id")
        for n, type_, label, attrs, degree in rows:
            if wanted and type_ not in wanted:
                continue
            if key and key not in (label or "").lower() and key not in n.lower():
                continue
            if skip:
                skip -= 1
                continue
            if len(items) == limit:
                more = True
                break
            items.append({"id": n, **json.loads(attrs), "degree": degree})
        rows.close()
        return {"items": items, "more": more}

    # -- whole-graph walks (exports) ------------------------------------------------------------

    def iter_nodes(self, type_: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """``(id, attributes)`` of every node in the in-memory graph's order (of one type: in id order)."""
        sql = "SELECT id, attrs FROM nodes ORDER BY ord" if type_ is None else (
            "SELECT id, attrs FROM nodes WHERE type = ? ORDER BY id"
        )  # fmt: skip
        for n, attrs in self._walk(sql, () if type_ is None else (type_,)):
            yield n, json.loads(attrs)

    def iter_edges(self, rel: str | None = None) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """``(u, v, rel, attributes)`` of every edge in the in-memory graph's order (of one relation: by ``u``, ``v``)."""
        if rel is None:
            sql, params = "SELECT e.u, e.v, e.rel, e.attrs FROM nodes n JOIN edges e ON e.u = n.id ORDER BY n.ord, e.seq", ()
        else:
            sql, params = "SELECT u, v, rel, attrs FROM edges WHERE rel = ? ORDER BY u, v", (rel,)
        for u, v, k, attrs in self._walk(sql, params):
            yield u, v, k, json.loads(attrs)

    def _walk(self, sql: str, params: tuple) -> Iterator[tuple]:
        # a connection of its own: a walk may be interleaved with other queries of the thread
        conn = sqlite3.connect(f"file:{os.path.abspath(self.path)}?mode=ro", uri=True)
        try:
            cur = conn.execute(sql, params)
            while rows := cur.fetchmany(1000):
                yield from rows
        finally:
            conn.close()

    # -- neighbourhoods ----------------------------------------------------------------------

    def _neighbours(self, u: str, degree: int, near: str, wanted: set[str] | None, seen: dict[str, int],
                    room: int) -> tuple[list[str], bool]:  # fmt: skip
        """``u``'s unseen neighbours (of the wanted types) as the in-memory walk keeps them, and whether some were cut."""
        conn = self._conn()
        types = [t for t in near.split(",") if t and (not wanted or t in wanted)]
        if not types:
            return [], False
        marks = ",".join("?" * len(types))
        if degree <= _SMALL:
            rows = conn.execute(
                f"SELECT v, v_type FROM edges WHERE u = ? AND v_type IN ({marks})"
                f" UNION SELECT u, u_type FROM edges WHERE v = ? AND u_type IN ({marks})",
                (u, *types, u, *types),
            ).fetchall()
            by_type = {}
            fresh = []
            for v, t in rows:
                if v not in seen:
                    fresh.append(v)
                    by_type[v] = {"type": t}
            if len(fresh) > room:
                return _diverse(by_type, fresh, room), True
            return sorted(fresh), False
        # a hub: per type, the first ids in order from either direction (enough to skip the seen ones)
        k = room + len(seen) + 1
        groups = {}
        total = 0
        for t in types:
            rows = conn.execute(
                TYPED_NEIGHBOURS,
                (u, t, k),
            ).fetchall()
            fresh = [r[0] for r in rows if r[0] not in seen]
            groups[t] = fresh
            total += len(fresh)
        if total <= room:
            return sorted(v for fresh in groups.values() for v in fresh), False
        attrs = {v: {"type": t} for t, fresh in groups.items() for v in fresh[:room]}
        return _diverse(attrs, list(attrs), room), True

    def _rows(self, sql: str, ids: list[str]) -> Iterator[tuple]:
        conn = self._conn()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            yield from conn.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)

    def neighbourhood(
        self, node_id: str, *, depth: int = 1, types: Iterable[str] | None = None, limit: int = 2000
    ) -> dict[str, Any]:
        """Nodes within ``depth`` steps of ``node_id`` and the edges between them (as :func:`~analyser.corpus.graph.neighbourhood`)."""
        if not 1 <= depth <= 3:
            raise InputError(f"depth must be 1, 2 or 3, got {depth}")
        conn = self._conn()
        row = conn.execute("SELECT degree, near FROM nodes WHERE id = ?", (node_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no graph node {node_id!r}")
        wanted = set(types) if types else None
        shape = {node_id: (row[0], row[1])}
        seen = {node_id: 0}
        order = [node_id]
        frontier = [node_id]
        truncated = False
        for step in range(1, depth + 1):
            nxt: list[str] = []
            for u in frontier:
                degree, near = shape[u]
                fresh, truncated = self._neighbours(u, degree, near, wanted, seen, limit - len(order))
                for v in fresh:
                    seen[v] = step
                    order.append(v)
                    nxt.append(v)
                if truncated:
                    break
            if truncated or step == depth:
                break
            for n, degree, near in self._rows("SELECT id, degree, near FROM nodes WHERE id IN ({marks})", nxt):
                shape[n] = (degree, near)
            frontier = nxt
        attrs = {n: a for n, a in self._rows("SELECT id, attrs FROM nodes WHERE id IN ({marks})", order)}
        # one parse of all the attributes (a JSON array of the rows' objects), not one per node
        parsed = json.loads("[" + ",".join(attrs[n] for n in order) + "]")
        nodes = [{"id": n, "depth": seen[n], **a} for n, a in zip(order, parsed)]
        edges = []
        kept = json.dumps(order, ensure_ascii=False)
        for u, v, rel, data in conn.execute(
            EDGES_BETWEEN,
            (kept,),
        ):
            edges.append({"source": u, "target": v, "rel": rel, **_attrs(data)})
        edges.sort(key=lambda e: (e["source"], e["target"], e["rel"]))
        return {"nodes": nodes, "edges": edges, "truncated": truncated}
