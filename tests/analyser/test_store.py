"""The SQLite fact store: writing, reading, cursors, Chinese full-text search with KWIC."""
from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from corpus_fakes import fake_analysis

from analyser.corpus.store import Store, bigrams, fts_query, prepare
from analyser.errors import InputError, NotFoundError, StoreError
from analyser.facts import Analysis

# fmt: off
DOCS = {
    "simp": "国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见\n来源：国务院办公厅 日期：2018-12-30\n"
            "一、总体要求\n坚持“精准扶贫”，贵州投入800万元，帮扶1200人。\n二、重点任务\n推进易地扶贫搬迁。",
    "trad": "易地扶貧搬遷工作總結\n來源：振興司 日期：2021-07-05\n"
            "一、工作歷程\n堅持“精準扶貧”，黔西南州完成搬遷，投入35萬元。\n國務院部署。",
    "plain": "就业工作通知\n来源：人力资源社会保障部 日期：2024-01-02\n稳定就业，支持北京高校毕业生就业。",
}
# fmt: on


@pytest.fixture
def store() -> Store:
    s = Store(":memory:")
    for name in sorted(DOCS):
        assert s.add_analysis(fake_analysis(DOCS[name], source=f"{name}.txt")) is True
    return s


def doc_id(name: str) -> str:
    return fake_analysis(DOCS[name]).document.id


def test_round_trip_keeps_the_analysis_without_tokens(store):
    a = store.get_document(doc_id("simp"))
    assert a["document"]["id"] == doc_id("simp")
    assert "text" not in a["document"] and "tokens" not in a
    assert store.get_document(doc_id("simp"), text=True)["document"]["text"] == DOCS["simp"]
    assert a["slogans"][0]["normalized"] == "精准扶贫"


def test_adding_again_adds_nothing(store):
    assert store.add_analysis(fake_analysis(DOCS["trad"])) is False
    assert store.count_documents() == 3
    assert len(store.fact_rows("slogans")) == 2


def test_unknown_document_and_kind(store):
    with pytest.raises(NotFoundError):
        store.get_document("nope")
    assert store.has_document(doc_id("plain")) and not store.has_document("nope")
    with pytest.raises(InputError, match="unknown fact kind"):
        store.facts("tokens", doc_id("plain"))


@pytest.mark.parametrize("kind", ["outline", "quantities", "dates", "slogans", "citations", "entities"])
def test_fact_rows_carry_offsets_and_their_sentence(store, kind):
    text = DOCS["simp"]
    rows = store.fact_rows(kind, doc_id("simp"))
    assert len(rows) == len(store.facts(kind, doc_id("simp")))
    for r in rows:
        assert text[r["sentence_start"] : r["sentence_end"]] == r["sentence"]
        if kind != "outline":
            assert text[r["start"] : r["end"]] == r["text"]
            assert r["sentence_start"] <= r["start"] < r["sentence_end"]


def test_outline_rows_are_flattened_with_paths(store):
    rows = store.fact_rows("outline", doc_id("simp"))
    assert [(r["path"], r["heading"]) for r in rows] == [("1", "总体要求"), ("2", "重点任务")]
    assert store.facts("outline", doc_id("simp"))[0]["heading"]["text"] == "总体要求"


# fmt: off
SEARCHES = [
    ("扶贫", ["simp", "trad"]),            # 2 characters, both scripts
    ("扶貧", ["simp", "trad"]),            # a Traditional query finds Simplified text too
    ("易地扶贫", ["simp", "trad"]),        # 4 characters
    ("精準扶貧", ["simp", "trad"]),
    ("消费扶贫", ["simp"]),
    ("就业", ["plain"]),
    ("扶贫 贵州", ["simp"]),               # every term must occur
    ("业", ["plain"]),                     # one character: scanned
    ("800万", ["simp"]),                   # digits are confirmed in the text
    ("贵州投入800", ["simp"]),
    ("贫扶", []),                          # characters present, never in that order
    ("教育", []),
]
# fmt: on


@pytest.mark.parametrize("query, expected", SEARCHES)
def test_search_finds_the_right_documents(store, query, expected):
    hits = store.search(query, limit=500)["items"]
    assert sorted({h["document"] for h in hits}) == sorted(doc_id(n) for n in expected)
    names = {doc_id(n): n for n in DOCS}
    for h in hits:
        text = DOCS[names[h["document"]]]
        assert text[h["start"] : h["end"]] == h["match"]
        assert text[: h["start"]].endswith(h["left"].replace(" ", "\n")) or h["left"] in text.replace("\n", " ")
        assert h["title"] == text.splitlines()[0]


