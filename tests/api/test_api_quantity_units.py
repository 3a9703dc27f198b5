"""``GET /quantities`` with units as printed: 亿元, 万人 … are read as base units with scaled bounds."""
from __future__ import annotations

import pytest
from api_fixtures import *  # noqa: F401,F403 - the shared fixtures

from api.unitfilter import base_unit


def _texts(client, **params) -> set[str]:
    return {q["text"] for q in client.get("/quantities", params=params | {"limit": 500}).json()["items"]}


@pytest.mark.parametrize(
    "printed,base,factor",
    [("亿元", "元", 10**8), ("万元", "元", 10**4), ("万人", "人", 10**4), ("萬人", "人", 10**4), ("万吨", "吨", 10**4),
     ("千亿元", "元", 10**11), ("万千瓦", "千瓦", 10**4), ("千瓦", "千瓦", 1), ("平方米", "平方米", 1), ("%", "%", 1)],
)  # fmt: skip
def test_base_unit(printed, base, factor):
    assert base_unit(printed) == (base, factor)


def test_printed_unit_gives_the_base_unit_rows(client):
    assert _texts(client, unit="亿元") == _texts(client, unit="元") != set()
    assert _texts(client, unit="万人") == _texts(client, unit="人") >= {"188万人"}


def test_bounds_are_in_the_printed_unit(client):
    assert _texts(client, unit="亿元", min=1000) == _texts(client, unit="元", min=1e11)
    assert "1060.95亿元" in _texts(client, unit="亿元", min=1000)
    assert "超过800亿元" in _texts(client, unit="亿元", max=1000)
    assert "1060.95亿元" not in _texts(client, unit="亿元", max=1000)
    assert _texts(client, unit="万人", min=100, max=200) >= {"188万人"}


def test_unknown_unit_is_kept_as_asked(client):
    assert _texts(client, unit="万艘") == set()


def test_rows_name_their_document(client, analyses):
    titles = {a.document.id: a.document.title.text for a in analyses.values()}
    items = client.get("/quantities", params={"limit": 500}).json()["items"]
    assert items and all(q["title"] == titles[q["document"]] and q["source"].endswith(".txt") for q in items)
