"""A networkx-shaped, read-only view of a graph file, for the exporters: nodes and edges streamed.

The exporters of :mod:`analyser.corpus.export` walk a graph with ``nodes(data=True)`` and
``edges(keys=True, data=True)``; :class:`StreamedGraph` answers these from a
:class:`~analyser.corpus.graphstore.GraphFile` a few rows at a time, in the order of the
in-memory graph, so an export of any size needs no graph in memory and writes the same file.

Examples
--------
>>> import tempfile, os
>>> from analyser.corpus.store import Store
>>> from analyser.corpus.graphbuild import build_graph_file
>>> from analyser.facts import Analysis
>>> store = Store(":memory:")
>>> store.add_analysis(Analysis.from_dict({"document": {"id": "d1", "published": "2020-01-02"}}, text="扶贫"))
True
>>> view = StreamedGraph(build_graph_file(store, os.path.join(tempfile.mkdtemp(), "g.sqlite")))
>>> list(view.nodes())
['doc:d1', 'year:2020', 'keyword:扶贫']
>>> list(view.edges(keys=True))
[('doc:d1', 'year:2020', 'in_year'), ('doc:d1', 'keyword:扶贫', 'has_keyword')]
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .graph import GRAPH_SCHEMA
from .graphstore import GraphFile

__all__ = ["StreamedGraph"]

#: characters XML 1.0 cannot hold (as :func:`analyser.corpus.export.xml_safe` replaces them)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(value: Any) -> Any:
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


class StreamedGraph:
    """The graph of ``file`` as the exporters read a ``networkx.MultiDiGraph``.

    ``rel``: edges carry their key as a ``rel`` attribute too (GraphML, GEXF); ``xml``: every
    id, key and string value has the characters XML cannot hold replaced by U+FFFD.
    """

    def __init__(self, file: GraphFile, *, rel: bool = False, xml: bool = False) -> None:
        self.file = file
        self.rel = rel
        self.xml = xml

    def with_options(self, *, rel: bool | None = None, xml: bool | None = None) -> StreamedGraph:
        """The same graph with other options."""
        return StreamedGraph(
            self.file, rel=self.rel if rel is None else rel, xml=self.xml if xml is None else xml
        )

    @property
    def graph(self) -> dict[str, Any]:
        """The graph attributes (a fresh dict: writers may pop from it)."""
        return {"schema": GRAPH_SCHEMA}

    def is_directed(self) -> bool:
        return True

    def is_multigraph(self) -> bool:
        return True

    def number_of_nodes(self) -> int:
        return sum(self.file.stats()["nodes"].values())

    def number_of_edges(self) -> int:
        return sum(self.file.stats()["edges"].values())

    def node_types(self) -> list[str]:
        """The node types, sorted."""
        return sorted(self.file.stats()["nodes"])

    def relations(self) -> list[str]:
        """The edge relations, sorted."""
        return sorted(self.file.stats()["edges"])

    def nodes(self, data: bool = False, type_: str | None = None) -> Iterator[Any]:
        """Node ids, or ``(id, attributes)`` with ``data`` (of one type: in id order)."""
        for n, d in self.file.iter_nodes(type_):
            if self.xml:
                n, d = _xml(n), {k: _xml(v) for k, v in d.items()}
            yield (n, d) if data else n

    def edges(self, keys: bool = False, data: bool = False, rel: str | None = None) -> Iterator[tuple]:
        """``(u, v[, key][, attributes])`` of every edge (of one relation: by ``u``, ``v``)."""
        for u, v, k, d in self.file.iter_edges(rel):
            if self.rel:
                d["rel"] = k
            if self.xml:
                u, v, k, d = _xml(u), _xml(v), _xml(k), {a: _xml(x) for a, x in d.items()}
            yield (u, v, *((k,) if keys else ()), *((d,) if data else ()))
