"""Batch ingest on hostile ground: special files, dying parents, exit codes, counts, store files, sources."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from corpus_fakes import fake_analyse, write_corpus

from analyser.cli import main
from analyser.corpus.ingest import ingest, source_names
from analyser.corpus.store import Store
from analyser.errors import StoreError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FAKE = "corpus_fakes:fake_analyse"


def _bounded(fn, seconds: float = 30.0):
    """Run ``fn`` in a thread; fail (rather than hang the suite) when it does not return in time."""
    out: dict = {}

    def run() -> None:
        try:
            out["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            out["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "blocked"
    if "error" in out:
        raise out["error"]
    return out["value"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_a_failed_file_and_the_rest_goes_on(tmp_path):
    write_corpus(tmp_path / "c", 3)
    os.mkfifo(tmp_path / "c" / "pipe.txt")
    os.mkfifo(tmp_path / "named.txt")
    store = Store(tmp_path / "s.db")
    summary = _bounded(lambda: ingest([tmp_path / "c", tmp_path / "named.txt"], store, analyse=fake_analyse))
    assert (summary.added, summary.failed) == (3, 2)
    assert all("FIFO" in e["error"] for e in store.errors())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_analyse_refuses_a_fifo_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    proc = subprocess.run(
        [sys.executable, "-m", "analyser", "analyse", str(tmp_path / "pipe.txt")],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 2 and "FIFO" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_read_path_refuses_devices():
    from analyser.errors import InputError
    from analyser.reading import read_path

    with pytest.raises(InputError, match="character device"):
        _bounded(lambda: read_path("/dev/zero"))


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    stat = fh.read()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_parent(tmp_path):
    write_corpus(tmp_path / "c", 40)
    code = (
        "from analyser.corpus.ingest import ingest; from analyser.corpus.store import Store; import sys;"
        f"ingest([sys.argv[1]], Store(sys.argv[2]), jobs=2, analyse={FAKE!r}, progress=False)"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), str(ROOT)]), "FAKE_ANALYSE_DELAY": "0.5"}
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "c"), str(tmp_path / "s.db")], env=env)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
            workers = _children(proc.pid)
        assert len(workers) >= 2, "the workers did not start"
        os.kill(proc.pid, signal.SIGKILL)  # the parent only, not its process group
        proc.wait()
        deadline = time.monotonic() + 10
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(_alive, workers)), "workers outlived their parent"
    finally:
        for pid in workers:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _ingest_cli(*args: str) -> int:
    return main(["ingest", *args, "-q"])


def test_exit_status_1_when_a_file_failed_and_the_hint_names_the_flag(tmp_path, capsys, monkeypatch):
    write_corpus(tmp_path / "c", 2)
    (tmp_path / "c" / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    db = str(tmp_path / "s.db")
    assert _ingest_cli(str(tmp_path / "c"), "--db", db) == 1
    out = capsys.readouterr().out
    assert "added 2" in out and "failed 1" in out
    assert _ingest_cli(str(tmp_path / "c"), "--db", db) == 0  # nothing failed this time
    out = capsys.readouterr().out
    assert "--retry-failed" in out and "retry_failed" not in out
    assert _ingest_cli(str(tmp_path / "c"), "--db", db, "--retry-failed") == 1


def test_a_second_copy_in_one_run_is_a_duplicate(tmp_path):
    (a, _) = write_corpus(tmp_path / "c", 2)
    (tmp_path / "c" / "copy.txt").write_bytes(a.read_bytes())
    summary = ingest([tmp_path / "c"], Store(":memory:"), analyse=fake_analyse)
    assert (summary.added, summary.duplicates, summary.skipped) == (2, 1, 0)
    again = ingest([tmp_path / "c"], store := Store(tmp_path / "s.db"), analyse=fake_analyse)
    assert again.duplicates == 1 and ingest([tmp_path / "c"], store, analyse=fake_analyse).skipped == 3


@pytest.mark.parametrize("address", ["not a url", "foo://x:1", "tcp://[::1"])
def test_a_bad_scheduler_address_is_a_usage_error(tmp_path, capsys, address):
    pytest.importorskip("dask.distributed")
    write_corpus(tmp_path / "c", 1)
    status = _ingest_cli(str(tmp_path / "c"), "--db", str(tmp_path / "s.db"), "--engine", "dask", "--scheduler", address)
    err = capsys.readouterr().err
    assert status == 2 and "internal error" not in err and "scheduler" in err.lower()


def test_an_empty_or_foreign_file_is_not_taken_for_a_store(tmp_path, capsys):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert main(["graph", "stats", "--db", str(empty)]) == 2
    assert "not a store" in capsys.readouterr().err and empty.stat().st_size == 0
    with pytest.raises(StoreError, match="not a store"):
        Store(empty, create=False)
    import sqlite3

    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    for create in (True, False):
        with pytest.raises(StoreError, match="not a Policy Analyser store"):
            Store(foreign, create=create)
    from api.server import serve

    assert serve(str(empty), port=0) == 2 and empty.stat().st_size == 0
    write_corpus(tmp_path / "c", 1)
    assert _ingest_cli(str(tmp_path / "c"), "--db", str(empty)) == 0  # ingest may create the store in it
    assert Store(empty, create=False).count_documents() == 1


def test_sources_are_relative_to_what_was_given(tmp_path, monkeypatch):
    write_corpus(tmp_path / "corpus" / "2020", 1)
    single = tmp_path / "single" / "one000.txt"
    single.parent.mkdir()
    single.write_text("关于另一项工作的通知\n", encoding="utf-8")
    store = Store(":memory:")
    ingest([tmp_path / "corpus", single], store, analyse=fake_analyse)
    sources = sorted(d["source"] for d in store.list_documents()["items"])
    assert sources == ["corpus/2020/doc000.txt", "one000.txt"]
    for d in store.list_documents()["items"]:
        assert store.get_document(d["id"])["document"]["source"] == d["source"]
    monkeypatch.chdir(tmp_path)
    assert source_names(["single/one000.txt"], [Path("single/one000.txt")]) == {"single/one000.txt": "single/one000.txt"}
