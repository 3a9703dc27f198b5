"""Documents: list, filters, cursor pagination, one analysis, fact lists, analyse-and-store."""
from __future__ import annotations

import pytest
from api_fixtures import *  # noqa: F401,F403 - the shared fixtures
from api_texts import TEXTS, TOKEN


def test_list_documents(client, doc_ids):
    body = client.get("/documents").json()
    assert body["next"] is None
    assert [d["id"] for d in body["items"]] == list(doc_ids.values())
    first = body["items"][0]
    assert first["title"] == "国务院关于做好2024年就业工作的通知"
    assert first["published"] == "2024-03-01"
    assert first["counts"]["quantities"] >= 3
    assert set(first) >= {"id", "title", "issuer", "published", "script", "chars", "counts"}


# fmt: off
FILTERS = [
    ({"q": "扶贫"}, ["jobs", "poverty"]),
    ({"q": "住房"}, ["housing"]),
    ({"q": "住房保障"}, ["housing"]),            # Simplified query finds the Traditional text
    ({"q": "稳就业"}, ["jobs", "poverty", "housing"]),
    ({"issuer": "国务院"}, ["jobs", "poverty"]),
    ({"issuer": "住房和城乡建设部"}, ["housing"]),
    ({"year": 2018}, ["poverty"]),
    ({"year": 1999}, []),
    ({"q": "扶贫", "year": 2024}, ["jobs"]),
]
# fmt: on


@pytest.mark.parametrize("params,expected", FILTERS)
def test_document_filters(client, doc_ids, params, expected):
    items = client.get("/documents", params=params).json()["items"]
    assert [d["id"] for d in items] == [doc_ids[n] for n in expected]


def test_documents_cursor_pagination(client, doc_ids):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 1} | ({"cursor": cursor} if cursor else {})
        body = client.get("/documents", params=params).json()
        assert len(body["items"]) <= 1
        seen += [d["id"] for d in body["items"]]
        pages += 1
        cursor = body["next"]
        if cursor is None:
            break
    assert seen == list(doc_ids.values())
    assert pages == 3


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"cursor": "not-a-cursor"}, {"year": "abc"}])
def test_documents_bad_parameters(client, params):
    r = client.get("/documents", params=params)
    assert r.status_code == 422
    assert r.json()["ok"] is False and r.json()["status"] == 422


def test_get_document(client, doc_ids, analyses):
    doc_id = doc_ids["jobs"]
    body = client.get(f"/documents/{doc_id}").json()
    assert body["schema"] == "policy-analyser/analysis@1"
    assert body["document"]["id"] == doc_id
    assert "text" not in body["document"]
    assert body["quantities"] == analyses["jobs"].to_dict()["quantities"]
    with_text = client.get(f"/documents/{doc_id}", params={"text": "true"}).json()
    text = with_text["document"]["text"]
    assert text == TEXTS["jobs"]
    for q in with_text["quantities"]:
        assert text[q["start"] : q["end"]] == q["text"]


def test_unknown_document_is_404(client):
    r = client.get("/documents/0000000000000000")
    assert r.status_code == 404
    assert r.json() == {"ok": False, "status": 404, "error": "no document '0000000000000000'"}
    assert client.get("/documents/0000000000000000/quantities").status_code == 404


@pytest.mark.parametrize("kind", ["outline", "quantities", "dates", "slogans", "citations", "entities"])
def test_fact_lists(client, doc_ids, analyses, kind):
    body = client.get(f"/documents/{doc_ids['jobs']}/{kind}", params={"limit": 500}).json()
    assert body["items"] == analyses["jobs"].to_dict()[kind]
    assert body["next"] is None


def test_fact_list_pages(client, doc_ids, analyses):
    expected = analyses["jobs"].to_dict()["quantities"]
    assert len(expected) >= 3
    items, cursor = [], None
    while True:
        body = client.get(
            f"/documents/{doc_ids['jobs']}/quantities", params={"limit": 2, **({"cursor": cursor} if cursor else {})}
        ).json()
        items += body["items"]
        cursor = body["next"]
        if not cursor:
            break
    assert items == expected


def test_unknown_fact_kind_is_422(client, doc_ids):
    r = client.get(f"/documents/{doc_ids['jobs']}/tokens")
    assert r.status_code == 422
    assert "kind" in r.json()["error"]


def test_post_documents_read_only_is_403(client):
    r = client.post("/documents", json={"text": "坚持稳就业。"})
    assert r.status_code == 403
    assert r.json()["error"].startswith("the API is read-only")


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}])
def test_post_documents_needs_the_token(writer, headers):
    r = writer.post("/documents", json={"text": "坚持稳就业。"}, headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert r.json()["status"] == 401


def test_post_documents_stores(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = "关于推进乡村振兴的意见\n到2035年，坚持“乡村振兴”，安排资金50亿元。"
    before = writer.get("/health").json()["documents"]
    r = writer.post("/documents", json={"text": text, "source": "rural.txt"}, headers=auth)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["ok"] is True and body["created"] is True
    assert body["document"]["source"] == "rural.txt"
    doc_id = body["id"]
    assert writer.get("/health").json()["documents"] == before + 1
    stored = writer.get(f"/documents/{doc_id}", params={"text": True}).json()
    assert stored["document"]["text"] == text
    # the graph follows the store at once
    assert writer.get(f"/graph/nodes/doc:{doc_id}").status_code == 200
    again = writer.post("/documents", json={"text": text}, headers=auth)
    assert again.status_code == 200 and again.json()["created"] is False
    assert writer.get("/health").json()["documents"] == before + 1


def test_post_documents_validates_before_storing(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writer.post("/documents", json={"source": "x"}, headers=auth).status_code == 422
    r = writer.post("/documents", json={"text": "   "}, headers=auth)
    assert r.status_code == 422
    assert "no text" in r.json()["error"]
