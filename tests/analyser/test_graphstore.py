"""The graph file answers as the in-memory graph: every node, depths 1 and 2, cuts, filters, search."""
from __future__ import annotations

import json

import pytest
from corpus_fakes import fake_analysis

from analyser.corpus import graphstore
from analyser.corpus.graph import graph_stats, neighbourhood, node_attributes
from analyser.corpus.graphbuild import build_graph_file
from analyser.corpus.graphstore import GraphFile
from analyser.corpus.store import Store
from analyser.errors import InputError, NotFoundError
from api.graphview import find_nodes, node_info

PLACES = ["贵州", "黔西南州", "北京"]
SLOGANS = ["精准扶贫", "精準扶貧", "乡村振兴", "共同富裕"]
TEXTS = [
    f"关于第{i}项工作的通知\n来源：{'国务院' if i % 3 else '振兴司'} 日期：20{10 + i % 7}-0{1 + i % 9}-1{i % 10}\n"
    f"一、总体要求\n坚持“{SLOGANS[i % 4]}”，{PLACES[i % 3]}人均住房面积达到{20 + i}平方米，投入{100 + i}万元。\n"
    f"二、保障措施\n依据《关于第{(i + 5) % 24}项工作的通知》和《易地扶贫搬迁工作方案》，到20{20 + i % 5}年帮扶{i + 1}人，"
    f"坚持“{SLOGANS[(i + 1) % 4]}”。\n"
    for i in range(24)
]


@pytest.fixture(scope="module")
def store():
    s = Store(":memory:")
    for i, t in enumerate(TEXTS):
        s.add_analysis(fake_analysis(t, source=f"d{i}.txt"))
    return s


@pytest.fixture(scope="module")
def graph(store):
    return store.load_graph()


@pytest.fixture(scope="module")
def gfile(store, tmp_path_factory):
    gf = build_graph_file(store, str(tmp_path_factory.mktemp("graph") / "g.sqlite"))
    yield gf
    gf.close()


def test_every_node_and_its_attributes(graph, gfile):
    assert graph.number_of_nodes() > 150
    assert gfile.stats() == graph_stats(graph)
    assert gfile.size() == graph.number_of_nodes() + graph.number_of_edges()
    for n in graph:
        assert gfile.node_attributes(n) == node_attributes(graph, n)
        assert gfile.node_info(n) == node_info(graph, n)
    types = {d["type"] for _, d in graph.nodes(data=True)}
    assert {"document", "section", "quantity", "slogan", "citation", "place", "year", "keyword"} <= types


def test_unknown_node(gfile):
    with pytest.raises(NotFoundError):
        gfile.node_info("doc:nope")
    with pytest.raises(NotFoundError):
        gfile.neighbourhood("doc:nope")
    with pytest.raises(InputError):
        gfile.neighbourhood("year:2012", depth=4)


@pytest.mark.parametrize("small", [2000, 0], ids=["all-at-once", "hub-reads"])
@pytest.mark.parametrize("depth", [1, 2])
def test_every_neighbourhood(graph, gfile, monkeypatch, small, depth):
    monkeypatch.setattr(graphstore, "_SMALL", small)
    for n in graph:
        for limit in (2000, 7):
            want = neighbourhood(graph, n, depth=depth, limit=limit)
            got = gfile.neighbourhood(n, depth=depth, limit=limit)
            assert got == want, (n, depth, limit)
            assert json.dumps(got, ensure_ascii=False) == json.dumps(want, ensure_ascii=False)


@pytest.mark.parametrize("small", [2000, 0], ids=["all-at-once", "hub-reads"])
def test_filtered_and_cut_neighbourhoods(graph, gfile, monkeypatch, small):
    monkeypatch.setattr(graphstore, "_SMALL", small)
    hubs = sorted(graph, key=lambda n: (-graph.degree(n), n))[:12]
    for n in hubs:
        for types in (["document"], ["document", "year"], ["quantity", "slogan", "place"]):
            for limit in (3, 40):
                for depth in (1, 2, 3):
                    want = neighbourhood(graph, n, depth=depth, types=types, limit=limit)
                    assert gfile.neighbourhood(n, depth=depth, types=types, limit=limit) == want


