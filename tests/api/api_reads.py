"""A fixed set of read requests over the endpoints that answer rows straight from the store or the graph.

Used by the tests of the answers' bytes (``test_api_json_bytes.py``) and of the one-pass
parameter reading (``test_api_quickroute.py``): two reports with figures, cited documents and
formulations, in a store of their own.
"""
from __future__ import annotations

from urllib.parse import quote

import pytest

from analyser.corpus.store import Store
from api.main import create_app
from api.settings import Settings

__all__ = ["REPORTS", "read_urls", "reports_client"]

REPORTS = {
    "gwr_2018": ("2018-03-05", ("过去五年，国内生产总值年均增长7.1%。去年国内生产总值增长6.9%，城镇新增就业1351万人。"
                 "今年发展的主要预期目标是：国内生产总值增长6.5%左右；城镇新增就业1100万人以上。"
                 "坚持精准扶贫，落实《中共中央国务院关于打赢脱贫攻坚战的决定》。中央财政安排资金860.95亿元。")),
    "gwr_2019": ("2019-03-05", ("去年国内生产总值增长6.6%，城镇新增就业1361万人。"
                 "今年发展的主要预期目标是：國內生產總值增長6%—6.5%；城镇新增就业1100万人以上。"
                 "深入推进精準扶貧。贯彻《中共中央国务院关于打赢脱贫攻坚战的决定》。减税降费2.36万亿元。")),
}  # fmt: skip


@pytest.fixture(scope="module")
def reports_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from analyser import analyse

    path = tmp_path_factory.mktemp("jsonbytes") / "r.db"
    with Store(path) as store:
        for name, (date, text) in REPORTS.items():
            assert store.add_analysis(analyse(text, source=f"{name}.txt", published=date), source=f"{name}.txt")
    with TestClient(create_app(Settings(db=str(path), response_cache_mb=0))) as c:
        yield c


def read_urls(client) -> list[str]:
    """A fixed set of read requests over every endpoint that answers rows straight from the store or graph."""
    doc = client.get("/documents", params={"limit": 1}).json()["items"][0]["id"]
    first = client.get("/quantities", params={"limit": 2}).json()["next"]
    return [
        "/quantities", "/quantities?limit=2", f"/quantities?limit=2&cursor={quote(first)}",
        "/quantities?unit=" + quote("元"), "/quantities?unit=%25&min=1&max=10", "/quantities?year=2018",
        "/quantities?indicator=" + quote("生产总值"), "/quantities?place=" + quote("贵州"),
        "/indicators", "/indicators?q=" + quote("增长"), "/indicators/gdp_growth/series",
        "/indicators/gdp_growth/series?modality=target&from=2018", "/indicators/gdp_growth/series?issuer=" + quote("国务院"),
        "/terms/timeline?q=" + quote("精准扶贫"), "/terms/timeline?q=" + quote("不在其中"),
        "/citations", "/citations?q=" + quote("决定"), "/citations?documents=1&limit=1",
        f"/graph/nodes/doc:{doc}/neighbors?limit=50", f"/graph/nodes/doc:{doc}/neighbors?depth=2&limit=20",
        f"/graph/nodes/doc:{doc}/neighbors?type=quantity&type=year,slogan&limit=5",
        "/indicators/no_such_concept/series", "/quantities?limit=0", "/graph/nodes/doc:nope/neighbors",
    ]  # fmt: skip
