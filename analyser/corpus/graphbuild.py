"""Writing the graph file of a store (read by :class:`~analyser.corpus.graphstore.GraphFile`).

:func:`build_graph_file` walks the store once, in document id order, with the builder of
:func:`~analyser.corpus.graph.build_graph`, writes each document's nodes and edges as soon as the
document is done and keeps only the shared layer in memory; keywords come from two passes over
the stored terms (:func:`~analyser.corpus.keywords.tfidf_keywords_streamed`). The file's tables
are described in :mod:`analyser.corpus.graphstore`.

Examples
--------
>>> import tempfile, os
>>> from analyser.corpus.store import Store
>>> from analyser.facts import Analysis
>>> store = Store(":memory:")
>>> store.add_analysis(Analysis.from_dict({"document": {"id": "d1", "published": "2020-01-02"}}, text="扶贫"))
True
>>> with temporary_graph_file(store) as gf:
...     gf.stats()["nodes"]
{'document': 1, 'keyword': 1, 'year': 1}
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from analyser.text.docnumbers import number_key

from .graph import _Builder, normalize_key, span_text
from .graphstore import DOCUMENT_TYPES, FILE_SCHEMA, GraphFile

__all__ = ["build_graph_file", "temporary_graph_file"]

_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE nodes (
    id TEXT PRIMARY KEY, ord INTEGER NOT NULL, type TEXT NOT NULL, label TEXT, attrs TEXT NOT NULL,
    in_degree INTEGER NOT NULL, out_degree INTEGER NOT NULL, degree INTEGER NOT NULL, near TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE edges (
    u TEXT NOT NULL, v TEXT NOT NULL, rel TEXT NOT NULL, u_type TEXT NOT NULL, v_type TEXT NOT NULL,
    attrs TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (u, v_type, v, rel)
) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX edges_in ON edges(v, u_type, u);
CREATE INDEX nodes_rank ON nodes(degree DESC, id);
CREATE INDEX nodes_order ON nodes(ord);
"""


class _StreamBuilder(_Builder):
    """The graph builder, counting a shared node's documents without keeping their ids."""

    def __init__(self) -> None:
        super().__init__()
        self.documents: Counter[str] = Counter()
        self._in_doc: set[str] = set()
        self.fresh: list[str] = []
        self.order: dict[str, int] = {}
        self._next = 0

    def node(self, node_id: str, type_: str, label: str, **attrs: Any) -> str:
        if node_id not in self.g:
            self.fresh.append(node_id)
            self.order[node_id] = self._next
            self._next += 1
        return super().node(node_id, type_, label, **attrs)

    def seen(self, node_id: str, doc_id: str) -> None:
        self._in_doc.add(node_id)
        self.mentions[node_id] += 1

    def end_document(self) -> None:
        self.documents.update(self._in_doc)
        self._in_doc = set()


