"""Exports of a store: the knowledge graph (GraphML, GEXF, node-link JSON, Neo4j CSV) and fact tables.

Examples
--------
>>> import tempfile, networkx as nx
>>> from analyser.corpus.graph import build_graph
>>> from analyser.facts import Analysis
>>> g = build_graph([Analysis.from_dict({"document": {"id": "d1", "published": "2018-09-26"}})])
>>> out = Path(tempfile.mkdtemp()) / "g.graphml"
>>> export_graph(g, "graphml", out) == out
True
>>> sorted(nx.read_graphml(out))
['doc:d1', 'year:2018']
"""
from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx

from analyser.errors import InputError, StoreError

from .graph import to_json

__all__ = ["FACT_EXPORTS", "FACT_FORMATS", "GRAPH_FORMATS", "export_facts", "export_graph", "export_neo4j"]

GRAPH_FORMATS = ("graphml", "gexf", "json", "csv")
FACT_FORMATS = ("csv", "parquet")

#: Table name -> SQL giving its rows (offsets into ``documents.text``; no bulky text columns).
FACT_EXPORTS = {
    "documents": (
        "SELECT id, source, title, issuer, published, year, doc_number, script, chars, encoding, format,"
        " body_start, body_end, counts, added_at FROM documents ORDER BY seq"
    ),
    "outline": "SELECT * FROM outline ORDER BY doc_id, n",
    "quantities": "SELECT * FROM quantities ORDER BY doc_id, n",
    "dates": "SELECT * FROM dates ORDER BY doc_id, n",
    "slogans": "SELECT * FROM slogans ORDER BY doc_id, n",
    "citations": "SELECT * FROM citations ORDER BY doc_id, n",
    "entities": "SELECT * FROM entities ORDER BY doc_id, n",
    "files": "SELECT * FROM files ORDER BY path",
    "errors": "SELECT * FROM errors ORDER BY path",
}


def export_graph(graph: nx.MultiDiGraph, fmt: str, out: str | Path) -> Path:
    """Write ``graph`` in ``fmt`` (graphml, gexf, json: a file; csv: a folder of Neo4j import files)."""
    out = Path(out)
    if fmt not in GRAPH_FORMATS:
        raise InputError(f"unknown graph format {fmt!r}; expected one of {', '.join(GRAPH_FORMATS)}")
    if fmt == "csv":
        return export_neo4j(graph, out)
    if not out.parent.exists():
        raise InputError(f"the folder of {out} does not exist")
    if fmt in ("graphml", "gexf"):
        with _relations_as_attributes(graph):
            if fmt == "graphml":
                nx.write_graphml(graph, out, encoding="utf-8")
            else:
                nx.write_gexf(graph, out, encoding="utf-8")
    else:
        with open(out, "w", encoding="utf-8") as fh:
            json.dump(to_json(graph), fh, ensure_ascii=False)
    return out


@contextmanager
def _relations_as_attributes(graph: nx.MultiDiGraph) -> Iterator[None]:
    """Give every edge a ``rel`` attribute (its key) while a file is written, then take it away."""
    for _, _, k, d in graph.edges(keys=True, data=True):
        d["rel"] = k
    try:
        yield
    finally:
        for _, _, d in graph.edges(data=True):
            d.pop("rel", None)


_NEO4J_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _column_types(rows: list[dict[str, Any]]) -> dict[str, str]:
    kinds: dict[str, set[type]] = {}
    for row in rows:
        for k, v in row.items():
            kinds.setdefault(k, set()).add(type(v))
    out = {}
    for k in sorted(kinds):
        ts = kinds[k]
        if ts == {bool}:
            out[k] = "boolean"
        elif ts <= {int}:
            out[k] = "long"
        elif ts <= {int, float}:
            out[k] = "double"
        else:
            out[k] = "string"
    return out


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value.replace("\r", " ").replace("\n", " ")
    return value


def _label(type_: str) -> str:
    return "".join(part.capitalize() for part in type_.split("_"))


