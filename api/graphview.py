"""Bounded views of the knowledge graph for the API: neighbourhoods and node look-up.

:func:`analyser.graph.neighbourhood` walks the whole neighbourhood before cutting it to size;
on a large corpus a hub (a year, a province) reaches most of the graph within two steps. The
walk here stops as soon as ``limit`` nodes are found and says so (``truncated``), so one
request stays cheap whatever the node. Node and edge dicts have the same shape as
:func:`analyser.graph.neighbourhood`'s.

Examples
--------
>>> from analyser.graph import build_graph
>>> g = build_graph([{"document": {"id": "d", "published": "2020-05-01"}, "entities": [
...     {"text": "贵州", "start": 0, "end": 2, "label": "PLACE", "normalized": "贵州省"}]}])
>>> view = bounded_neighbourhood(g, "doc:d", depth=1)
>>> [n["id"] for n in view["nodes"]], view["truncated"]
(['doc:d', 'place:贵州省', 'year:2020'], False)
>>> [n["id"] for n in find_nodes(g, "贵州")["items"]]
['place:贵州省']
"""
from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import Any

import networkx as nx

from analyser.errors import InputError, NotFoundError
from analyser.normalize import simplified_view

__all__ = ["bounded_neighbourhood", "find_nodes", "node_info"]


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


def bounded_neighbourhood(
    graph: nx.MultiDiGraph,
    node_id: str,
    *,
    depth: int = 1,
    types: Iterable[str] | None = None,
    limit: int = 500,
) -> dict[str, Any]:
    """Nodes within ``depth`` steps of ``node_id`` (either direction), nearest first, and their edges.

    ``types`` keeps only neighbours of these node types (the start node is always kept);
    at most ``limit`` nodes are returned and ``truncated`` tells whether more were reachable.
    """
    if not 1 <= depth <= 3:
        raise InputError(f"depth must be 1, 2 or 3, got {depth}")
    if node_id not in graph:
        raise NotFoundError(f"no graph node {node_id!r}")
    wanted = set(types) if types else None
    seen = {node_id: 0}
    order = [node_id]
    frontier = [node_id]
    truncated = False
    for step in range(1, depth + 1):
        nxt = []
        for u in frontier:
            fresh = [
                v
                for v in set(graph.successors(u)) | set(graph.predecessors(u))
                if v not in seen and not (wanted and graph.nodes[v].get("type") not in wanted)
            ]
            room = limit - len(order)
            if len(fresh) > room:
                truncated = True
                fresh = _diverse(graph, fresh, room)
            else:
                fresh.sort()
            for v in fresh:
                seen[v] = step
                order.append(v)
                nxt.append(v)
            if truncated:
                break
        if truncated:
            break
        frontier = nxt
    nodes = [{"id": n, "depth": seen[n], **graph.nodes[n]} for n in order]
    edges = []
    for u in order:
        for v, keyed in graph.succ[u].items():
            if v in seen:
                for k, d in keyed.items():
                    edges.append({"source": u, "target": v, "rel": k, **{a: b for a, b in d.items() if a != "rel"}})
    edges.sort(key=lambda e: (e["source"], e["target"], e["rel"]))
    return {"nodes": nodes, "edges": edges, "truncated": truncated}


def _diverse(graph: nx.MultiDiGraph, nodes: list[str], room: int) -> list[str]:
    """``room`` of ``nodes``, taken in turn from each node type (ids in order within a type).

    A cut by id alone would keep one or two types (all ``citation:`` before any ``slogan:``).
    """
    by_type: dict[str, list[str]] = {}
    for n in nodes:
        by_type.setdefault(str(graph.nodes[n].get("type", "")), []).append(n)
    queues = [heapq.nsmallest(room, group) for _, group in sorted(by_type.items())]
    out: list[str] = []
    depth = 0
    while len(out) < room:
        for q in queues:
            if depth < len(q) and len(out) < room:
                out.append(q[depth])
        depth += 1
    return out


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
