"""The term index: timelines of known terms read from counts kept at write time, equal to a scan of the texts."""
from __future__ import annotations

import pytest
from corpus_fakes import fake_analysis

from analyser.corpus.store import Store
from analyser.corpus.store.schema import SCHEMA_VERSION
from analyser.corpus.store.term_index import TermMatcher, lexicon_terms

# fmt: off
TEXTS = [
    "关于精准扶贫的通知\n来源：国务院 日期：2016-03-05\n坚持精准扶贫、精准脱贫，扶贫搬迁到户。扶贫扶贫。\n",
    "關於易地扶貧搬遷的意見\n来源：国务院 日期：2014-05-01\n推進易地扶貧搬遷，鞏固脫貧攻堅成果。\n",
    "没有日期的文件\n实施乡村振兴战略，乡村振兴要久久为功。\n",
    "关于稳就业的通知\n来源：国务院 日期：2020-01-02\n坚持“稳就业”，做好易地扶贫搬迁后续扶持。\n",
    "关于就业的报告\n来源：国务院 日期：2012-07-07\n稳就业是头等大事，乡村振兴起步。\n",
    "关于高质量发展的意见\n来源：国务院 日期：2016-03-05\n推动高质量发展，坚持精准扶贫。\n",
]
TERMS = ["精准扶贫", "易地扶贫搬迁", "脱贫攻坚", "乡村振兴", "稳就业", "扶贫搬迁", "高质量发展"]
# fmt: on


def scanned(store: Store, term: str) -> dict:
    """The timeline counted over the texts (the path of a term outside the index)."""
    rows = store._term_rows(term)
    return {"n_documents": len(rows), "n_occurrences": sum(r["count"] for r in rows),
            "first": rows[0] if rows else None, "documents": rows}  # fmt: skip


def indexed(store: Store, term: str) -> dict:
    """The timeline through the API method, every page joined."""
    page = store.term_timeline(term, limit=2)
    out = {k: page[k] for k in ("n_documents", "n_occurrences", "first")} | {"documents": list(page["documents"])}
    while page["next"]:
        page = store.term_timeline(term, cursor=page["next"], limit=2)
        out["documents"] += page["documents"]
    return out


@pytest.fixture(scope="module")
def store():
    s = Store(":memory:")
    for t in TEXTS:
        s.add_analysis(fake_analysis(t))
    return s


def test_matcher_counts_substrings_as_the_scan_does():
    m = TermMatcher(["扶贫", "精准扶贫", "哈哈"])
    assert m.counts("精准扶贫，扶贫，哈哈哈") == {"哈哈": (1, 8), "扶贫": (2, 2), "精准扶贫": (1, 0)}
    assert m.counts("") == {} and m.counts("扶") == {}


@pytest.mark.parametrize("term", TERMS)
def test_an_indexed_term_answers_as_the_scan(store, term):
    assert store._rows("SELECT 1 FROM term_vocabulary WHERE term = ?", (term,)), term
    got = indexed(store, term)
    assert got == scanned(store, term)
    assert got["n_documents"] > 0


def test_a_term_inside_a_longer_word_is_counted(store):
    """扶贫搬迁 is counted inside 易地扶贫搬迁 as well (both scripts; the title counts too), not only where it stands alone."""
    docs = {d["title"]: d["count"] for d in indexed(store, "扶贫搬迁")["documents"]}
    assert docs == {"关于精准扶贫的通知": 1, "關於易地扶貧搬遷的意見": 2, "关于稳就业的通知": 1}


def test_a_formulation_stated_later_is_counted_in_earlier_documents(store):
    """稳就业 joins the vocabulary with the fourth document and is counted in the fifth (unquoted) too."""
    got = indexed(store, "稳就业")
    assert [d["title"] for d in got["documents"]] == ["关于就业的报告", "关于稳就业的通知"]


def test_the_timeline_query_reads_the_index(store):
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        store.term_timeline("精准扶贫", limit=1)
    finally:
        store.conn.set_trace_callback(None)
    selects = [s for s in statements if "term_documents" in s]
    assert selects
    for sql in selects:
        plan = " | ".join(row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "SCAN" not in plan and "TEMP B-TREE" not in plan, plan


def test_an_older_store_gets_its_term_index(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as s:
        for t in TEXTS:
            s.add_analysis(fake_analysis(t))
        before = {t: scanned(s, t) for t in TERMS}
        s.conn.execute("DROP TABLE term_documents")
        s.conn.execute("DROP TABLE term_vocabulary")
        s.conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with Store(path) as s:
        assert s._rows("SELECT value FROM meta WHERE key = 'schema_version'")[0][0] == str(SCHEMA_VERSION)
        assert s._rows("SELECT 1 FROM term_vocabulary WHERE term = '稳就业'")
        assert {t: indexed(s, t) for t in TERMS} == before
    with Store(path, readonly=True) as s:
        assert indexed(s, "精准扶贫") == before["精准扶贫"]


def test_a_term_outside_the_index_is_still_counted(store):
    assert "扶贫到户" not in lexicon_terms()
    got = store.term_timeline("扶贫到户")
    assert got["n_documents"] == 0
    got = store.term_timeline("搬迁到户")
    assert got["n_documents"] == 1 and got["first"]["title"] == "关于精准扶贫的通知"