def export_neo4j(graph: nx.MultiDiGraph, folder: str | Path) -> Path:
    """Neo4j ``neo4j-admin database import`` files: ``nodes_<type>.csv``, ``edges_<rel>.csv``.

    Node files have the header ``id:ID,:LABEL,<property>:<type>…``, edge files
    ``:START_ID,:END_ID,:TYPE,<property>:<type>…``; ``import.sh`` holds the command line.
    Relation types are upper case (``USES_SLOGAN``), labels capitalised (``Document``).
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} exists and is not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    by_type: dict[str, list[tuple[str, dict]]] = {}
    for node, data in sorted(graph.nodes(data=True), key=lambda nd: nd[0]):
        by_type.setdefault(data.get("type", "node"), []).append((node, data))
    by_rel: dict[str, list[tuple[str, str, dict]]] = {}
    for u, v, k, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
        by_rel.setdefault(k, []).append((u, v, data))
    args = []
    for type_, nodes in sorted(by_type.items()):
        props = [{k: v for k, v in d.items() if k != "type"} for _, d in nodes]
        types = _column_types(props)
        name = f"nodes_{type_}.csv"
        with open(folder / name, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id:ID", ":LABEL", *(f"{k}:{t}" for k, t in types.items())])
            for (node, _), p in zip(nodes, props):
                w.writerow([node, _label(type_), *(_cell(p.get(k)) for k in types)])
        args.append(f"--nodes={name}")
    for rel, edges in sorted(by_rel.items()):
        props = [{k: v for k, v in d.items() if k != "rel"} for _, _, d in edges]
        types = _column_types(props)
        name = f"edges_{rel}.csv"
        with open(folder / name, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([":START_ID", ":END_ID", ":TYPE", *(f"{k}:{t}" for k, t in types.items())])
            for (u, v, _), p in zip(edges, props):
                w.writerow([u, v, rel.upper(), *(_cell(p.get(k)) for k in types)])
        args.append(f"--relationships={name}")
    script = "#!/bin/sh\n# Run in this folder; the database must not exist yet.\n"
    script += "neo4j-admin database import full " + " ".join(args) + " neo4j\n"
    (folder / "import.sh").write_text(script, encoding="utf-8")
    return folder


def export_facts(store, fmt: str, out: str | Path, *, tables: list[str] | None = None) -> list[Path]:
    """Write each fact table (see :data:`FACT_EXPORTS`) as ``<table>.csv`` or ``<table>.parquet``.

    The CSV files are UTF-8 with a header row, readable by ``pandas.read_csv`` and
    ``readr::read_csv``; fact offsets point into the document text kept in the store. Rows are
    streamed from the store in batches, so memory stays bounded whatever the corpus size.
    """
    if fmt not in FACT_FORMATS:
        raise InputError(f"unknown table format {fmt!r}; expected one of {', '.join(FACT_FORMATS)}")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise InputError("parquet export needs pyarrow: pip install 'policy-analyser[parquet]'") from None
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} exists and is not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in tables or list(FACT_EXPORTS):
        if name not in FACT_EXPORTS:
            raise InputError(f"unknown table {name!r}; expected one of {', '.join(FACT_EXPORTS)}")
        path = folder / f"{name}.{fmt}"
        with store._lock:
            try:
                cursor = store.conn.execute(FACT_EXPORTS[name])
                columns = [d[0] for d in cursor.description]
                if fmt == "csv":
                    _write_csv(path, columns, cursor)
                else:
                    _write_parquet(path, columns, cursor)
            except sqlite3.Error as exc:
                raise StoreError(f"cannot read table {name}: {exc}") from None
        written.append(path)
    return written


_BATCH = 10_000


def _write_csv(path: Path, columns: list[str], cursor) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        while rows := cursor.fetchmany(_BATCH):
            writer.writerows(rows)


def _write_parquet(path: Path, columns: list[str], cursor) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    try:
        while rows := cursor.fetchmany(_BATCH):
            batch = pa.Table.from_pylist([dict(zip(columns, r)) for r in rows])
            if writer is None:
                writer = pq.ParquetWriter(path, batch.schema)
            elif batch.schema != writer.schema:
                batch = batch.cast(writer.schema)
            writer.write_table(batch)
        if writer is None:
            pq.write_table(pa.table({c: pa.array([], pa.null()) for c in columns}), path)
    finally:
        if writer is not None:
            writer.close()