def test_kwic_gives_original_surface_and_context(store):
    hits = [h for h in store.search("精准扶贫")["items"] if h["document"] == doc_id("trad")]
    assert [h["match"] for h in hits] == ["精準扶貧"]
    assert hits[0]["left"].endswith("堅持“") and hits[0]["right"].startswith("”，黔西南州")


def test_search_pages_with_an_opaque_cursor(store):
    everything = store.search("扶", limit=500)["items"]
    assert len(everything) >= 5
    paged, cursor = [], None
    while True:
        page = store.search("扶", cursor=cursor, limit=2)
        paged += page["items"]
        cursor = page["next"]
        if cursor is None:
            break
        assert isinstance(cursor, str)
    assert paged == everything


def test_bad_cursor_and_limit_are_input_errors(store):
    with pytest.raises(InputError, match="cursor"):
        store.list_documents(cursor="%%%")
    with pytest.raises(InputError, match="limit"):
        store.list_documents(limit=0)
    with pytest.raises(InputError, match="limit"):
        store.search("扶贫", limit=501)


def test_list_documents_filters_and_pages(store):
    assert store.count_documents() == 3
    first = store.list_documents(limit=2)
    second = store.list_documents(cursor=first["next"], limit=2)
    ids = [d["id"] for d in first["items"] + second["items"]]
    assert ids == [doc_id("plain"), doc_id("simp"), doc_id("trad")] and second["next"] is None
    assert first["items"][0]["counts"]["quantities"] == 0
    assert [d["id"] for d in store.list_documents(q="搬迁")["items"]] == [doc_id("simp"), doc_id("trad")]
    assert [d["id"] for d in store.list_documents(issuer="振兴司")["items"]] == [doc_id("trad")]
    assert [d["id"] for d in store.list_documents(year=2024)["items"]] == [doc_id("plain")]
    assert store.list_documents(q="扶贫", year=2024)["items"] == []


def test_list_quantities_with_document_and_sentence(store):
    items = store.list_quantities(limit=500)["items"]
    assert sorted(q["value"] for q in items) == [1200, 350000, 8000000]
    for q in items:
        assert q["document"] in {doc_id("simp"), doc_id("trad")} and q["text"] in q["sentence"]
    assert [q["value"] for q in store.list_quantities(unit="元")["items"]] == [8000000, 350000]
    assert [q["value"] for q in store.list_quantities(unit="元", min=1e6)["items"]] == [8000000]
    assert [q["value"] for q in store.list_quantities(max=2000)["items"]] == [1200]
    assert [q["value"] for q in store.list_quantities(year=2021)["items"]] == [350000]
    assert [q["value"] for q in store.list_quantities(place="貴州")["items"]] == [8000000, 1200]
    assert [q["value"] for q in store.list_quantities(indicator="投入")["items"]] == []
    page = store.list_quantities(limit=1)
    assert len(page["items"]) == 1 and page["next"]
    rest = store.list_quantities(cursor=page["next"], limit=500)["items"]
    assert [q["value"] for q in page["items"] + rest] == [q["value"] for q in items]


def test_slogans_group_across_scripts(store):
    groups = store.slogans()["items"]
    assert len(groups) == 1
    g = groups[0]
    assert g["normalized"] == "精准扶贫" and g["count"] == 2 and g["n_documents"] == 2
    assert g["documents"] == [doc_id("simp"), doc_id("trad")]
    assert (g["first"], g["last"]) == ("2018-12-30", "2021-07-05")
    assert sorted(v["text"] for v in g["variants"]) == ["精准扶贫", "精準扶貧"]
    assert store.slogans(q="精準")["items"][0]["normalized"] == "精准扶贫"
    assert store.slogans(q="小康")["items"] == []


def test_the_file_is_plain_sqlite_in_wal_mode(tmp_path):
    path = tmp_path / "corpus.db"
    with Store(path) as s:
        s.add_analysis(fake_analysis(DOCS["simp"]))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "quantities", "dates", "slogans", "citations", "entities", "outline", "errors"} <= tables
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert conn.execute("SELECT title FROM documents").fetchone()[0].startswith("国务院办公厅")


