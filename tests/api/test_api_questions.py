"""Researcher questions over a subset of the archive, answered only through the HTTP endpoints.

The answers were determined by reading the documents of ``corpus/archive`` (the work reports'
主要预期目标 paragraphs and reviews, the outline of 国发〔2018〕39号, the occurrences of the
terms); each question scores 1 when the endpoints give exactly that answer. The run prints the
score; the goal is 0.95.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from analyser.corpus.ingest import ingest
from analyser.corpus.store import Store
from api.main import create_app
from api.settings import Settings

ARCHIVE = Path(__file__).resolve().parents[2] / "corpus" / "archive"
SUBSET = [
    "gwr_2014_state_council.txt", "gwr_2015_state_council.txt", "gwr_2016_state_council.txt",
    "gwr_2017_state_council.txt", "gwr_2019_state_council.txt", "gwr_2023_state_council.txt",
    "gwr_2024_state_council.txt", "prov_gwr_2026_guizhou.txt", "prov_gwr_2026_yunnan.txt",
    "prov_gwr_2026_gansu.txt", "prov_gwr_2026_zhejiang.txt", "prov_gwr_2026_jiangsu.txt",
    "cpc_18_congress_2012.txt", "cpc_19_congress_2017.txt", "gov_cn_39_guofa_2018_39.html",
    "gov_cn_9_guobanfa_2018_129.html",
]  # fmt: skip


@pytest.fixture(scope="module")
def qclient(tmp_path_factory):
    if not all((ARCHIVE / f).is_file() for f in SUBSET):
        pytest.skip("corpus/archive is not there")
    path = tmp_path_factory.mktemp("questions") / "archive.db"
    with Store(path) as store:
        summary = ingest([ARCHIVE / f for f in SUBSET], store, progress=False)
        assert summary.added == len(SUBSET) and summary.failed == 0
    with TestClient(create_app(Settings(db=str(path)))) as c:
        yield c


def _name(row) -> str:
    return Path(row["document"]["source"] if "document" in row else row["source"]).name


def _all(client, url, **params):
    out, cursor = [], None
    while True:
        page = client.get(url, params={**params, "limit": 200, **({"cursor": cursor} if cursor else {})}).json()
        out += page["items"] if "items" in page else page["documents"]
        cursor = page.get("next")
        if not cursor:
            return out


def _value(client, concept, modality, year, source=None, **filters):
    """The values of a concept for one year (and document), as a sorted list; period values
    (a 2011/2015 total) are not values of a year."""
    rows = _all(client, f"/indicators/{concept}/series", modality=modality, **{"from": year, "to": year}, **filters)
    return sorted({r["value"] for r in rows if (source is None or _name(r) == source) and "/" not in (r["time"] or "")})


def _questions(c):
    yield "GDP growth target for 2017", _value(c, "gdp_growth", "target", 2017, "gwr_2017_state_council.txt") == [6.5]
    yield "GDP growth target for 2024", _value(c, "gdp_growth", "target", 2024, "gwr_2024_state_council.txt") == [5]
    yield "GDP growth achieved in 2022", _value(c, "gdp_growth", "actual", 2022, "gwr_2023_state_council.txt") == [3]
    yield "new urban jobs target for 2019", _value(c, "urban_new_jobs", "target", 2019, "gwr_2019_state_council.txt") == [11_000_000]
    yield "new urban jobs in 2018", _value(c, "urban_new_jobs", "actual", 2018, "gwr_2019_state_council.txt") == [13_610_000]
    provinces = {"贵州省": 5, "云南省": 4.5, "甘肃省": 5.5, "浙江省": 5, "江苏省": 5}
    rows = _all(c, "/indicators/gdp_growth/series", modality="target", **{"from": 2026, "to": 2026})
    first = {}
    for r in rows:  # the first GDP target of each provincial report is its 2026 target
        place = r["place"] or r["document"]["place"]
        first.setdefault(place, r["value"] if r["lower"] is None else r["lower"])
    yield "2026 GDP growth target of each province", {p: first.get(p) for p in provinces} == provinces
    rows = _all(c, "/indicators/gdp_growth/series", modality="target", place="貴州", **{"from": 2026, "to": 2026})
    yield "Guizhou's 2026 GDP growth target through the place filter", [r["value"] for r in rows][:1] == [5]
    yield "rural poor lifted out of poverty per year", {
        y: _value(c, "poverty_reduction", "actual", y, issuer="国务院") for y in (2015, 2016, 2018)
    } == {2015: [14_420_000], 2016: [12_400_000], 2018: [13_860_000]}
    yield "CPI target for 2019", _value(c, "cpi", "target", 2019, "gwr_2019_state_council.txt") == [3]
    yield "deficit ratio target for 2019", _value(c, "deficit_ratio", "target", 2019, "gwr_2019_state_council.txt") == [2.8]
    yield "energy intensity target for 2024", _value(c, "energy_intensity", "target", 2024, "gwr_2024_state_council.txt") == [2.5]
    yield "surveyed unemployment target for 2024", _value(c, "surveyed_unemployment", "target", 2024, "gwr_2024_state_council.txt") == [5.5]
    t = c.get("/terms/timeline", params={"q": "新常態"}).json()
    yield "first use of 新常态", _name(t["first"]) == "gwr_2015_state_council.txt" and t["n_occurrences"] == 7
    yield "spread of 新常态", [_name(d) for d in t["documents"]] == [
        "gwr_2015_state_council.txt", "gwr_2016_state_council.txt", "gwr_2017_state_council.txt",
        "cpc_19_congress_2017.txt"]
    t = c.get("/terms/timeline", params={"q": "精准扶贫"}).json()
    yield "spread of 精准扶贫", [_name(d) for d in t["documents"]] == [
        "gwr_2014_state_council.txt", "gwr_2015_state_council.txt", "gwr_2016_state_council.txt",
        "gwr_2017_state_council.txt", "cpc_19_congress_2017.txt", "gov_cn_9_guobanfa_2018_129.html",
        "gwr_2023_state_council.txt"]
    doc = next(d for d in c.get("/documents", params={"limit": 100}).json()["items"]
               if (d.get("source") or "").endswith("gov_cn_39_guofa_2018_39.html"))
    outline = c.get(f"/documents/{doc['id']}/outline").json()
    nodes = outline["items"] if isinstance(outline, dict) and "items" in outline else outline
    section = next((n for n in nodes if "积极实施培训" in ((n.get("heading") or {}).get("text") or "")), None)
    yield "enumeration under 积极实施培训", section is not None and [
        (ch.get("heading") or {}).get("text") for ch in section["children"]
    ] == ["支持困难企业开展职工在岗培训", "开展失业人员培训", "放宽技术技能提升补贴申领条件"]
    cites = c.get("/citations", params={"q": "中国制造2025"}).json()["items"]
    yield "documents citing 《中国制造2025》", len(cites) == 1 and [_name(d) for d in cites[0]["documents"]] == [
        "gwr_2016_state_council.txt", "gwr_2017_state_council.txt"]
    yield "documents mentioning 上海", c.get("/terms/timeline", params={"q": "上海"}).json()["n_documents"] == 10


def test_researcher_questions(qclient, capsys):
    results = list(_questions(qclient))
    score = sum(ok for _, ok in results) / len(results)
    with capsys.disabled():
        print(f"\nresearcher questions: {sum(ok for _, ok in results)}/{len(results)} = {score:.2f}; "
              f"wrong: {[q for q, ok in results if not ok]}")
    assert score >= 0.9
