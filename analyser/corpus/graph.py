"""The knowledge graph of a corpus: documents, their structure and the facts they share.

This module alone owns the graph schema. The graph is a ``networkx.MultiDiGraph``; every
edge's key is its relation name, and there is at most one edge of a relation between two
nodes (repeated mentions are counted on it). In memory the relation is only the key (a large
graph has millions of edges); the exports add it as a ``rel`` edge attribute. Every node has
``type`` and ``label``; all attribute values are strings, integers, floats or booleans (never
``None``, lists or dicts), so GraphML, GEXF and Neo4j CSV can hold them.

Nodes (id: ``type`` – attributes)
---------------------------------
``doc:<doc id>``
    document – title, issuer, published, source, script, chars, doc_number, keywords
    (corpus TF-IDF, ``", "``-joined, best first)
``section:<doc id>:<path>``, ``point:…``, ``item:…``
    outline node (``path`` = positions from the top, ``1.2``) – level, number, marker,
    heading, char_start, char_end, doc
``quantity:<doc id>:<start>-<end>``
    quantity – text, value, unit, qualifier, lower, upper, indicator, time, place,
    modality (target/actual), binding, year (the year the value refers to), concept,
    char_start, char_end, doc
``indicator:<Simplified indicator>``
    what quantities measure, as written
``concept:<id>``
    indicator concept of the vocabulary (``analyser/data/indicators.tsv``: gdp_growth,
    urban_new_jobs …) – documents, mentions
``keyword:<word>``
    a corpus TF-IDF keyword of at least one document – documents
``slogan:<normalized>``
    formulation, merged across documents and scripts – kind, documents, mentions
``family:<key>``
    variant group of formulations
``citation:<normalized title>``
    cited document – title, doc_type, doc_number, documents, mentions
``person:<normalized>``, ``org:<normalized>``, ``place:<normalized>``
    entities merged across documents – documents, mentions
``year:<YYYY>``
    a year – year

Edges (source → target: key)
----------------------------
- doc → section/point/item: ``has_section``, ``has_point``, ``has_item`` (also outline
  node → child node), attributes ``order``
- doc → quantity: ``states``; quantity → indicator: ``measures``
- quantity → concept: ``instance_of`` (``modality``, ``year``, ``place`` when known);
  indicator → concept: ``canonical``; doc → concept: ``reports`` (``count``)
- section/point/item → quantity, slogan, citation: ``contains`` (``count``): the facts whose
  start lies in the outline node, linked from the innermost node holding them
- doc → keyword: ``has_keyword`` (``rank``, 1 = best)
- quantity → place: ``in_place`` (a place name the gazetteer knows, such as 贵州, becomes its
  division's full name, 贵州省, so it meets the entity nodes)
- quantity → year (its time) and doc → year (publication): ``in_year``
- doc → slogan: ``uses_slogan`` (``count``, ``first``: offset of the first mention)
- slogan → family: ``variant_of``
- doc → citation: ``cites`` (``count``); a short citation (《建议》) is merged into the full
  title it abbreviates in its document; citation → doc: ``refers_to`` when a stored
  document's title is the cited title, or its document number the cited number
- doc → person/org/place: ``mentions`` (``count``)
- place → place: ``part_of`` (the entity's ``parents``, broadest first, form a chain)
- doc → org: ``issued_by`` (the document's issuer)

The build is deterministic: documents in id order, facts in text order, so the same store
always gives the same graph (and the same files when exported).

Examples
--------
>>> from analyser.facts import Analysis
>>> a = Analysis.from_dict({"document": {"id": "d1", "title": {"text": "通知", "start": 0, "end": 2}},
...      "slogans": [{"text": "精準扶貧", "start": 3, "end": 7, "normalized": "精准扶贫", "kind": "quoted"}]})
>>> b = Analysis.from_dict({"document": {"id": "d2"},
...      "slogans": [{"text": "精准扶贫", "start": 0, "end": 4, "normalized": "精准扶贫", "kind": "quoted"}]})
>>> g = build_graph([a, b])
>>> sorted(u for u, _ in g.in_edges("slogan:精准扶贫"))
['doc:d1', 'doc:d2']
>>> graph_stats(g)["nodes"]
{'document': 2, 'slogan': 1}
"""
from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any

