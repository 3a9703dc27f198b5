"""The knowledge endpoints: /indicators, /indicators/{id}/series, /terms/timeline, /citations."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from analyser.corpus.store import Store
from api.main import create_app
from api.settings import Settings

REPORTS = {
    "gwr_2018": ("2018-03-05", "过去五年，国内生产总值年均增长7.1%。去年国内生产总值增长6.9%，城镇新增就业1351万人。"
                 "今年发展的主要预期目标是：国内生产总值增长6.5%左右；城镇新增就业1100万人以上。"
                 "坚持精准扶贫，落实《中共中央国务院关于打赢脱贫攻坚战的决定》。"),
    "gwr_2019": ("2019-03-05", "去年国内生产总值增长6.6%，城镇新增就业1361万人。"
                 "今年发展的主要预期目标是：國內生產總值增長6%—6.5%；城镇新增就业1100万人以上。"
                 "深入推进精準扶貧。贯彻《中共中央国务院关于打赢脱贫攻坚战的决定》。"),
    "prov_2026": ("2026-01-27", "各位代表：过去一年，全省地区生产总值增长4.9%。"
                  "2026年主要预期目标是：地区生产总值增长5%左右，城镇新增就业60万人以上。"),
}


@pytest.fixture(scope="module")
def kclient(tmp_path_factory):
    from analyser import analyse

    path = tmp_path_factory.mktemp("knowledge") / "k.db"
    with Store(path) as store:
        for name, (date, text) in REPORTS.items():
            assert store.add_analysis(analyse(text, source=f"{name}.txt", published=date), source=f"{name}.txt")
    with TestClient(create_app(Settings(db=str(path)))) as c:
        yield c


def test_indicators_lists_concepts_most_used_first(kclient):
    items = kclient.get("/indicators").json()["items"]
    ids = [it["id"] for it in items]
    assert ids[0] == "gdp_growth" and "urban_new_jobs" in ids
    gdp = items[0]
    assert gdp["label"] == "国内生产总值增长" and gdp["documents"] == 3 and "地区生产总值增长" in gdp["aliases"]
    assert [it["id"] for it in kclient.get("/indicators", params={"q": "城鎮新增"}).json()["items"]] == ["urban_new_jobs"]


def test_series_gives_years_and_modality(kclient):
    rows = kclient.get("/indicators/gdp_growth/series").json()["items"]
    got = [(r["year"], r["value"], r["modality"]) for r in rows]
    assert (2017, 6.9, "actual") in got and (2018, 6.6, "actual") in got
    assert (2018, 6.5, "target") in got and (2026, 5, "target") in got
    years = [r["year"] for r in rows if r["year"] is not None]
    assert years == sorted(years)
    first = rows[0]
    assert set(first["document"]) == {"id", "title", "published", "issuer", "source", "place"}
    assert first["sentence"] and first["text"]
    targets = kclient.get("/indicators/gdp_growth/series", params={"modality": "target", "from": 2019}).json()["items"]
    assert [(r["year"], r["document"]["source"]) for r in targets] == [(2019, "gwr_2019.txt"), (2026, "prov_2026.txt")]


def test_series_pages_with_a_cursor(kclient):
    whole = kclient.get("/indicators/gdp_growth/series").json()["items"]
    seen, cursor = [], None
    while True:
        page = kclient.get("/indicators/gdp_growth/series", params={"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
        seen += page["items"]
        cursor = page["next"]
        if not cursor:
            break
    assert seen == whole


def test_series_of_an_unknown_concept_is_404(kclient):
    assert kclient.get("/indicators/no_such_thing/series").status_code == 404
    assert kclient.get("/indicators/gdp_growth/series", params={"modality": "maybe"}).status_code == 422


def test_term_timeline_counts_both_scripts_oldest_first(kclient):
    out = kclient.get("/terms/timeline", params={"q": "精准扶贫"}).json()
    assert out["n_documents"] == 2 and out["n_occurrences"] == 2
    assert out["first"]["source"] == "gwr_2018.txt"
    assert [d["published"] for d in out["documents"]] == ["2018-03-05", "2019-03-05"]
    text = REPORTS["gwr_2019"][1]
    d19 = out["documents"][1]
    assert text[d19["first_start"]:d19["first_start"] + 4] == "精準扶貧"
    assert kclient.get("/terms/timeline", params={"q": "不存在的词语"}).json()["n_documents"] == 0


def test_citations_group_documents_citing_them(kclient):
    items = kclient.get("/citations").json()["items"]
    assert items[0]["n_documents"] == 2
    assert [d["published"] for d in items[0]["documents"]] == ["2018-03-05", "2019-03-05"]
    assert kclient.get("/citations", params={"q": "脫貧攻堅"}).json()["items"][0]["title"].endswith("决定")
