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
import functools
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import networkx as nx

from analyser.errors import InputError, StoreError

__all__ = [
    "FACT_EXPORTS", "FACT_FORMATS", "GRAPH_FORMATS", "export_facts", "export_graph", "export_neo4j", "write_gexf", "write_json", "xml_safe",
]

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
    "indicator_concepts": "SELECT * FROM indicator_concepts ORDER BY quantities DESC, concept",
    "cited_documents": "SELECT * FROM citation_groups ORDER BY n_documents DESC, normalized",
    "files": "SELECT * FROM files ORDER BY path",
    "errors": "SELECT * FROM errors ORDER BY path",
}


def export_graph(graph: Any, fmt: str, out: str | Path) -> Path:
    """Write ``graph`` in ``fmt`` (graphml, gexf, json: a file; csv: a folder of Neo4j import files).

    ``graph``: a ``networkx.MultiDiGraph``, or a :class:`~analyser.corpus.graphstream.StreamedGraph`
    of a graph file (the same files, streamed: no graph in memory).
    """
    out = Path(out)
    if fmt not in GRAPH_FORMATS:
        raise InputError(f"unknown graph format {fmt!r}; expected one of {', '.join(GRAPH_FORMATS)}")
    if fmt == "csv":
        return export_neo4j(graph, out)
    if not out.parent.exists():
        raise InputError(f"the folder of {out} does not exist")
    if fmt in ("graphml", "gexf") and not isinstance(graph, nx.MultiDiGraph):
        view = graph.with_options(rel=True, xml=True)
        if fmt == "graphml":
            nx.write_graphml(view, out, encoding="utf-8")
        else:
            write_gexf(view, out)
    elif fmt in ("graphml", "gexf"):
        graph = xml_safe(graph)
        with _relations_as_attributes(graph):
            if fmt == "graphml":
                nx.write_graphml(graph, out, encoding="utf-8")
            else:
                write_gexf(graph, out)
    else:
        with open(out, "w", encoding="utf-8") as fh:
            write_json(graph, fh)
    return out


_GEXF = "http://www.gexf.net/1.2draft"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_GEXF_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _gexf_type(value: Any) -> str:
    return _GEXF_TYPES.get(type(value), "string")