import networkx as nx

from analyser.facts import Analysis, OutlineNode, Quantity, Span
from analyser.text.docnumbers import number_key
from analyser.text.normalize import simplified_view

from .containment import innermost

__all__ = [
    "GRAPH_SCHEMA",
    "build_graph",
    "from_json",
    "graph_stats",
    "neighbourhood",
    "node_attributes",
    "normalize_key",
    "to_json",
]

GRAPH_SCHEMA = "policy-analyser/graph@1"
_ENTITY_TYPES = {"PERSON": "person", "ORG": "org", "PLACE": "place"}
_OUTLINE_EDGE = {"section": "has_section", "point": "has_point", "item": "has_item"}
_BRACKETS = re.compile(r"^[《〈“\"']+|[》〉”\"']+$")
_YEAR = re.compile(r"(1[89]\d\d|2[01]\d\d)")
_ISSUER_SPLIT = re.compile(r"[、，,；;\s]+")


@lru_cache(maxsize=1 << 16)
def normalize_key(text: str | None) -> str:
    """The merge key of a name: Simplified view, surrounding quotes and brackets and spaces removed.

    >>> normalize_key(" 《國務院關於…的通知》 ")
    '国务院关于…的通知'
    """
    if not text:
        return ""
    return _BRACKETS.sub("", simplified_view(text).strip()).strip()


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in attrs.items():
        if v is None:
            continue
        if isinstance(v, (list, tuple)):
            v = ", ".join(str(x) for x in v)
        elif not isinstance(v, (str, int, float, bool)):
            v = str(v)
        out[k] = v
    return out


