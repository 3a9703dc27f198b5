"""Exports load back: GraphML, GEXF, node-link JSON, Neo4j CSV, fact tables; the corpus sub-commands."""
from __future__ import annotations

import argparse
import csv
import json

import networkx as nx
import pandas as pd
import pytest
from corpus_fakes import fake_analysis

from analyser.cli.corpus import add_facts_parser, add_graph_parser, add_ingest_parser
from analyser.corpus.export import FACT_EXPORTS, export_facts, export_graph
from analyser.corpus.graph import from_json
from analyser.corpus.store import Store
from analyser.errors import InputError, StoreError

# fmt: off
TEXTS = [
    ("国务院关于易地扶贫搬迁的通知\n来源：国务院 日期：2018-12-30\n一、总体要求\n坚持“精准扶贫”，贵州投入达到800万元。\n"
     "依据《易地扶贫搬迁工作方案》执行。"),
    "易地扶貧搬遷工作總結\n來源：振興司 日期：2021-07-05\n一、工作歷程\n堅持“精準扶貧”，黔西南州搬遷1200人。",
]
# fmt: on


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "corpus.db"
    with Store(path) as store:
        for t in TEXTS:
            store.add_analysis(fake_analysis(t))
    return path


@pytest.fixture
def graph(db):
    with Store(db) as store:
        return store.load_graph()


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert sorted(a.nodes) == sorted(b.nodes)
    assert sorted((u, v) for u, v in a.edges()) == sorted((u, v) for u, v in b.edges())


