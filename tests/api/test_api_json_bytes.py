"""The bytes of the read endpoints' JSON: the standard library's compact encoding, whatever encodes it.

Each answer below must equal ``json.dumps(json.loads(body), ensure_ascii=False,
separators=(",", ":"))``: Chinese as UTF-8 rather than ``\\u`` escapes, no spaces, keys in the
order the store gives them, integers without a fraction and floats as Python prints them. A
faster encoder must give the same bytes for the same answer.
"""
from __future__ import annotations

import json

from api_fixtures import *
from api_reads import read_urls, reports_client  # noqa: F401 - a fixture


def stdlib_bytes(body: bytes) -> bytes:
    """The standard library's compact encoding of the JSON in ``body`` (what Starlette's ``JSONResponse`` writes)."""
    return json.dumps(json.loads(body), ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def test_read_answers_are_the_standard_librarys_compact_json(reports_client, client):  # noqa: F811
    seen = 0
    for c in (reports_client, client):
        for url in read_urls(c):
            r = c.get(url)
            assert r.headers["content-type"] == "application/json", url
            assert r.content == stdlib_bytes(r.content), url
            seen += r.status_code == 200
    assert seen >= 36  # the error answers are checked too, but most are pages of rows