class _Builder:
    def __init__(self) -> None:
        self.g = nx.MultiDiGraph(schema=GRAPH_SCHEMA)
        self.doc_sets: dict[str, set[str]] = {}
        self.mentions: Counter[str] = Counter()

    def node(self, node_id: str, type_: str, label: str, **attrs: Any) -> str:
        if node_id not in self.g:
            self.g.add_node(node_id, type=type_, label=label, **_clean(attrs))
        return node_id

    def edge(self, u: str, v: str, rel: str, **attrs: Any) -> None:
        if self.g.has_edge(u, v, key=rel):
            data = self.g.edges[u, v, rel]
            if "count" in data:
                data["count"] += 1
            return
        self.g.add_edge(u, v, key=rel, **_clean(attrs))

    def seen(self, node_id: str, doc_id: str) -> None:
        self.doc_sets.setdefault(node_id, set()).add(doc_id)
        self.mentions[node_id] += 1

    def year(self, value: Any) -> str | None:
        m = _YEAR.search(value) if isinstance(value, str) else None
        if not m:
            return None
        return self.node(f"year:{m.group(1)}", "year", m.group(1), year=int(m.group(1)))

    def place(self, name: str, parents: Iterable[str] = ()) -> str | None:
        key = normalize_key(name)
        if not key:
            return None
        node = self.node(f"place:{key}", "place", key)
        chain = [normalize_key(p) for p in parents if normalize_key(p)]
        if chain and chain[-1] == key:
            chain.pop()
        chain.append(key)
        for link in chain:
            self.node(f"place:{link}", "place", link)
        for parent, child in pairwise(chain):
            self.edge(f"place:{child}", f"place:{parent}", "part_of")
        return node

    def outline(self, doc_id: str, parent: str, nodes: Sequence[OutlineNode], prefix: str) -> None:
        for i, n in enumerate(nodes, 1):
            path = f"{prefix}.{i}" if prefix else str(i)
            kind = n.kind if n.kind in _OUTLINE_EDGE else "item"
            heading = span_text(n.heading)
            marker = n.marker.text
            node = self.node(
                f"{kind}:{doc_id}:{path}", kind, heading or marker or path, level=n.level,
                number=n.number, marker=marker, heading=heading, char_start=n.start,
                char_end=n.end, doc=doc_id,
            )  # fmt: skip
            self.edge(parent, node, _OUTLINE_EDGE[kind], order=i)
            self.spans.append((n.start, n.end, node))
            self.outline(doc_id, node, n.children, path)

    def document(self, analysis: Analysis, keywords: list[str]) -> None:
        d = analysis.document
        doc_id = d.id
        title = span_text(d.title)
        issuer = span_text(d.issuer)
        doc = self.node(
            f"doc:{doc_id}", "document", title or d.source or doc_id, title=title, issuer=issuer,
            published=d.published, source=d.source, script=d.script,
            chars=d.chars, doc_number=span_text(d.doc_number), keywords=keywords,
        )  # fmt: skip
        if (year := self.year(d.published)) is not None:
            self.edge(doc, year, "in_year")
        for name in _ISSUER_SPLIT.split(normalize_key(issuer)) if issuer else ():
            if name:
                self.edge(doc, self.node(f"org:{name}", "org", name), "issued_by")
        self.spans: list[tuple[int, int, str]] = []
        self.outline(doc_id, doc, analysis.outline, "")
        facts: list[tuple[int, str]] = []  # (start, node) of the facts the outline may contain
        for q in analysis.quantities:
            facts.append((q.start, self.quantity(doc_id, doc, q, d.published)))
        for s in analysis.slogans:
            key = normalize_key(s.normalized or s.text)
            if not key:
                continue
            node = self.node(f"slogan:{key}", "slogan", key, kind=s.kind)
            self.seen(node, doc_id)
            self.edge(doc, node, "uses_slogan", count=1, first=s.start)
            facts.append((s.start, node))
            if fam := normalize_key(s.family):
                self.edge(node, self.node(f"family:{fam}", "family", fam), "variant_of")
        for c in analysis.citations:
            key = normalize_key(c.refers_to or c.normalized or c.title or c.text)
            if not key:
                continue
            node = self.node(
                f"citation:{key}", "citation", key, title=c.title, doc_type=c.doc_type,
                doc_number=c.doc_number,
            )  # fmt: skip
            self.seen(node, doc_id)
            self.edge(doc, node, "cites", count=1)
            facts.append((c.start, node))
        for e in analysis.entities:
            type_ = _ENTITY_TYPES.get(e.label)
            key = normalize_key(e.normalized or e.text)
            if not type_ or not key:
                continue
            node = self.place(key, e.parents) if type_ == "place" else None
            node = node or self.node(f"{type_}:{key}", type_, key)
            self.seen(node, doc_id)
            self.edge(doc, node, "mentions", count=1)
        if self.spans and facts:
            for (_, fact), holder in zip(facts, innermost(self.spans, [p for p, _ in facts])):
                if holder is not None:
                    self.edge(holder, fact, "contains", count=1)
        for rank, word in enumerate(keywords, 1):
            node = self.node(f"keyword:{word}", "keyword", word)
            self.seen(node, doc_id)
            self.edge(doc, node, "has_keyword", rank=rank)

    def quantity(self, doc_id: str, doc: str, q: Quantity, published: str | None = None) -> str:
        from analyser.extract.quantities.modality import reference_year

        indicator = span_text(q.indicator)
        year = reference_year(q.time, q.modality, published)
        node = self.node(
            f"quantity:{doc_id}:{q.start}-{q.end}", "quantity", q.text,
            text=q.text, value=_num(q.value), unit=q.unit, qualifier=q.qualifier, lower=_num(q.lower),
            upper=_num(q.upper), indicator=indicator, time=q.time, place=q.place, modality=q.modality,
            binding=q.binding, year=year, concept=q.canonical[0] if q.canonical else None,
            char_start=q.start, char_end=q.end, doc=doc_id,
        )  # fmt: skip
        self.edge(doc, node, "states")
        ind = normalize_key(indicator)
        if ind:
            self.edge(node, self.node(f"indicator:{ind}", "indicator", ind), "measures")
        if q.canonical:
            concept = self.node(f"concept:{q.canonical[0]}", "concept", q.canonical[1], concept=q.canonical[0])
            self.seen(concept, doc_id)
            self.edge(node, concept, "instance_of", modality=q.modality, year=year, place=q.place)
            self.edge(doc, concept, "reports", count=1)
            if ind:
                self.edge(f"indicator:{ind}", concept, "canonical")
        if q.place and (place := self.place(*_resolve_place(q.place))):
            self.edge(node, place, "in_place")
        if (year_node := self.year(q.time)) is not None:
            self.edge(node, year_node, "in_year")
        return node

    def finish(self, titles: dict[str, str], numbers: dict[str, str] | None = None) -> nx.MultiDiGraph:
        numbers = numbers or {}
        for node, docs in self.doc_sets.items():
            self.g.nodes[node]["documents"] = len(docs)
            self.g.nodes[node]["mentions"] = self.mentions[node]
        for node, data in list(self.g.nodes(data=True)):
            if data["type"] != "citation":
                continue
            target = titles.get(node[len("citation:") :]) or numbers.get(number_key(data.get("doc_number")))
            if target is not None:
                self.edge(node, target, "refers_to")
        return self.g