def build_graph_file(store: Any, path: str, *, keywords: int = 10) -> GraphFile:
    """Write the graph of ``store`` to a new SQLite file at ``path`` (replaced when it exists).

    The file is written beside ``path`` and moved in place when complete, so a reader of an
    older file at ``path`` keeps reading it until it reopens.
    """
    from .keywords import tfidf_keywords_streamed

    version = store.version()
    ids = store._ids()
    # two passes over the terms, a chunk of documents at a time: no corpus-sized matrix
    kw = tfidf_keywords_streamed(lambda: store.iter_terms(ids), top=keywords, n=len(ids)) if keywords else None
    tmp = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
    if os.path.exists(tmp):
        os.unlink(tmp)
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _DDL)
        conn.execute("BEGIN")
        b = _StreamBuilder()
        node_types: Counter[str] = Counter()
        rels: Counter[str] = Counter()
        # degrees and neighbour types of shared nodes, from the edges of written documents
        in_deg: Counter[str] = Counter()
        out_deg: Counter[str] = Counter()
        near: dict[str, set[str]] = {}
        titles: dict[str, str] = {}
        numbers: dict[str, str] = {}
        g = b.g
        for i, analysis in enumerate(store.iter_analyses(ids)):
            b.document(analysis, next(kw, []) if kw is not None else [])
            b.end_document()
            doc_id = analysis.document.id
            if key := normalize_key(span_text(analysis.document.title)):
                titles.setdefault(key, f"doc:{doc_id}")
            if number := number_key(span_text(analysis.document.doc_number)):
                numbers.setdefault(number, f"doc:{doc_id}")
            local = [n for n in b.fresh if g.nodes[n]["type"] in DOCUMENT_TYPES]
            b.fresh = [n for n in b.fresh if g.nodes[n]["type"] not in DOCUMENT_TYPES]
            node_rows = []
            edge_rows = []
            for n in local:
                data = g.nodes[n]
                node_types[data["type"]] += 1
                types = {g.nodes[x]["type"] for x in g._succ[n].keys() | g._pred[n].keys()}
                ind, outd = g.in_degree(n), g.out_degree(n)
                node_rows.append((n, b.order.pop(n), data["type"], str(data.get("label", "")),
                                  _dump(data), ind, outd, ind + outd, ",".join(sorted(types))))  # fmt: skip
                for v, keyed in g._succ[n].items():
                    v_type = g.nodes[v]["type"]
                    for rel, attrs in keyed.items():
                        rels[rel] += 1
                        edge_rows.append((n, v, rel, data["type"], v_type, _dump(attrs), len(edge_rows)))
                        if v_type not in DOCUMENT_TYPES:
                            in_deg[v] += 1
                            near.setdefault(v, set()).add(data["type"])
            conn.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", node_rows)
            conn.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?, ?)", edge_rows)
            g.remove_nodes_from(local)
        # the shared layer: its own edges, the citations' targets, then its nodes
        edge_rows = []
        cited: Counter[str] = Counter()
        for u, v, rel, attrs in g.edges(keys=True, data=True):
            rels[rel] += 1
            out_deg[u] += 1
            in_deg[v] += 1
            near.setdefault(u, set()).add(g.nodes[v]["type"])
            near.setdefault(v, set()).add(g.nodes[u]["type"])
            edge_rows.append((u, v, rel, g.nodes[u]["type"], g.nodes[v]["type"], _dump(attrs), len(edge_rows)))
        for u, data in g.nodes(data=True):
            if data["type"] != "citation":
                continue
            target = titles.get(u[len("citation:") :]) or numbers.get(number_key(data.get("doc_number")))
            if target is not None:
                rels["refers_to"] += 1
                out_deg[u] += 1
                cited[target] += 1
                near.setdefault(u, set()).add("document")
                edge_rows.append((u, target, "refers_to", "citation", "document", "{}", len(edge_rows)))
        conn.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?, ?)", edge_rows)
        node_rows = []
        for n, data in g.nodes(data=True):
            if n in b.documents:
                data["documents"] = b.documents[n]
                data["mentions"] = b.mentions[n]
            node_types[data["type"]] += 1
            ind, outd = in_deg[n], out_deg[n]
            node_rows.append((n, b.order[n], data["type"], str(data.get("label", "")), _dump(data), ind, outd,
                              ind + outd, ",".join(sorted(near.get(n, ())))))  # fmt: skip
        conn.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", node_rows)
        for target, count in cited.items():
            row = conn.execute("SELECT near FROM nodes WHERE id = ?", (target,)).fetchone()
            types = ",".join(sorted({*filter(None, row[0].split(",")), "citation"}))
            conn.execute(
                "UPDATE nodes SET in_degree = in_degree + ?, degree = degree + ?, near = ? WHERE id = ?",
                (count, count, types, target),
            )
        stats = {"nodes": dict(sorted(node_types.items())), "edges": dict(sorted(rels.items()))}
        meta = {"schema": FILE_SCHEMA, "version": json.dumps(list(version)), "keywords": str(keywords),
                "stats": json.dumps(stats, ensure_ascii=False)}  # fmt: skip
        conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        conn.execute("COMMIT")
        conn.executescript(_INDEXES)
    except BaseException:
        conn.close()
        os.unlink(tmp)
        raise
    conn.close()
    os.replace(tmp, path)
    return GraphFile(path)


@contextmanager
def temporary_graph_file(store: Any, *, keywords: int = 10) -> Iterator[GraphFile]:
    """The graph of ``store`` in a temporary graph file, deleted on exit."""
    with tempfile.TemporaryDirectory(prefix="policy-analyser-graph-") as folder:
        gf = build_graph_file(store, os.path.join(folder, "graph.sqlite"), keywords=keywords)
        try:
            yield gf
        finally:
            gf.close()


def _dump(attrs: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in attrs.items() if k != "rel"}, ensure_ascii=False, separators=(",", ":"))
