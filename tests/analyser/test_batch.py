"""Batch ingest: idempotent, resumable after kill -9, failures recorded, local processes and Dask."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus_fakes import fake_analyse, write_corpus

from analyser.corpus.ingest import collect_files, ingest
from analyser.corpus.store import Store
from analyser.errors import InputError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FAKE = "corpus_fakes:fake_analyse"


def test_collect_files_walks_folders_and_filters_suffixes(tmp_path):
    for name in ["a.txt", "b.HTML", "sub/c.md", "sub/deeper/d.htm", "e.pdf", ".hidden.txt", "sub/.git/x.txt"]:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("国务院", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in collect_files([tmp_path])]
    assert found == ["a.txt", "b.HTML", "sub/c.md", "sub/deeper/d.htm"]
    assert collect_files([tmp_path / "e.pdf"]) == [tmp_path / "e.pdf"]  # named files are always taken
    assert len(collect_files([tmp_path, tmp_path / "a.txt"])) == 4
    with pytest.raises(InputError, match="no such file"):
        collect_files([tmp_path / "missing"])


def test_ingest_then_rerun_adds_nothing(tmp_path):
    write_corpus(tmp_path / "c", 5)
    store = Store(tmp_path / "s.db")
    first = ingest([tmp_path / "c"], store, analyse=fake_analyse)
    assert (first.files, first.added, first.failed) == (5, 5, 0)
    assert first.facts["slogans"] == 5 and first.chars > 0
    again = ingest([tmp_path / "c"], store, analyse=fake_analyse)
    assert (again.added, again.skipped) == (0, 5)
    assert store.count_documents() == 5
    assert "added 0" in again.format()


def test_a_bad_file_is_recorded_and_the_run_goes_on(tmp_path):
    write_corpus(tmp_path / "c", 3)
    (tmp_path / "c" / "zz_bad.txt").write_text("BROKEN 文件", encoding="utf-8")
    store = Store(tmp_path / "s.db")
    summary = ingest([tmp_path / "c"], store, analyse=fake_analyse)
    assert (summary.added, summary.failed) == (3, 1)
    [error] = store.errors()
    assert error["path"].endswith("zz_bad.txt") and "cannot make sense" in error["error"]
    assert "\n" not in error["error"]
    assert "zz_bad.txt" in summary.format()
    again = ingest([tmp_path / "c"], store, analyse=fake_analyse)
    assert (again.added, again.failed, again.failed_before) == (0, 0, 1)
    retried = ingest([tmp_path / "c"], store, analyse=fake_analyse, retry_failed=True)
    assert retried.failed == 1 and len(store.errors()) == 1


def test_a_document_the_store_cannot_hold_is_recorded(tmp_path):
    write_corpus(tmp_path / "c", 2)
    (tmp_path / "c" / "odd.txt").write_text("UNSTORABLE 一", encoding="utf-8")
    store = Store(tmp_path / "s.db")
    summary = ingest([tmp_path / "c"], store, analyse=fake_analyse)
    assert (summary.added, summary.failed) == (2, 1)
    [error] = store.errors()
    assert error["path"].endswith("odd.txt") and "cannot write document" in error["error"]
    assert store.count_documents() == 2 and len(store.fact_rows("quantities")) == 4


def test_the_same_text_in_two_files_is_one_document(tmp_path):
    [p] = write_corpus(tmp_path / "c", 1)
    (tmp_path / "c" / "copy.txt").write_bytes(p.read_bytes())
    crlf = p.read_bytes().replace(b"\n", b"\r\n")  # other bytes, the same decoded text
    (tmp_path / "c" / "crlf.txt").write_bytes(crlf)
    store = Store(":memory:")
    summary = ingest([tmp_path / "c"], store, analyse=fake_analyse)
    # identical bytes are not analysed twice; both copies count as duplicates of the first
    assert (summary.added, summary.duplicates, summary.skipped) == (1, 2, 0)
    assert store.count_documents() == 1
    assert len(store._rows("SELECT * FROM files")) == 2


def test_parallel_workers_give_the_same_store(tmp_path):
    write_corpus(tmp_path / "c", 12)
    one, two = Store(tmp_path / "one.db"), Store(tmp_path / "two.db")
    ingest([tmp_path / "c"], one, analyse=FAKE)
    summary = ingest([tmp_path / "c"], two, jobs=2, analyse=FAKE)
    assert summary.added == 12
    ids = lambda s: sorted(d["id"] for d in s.list_documents(limit=500)["items"])
    assert ids(one) == ids(two)
    assert len(one.fact_rows("quantities")) == len(two.fact_rows("quantities")) == 24


def test_a_dying_worker_is_recorded_and_the_rest_is_stored(tmp_path):
    write_corpus(tmp_path / "c", 6)
    (tmp_path / "c" / "doc002.txt").write_text("CRASH", encoding="utf-8")
    store = Store(tmp_path / "s.db")
    summary = ingest([tmp_path / "c"], store, jobs=2, analyse=FAKE)
    assert (summary.added, summary.failed) == (5, 1)
    assert [e["error"] for e in store.errors()] == ["the worker process died"]


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_resumes_after_kill_9_with_nothing_lost_or_doubled(tmp_path):
    write_corpus(tmp_path / "c", 30)
    db = tmp_path / "s.db"
    code = (
        "from analyser.corpus.ingest import ingest; from analyser.corpus.store import Store; import sys;"
        f"ingest([sys.argv[1]], Store(sys.argv[2]), jobs=2, analyse={FAKE!r}, progress=False)"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), str(ROOT)]), "FAKE_ANALYSE_DELAY": "0.15"}
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp_path / "c"), str(db)], env=env, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while _count(db) < 10 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    stored = _count(db)
    assert 10 <= stored < 30, "the run was not killed halfway"
    store = Store(db)
    summary = ingest([tmp_path / "c"], store, analyse=fake_analyse)
    assert summary.skipped == stored and summary.added == 30 - stored
    assert store.count_documents() == 30
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(DISTINCT id), count(*) FROM documents").fetchone() == (30, 30)
    assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == 30
    assert conn.execute("SELECT count(*), count(DISTINCT doc_id) FROM slogans").fetchone() == (30, 30)
    assert conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '\"扶贫\"'").fetchone()[0] == 30


@pytest.mark.slow
def test_dask_engine_on_a_local_cluster(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    write_corpus(tmp_path / "c", 6)
    store = Store(tmp_path / "s.db")
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None) as cl:
        summary = ingest([tmp_path / "c"], store, engine="dask", scheduler=cl.scheduler_address, analyse=FAKE)
    assert summary.added == 6 and store.count_documents() == 6
    assert store.search("精准扶贫")["items"]


@pytest.mark.slow
def test_dask_engine_with_worker_processes(tmp_path, monkeypatch):
    distributed = pytest.importorskip("dask.distributed")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(HERE), str(ROOT)]))
    write_corpus(tmp_path / "c", 4)
    store = Store(tmp_path / "s.db")
    with distributed.LocalCluster(processes=True, n_workers=1, threads_per_worker=1, dashboard_address=None) as cl:
        summary = ingest([tmp_path / "c"], store, engine="dask", scheduler=cl.scheduler_address, analyse=FAKE)
    assert (summary.added, summary.failed) == (4, 0)
    assert len(store.fact_rows("slogans")) == 4


def test_dask_engine_needs_a_scheduler(tmp_path):
    write_corpus(tmp_path / "c", 1)
    with pytest.raises(InputError, match="scheduler"):
        ingest([tmp_path / "c"], Store(":memory:"), engine="dask", analyse=FAKE)
    with pytest.raises(InputError, match="engine"):
        ingest([tmp_path / "c"], Store(":memory:"), engine="spark")


def test_ingest_command_prints_a_summary(tmp_path, capsys):
    import argparse

    from analyser.cli.corpus import add_ingest_parser

    parser = argparse.ArgumentParser()
    add_ingest_parser(parser.add_subparsers())
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\x03binary")
    args = parser.parse_args(["ingest", str(tmp_path / "bad.txt"), "--db", str(tmp_path / "s.db"), "-j", "1"])
    assert args.func(args) == 1  # a file failed: exit 1, summary still printed
    out = capsys.readouterr().out
    assert "failed 1" in out and "0 documents" in out
    with pytest.raises(SystemExit):
        parser.parse_args(["ingest", "x", "--db", "s.db", "-j", "0"])


@pytest.mark.slow
def test_the_real_pipeline_on_dev_documents(tmp_path):
    from conftest import shared_or_skip

    dev = shared_or_skip("corpus-real", "dev")
    files = [dev / "dev12_gov_cn_guobanfa_2018_129_consumption_poverty.html", dev / "dev15_gwr_1954_zhou_enlai_traditional.txt"]
    store = Store(tmp_path / "s.db")
    summary = ingest(files, store)
    assert summary.added == 2 and summary.failed == 0
    docs = store.list_documents()["items"]
    assert {d["script"] for d in docs} == {"simplified", "traditional"}
    for d in docs:
        a = store.get_document(d["id"], text=True)
        text = a["document"]["text"]
        for kind in ("quantities", "dates", "slogans", "citations", "entities"):
            for f in a[kind]:
                assert text[f["start"] : f["end"]] == f["text"]
    assert store.search("消费扶贫")["items"]
    assert store.load_graph().number_of_nodes() > 2