def _resolve_place(name: str) -> tuple[str, list[str]]:
    """A quantity's place as written (贵州) -> the division's full name and ancestors, when unique."""
    try:
        from analyser.extract.entities.gazetteer import gazetteer

        gz = gazetteer()
        found = gz.lookup(normalize_key(name))
    except Exception:  # noqa: BLE001 - without the gazetteer, the name stays as written
        return name, []
    if len(found) != 1:
        return name, []
    chain = gz.chain(found[0])
    return chain[-1], chain[:-1]


def span_text(span: Span | None) -> str | None:
    """The text of a span, or ``None``."""
    return None if span is None else span.text


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def build_graph(
    analyses: Iterable[Analysis],
    *,
    keywords: int = 10,
    terms: Iterable[list[str]] | None = None,
    ordered: bool = False,
    n: int | None = None,
) -> nx.MultiDiGraph:
    """Build the corpus graph from analyses.

    Parameters
    ----------
    analyses : the documents' analyses.
    keywords : how many TF-IDF keywords to keep per document (0: none).
    terms : the documents' content words, in the order of ``analyses``; without them, each
        analysis's tokens give its words (a stored analysis has none: the store passes the terms
        it keeps).
    ordered : ``analyses`` (and ``terms``) already come in document id order and are streamed;
        otherwise they are collected and sorted.
    n : the number of documents, when streaming (lets common words be pruned from keywords).
    """
    from .keywords import tfidf_keywords
    from .store.prepare import document_terms

    if not ordered or terms is None:
        items = sorted(analyses, key=lambda a: a.document.id) if not ordered else list(analyses)
        given = list(terms) if terms is not None else None
        if given is not None and not ordered:
            raise ValueError("terms go with ordered analyses (or leave them out)")
        stream: Iterable[Analysis] = items
        all_terms: Iterable[list[str]] = given if given is not None else [
            document_terms(a.tokens, "") if a.tokens else [] for a in items
        ]
        n = len(items)
    else:
        stream, all_terms = analyses, terms
    kw = tfidf_keywords(all_terms, top=keywords, n=n) if keywords else []
    builder = _Builder()
    titles: dict[str, str] = {}
    numbers: dict[str, str] = {}
    for i, analysis in enumerate(stream):
        builder.document(analysis, kw[i] if i < len(kw) else [])
        key = normalize_key(span_text(analysis.document.title))
        if key:
            titles.setdefault(key, f"doc:{analysis.document.id}")
        if number := number_key(span_text(analysis.document.doc_number)):
            numbers.setdefault(number, f"doc:{analysis.document.id}")
    return builder.finish(titles, numbers)


