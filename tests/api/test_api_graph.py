"""The knowledge graph endpoints: node, neighbourhood, look-up, statistics, exports."""
from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from api_fixtures import *  # noqa: F401,F403 - the shared fixtures


def test_node(client, doc_ids):
    node = client.get(f"/graph/nodes/doc:{doc_ids['jobs']}").json()
    assert node["id"] == f"doc:{doc_ids['jobs']}"
    assert node["type"] == "document"
    assert node["title"] == "国务院关于做好2024年就业工作的通知"
    assert node["out_degree"] > 0


def test_node_ids_with_any_characters(client):
    node = client.get("/graph/nodes/slogan:稳就业").json()
    assert node["type"] == "slogan" and node["documents"] == 3


def test_unknown_node_is_404(client):
    for path in ("/graph/nodes/doc:nope", "/graph/nodes/doc:nope/neighbors"):
        r = client.get(path)
        assert r.status_code == 404
        assert r.json() == {"ok": False, "status": 404, "error": "no graph node 'doc:nope'"}


def test_neighbours_depth_one(client, doc_ids):
    body = client.get("/graph/nodes/slogan:稳就业/neighbors").json()
    ids = {n["id"] for n in body["nodes"]}
    assert {f"doc:{d}" for d in doc_ids.values()} <= ids
    assert all(n["depth"] in (0, 1) for n in body["nodes"])
    assert body["nodes"][0]["id"] == "slogan:稳就业"
    assert body["truncated"] is False
    for e in body["edges"]:
        assert e["source"] in ids and e["target"] in ids and e["rel"]
    into = {(e["source"], e["rel"]) for e in body["edges"] if e["target"] == "slogan:稳就业"}
    assert {x for x in into if x[0].startswith("doc:")} == {(f"doc:{d}", "uses_slogan") for d in doc_ids.values()}
    assert {rel for _, rel in into} <= {"uses_slogan", "contains"}  # outline nodes contain it too


def test_neighbours_deeper_and_filtered(client, doc_ids):
    one = client.get("/graph/nodes/slogan:稳就业/neighbors", params={"depth": 1}).json()
    two = client.get("/graph/nodes/slogan:稳就业/neighbors", params={"depth": 2}).json()
    assert len(two["nodes"]) > len(one["nodes"])
    assert max(n["depth"] for n in two["nodes"]) == 2
    years = client.get("/graph/nodes/slogan:稳就业/neighbors", params={"depth": 2, "type": "document,year"}).json()
    assert {n["type"] for n in years["nodes"][1:]} == {"document", "year"}
    repeated = client.get(
        "/graph/nodes/slogan:稳就业/neighbors", params=[("depth", 2), ("type", "document"), ("type", "year")]
    ).json()
    assert repeated == years


def test_neighbours_limit_truncates(client):
    body = client.get("/graph/nodes/slogan:稳就业/neighbors", params={"depth": 3, "limit": 2}).json()
    assert len(body["nodes"]) == 2 and body["truncated"] is True


@pytest.mark.parametrize("depth", [0, 4, "x"])
def test_neighbours_depth_is_checked(client, depth):
    r = client.get("/graph/nodes/slogan:稳就业/neighbors", params={"depth": depth})
    assert r.status_code == 422 and r.json()["status"] == 422


def test_node_lookup(client):
    items = client.get("/graph/nodes", params={"q": "就业", "type": "slogan"}).json()["items"]
    assert items[0]["id"] == "slogan:稳就业"
    assert all(i["type"] == "slogan" for i in items)
    assert client.get("/graph/nodes", params={"q": "无此节点"}).json() == {"items": [], "next": None}


def test_stats(client):
    stats = client.get("/graph/stats").json()
    assert stats["nodes"]["document"] == 3
    assert stats["edges"]["uses_slogan"] >= 3


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_export(client, fmt):
    r = client.get("/graph/export", params={"format": fmt})
    assert r.status_code == 200
    assert f"graph.{fmt}" in r.headers["content-disposition"]
    if fmt == "graphml":
        g = nx.read_graphml(io.BytesIO(r.content))
    elif fmt == "gexf":
        g = nx.read_gexf(io.BytesIO(r.content))
    else:
        g = nx.node_link_graph(json.loads(r.content), edges="edges")
    stats = client.get("/graph/stats").json()
    assert g.number_of_nodes() == sum(stats["nodes"].values())
    assert "slogan:稳就业" in g


def test_export_unknown_format(client):
    r = client.get("/graph/export", params={"format": "csv"})
    assert r.status_code == 422


def test_truncated_neighbourhood_keeps_every_type(client, doc_ids):
    full = client.get(f"/graph/nodes/doc:{doc_ids['jobs']}/neighbors").json()
    types = {n["type"] for n in full["nodes"][1:]}
    assert len(types) >= 4
    cut = client.get(f"/graph/nodes/doc:{doc_ids['jobs']}/neighbors", params={"limit": len(types) + 1}).json()
    assert cut["truncated"] is True
    assert {n["type"] for n in cut["nodes"][1:]} == types


def test_the_endpoints_answer_as_the_in_memory_graph(client, store_path):
    """Every node type, depths 1 and 2, whole and cut: the served file equals the graph built in memory."""
    from analyser.corpus.graph import graph_stats, neighbourhood
    from analyser.corpus.store import Store
    from api.graphview import find_nodes, node_info

    with Store(store_path, readonly=True) as store:
        graph = store.load_graph()
    assert client.get("/graph/stats").json() == graph_stats(graph)
    by_type: dict[str, list[str]] = {}
    for n, d in graph.nodes(data=True):
        by_type.setdefault(d["type"], []).append(n)
    assert len(by_type) >= 10
    for type_, ids in sorted(by_type.items()):
        ranked = sorted(ids, key=lambda n: (-graph.degree(n), n))
        for n in ranked[:3] + ranked[-2:]:
            assert client.get(f"/graph/nodes/{n}").json() == node_info(graph, n)
            for depth in (1, 2):
                for limit in (500, 9):
                    params = {"depth": depth, "limit": limit}
                    got = client.get(f"/graph/nodes/{n}/neighbors", params=params).json()
                    assert got == neighbourhood(graph, n, depth=depth, limit=limit), (n, depth, limit)
            typed = client.get(f"/graph/nodes/{n}/neighbors", params={"depth": 2, "type": "document,slogan"}).json()
            assert typed == neighbourhood(graph, n, depth=2, types=["document", "slogan"], limit=500)
    for q, types in [("就业", None), ("就业", "slogan"), ("", "document")]:
        params = {"q": q, "limit": 5} if not types else {"q": q, "type": types, "limit": 5}
        items = client.get("/graph/nodes", params=params).json()["items"]
        assert items == find_nodes(graph, q, types=[types] if types else None, limit=5)["items"]