def test_graphml_loads_back(graph, tmp_path):
    out = export_graph(graph, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(out, force_multigraph=True)
    _same(graph, back)
    assert back.nodes["slogan:精准扶贫"]["documents"] == 2
    quantity = next(n for n, d in back.nodes(data=True) if d["type"] == "quantity")
    assert back.nodes[quantity]["value"] == graph.nodes[quantity]["value"]
    assert all(d["rel"] == k for _, _, k, d in back.edges(keys=True, data=True))
    assert all("rel" not in d for _, _, d in graph.edges(data=True))  # only in the file


def test_gexf_loads_back(graph, tmp_path):
    out = export_graph(graph, "gexf", tmp_path / "g.gexf")
    back = nx.read_gexf(out)
    _same(graph, back)
    assert back.nodes["place:贵州省"]["label"] == "贵州省"
    assert back.nodes["slogan:精准扶贫"]["type"] == "slogan"
    assert {d["rel"] for _, _, d in back.edges(data=True)} >= {"uses_slogan", "mentions", "states"}


def test_json_loads_back(graph, tmp_path):
    out = export_graph(graph, "json", tmp_path / "g.json")
    back = from_json(json.loads(out.read_text(encoding="utf-8")))
    _same(graph, back)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert all(e["rel"] == e["key"] for e in data["edges"])
    back2 = nx.node_link_graph(data, edges="edges")
    assert back2.number_of_edges() == graph.number_of_edges()


def test_neo4j_csv_files(graph, tmp_path):
    folder = export_graph(graph, "csv", tmp_path / "neo4j")
    ids, labels = set(), set()
    for f in sorted(folder.glob("nodes_*.csv")):
        with open(f, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0][:2] == ["id:ID", ":LABEL"]
        assert all(":" in h for h in rows[0])
        ids.update(r[0] for r in rows[1:])
        labels.update(r[1] for r in rows[1:])
    assert ids == set(graph.nodes)
    assert {"Document", "Slogan", "Place", "Quantity"} <= labels
    n_edges = 0
    for f in sorted(folder.glob("edges_*.csv")):
        with open(f, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
        for r in rows[1:]:
            assert r[0] in ids and r[1] in ids and r[2].isupper()
        n_edges += len(rows) - 1
    assert n_edges == graph.number_of_edges()
    header = (folder / "edges_uses_slogan.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "count:long" in header
    doc_header = (folder / "nodes_document.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "chars:long" in doc_header and "title:string" in doc_header
    assert "--nodes=nodes_document.csv" in (folder / "import.sh").read_text(encoding="utf-8")


def test_unknown_graph_format(graph, tmp_path):
    with pytest.raises(InputError, match="graphml"):
        export_graph(graph, "dot", tmp_path / "g.dot")


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_fact_tables_load_in_pandas(db, tmp_path, fmt):
    with Store(db) as store:
        written = export_facts(store, fmt, tmp_path / "facts")
        expected = {t: len(store.fact_rows(t)) for t in ("quantities", "slogans", "entities", "outline")}
    assert sorted(p.stem for p in written) == sorted(FACT_EXPORTS)
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    for table, n in expected.items():
        frame = read(tmp_path / "facts" / f"{table}.{fmt}")
        assert len(frame) == n
    docs = read(tmp_path / "facts" / f"documents.{fmt}")
    assert len(docs) == 2 and "text" not in docs.columns
    q = read(tmp_path / "facts" / f"quantities.{fmt}")
    assert sorted(q["value"]) == [1200, 8000000]
    assert set(q["sentence"]) == {"坚持“精准扶贫”，贵州投入达到800万元。", "堅持“精準扶貧”，黔西南州搬遷1200人。"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="analyser")
    sub = parser.add_subparsers(dest="command")
    add_ingest_parser(sub)
    add_graph_parser(sub)
    add_facts_parser(sub)
    return parser


def _run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    return args.func(args)


def test_graph_commands(db, tmp_path, capsys):
    assert _run(["graph", "stats", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "document" in out and "uses_slogan" in out
    assert _run(["graph", "stats", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["nodes"]["document"] == 2
    for fmt in ("graphml", "gexf", "json", "csv"):
        assert _run(["graph", "export", "--db", str(db), "--format", fmt, "--out", str(tmp_path / f"g-{fmt}")]) == 0
    assert nx.read_graphml(tmp_path / "g-graphml").number_of_nodes() > 0
    assert _run(["facts", "export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "t")]) == 0
    assert (tmp_path / "t" / "slogans.csv").exists()


def test_commands_on_a_missing_store_fail_cleanly(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        _run(["graph", "stats", "--db", str(tmp_path / "none.db")])
    with pytest.raises(SystemExit):
        _run(["graph", "export", "--db", "x.db", "--format", "pdf", "--out", "x"])


def test_streamed_gexf_reads_back_as_networkx_own(tmp_path):
    """The GEXF written node by node reads back exactly as NetworkX's own writer's output."""
    import networkx as nx

    from analyser.corpus.export import _relations_as_attributes, export_graph

    g = nx.MultiDiGraph(schema="x")
    g.add_node("doc:1", type="document", label="通知", year=2020, chars=12, share=0.5, dated=True)
    g.add_node("slogan:稳就业", type="slogan", label="稳就业", mentions=3)
    g.add_node("plain")
    g.add_edge("doc:1", "slogan:稳就业", key="uses_slogan", count=2)
    g.add_edge("doc:1", "slogan:稳就业", key="mentions", first=7)
    g.add_edge("plain", "doc:1", key="cites")
    export_graph(g, "gexf", tmp_path / "ours.gexf")
    with _relations_as_attributes(g):
        nx.write_gexf(g, tmp_path / "theirs.gexf")
    ours, theirs = nx.read_gexf(tmp_path / "ours.gexf"), nx.read_gexf(tmp_path / "theirs.gexf")
    assert dict(ours.nodes(data=True)) == dict(theirs.nodes(data=True))
    assert sorted(ours.edges(keys=True, data="rel")) == sorted(theirs.edges(keys=True, data="rel"))
    assert sorted(map(str, ours.edges(keys=True, data=True))) == sorted(map(str, theirs.edges(keys=True, data=True)))
