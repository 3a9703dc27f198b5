"""Node look-up in the knowledge graph for the API (neighbourhoods: :func:`analyser.corpus.graph.neighbourhood`).

Examples
--------
>>> from analyser.corpus.graph import build_graph
>>> from analyser.facts import Analysis
>>> g = build_graph([Analysis.from_dict({"document": {"id": "d", "published": "2020-05-01"}, "entities": [
...     {"text": "贵州", "start": 0, "end": 2, "label": "PLACE", "normalized": "贵州省"}]})])
>>> node_info(g, "place:贵州省")["in_degree"]
1
>>> [n["id"] for n in find_nodes(g, "贵州")["items"]]
['place:贵州省']
"""
from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import Any

import networkx as nx

from analyser.errors import NotFoundError
from analyser.text.normalize import simplified_view

__all__ = ["find_nodes", "node_info"]


def node_info(graph: nx.MultiDiGraph, node_id: str) -> dict[str, Any]:
    """A node's attributes with ``id``, ``in_degree`` and ``out_degree``; 404 when absent."""
    if node_id not in graph:
        raise NotFoundError(f"no graph node {node_id!r}")
    return {
        "id": node_id,
        **graph.nodes[node_id],
        "in_degree": graph.in_degree(node_id),
        "out_degree": graph.out_degree(node_id),
    }


def find_nodes(
    graph: nx.MultiDiGraph,
    q: str | None = None,
    *,
    types: Iterable[str] | None = None,
    offset: int = 0,
    limit: int = 50,
) -> dict[str, Any]:
    """Nodes whose label or id contains ``q`` (either script), of the given types, most connected first."""
    key = simplified_view(q or "").strip().lower()
    wanted = set(types) if types else None
    hits = []
    for n, d in graph.nodes(data=True):
        if wanted and d.get("type") not in wanted:
            continue
        if key and key not in str(d.get("label", "")).lower() and key not in n.lower():
            continue
        hits.append(n)
    ranked = heapq.nsmallest(offset + limit + 1, hits, key=lambda n: (-graph.degree(n), n))
    page = ranked[offset : offset + limit]
    items = [{"id": n, **graph.nodes[n], "degree": graph.degree(n)} for n in page]
    return {"items": items, "more": len(ranked) > offset + limit}