def test_reopening_keeps_everything(tmp_path):
    path = tmp_path / "corpus.db"
    with Store(path) as s:
        s.add_analysis(fake_analysis(DOCS["trad"]))
    with Store(path, create=False) as s:
        assert s.count_documents() == 1 and s.search("易地")["items"]


@pytest.mark.parametrize("bad", ["dir", "missing", "nofolder"])
def test_store_errors(tmp_path, bad):
    path = {"dir": tmp_path, "missing": tmp_path / "x.db", "nofolder": tmp_path / "no" / "x.db"}[bad]
    with pytest.raises(StoreError):
        Store(path, create=bad == "nofolder")


def test_an_analysis_needs_id_and_text():
    with pytest.raises(StoreError, match="its text"):
        prepare(Analysis.from_dict({"document": {"id": "x"}}))
    with pytest.raises(StoreError, match="Analysis.from_dict"):
        prepare({"document": {"id": "x", "text": "国务院"}})  # type: ignore[arg-type]


def test_prepare_uses_tokens_for_terms_and_falls_back_to_jieba():
    a = fake_analysis(DOCS["plain"])
    assert "就业" in prepare(a).document["terms"].split()
    a = dataclasses.replace(a, tokens=())
    assert "就业" in prepare(a).document["terms"].split()


@pytest.mark.parametrize("text, grams", [
    ("国务院", "国务 务院"),
    ("扶贫，搬迁", "扶贫 搬迁"),
    ("贵", "贵"),
    ("GDP增长6.5%", "gdp 增长 6 5"),
    ("", ""),
])  # fmt: skip
def test_bigrams(text, grams):
    assert bigrams(text) == grams


def test_fts_query_of_a_single_character_falls_back():
    assert fts_query("贫") is None and fts_query("") is None
    assert fts_query('国"务') is None
    assert fts_query("推进A股改革") == '"推进" AND "股改 改革"'


def test_precomputed_terms_are_used_and_not_stored():
    a = fake_analysis(DOCS["plain"])
    doc = prepare(a, terms=["甲乙", "丙丁"])
    assert doc.document["terms"] == "甲乙 丙丁"
    assert '"terms"' not in doc.document["analysis"] and '"tokens"' not in doc.document["analysis"]


def test_slogan_groups_list_dated_documents_first_and_cap_the_list():
    s = Store(":memory:")
    texts = ["甲\n日期：2020-05-01\n坚持“共同富裕”。", "乙\n坚持“共同富裕”。", "丙\n日期：2019-01-02\n坚持“共同富裕”。"]
    ids = [fake_analysis(t).document.id for t in texts]
    for t in texts:
        s.add_analysis(fake_analysis(t))
    [g] = s.slogans()["items"]
    assert g["documents"] == [ids[2], ids[0], ids[1]]
    assert (g["first"], g["last"], g["n_documents"]) == ("2019-01-02", "2020-05-01", 3)
    assert s.slogans(max_documents=2)["items"][0]["documents"] == [ids[2], ids[0]]


def test_read_only_open_reads_and_refuses_writes(tmp_path):
    path = tmp_path / "corpus.db"
    with Store(path) as s:
        s.add_analysis(fake_analysis(DOCS["simp"]))
    with Store(path, readonly=True) as r:
        assert r.count_documents() == 1 and r.slogans()["items"][0]["normalized"] == "精准扶贫"
        with pytest.raises(StoreError):
            r.add_analysis(fake_analysis(DOCS["plain"]))
        with pytest.raises(StoreError):
            r.record_error("x.txt", "boom")
    with pytest.raises(StoreError):
        Store(tmp_path / "absent.db", readonly=True)
    assert not (tmp_path / "absent.db").exists()


def test_an_older_store_gets_its_formulation_summary_on_opening(tmp_path, store):
    path = tmp_path / "old.db"
    with Store(path) as s:
        for name in sorted(DOCS):
            s.add_analysis(fake_analysis(DOCS[name], source=f"{name}.txt"))
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TABLE slogan_groups; DROP TABLE slogan_documents; DROP TABLE slogan_variants;"
        " UPDATE meta SET value = '1' WHERE key = 'schema_version';"
    )
    conn.close()
    with pytest.raises(StoreError):
        Store(path, readonly=True)
    with Store(path, create=False) as s:
        assert s.slogans() == store.slogans()
        assert s.slogan_timeline("精准扶贫") == store.slogan_timeline("精准扶贫")
    with Store(path, readonly=True) as r:
        assert r.slogans() == store.slogans()