def graph_stats(graph: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Node counts per ``type`` and edge counts per relation, each sorted by name.

    >>> g = nx.MultiDiGraph(); g.add_node("year:2020", type="year")
    >>> graph_stats(g)
    {'nodes': {'year': 1}, 'edges': {}}
    """
    nodes = Counter(d.get("type", "?") for _, d in graph.nodes(data=True))
    edges = Counter(k for _, _, k in graph.edges(keys=True))
    return {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items()))}


def node_attributes(graph: nx.MultiDiGraph, node_id: str) -> dict[str, Any]:
    """A node's attributes with its ``id``; :class:`~analyser.errors.NotFoundError` when absent."""
    from analyser.errors import NotFoundError

    if node_id not in graph:
        raise NotFoundError(f"no graph node {node_id!r}")
    return {"id": node_id, **graph.nodes[node_id]}


def neighbourhood(
    graph: nx.MultiDiGraph, node_id: str, *, depth: int = 1, types: Iterable[str] | None = None,
    limit: int = 2000,
) -> dict[str, Any]:  # fmt: skip
    """Nodes within ``depth`` steps of ``node_id`` (either direction), nearest first, and the edges between them.

    ``types`` keeps only neighbours of these node types (the start node is always kept). The
    walk stops as soon as ``limit`` nodes are found, so a hub (a year, a province reaching most
    of the graph in two steps) costs no more than any node; ``truncated`` tells whether more
    were reachable. When the last step does not fit, its nodes are taken in turn from each
    node type, so a cut keeps every type present.

    >>> from analyser.facts import Analysis
    >>> g = build_graph([Analysis.from_dict({"document": {"id": "d"}, "entities": [
    ...     {"text": "贵州", "start": 0, "end": 2, "label": "PLACE", "normalized": "贵州省"}]})])
    >>> view = neighbourhood(g, "doc:d")
    >>> [n["id"] for n in view["nodes"]], view["truncated"]
    (['doc:d', 'place:贵州省'], False)
    """
    from analyser.errors import InputError

    if not 1 <= depth <= 3:
        raise InputError(f"depth must be 1, 2 or 3, got {depth}")
    node_attributes(graph, node_id)
    wanted = set(types) if types else None
    # the plain dicts behind graph.succ, graph.pred and graph.nodes: views cost a call per item
    succ, pred, attrs = graph._succ, graph._pred, graph._node
    seen = {node_id: 0}
    order = [node_id]
    frontier = [node_id]
    truncated = False
    for step in range(1, depth + 1):
        nxt = []
        for u in frontier:
            fresh = [
                v
                for v in succ[u].keys() | pred[u].keys()
                if v not in seen and not (wanted and attrs[v].get("type") not in wanted)
            ]
            room = limit - len(order)
            if len(fresh) > room:
                truncated = True
                fresh = _diverse(attrs, fresh, room)
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
    nodes = [{"id": n, "depth": seen[n], **attrs[n]} for n in order]
    edges = []
    for u in order:
        out = succ[u]
        # a hub has thousands of successors: look the kept nodes up in it instead
        targets = [v for v in out if v in seen] if len(out) <= len(order) else [v for v in order if v in out]
        for v in targets:
            for k, d in out[v].items():
                edges.append({"source": u, "target": v, "rel": k, **{a: b for a, b in d.items() if a != "rel"}})
    edges.sort(key=lambda e: (e["source"], e["target"], e["rel"]))
    return {"nodes": nodes, "edges": edges, "truncated": truncated}


def _diverse(attrs: dict[str, dict[str, Any]], nodes: list[str], room: int) -> list[str]:
    """``room`` of ``nodes``, taken in turn from each node type (ids in order within a type).

    ``attrs`` maps node ids to their attributes. A cut by id alone would keep one or two
    types (all ``citation:`` before any ``slogan:``).
    """
    by_type: dict[str, list[str]] = {}
    for n in nodes:
        by_type.setdefault(str(attrs[n].get("type", "")), []).append(n)
    queues = [heapq.nsmallest(room, group) for _, group in sorted(by_type.items())]
    out: list[str] = []
    level = 0
    while len(out) < room:
        for q in queues:
            if level < len(q) and len(out) < room:
                out.append(q[level])
        level += 1
    return out


def to_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """node-link JSON (``nodes``, ``edges``; each edge with ``key`` and ``rel``), loadable by :func:`from_json`."""
    data = nx.node_link_data(graph, edges="edges")
    for edge in data["edges"]:
        edge["rel"] = edge["key"]
    return data


def from_json(data: dict[str, Any]) -> nx.MultiDiGraph:
    """The graph back from :func:`to_json` output."""
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    for _, _, d in graph.edges(data=True):
        d.pop("rel", None)
    return graph
