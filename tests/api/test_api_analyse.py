"""POST /analyse: analysis without storing, validation, body cap, time cap, busy workers."""
from __future__ import annotations

import threading
import time

import pytest
from api_fixtures import *  # noqa: F401,F403 - the shared fixtures
from fastapi.testclient import TestClient

from analyser.corpus.store import Store
from api.main import create_app
from api.runner import AnalysisRunner
from api.settings import Settings


def test_analyse_text(client):
    text = "国务院关于促进就业的通知\n到2025年，城镇新增就业1100万人以上，坚持“稳就业”。"
    before = client.get("/health").json()["documents"]
    r = client.post("/analyse", json={"text": text})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["schema"] == "policy-analyser/analysis@1"
    assert body["document"]["text"] == text
    assert "tokens" not in body
    for kind in ("quantities", "dates", "slogans", "citations", "entities"):
        for fact in body[kind]:
            assert text[fact["start"] : fact["end"]] == fact["text"]
    assert any(s["normalized"] == "稳就业" for s in body["slogans"])
    assert client.get("/health").json()["documents"] == before  # nothing stored
    assert client.get("/health").json()["pipeline_loaded"] is True


def test_analyse_html(client):
    html = "<html><head><title>站点</title></head><body><h1>关于推进住房保障的通知</h1><p>新增保障性住房40万套。</p></body></html>"
    r = client.post("/analyse", json={"html": html})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["document"]["format"] == "html"
    text = body["document"]["text"]
    assert "<" not in text and "40万套" in text
    assert any(q["text"].startswith("40万套") for q in body["quantities"])


# fmt: off
BAD_BODIES = [
    ({}, "exactly one"),
    ({"text": "a", "html": "<p>a</p>"}, "exactly one"),
    ({"text": 5}, "text"),
    ({"text": "稳就业", "extra": 1}, "extra"),
    ({"text": "   "}, "no text"),
]
# fmt: on


@pytest.mark.parametrize("body,message", BAD_BODIES)
def test_analyse_rejects(client, body, message):
    r = client.post("/analyse", json=body)
    assert r.status_code == 422
    assert message in r.json()["error"]


def test_analyse_not_json(client):
    r = client.post("/analyse", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["ok"] is False


def _app(runner: AnalysisRunner, **settings) -> TestClient:
    return TestClient(create_app(Settings(db=":memory:", **settings), store=Store(":memory:"), runner=runner))


def _stand_in(delay: float, started: threading.Event | None = None):
    def analyse(text, source):
        if started:
            started.set()
        time.sleep(delay)
        return {"document": {"id": "x", "text": text}}

    return {"text": analyse, "load": lambda: None}


def test_body_cap_by_content_length_and_stream():
    runner = AnalysisRunner(functions=_stand_in(0))
    with _app(runner, max_body=1000) as c:
        assert c.post("/analyse", json={"text": "稳" * 100}).status_code == 200
        r = c.post("/analyse", json={"text": "稳" * 1000})
        assert r.status_code == 413
        assert r.json() == {"ok": False, "status": 413, "error": "request body too large: the limit is 1000 bytes"}

        def chunks():  # no Content-Length: chunked transfer
            for _ in range(20):
                yield b"x" * 100

        r = c.post("/analyse", content=chunks(), headers={"Content-Type": "application/json"})
        assert r.status_code == 413 and r.json()["status"] == 413


def test_analysis_time_cap_is_504():
    runner = AnalysisRunner(timeout=0.2, load_timeout=0.1, functions=_stand_in(2))
    with _app(runner) as c:
        r = c.post("/analyse", json={"text": "稳就业"})
    assert r.status_code == 504
    assert r.json()["status"] == 504 and "took longer than" in r.json()["error"]
    runner.close()


def test_busy_analyser_is_503():
    started = threading.Event()
    runner = AnalysisRunner(timeout=5, workers=1, functions=_stand_in(1.0, started), isolation="thread")
    with _app(runner) as c:
        results = []
        threads = [
            threading.Thread(target=lambda: results.append(c.post("/analyse", json={"text": "稳"}).status_code))
            for _ in range(2)
        ]
        for t in threads:
            t.start()
        started.wait(5)
        time.sleep(0.1)
        r = c.post("/analyse", json={"text": "稳"})
        for t in threads:
            t.join()
    assert r.status_code == 503 and r.headers["retry-after"] == "5"
    assert sorted(results) == [200, 200]
