"""Every error answers the one envelope, with the matching status code and no stack trace."""
from __future__ import annotations

import pytest
from api_fixtures import *  # noqa: F401,F403 - the shared fixtures
from api_texts import TOKEN
from fastapi.testclient import TestClient

from analyser.corpus.store import Store
from analyser.errors import StoreError
from api.main import create_app
from api.settings import Settings


def _assert_envelope(r, status):
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert set(body) <= {"ok", "status", "error", "errors"}
    assert "Traceback" not in r.text
    return body


# fmt: off
CASES = [
    ("GET", "/documents/nope", None, 404),
    ("GET", "/graph/nodes/nope", None, 404),
    ("GET", "/no/such/path", None, 404),
    ("GET", "/static/missing.js", None, 404),
    ("DELETE", "/documents", None, 405),
    ("GET", "/documents?limit=-1", None, 422),
    ("GET", "/quantities?cursor=%%%", None, 422),
    ("GET", "/graph/export?format=pdf", None, 422),
    ("POST", "/analyse", {"html": None, "text": None}, 422),
    ("POST", "/documents", {"text": "稳就业"}, 403),
]
# fmt: on


@pytest.mark.parametrize("method,path,body,status", CASES)
def test_error_envelope(client, method, path, body, status):
    _assert_envelope(client.request(method, path, json=body), status)


def test_validation_errors_are_listed(client):
    body = _assert_envelope(client.get("/documents", params={"limit": 0, "year": "x"}), 422)
    assert {tuple(e["loc"]) for e in body["errors"]} == {("query", "limit"), ("query", "year")}


def test_401_and_413_envelopes(writer):
    _assert_envelope(writer.post("/documents", json={"text": "稳"}), 401)
    _assert_envelope(writer.post("/documents", json={"text": "稳"}, headers={"Authorization": "Bearer x"}), 401)
    big = {"text": "稳" * 100_000}
    _assert_envelope(writer.post("/documents", json=big, headers={"Authorization": f"Bearer {TOKEN}"}), 413)


def test_invalid_content_length_is_400(client):
    # a header the client library would not send by itself
    r = client.post("/analyse", content=b"{}", headers={"Content-Length": "abc", "Content-Type": "application/json"})
    _assert_envelope(r, 400)


class _BrokenStore(Store):
    def count_documents(self):
        raise RuntimeError("secret internal detail")

    def list_documents(self, **kwargs):
        raise StoreError("disk I/O error at /secret/path.db")


def test_500_hides_details():
    app = create_app(Settings(db=":memory:"), store=_BrokenStore(":memory:"))
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/health")
        body = _assert_envelope(r, 500)
        assert body["error"] == "internal server error"
        assert "secret" not in r.text
        r = c.get("/documents")
        body = _assert_envelope(r, 500)
        assert "secret" not in r.text


def test_cors_off_by_default(client):
    r = client.get("/health", headers={"Origin": "http://example.org"})
    assert "access-control-allow-origin" not in r.headers


def test_cors_when_configured(store_path):
    app = create_app(Settings(db=str(store_path), cors_origins=("http://localhost:3000",)))
    with TestClient(app) as c:
        r = c.get("/health", headers={"Origin": "http://localhost:3000"})
        assert r.headers["access-control-allow-origin"] == "http://localhost:3000"
        r = c.get("/health", headers={"Origin": "http://elsewhere.org"})
        assert "access-control-allow-origin" not in r.headers


def test_405_lists_every_allowed_method(client):
    r = client.request("PUT", "/documents")
    _assert_envelope(r, 405)
    assert r.headers["allow"] == "GET, POST"


def test_graph_type_filter_is_validated(client):
    _assert_envelope(client.get("/graph/nodes", params={"type": "-5.8"}), 422)
