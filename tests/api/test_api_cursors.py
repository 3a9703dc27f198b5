"""Crafted cursors are client errors (422 with the envelope) on every paged endpoint, never 500."""
from __future__ import annotations

import base64
import json

import pytest
from api_fixtures import *  # noqa: F401,F403 - the shared fixtures

from analyser.corpus.store.cursor import encode_cursor


def _raw(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


# fmt: off
SHAPES = [
    "[9223372036854775808]", "[18446744073709551616]", "[{}]", "[[1]]", "[1.5]", "[true]", '["x"]',
    "[-1]", "[null]", "[]", "{}", '"x"', "[1, 2, 3, 4]", "[" * 5000 + "]" * 5000,
]
SHAPES_2 = ["[1]", "[1, {}]", "[1, [2]]", "[1, 2.5]", "[true, 1]", "[-1, 0]", "[1, 9223372036854775808]"]
# fmt: on

PAGED = ["/documents", "/quantities", "/slogans", "/search?q=就业", "/graph/nodes",
         "/slogans/timeline?normalized=稳就业"]  # fmt: skip


def _get(client, path: str, cursor: str):
    sep = "&" if "?" in path else "?"
    return client.get(f"{path}{sep}cursor={cursor}")


@pytest.mark.parametrize("path", PAGED)
@pytest.mark.parametrize("shape", SHAPES)
def test_crafted_cursor_is_422(client, path, shape):
    r = _get(client, path, _raw(shape))
    assert r.status_code == 422, (path, shape, r.text)
    assert r.json()["ok"] is False and "cursor" in r.json()["error"]


@pytest.mark.parametrize("path", ["/quantities", "/search?q=就业", "/slogans", "/slogans/timeline?normalized=稳就业"])
@pytest.mark.parametrize("shape", SHAPES_2)
def test_crafted_two_place_cursor_is_422(client, path, shape):
    assert _get(client, path, _raw(shape)).status_code == 422


def test_fact_list_cursor(client, doc_ids):
    doc = next(iter(doc_ids.values()))
    for shape in SHAPES:
        assert _get(client, f"/documents/{doc}/entities", _raw(shape)).status_code == 422, shape


@pytest.mark.parametrize("path", PAGED)
def test_next_cursor_still_works(client, path):
    sep = "&" if "?" in path else "?"
    first = client.get(f"{path}{sep}limit=1")
    assert first.status_code == 200
    nxt = first.json()["next"]
    if nxt is not None:
        assert _get(client, path, nxt).status_code == 200


def test_encoded_cursor_round_trip():
    assert json.loads(base64.urlsafe_b64decode(encode_cursor([3, "稳"]) + "==")) == [3, "稳"]