def _gexf_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_gexf(graph: nx.MultiDiGraph, out: str | Path) -> None:
    """Write GEXF 1.2 as NetworkX's ``write_gexf`` does (readable by ``nx.read_gexf`` and Gephi), one
    node and one edge at a time: a first pass collects the attribute declarations, a second writes,
    so memory stays bounded however large the graph.

    >>> import tempfile
    >>> g = nx.MultiDiGraph(); g.add_node("doc:1", label="通知", year=2020)
    >>> g.add_edges_from([("doc:1", "doc:1", "cites"), ("doc:1", "doc:1", "mentions")])
    ['cites', 'mentions']
    >>> out = Path(tempfile.mkdtemp()) / "g.gexf"; write_gexf(g, out)
    >>> back = nx.read_gexf(out); back.nodes["doc:1"]["label"], back.nodes["doc:1"]["year"], sorted(back.edges(keys=True))
    ('通知', 2020, [('doc:1', 'doc:1', 'cites'), ('doc:1', 'doc:1', 'mentions')])
    """
    from lxml import etree

    def declare(items: Iterator[dict[str, Any]], skip: set[str]) -> dict[tuple[str, str], str]:
        ids: dict[tuple[str, str], str] = {}
        for data in items:
            for k, v in data.items():
                if k not in skip and v is not None and (k, _gexf_type(v)) not in ids:
                    ids[(k, _gexf_type(v))] = ""
        return ids

    node_attrs = declare((d for _, d in graph.nodes(data=True)), {"label"})
    edge_attrs = declare(({**d, "networkx_key": k} for _, _, k, d in graph.edges(keys=True, data=True)), set())
    counter = 0
    for table in (edge_attrs, node_attrs):
        for key in table:
            table[key] = str(counter)
            counter += 1

    def attvalues(data: dict[str, Any], ids: dict[tuple[str, str], str], skip: set[str]) -> Any:
        values = [(ids[(k, _gexf_type(v))], v) for k, v in data.items() if k not in skip and v is not None]
        if not values:
            return None
        el = etree.Element(f"{{{_GEXF}}}attvalues")
        for ref, v in values:
            etree.SubElement(el, f"{{{_GEXF}}}attvalue", {"for": ref, "value": _gexf_value(v)})
        return el

    with etree.xmlfile(str(out), encoding="utf-8") as xf:
        xf.write_declaration()
        root = {f"{{{_XSI}}}schemaLocation": f"{_GEXF} {_GEXF}/gexf.xsd", "version": "1.2"}
        with xf.element(f"{{{_GEXF}}}gexf", root, nsmap={None: _GEXF, "xsi": _XSI}):
            meta = etree.Element(f"{{{_GEXF}}}meta")
            etree.SubElement(meta, f"{{{_GEXF}}}creator").text = f"Policy Analyser (GEXF as NetworkX {nx.__version__})"
            xf.write(meta)
            kind = "directed" if graph.is_directed() else "undirected"
            with xf.element(f"{{{_GEXF}}}graph", {"defaultedgetype": kind, "mode": "static", "name": ""}):
                for cls, table in (("edge", edge_attrs), ("node", node_attrs)):
                    if table:
                        decl = etree.Element(f"{{{_GEXF}}}attributes", {"mode": "static", "class": cls})
                        for (title, type_), ref in table.items():
                            etree.SubElement(decl, f"{{{_GEXF}}}attribute", {"id": ref, "title": title, "type": type_})
                        xf.write(decl)
                with xf.element(f"{{{_GEXF}}}nodes"):
                    for n, d in graph.nodes(data=True):
                        label = d.get("label")
                        el = etree.Element(f"{{{_GEXF}}}node", {"id": str(n), "label": str(n if label is None else label)})
                        values = attvalues(d, node_attrs, {"label"})
                        if values is not None:
                            el.append(values)
                        xf.write(el)
                with xf.element(f"{{{_GEXF}}}edges"):
                    for i, (u, v, k, d) in enumerate(graph.edges(keys=True, data=True)):
                        el = etree.Element(f"{{{_GEXF}}}edge", {"source": str(u), "target": str(v), "id": str(i)})
                        values = attvalues({**d, "networkx_key": k}, edge_attrs, set())
                        if values is not None:
                            el.append(values)
                        xf.write(el)


def write_json(graph: nx.MultiDiGraph, fh: IO[str]) -> None:
    """Write the node-link JSON of :func:`~analyser.corpus.graph.to_json` one node and one edge at
    a time, so memory stays bounded however large the graph (the same document as ``json.dump(to_json(graph))``).

    >>> import io
    >>> from analyser.corpus.graph import build_graph, to_json
    >>> from analyser.facts import Analysis
    >>> g = build_graph([Analysis.from_dict({"document": {"id": "d1", "published": "2018-09-26"}})])
    >>> buf = io.StringIO(); write_json(g, buf)
    >>> json.loads(buf.getvalue()) == to_json(g)
    True
    """
    dump = functools.partial(json.dumps, ensure_ascii=False)
    head = {"directed": graph.is_directed(), "multigraph": graph.is_multigraph(), "graph": graph.graph}
    fh.write(dump(head)[:-1] + ', "nodes": [')
    for i, (n, d) in enumerate(graph.nodes(data=True)):
        fh.write(("" if i == 0 else ", ") + dump({**d, "id": n}))
    fh.write('], "edges": [')
    for i, (u, v, k, d) in enumerate(graph.edges(keys=True, data=True)):
        fh.write(("" if i == 0 else ", ") + dump({**d, "source": u, "target": v, "key": k, "rel": k}))
    fh.write("]}")


