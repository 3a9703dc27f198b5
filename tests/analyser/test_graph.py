"""The knowledge graph: stable ids, merging across documents and scripts, determinism."""
from __future__ import annotations

import json
import random

import networkx as nx
import pytest
from corpus_fakes import fake_analysis

from analyser.corpus.graph import (
    build_graph,
    from_json,
    graph_stats,
    neighbourhood,
    node_attributes,
    normalize_key,
    to_json,
)  # fmt: skip
from analyser.corpus.store import Store
from analyser.errors import InputError, NotFoundError
from analyser.facts import Analysis

# fmt: off
TEXTS = [
    ("国务院关于易地扶贫搬迁的通知\n来源：国务院 日期：2018-12-30\n一、总体要求\n坚持“精准扶贫”，贵州投入达到800万元。\n"
     "依据《易地扶贫搬迁工作方案》执行。"),
    "易地扶貧搬遷工作總結\n來源：振興司 日期：2021-07-05\n一、工作歷程\n堅持“精準扶貧”，黔西南州搬遷1200人。",
    "易地扶贫搬迁工作方案\n来源：国家发展改革委 日期：2016-09-20\n北京支持“精准扶贫”。",
]
# fmt: on


@pytest.fixture(scope="module")
def analyses() -> list[dict]:
    return [fake_analysis(t, source=f"d{i}.txt") for i, t in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def graph(analyses) -> nx.MultiDiGraph:
    return build_graph(analyses)


def did(analyses, i: int) -> str:
    return "doc:" + analyses[i].document.id


def test_a_formulation_in_both_scripts_is_one_node(graph, analyses):
    users = sorted(u for u, _, k in graph.in_edges("slogan:精准扶贫", keys=True) if k == "uses_slogan")
    assert users == sorted(did(analyses, i) for i in range(3))
    assert graph.nodes["slogan:精准扶贫"]["documents"] == 3
    assert "slogan:精準扶貧" not in graph
    assert graph.has_edge("slogan:精准扶贫", "family:精准", key="variant_of")


@pytest.mark.parametrize(
    "node, type_",
    [("place:贵州省", "place"), ("place:黔西南布依族苗族自治州", "place"), ("org:国务院", "org"),
     ("year:2018", "year"), ("indicator:贵州投入", "indicator"), ("citation:易地扶贫搬迁工作方案", "citation"),
     ("org:振兴司", "org"), ("place:北京市", "place")],
)  # fmt: skip
def test_stable_node_ids(graph, node, type_):
    assert graph.nodes[node]["type"] == type_


def test_document_nodes_and_edges(graph, analyses):
    d0, d1 = did(analyses, 0), did(analyses, 1)
    doc = graph.nodes[d0]
    assert doc["type"] == "document" and doc["title"] == "国务院关于易地扶贫搬迁的通知"
    assert doc["published"] == "2018-12-30" and doc["label"] == doc["title"]
    assert graph.has_edge(d0, "org:国务院", key="issued_by")
    assert graph.has_edge(d0, "year:2018", key="in_year")
    section = f"section:{d0[4:]}:1"
    assert graph.has_edge(d0, section, key="has_section") and graph.nodes[section]["heading"] == "总体要求"
    q = [v for _, v, k in graph.out_edges(d0, keys=True) if k == "states"]
    assert len(q) == 1 and graph.nodes[q[0]]["value"] == 8000000.0 and graph.nodes[q[0]]["unit"] == "元"
    assert graph.has_edge(q[0], "indicator:贵州投入", key="measures")
    assert graph.has_edge(q[0], "place:贵州省", key="in_place")
    assert graph.has_edge(q[0], "year:2018", key="in_year")
    assert graph.has_edge(d1, "place:黔西南布依族苗族自治州", key="mentions")


def test_places_chain_to_their_parents(graph):
    assert graph.has_edge("place:黔西南布依族苗族自治州", "place:贵州省", key="part_of")
    assert not list(graph.successors("place:贵州省"))


def test_mentions_are_counted_on_one_edge(analyses):
    a = fake_analysis("通知\n国务院要求，国务院部署，国务院落实。")
    g = build_graph([a])
    assert g.number_of_edges(f"doc:{a.document.id}", "org:国务院") == 1
    assert g.edges[f"doc:{a.document.id}", "org:国务院", "mentions"]["count"] == 3


def test_a_cited_title_refers_to_the_stored_document(graph, analyses):
    assert graph.has_edge(did(analyses, 0), "citation:易地扶贫搬迁工作方案", key="cites")
    assert graph.has_edge("citation:易地扶贫搬迁工作方案", did(analyses, 2), key="refers_to")


def test_keywords_are_a_string_attribute(graph, analyses):
    kw = graph.nodes[did(analyses, 1)]["keywords"]
    assert isinstance(kw, str) and kw
    assert "搬遷" not in kw  # terms are Simplified


def test_every_attribute_is_a_scalar(graph):
    for _, data in graph.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values()), data
    for _, _, data in graph.edges(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values()), data


def test_the_build_is_deterministic(analyses):
    shuffled = analyses[:]
    random.Random(7).shuffle(shuffled)
    a = json.dumps(to_json(build_graph(analyses)), ensure_ascii=False)
    b = json.dumps(to_json(build_graph(shuffled)), ensure_ascii=False)
    assert a == b