# fmt: off
RANKED = [("甲", ["坚持“共同富裕”和“乡村振兴”。", "“共同富裕”"]),
          ("乙", ["推进“乡村振兴”，落实“双碳”。", "“共同富裕”"]),
          ("丙", ["落实“双碳”与“共同富裕”。"])]
# fmt: on


def test_slogan_groups_and_timelines_page_by_cursor():
    s = Store(":memory:")
    for title, lines in RANKED:
        s.add_analysis(fake_analysis("\n".join([title, f"日期：2020-0{len(title)}-01", *lines])))
    everything = s.slogans(limit=500)["items"]
    assert [g["count"] for g in everything] == sorted((g["count"] for g in everything), reverse=True)
    paged, cursor = [], None
    while True:
        page = s.slogans(limit=1, cursor=cursor)
        paged += page["items"]
        cursor = page["next"]
        if cursor is None:
            break
    assert paged == everything and len(paged) >= 3
    key = everything[0]["normalized"]
    whole = s.slogan_timeline(key, limit=500)["items"]
    first = s.slogan_timeline(key, limit=1)
    assert first["items"] == whole[:1] and s.slogan_timeline(key, cursor=first["next"], limit=500)["items"] == whole[1:]
    assert sum(e["count"] for e in whole) == everything[0]["count"]
    with pytest.raises(InputError):
        s.slogans(cursor=first["next"])


def test_rows_as_dicts_match_sqlite_rows_and_keep_the_first_of_a_repeated_name(store):
    for sql in ("SELECT d.seq AS seq, d.title AS title, q.* FROM quantities q JOIN documents d ON d.id = q.doc_id",
                "SELECT 1 AS a, 2 AS b, 3 AS a", "SELECT * FROM documents WHERE 0"):  # fmt: skip
        rows = [dict(r) for r in store._rows(sql)]
        assert store._dicts(sql) == rows
        assert [list(d.items()) for d in store._dicts(sql)] == [list(r.items()) for r in rows]
    assert store._dicts("SELECT 1 AS a, 2 AS b, 3 AS a") == [{"a": 1, "b": 2}]


def test_kept_answers_follow_writes_of_this_connection_and_of_another(tmp_path):
    path = tmp_path / "corpus.db"
    with Store(path) as writer, Store(path, readonly=True) as reader:
        writer.add_analysis(fake_analysis(DOCS["simp"]))
        assert reader.version() == writer.version() == (1, 1)
        assert [q["value"] for q in reader.list_quantities(unit="元")["items"]] == [8000000]
        writer.add_analysis(fake_analysis(DOCS["trad"]))  # another connection commits
        assert reader.version() == (2, 2)
        assert [q["value"] for q in reader.list_quantities(unit="元")["items"]] == [8000000, 350000]
        writer.add_analysis(fake_analysis(DOCS["plain"]))  # this connection writes
        assert writer.version() == (3, 3)
        calls = []
        assert writer._memoised("k", lambda: calls.append(1) or 7) == writer._memoised("k", lambda: 8) == 7
        assert calls == [1]


def test_a_term_is_counted_when_indexed_or_kept(store):
    assert store.term_is_counted("精准扶贫") and store.term_is_counted("精準扶貧")  # the policy vocabulary
    assert not store.term_is_counted("总结")
    store.term_timeline("总结")
    assert store.term_is_counted("总结")  # counted once, kept until the store changes
    store.add_analysis(fake_analysis("另一份总结\n来源：国务院 日期：2022-01-01\n工作总结。"))
    assert not store.term_is_counted("总结")


def test_a_counted_term_is_shared_by_the_connections_to_one_file(tmp_path):
    path = tmp_path / "corpus.db"
    with Store(path) as writer:
        writer.add_analysis(fake_analysis(DOCS["simp"]))
        with Store(path, readonly=True) as one, Store(path, readonly=True) as two:
            assert not two.term_is_counted("总体要求")
            first = one.term_timeline("总体要求")
            assert two.term_is_counted("总体要求") and two.term_timeline("总体要求") == first
            writer.add_analysis(fake_analysis(DOCS["trad"]))
            assert not two.term_is_counted("总体要求")  # another version: counted again
    other = Store(":memory:")
    other.add_analysis(fake_analysis(DOCS["simp"]))
    assert not other.term_is_counted("总体要求")  # a store in memory keeps its own
