"""The connected graph: indicator concepts, outline containment, keywords, citations merged and resolved."""
from __future__ import annotations

from analyser import analyse
from analyser.corpus.containment import innermost
from analyser.corpus.graph import build_graph

REPORT_2019 = (
    "国务院关于做好2019年就业工作的通知\n国发〔2019〕5号\n"
    "一、总体要求\n今年发展的主要预期目标是：国内生产总值增长6%—6.5%；城镇新增就业1100万人以上。\n"
    "二、重点任务\n（一）稳定就业。去年城镇新增就业1361万人，坚持“精准扶贫”。\n"
    "（二）落实规划。贯彻《中共中央关于制定国民经济和社会发展第十三个五年规划的建议》，落实《建议》部署。\n"
)
REPORT_2016 = "各位代表：\n去年国内生产总值增长6.9%。深入实施国发〔2019〕5号文件。\n"


def _graph():
    a = analyse(REPORT_2019, source="a.txt", published="2019-03-05")
    b = analyse(REPORT_2016, source="b.txt", published="2016-03-05")
    return build_graph([a, b]), a, b


def test_concept_joins_quantities_of_documents_with_modality_and_year():
    g, a, b = _graph()
    edges = {(g.nodes[q]["doc"], d["modality"], d["year"]) for q, _, k, d in
             g.in_edges("concept:gdp_growth", keys=True, data=True) if k == "instance_of"}
    assert edges == {(a.document.id, "target", 2019), (b.document.id, "actual", 2015)}
    assert g.nodes["concept:gdp_growth"]["documents"] == 2
    assert g.has_edge(f"doc:{a.document.id}", "concept:gdp_growth", key="reports")
    assert g.has_edge("indicator:国内生产总值增长", "concept:gdp_growth", key="canonical")


def test_outline_nodes_contain_their_facts():
    g, a, _ = _graph()
    doc = a.document.id
    contained = {(u, g.nodes[v]["type"]) for u, v, k in g.edges(keys=True) if k == "contains"}
    sections = {u: g.nodes[u].get("heading") for u, _ in contained}
    assert any(h == "总体要求" for h in sections.values())
    # the quantity of item (一) hangs off the item, and its formulation too
    item = next(n for n, d in g.nodes(data=True) if d.get("type") == "item" and d.get("heading") == "稳定就业")
    kinds = {g.nodes[v]["type"] for _, v, k in g.out_edges(item, keys=True) if k == "contains"}
    assert kinds == {"quantity", "slogan"}
    assert all(g.nodes[u]["doc"] == doc for u, _ in contained)


def test_short_citation_merges_and_document_numbers_resolve():
    g, a, b = _graph()
    full = "citation:中共中央关于制定国民经济和社会发展第十三个五年规划的建议"
    assert g.edges[f"doc:{a.document.id}", full, "cites"]["count"] == 2
    assert "citation:建议" not in g
    # 国发〔2019〕5号 cited by the other document is the stored notice
    cited = [v for _, v, k in g.out_edges(f"doc:{b.document.id}", keys=True) if k == "cites"]
    assert any(g.has_edge(c, f"doc:{a.document.id}", key="refers_to") for c in cited)


def test_keywords_are_nodes():
    g, a, _ = _graph()
    kw = [v for _, v, k in g.out_edges(f"doc:{a.document.id}", keys=True) if k == "has_keyword"]
    assert kw and all(g.nodes[v]["type"] == "keyword" for v in kw)


def test_innermost_span():
    spans = [(0, 50, "a"), (0, 20, "a1"), (20, 50, "a2"), (25, 30, "a2x")]
    assert innermost(spans, [0, 19, 26, 31, 60]) == ["a1", "a1", "a2x", "a2", None]