def test_json_round_trip(graph):
    back = from_json(json.loads(json.dumps(to_json(graph), ensure_ascii=False)))
    assert sorted(back.nodes) == sorted(graph.nodes)
    assert sorted(back.edges(keys=True)) == sorted(graph.edges(keys=True))
    assert dict(back.nodes["slogan:精准扶贫"]) == dict(graph.nodes["slogan:精准扶贫"])


def test_stats(graph):
    stats = graph_stats(graph)
    assert stats["nodes"]["document"] == 3 and stats["nodes"]["slogan"] == 1
    assert stats["edges"]["uses_slogan"] == 3 and stats["edges"]["part_of"] == 1


def test_neighbourhood(graph, analyses):
    near = neighbourhood(graph, "slogan:精准扶贫")
    assert {n["id"] for n in near["nodes"]} == {"slogan:精准扶贫", "family:精准"} | {
        did(analyses, i) for i in range(3)
    }
    assert all(e["rel"] in {"uses_slogan", "variant_of"} for e in near["edges"])
    two = neighbourhood(graph, "slogan:精准扶贫", depth=2, types=["document", "year"])
    assert {n["type"] for n in two["nodes"]} == {"slogan", "document", "year"}
    with pytest.raises(InputError):
        neighbourhood(graph, "slogan:精准扶贫", depth=4)
    with pytest.raises(NotFoundError):
        node_attributes(graph, "slogan:不存在")


@pytest.mark.parametrize("limit", [1, 2, 3, 4])
def test_neighbourhood_stops_at_the_limit_and_keeps_every_type(graph, limit):
    full = neighbourhood(graph, "slogan:精准扶贫", depth=2)
    assert full["truncated"] is False
    cut = neighbourhood(graph, "slogan:精准扶贫", depth=2, limit=limit)
    assert len(cut["nodes"]) == limit and cut["truncated"] is True
    assert cut["nodes"][0]["id"] == "slogan:精准扶贫"
    assert [n["depth"] for n in cut["nodes"]] == sorted(n["depth"] for n in cut["nodes"])
    near = {n["type"] for n in full["nodes"] if n["depth"] == 1}
    if limit - 1 >= len(near):
        assert near <= {n["type"] for n in cut["nodes"]}
    kept = {n["id"] for n in cut["nodes"]}
    assert all(e["source"] in kept and e["target"] in kept for e in cut["edges"])


def test_store_graph_follows_the_store_and_its_arguments(analyses):
    store = Store(":memory:")
    store.add_analysis(analyses[0])
    g1 = store.load_graph(keywords=0)
    assert not g1.nodes[did(analyses, 0)].get("keywords")
    assert store.load_graph(keywords=3).nodes[did(analyses, 0)]["keywords"]
    store.add_analysis(analyses[1])
    g2 = store.load_graph()
    assert graph_stats(g2)["nodes"]["document"] == 2
    assert "slogan:精准扶贫" in g2 and g2.nodes["slogan:精准扶贫"]["documents"] == 2


def test_empty_inputs():
    g = build_graph([])
    assert g.number_of_nodes() == 0
    g = build_graph([Analysis.from_dict({"document": {"id": "x"}, "slogans": [{"text": "", "start": 0, "end": 0, "kind": "quoted", "normalized": ""}]})])
    assert list(g.nodes) == ["doc:x"]


@pytest.mark.parametrize("raw, key", [
    ("《國務院關於推進的意見》", "国务院关于推进的意见"),
    (" 精准扶贫 ", "精准扶贫"),
    ("“四个全面”", "四个全面"),
    (None, ""),
])  # fmt: skip
def test_normalize_key(raw, key):
    assert normalize_key(raw) == key


def test_a_three_level_place_chain_has_typed_nodes():
    a = Analysis.from_dict({"document": {"id": "d"}, "entities": [
        {"text": "望谟县", "start": 0, "end": 3, "label": "PLACE", "normalized": "望谟县",
         "parents": ["贵州省", "黔西南布依族苗族自治州"]}]})  # fmt: skip
    g = build_graph([a])
    assert all("type" in d for _, d in g.nodes(data=True))
    assert g.has_edge("place:望谟县", "place:黔西南布依族苗族自治州", key="part_of")
    assert g.has_edge("place:黔西南布依族苗族自治州", "place:贵州省", key="part_of")
    assert g.nodes["place:黔西南布依族苗族自治州"]["label"] == "黔西南布依族苗族自治州"


def test_the_store_streamed_graph_equals_the_graph_of_the_analyses(analyses):
    store = Store(":memory:")
    for a in reversed(analyses):
        store.add_analysis(a)
    streamed = json.dumps(to_json(store.load_graph()), ensure_ascii=False, sort_keys=True)
    direct = json.dumps(to_json(build_graph(analyses)), ensure_ascii=False, sort_keys=True)
    assert streamed == direct
    assert "keywords" in store.load_graph().nodes[did(analyses, 0)]


def test_tfidf_top_words_match_a_full_sort():
    from analyser.corpus.keywords import tfidf_scores

    rng = random.Random(3)
    vocab = [f"词{i:02d}" for i in range(40)]
    docs = [[rng.choice(vocab) for _ in range(rng.randint(5, 60))] for _ in range(30)]
    full = tfidf_scores(docs, top=1000)
    top = tfidf_scores(docs, top=5)
    assert top == [row[:5] for row in full]
    assert tfidf_scores(iter(docs), top=5, n=30) == top
    assert tfidf_scores([[], []]) == [[], []]
