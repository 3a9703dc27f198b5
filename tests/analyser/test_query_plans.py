"""Every list query of the store reads fact tables through an index (``EXPLAIN QUERY PLAN``).

A query that scans a whole fact table is linear in the corpus: fine on a sample, hundreds of
milliseconds at ten thousand documents. The walk of ``documents`` in order (a page of the
newest facts) is allowed: it stops as soon as the page is full.
"""
from __future__ import annotations

import re

import pytest
from corpus_fakes import fake_analysis

from analyser.corpus.store import Store, queries

TEXTS = [
    f"关于第{i}项工作的通知\n来源：国务院 日期：20{10 + i % 10}-03-0{1 + i % 9}\n"
    f"一、总体要求\n坚持“精准扶贫”，贵州人均住房面积达到{20 + i}个，投入{100 + i}万元，帮扶{i + 1}人。《关于推进的意见》\n"
    for i in range(12)
]
FACT_TABLE_SCAN = re.compile(r"^SCAN (quantities|q|entities|slogans|citations|dates|outline|slogan_documents)\b")

CALLS = {
    "documents": lambda s: s.list_documents(limit=5),
    "documents by text": lambda s: s.list_documents(q="扶贫", limit=5),
    "documents by year": lambda s: s.list_documents(year=2012, limit=5),
    "search": lambda s: s.search("精准扶贫", limit=5),
    "quantities": lambda s: s.list_quantities(limit=5),
    "quantities by unit": lambda s: s.list_quantities(unit="元", limit=5),
    "quantities by year": lambda s: s.list_quantities(year=2012, limit=5),
    "quantities by range": lambda s: s.list_quantities(min=21, max=23, limit=5),
    "quantities by indicator": lambda s: s.list_quantities(indicator="住房面积", limit=5),
    "quantities by place": lambda s: s.list_quantities(place="贵州", limit=5),
    "quantities by an unknown indicator": lambda s: s.list_quantities(indicator="不存在", limit=5),
    "slogans": lambda s: s.slogans(limit=5),
    "slogans by text": lambda s: s.slogans(q="扶贫", limit=5),
    "slogan timeline": lambda s: s.slogan_timeline("精准扶贫", limit=5),
}


@pytest.fixture(scope="module")
def store():
    s = Store(":memory:")
    for t in TEXTS:
        s.add_analysis(fake_analysis(t))
    return s


@pytest.mark.parametrize("spread", [queries.WINDOW_SPREAD, 0])
@pytest.mark.parametrize("name", list(CALLS))
def test_list_queries_read_fact_tables_by_index(store, name, spread, monkeypatch):
    monkeypatch.setattr(queries, "WINDOW_SPREAD", spread)  # 0: index-driven pages walk a window first
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        result = CALLS[name](store)
    finally:
        store.conn.set_trace_callback(None)
    assert "items" in result
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert selects
    for sql in selects:
        plan = [row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql)]
        assert not [p for p in plan if FACT_TABLE_SCAN.match(p)], (sql, plan)


@pytest.mark.parametrize("spread", [queries.WINDOW_SPREAD, 0, 1])
@pytest.mark.parametrize("params", [
    {"indicator": "住房面积"}, {"place": "贵州"}, {"year": 2013}, {"min": 21, "max": 23}, {"unit": "人"},
    {"indicator": "住房", "year": 2014}, {"indicator": "不存在"},
])  # fmt: skip
def test_index_driven_pages_equal_a_full_walk(store, params, spread, monkeypatch):
    """The same quantities, in the same order, as a filter over every row.

    A ``spread`` of 0 or 1 makes the page start with a walk of a window of one or a few
    documents, short of a page, which the index then completes.
    """
    monkeypatch.setattr(queries, "WINDOW_SPREAD", spread)
    rows = store._rows("SELECT q.*, d.seq FROM quantities q JOIN documents d ON d.id = q.doc_id ORDER BY d.seq, q.n")

    def keep(r) -> bool:
        return (
            ("indicator" not in params or params["indicator"] in (r["indicator_norm"] or ""))
            and ("place" not in params or params["place"] in (r["place_norm"] or ""))
            and ("year" not in params or r["year"] == params["year"])
            and ("min" not in params or (r["value"] is not None and r["value"] >= params["min"]))
            and ("max" not in params or (r["value"] is not None and r["value"] <= params["max"]))
            and ("unit" not in params or r["unit"] == params["unit"])
        )

    expected = [(r["doc_id"], r["n"]) for r in rows if keep(r)]
    assert expected or params == {"indicator": "不存在"}
    got, cursor = [], None
    while True:
        page = store.list_quantities(**params, cursor=cursor, limit=3)
        got += [(q["document"], q["n"]) for q in page["items"]]
        if not (cursor := page["next"]):
            break
    assert got == expected


def test_an_older_store_gets_its_quantity_terms(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as s:
        for t in TEXTS[:3]:
            s.add_analysis(fake_analysis(t))
        s.conn.execute("DELETE FROM quantity_terms")
        s.conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with Store(path) as s:
        from analyser.corpus.store.schema import SCHEMA_VERSION

        assert s._rows("SELECT value FROM meta WHERE key = 'schema_version'")[0][0] == str(SCHEMA_VERSION)
        assert s.list_quantities(indicator="住房面积")["items"]