def test_search(graph, gfile):
    for q, types in [(None, None), ("扶贫", None), ("扶貧", ["slogan"]), ("d", ["document", "quantity"]), ("无此", None)]:
        for offset, limit in [(0, 5), (3, 10), (0, 1000)]:
            want = find_nodes(graph, q, types=types, offset=offset, limit=limit)
            assert gfile.find_nodes(q, types=types, offset=offset, limit=limit) == want, (q, types, offset)


def test_open_checks_the_file(tmp_path, gfile):
    assert GraphFile.open(str(tmp_path / "none.sqlite")) is None
    (tmp_path / "bad.sqlite").write_text("not a database")
    assert GraphFile.open(str(tmp_path / "bad.sqlite")) is None
    again = GraphFile.open(gfile.path)
    assert again is not None and again.version == gfile.version
    again.close()


def test_hub_queries_read_by_index(gfile):
    conn = gfile._conn()
    plans = []
    for sql, params in ((graphstore.TYPED_NEIGHBOURS, ("year:2012", "document", 5)), (graphstore.EDGES_BETWEEN, ('["year:2012"]',))):
        plan = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
        plans.append(plan)
        assert not any(p.startswith(("SCAN edges", "SCAN nodes")) for p in plan), plan
    assert any("edges_in" in p for p in plans[0]), plans[0]
    assert "MERGE (UNION)" in plans[0] and not any("TEMP B-TREE" in p for p in plans[0]), plans[0]


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf", "csv"])
def test_exports_stream_the_same_files(graph, gfile, tmp_path, fmt):
    from analyser.corpus.export import export_graph
    from analyser.corpus.graphstream import StreamedGraph

    whole = export_graph(graph, fmt, tmp_path / f"whole.{fmt}")
    streamed = export_graph(StreamedGraph(gfile), fmt, tmp_path / f"streamed.{fmt}")
    if fmt == "csv":
        names = sorted(p.name for p in whole.iterdir())
        assert names == sorted(p.name for p in streamed.iterdir()) and len(names) > 10
        pairs = [(whole / n, streamed / n) for n in names]
    else:
        pairs = [(whole, streamed)]
    for a, b in pairs:
        assert a.read_bytes() == b.read_bytes(), a.name


def test_an_xml_export_replaces_what_xml_cannot_hold(tmp_path):
    from analyser.corpus.export import export_graph
    from analyser.corpus.graphstream import StreamedGraph

    store = Store(":memory:")
    store.add_analysis(fake_analysis("关于\x0b扶贫的通知\n日期：2019-01-02\n坚持“精准\x0b扶贫”。\n", source="x.txt"))
    graph = store.load_graph()
    gf = build_graph_file(store, str(tmp_path / "g.sqlite"))
    for fmt in ("graphml", "gexf"):
        whole = export_graph(graph, fmt, tmp_path / f"whole.{fmt}").read_bytes()
        assert "\ufffd".encode() in whole
        assert export_graph(StreamedGraph(gf), fmt, tmp_path / f"streamed.{fmt}").read_bytes() == whole
    gf.close()


@pytest.mark.parametrize("chunk", [1, 5, 100])
def test_streamed_keywords_are_the_whole_corpus_keywords(store, chunk):
    from analyser.corpus.keywords import tfidf_keywords, tfidf_keywords_streamed

    ids = store._ids()
    whole = tfidf_keywords(store.iter_terms(ids), top=4, n=len(ids))
    assert any(whole)
    assert list(tfidf_keywords_streamed(lambda: store.iter_terms(ids), top=4, n=len(ids), chunk=chunk)) == whole
    assert list(tfidf_keywords_streamed(lambda: [[], []])) == [[], []]
