"""Memory of a graph export: whole in memory (as ``/graph/export`` once did) against streamed to a file.

For each format, the peak of Python allocations (``tracemalloc``) while the export is made, with
the graph already built (the graph itself is not counted), in bytes per character of the
corpus. "in memory" is the export built as one ``bytes`` object (``json.dumps`` of the
node-link dict, ``generate_graphml`` joined, GEXF into a buffer); "streamed" is what the API
does now (:meth:`api.graphcache.GraphCache.export_file`: written to a temporary file as it is
generated, then streamed from disk).

Run: ``.venv/bin/python benchmarks/export_memory.py --db STORE.db``
"""
from __future__ import annotations

import argparse
import io
import json
import tracemalloc

import networkx as nx

from analyser.corpus.graph import to_json
from analyser.corpus.store import Store
from api.graphcache import GraphCache


def in_memory(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps(to_json(graph), ensure_ascii=False).encode("utf-8")
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(graph, encoding="utf-8")).encode("utf-8")
    buf = io.BytesIO()
    nx.write_gexf(graph, buf, encoding="utf-8")
    return buf.getvalue()


def peak(fn) -> tuple[int, object]:
    tracemalloc.start()
    tracemalloc.reset_peak()
    result = fn()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    store = Store(args.db, readonly=True)
    chars = store._rows("SELECT coalesce(sum(chars), 0) FROM documents")[0][0] or 1
    cache = GraphCache(store)
    graph = store.load_graph()
    print(f"store {args.db}: {store.count_documents()} documents, {chars:,} characters; "
          f"graph {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges")  # fmt: skip
    print(f"{'format':<8} {'size':>12} {'in memory':>22} {'streamed':>22}")
    for fmt in ("json", "graphml", "gexf"):
        whole_peak, data = peak(lambda f=fmt: in_memory(graph, f))
        size = len(data)  # type: ignore[arg-type]
        del data
        cache.close()
        cache._exports = {}
        stream_peak, opened = peak(lambda f=fmt: cache.export_file(f))
        opened[0].close()  # type: ignore[index]
        print(
            f"{fmt:<8} {size:>12,} {whole_peak:>12,} ({whole_peak / chars:5.1f}/ch) "
            f"{stream_peak:>12,} ({stream_peak / chars:5.1f}/ch)"
        )
    cache.close()


if __name__ == "__main__":
    main()
