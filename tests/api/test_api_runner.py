"""A timed-out analysis is stopped, so the capacity it held comes back at once."""
from __future__ import annotations

import os
import threading
import time

import pytest
from fastapi.testclient import TestClient

from analyser.corpus.store import Store
from api.main import create_app
from api.runner import AnalysisRunner
from api.settings import Settings

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="process isolation needs fork")


def _slow_or_fast(text, source):
    """Stand-in analyser: "slow" texts never finish in time; it reports its own pid."""
    if text.startswith("slow"):
        time.sleep(60)
    return {"document": {"id": "x", "text": text}, "pid": os.getpid()}


FUNCTIONS = {"text": _slow_or_fast, "load": lambda: None}


def _client(runner: AnalysisRunner) -> TestClient:
    return TestClient(create_app(Settings(db=":memory:", warm_graph=False), store=Store(":memory:"), runner=runner))


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    with open(f"/proc/{pid}/stat") as fh:  # a zombie not yet reaped counts as gone
        return fh.read().rsplit(")", 1)[1].split()[0] == "Z"


def test_timed_out_work_is_killed_and_the_next_request_is_served_at_once():
    runner = AnalysisRunner(timeout=1.0, load_timeout=5, workers=1, functions=FUNCTIONS)
    try:
        with _client(runner) as c:
            assert c.post("/analyse", json={"text": "warm"}).status_code == 200
            r = c.post("/analyse", json={"text": "slow"})
            assert r.status_code == 504 and "stopped" in r.json()["error"]
            started = time.monotonic()
            r = c.post("/analyse", json={"text": "fast"})
            assert r.status_code == 200
            # the stand-in sleeps 60 s: a worker still held by it could not answer within 30 s,
            # however loaded the machine
            assert time.monotonic() - started < 30.0, "the timed-out analysis still held the worker"
    finally:
        runner.close()


def test_the_killed_child_is_gone():
    runner = AnalysisRunner(timeout=0.5, load_timeout=5, workers=1, functions=FUNCTIONS)
    import asyncio

    try:
        pid = asyncio.run(runner.run("text", "fast", None))["pid"]
        assert pid != os.getpid()
        before = set(_children_of(runner._helper.process.pid))
        with pytest.raises(Exception, match="took longer"):
            asyncio.run(runner.run("text", "slow", None))
        # the kill is asynchronous: wait for it (the stand-in would live for 60 s)
        deadline = time.monotonic() + 30.0
        while not all(_gone(p) for p in before | set(_children_of(runner._helper.process.pid))):
            assert time.monotonic() < deadline, "the timed-out child is still running"
            time.sleep(0.05)
    finally:
        runner.close()


def _children_of(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(entry))
            except OSError:
                pass
    return out


def test_errors_come_back_as_they_were_raised():
    from analyser.errors import EmptyInputError

    def fail(text, source):
        raise EmptyInputError("t: no text")

    runner = AnalysisRunner(timeout=5, functions={"text": fail, "load": lambda: None})
    try:
        with _client(runner) as c:
            r = c.post("/analyse", json={"text": "x"})
        assert r.status_code == 422 and r.json()["error"] == "t: no text"
    finally:
        runner.close()


def test_busy_is_503_with_processes():
    runner = AnalysisRunner(timeout=3, workers=1, functions=FUNCTIONS)
    try:
        with _client(runner) as c:
            assert c.post("/analyse", json={"text": "warm"}).status_code == 200
            results: list[int] = []
            threads = [
                threading.Thread(target=lambda: results.append(c.post("/analyse", json={"text": "slow"}).status_code))
                for _ in range(2)
            ]
            for t in threads:
                t.start()
            time.sleep(0.5)
            r = c.post("/analyse", json={"text": "fast"})
            for t in threads:
                t.join()
        assert r.status_code == 503
        assert results == [504, 504]
    finally:
        runner.close()


def test_the_real_pipeline_in_a_helper_process():
    runner = AnalysisRunner(timeout=60, load_timeout=300)
    import asyncio

    try:
        out = asyncio.run(runner.run("text", "国务院关于做好2024年就业工作的通知", None))
        assert out["document"]["chars"] == 19 and runner.loaded
    finally:
        runner.close()
