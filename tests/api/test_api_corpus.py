"""Queries across documents: quantities, formulations, timelines, search, issuers."""
from __future__ import annotations

import re

import pytest
from api_fixtures import *  # noqa: F401,F403 - the shared fixtures
from api_texts import TEXTS

from analyser.text.normalize import simplified_view


def _all(client, path, params=None, limit=2):
    items, cursor = [], None
    while True:
        p = dict(params or {}, limit=limit) | ({"cursor": cursor} if cursor else {})
        r = client.get(path, params=p)
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        cursor = body["next"]
        if cursor is None:
            return items


def test_quantities_carry_document_and_sentence(client, doc_ids):
    items = client.get("/quantities", params={"limit": 500}).json()["items"]
    assert {q["document"] for q in items} == set(doc_ids.values())
    by_id = {v: TEXTS[k] for k, v in doc_ids.items()}
    for q in items:
        text = by_id[q["document"]]
        assert text[q["start"] : q["end"]] == q["text"]
        assert q["text"] in q["sentence"]
        assert text[q["sentence_start"] : q["sentence_end"]] == q["sentence"]


def test_quantities_paginate_without_loss(client):
    everything = client.get("/quantities", params={"limit": 500}).json()["items"]
    assert len(everything) >= 5
    assert _all(client, "/quantities", limit=2) == everything


def _year(time):
    m = re.search(r"(1[89]\d\d|2[01]\d\d)", time or "")
    return int(m.group(1)) if m else None


def _has(value, part):
    return value is not None and simplified_view(part) in simplified_view(value)


# The expected sets are computed from the analyses with the filter's meaning, so the test
# checks the API's filtering whatever the extractors find; `least` names quantities that
# must be among them (their facts are plain in the texts).
# fmt: off
QUANTITY_FILTERS = [
    ({"unit": "人"}, lambda q: q["unit"] == "人", {"188万人"}),
    ({"unit": "元", "min": 1e11}, lambda q: q["unit"] == "元" and q["value"] is not None and q["value"] >= 1e11, {"1060.95亿元"}),
    ({"unit": "元", "max": 1e11}, lambda q: q["unit"] == "元" and q["value"] is not None and q["value"] <= 1e11, {"超过800亿元"}),
    ({"place": "北京"}, lambda q: _has(q["place"], "北京"), set()),
    ({"place": "贵州", "unit": "元"}, lambda q: _has(q["place"], "贵州") and q["unit"] == "元", set()),
    ({"year": 2025}, lambda q: _year(q["time"]) == 2025, set()),
    ({"indicator": "住房面积"}, lambda q: q["indicator"] and _has(q["indicator"]["text"], "住房面积"), set()),
    ({"unit": "艘"}, lambda q: False, set()),
]
# fmt: on


@pytest.mark.parametrize("params,keep,least", QUANTITY_FILTERS)
def test_quantity_filters(client, analyses, params, keep, least):
    expected = {q["text"] for a in analyses.values() for q in a.to_dict()["quantities"] if keep(q)}
    items = client.get("/quantities", params=params | {"limit": 500}).json()["items"]
    assert {q["text"] for q in items} == expected
    assert least <= expected


@pytest.mark.parametrize("params", [{"min": "x"}, {"min": "inf"}, {"year": 0}, {"limit": 1000}])
def test_quantity_bad_parameters(client, params):
    assert client.get("/quantities", params=params).status_code == 422


def test_slogans_grouped_across_scripts(client, doc_ids):
    groups = {g["normalized"]: g for g in client.get("/slogans").json()["items"]}
    stable = groups["稳就业"]
    assert stable["count"] == 3
    assert sorted(stable["documents"]) == sorted(doc_ids.values())
    assert stable["first"] == "2018-06-15" and stable["last"] == "2024-03-01"
    assert {v["text"] for v in stable["variants"]} == {"稳就业", "穩就業"}
    assert list(groups)[0] == "稳就业"  # most mentioned first


def test_slogans_filter_and_pages(client):
    assert [g["normalized"] for g in client.get("/slogans", params={"q": "穩就"}).json()["items"]] == ["稳就业"]
    everything = client.get("/slogans", params={"limit": 500}).json()["items"]
    assert _all(client, "/slogans", limit=1) == everything


def test_slogan_timeline(client, doc_ids):
    items = client.get("/slogans/timeline", params={"normalized": "穩就業"}).json()["items"]
    assert [e["document"] for e in items] == [doc_ids["poverty"], doc_ids["housing"], doc_ids["jobs"]]
    assert [e["published"] for e in items] == ["2018-06-15", "2021-07-05", "2024-03-01"]
    assert items[1]["variants"] == ["穩就業"]
    assert "穩就業" in items[1]["sentence"]
    assert _all(client, "/slogans/timeline", {"normalized": "稳就业"}, limit=1) == items
    assert client.get("/slogans/timeline", params={"normalized": "无此提法"}).json() == {"items": [], "next": None}
    assert client.get("/slogans/timeline").status_code == 422


def test_search_kwic(client, doc_ids):
    items = client.get("/search", params={"q": "保障性"}).json()["items"]
    assert items and {h["document"] for h in items} == {doc_ids["housing"]}
    text = TEXTS["housing"]
    for h in items:
        assert text[h["start"] : h["end"]] == h["match"] == "保障性"
        assert text[: h["start"]].replace("\n", " ").endswith(h["left"])
    hits = _all(client, "/search", {"q": "就业"}, limit=2)
    assert len(hits) >= 4
    assert hits == client.get("/search", params={"q": "就业", "limit": 500}).json()["items"]


def test_search_needs_q(client):
    r = client.get("/search")
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["query", "q"]


def test_issuers(client):
    items = client.get("/issuers").json()["items"]
    assert {i["issuer"] for i in items} == {"国务院办公厅", "中共中央 国务院", "住房和城鄉建設部"}


# fmt: off
QUANTITY_PAGES = [
    {}, {"unit": "人"}, {"unit": "元", "min": 1}, {"year": 2025}, {"place": "贵州"}, {"indicator": "就业"},
    {"unit": "艘"}, {"min": 10, "max": 1e9},
]
# fmt: on


@pytest.mark.parametrize("params", QUANTITY_PAGES)
def test_quantity_pages_join_up(client, params):
    """Pages of any size, followed through their cursors, give the one-page answer."""
    everything = client.get("/quantities", params=params | {"limit": 500}).json()["items"]
    for limit in (1, 2):
        assert _all(client, "/quantities", params, limit=limit) == everything