#: characters XML 1.0 cannot hold (a stored text may carry a few control characters)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: Any) -> Any:
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def xml_safe(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph`` itself when every id, key and string attribute can be written as XML; else a copy
    with the characters XML cannot hold replaced by U+FFFD (GraphML and GEXF writers refuse them).

    >>> g = nx.MultiDiGraph(); g.add_node("doc:1", title="第一\x0b条")
    >>> xml_safe(g).nodes["doc:1"]["title"]
    '第一\ufffd条'
    """

    def bad(value: Any) -> bool:
        return isinstance(value, str) and _NOT_XML.search(value) is not None

    dirty = any(bad(n) or any(map(bad, d.values())) for n, d in graph.nodes(data=True)) or any(
        bad(k) or any(map(bad, d.values())) for _, _, k, d in graph.edges(keys=True, data=True)
    )
    if not dirty:
        return graph
    clean = nx.MultiDiGraph(**{k: _xml_text(v) for k, v in graph.graph.items()})
    for n, d in graph.nodes(data=True):
        clean.add_node(_xml_text(n), **{k: _xml_text(v) for k, v in d.items()})
    for u, v, k, d in graph.edges(keys=True, data=True):
        clean.add_edge(_xml_text(u), _xml_text(v), key=_xml_text(k), **{a: _xml_text(x) for a, x in d.items()})
    return clean


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


def _column_types(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
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


def export_neo4j(graph: Any, folder: str | Path) -> Path:
    """Neo4j ``neo4j-admin database import`` files: ``nodes_<type>.csv``, ``edges_<rel>.csv``.

    Node files have the header ``id:ID,:LABEL,<property>:<type>…``, edge files
    ``:START_ID,:END_ID,:TYPE,<property>:<type>…``; ``import.sh`` holds the command line.
    Relation types are upper case (``USES_SLOGAN``), labels capitalised (``Document``).
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} exists and is not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(graph, nx.MultiDiGraph):
        by_type: dict[str, list[tuple[str, dict]]] = {}
        for node, data in sorted(graph.nodes(data=True), key=lambda nd: nd[0]):
            by_type.setdefault(data.get("type", "node"), []).append((node, data))
        by_rel: dict[str, list[tuple[str, str, dict]]] = {}
        for u, v, k, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
            by_rel.setdefault(k, []).append((u, v, data))
        node_groups = [(t, functools.partial(iter, rows)) for t, rows in sorted(by_type.items())]
        edge_groups = [(r, functools.partial(iter, rows)) for r, rows in sorted(by_rel.items())]
    else:  # a graph file: each type and relation read twice (column types, then rows), in id order
        node_groups = [(t, functools.partial(graph.nodes, data=True, type_=t)) for t in graph.node_types()]
        edge_groups = [
            (r, lambda r=r: ((u, v, d) for u, v, d in graph.edges(data=True, rel=r))) for r in graph.relations()
        ]
    args = []
    for type_, rows in node_groups:
        types = _column_types({k: v for k, v in d.items() if k != "type"} for _, d in rows())
        name = f"nodes_{type_}.csv"
        with open(folder / name, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id:ID", ":LABEL", *(f"{k}:{t}" for k, t in types.items())])
            for node, d in rows():
                w.writerow([node, _label(type_), *(_cell(d.get(k)) for k in types)])
        args.append(f"--nodes={name}")
    for rel, rows in edge_groups:
        types = _column_types({k: v for k, v in d.items() if k != "rel"} for _, _, d in rows())
        name = f"edges_{rel}.csv"
        with open(folder / name, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([":START_ID", ":END_ID", ":TYPE", *(f"{k}:{t}" for k, t in types.items())])
            for u, v, d in rows():
                w.writerow([u, v, rel.upper(), *(_cell(d.get(k)) for k in types)])
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
