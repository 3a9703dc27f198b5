"""Graph exports: streamed from files on disk (bounded memory), limited without the write token."""
from __future__ import annotations

import json
import os
import threading

import pytest
from api_fixtures import *  # noqa: F401,F403 - the shared fixtures
from api_texts import TOKEN
from fastapi.testclient import TestClient

from analyser.corpus.graph import to_json
from analyser.corpus.store import Store
from api.graphcache import ExportBusy, GraphCache
from api.main import create_app
from api.settings import Settings


def test_streamed_json_is_the_node_link_document(client, store_path):
    r = client.get("/graph/export", params={"format": "json"})
    assert r.status_code == 200 and int(r.headers["content-length"]) == len(r.content)
    with Store(store_path, create=False) as store:
        assert json.loads(r.content) == json.loads(json.dumps(to_json(store.load_graph()), ensure_ascii=False))


def test_exports_are_files_not_memory(store_path):
    cache = GraphCache(Store(store_path, readonly=True))
    fh, size = cache.export_file("graphml")
    fh.close()
    paths = list(cache._exports.values())
    assert all(isinstance(p, str) and os.path.getsize(p) == size for p in paths)
    again, _ = cache.export_file("graphml")  # served from the same file
    assert again.name == paths[0]
    again.close()
    cache.close()
    assert not any(os.path.exists(p) for p in paths)


def test_one_export_written_at_a_time(store_path):
    cache = GraphCache(Store(store_path, readonly=True))
    cache.get()
    assert cache._export_lock.acquire()
    try:
        with pytest.raises(ExportBusy):
            cache.export_file("gexf")
    finally:
        cache._export_lock.release()
    cache.export_file("gexf")[0].close()
    cache.close()


def _app(store_path, **settings) -> TestClient:
    return TestClient(create_app(Settings(db=str(store_path), warm_graph=False, **settings)))


def test_large_graphs_need_the_write_token(store_path):
    with _app(store_path, export_max_items=5, write_token=TOKEN) as c:
        r = c.get("/graph/export")
        assert r.status_code == 413 and "graph export" in r.json()["error"]
        assert c.get("/graph/export", headers={"Authorization": "Bearer wrong"}).status_code == 413
        assert c.get("/graph/export", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    with _app(store_path, export_max_items=0) as c:  # read-only server, exports off
        assert c.get("/graph/export", params={"format": "gexf"}).status_code == 413


def test_busy_export_is_503(store_path):
    with _app(store_path) as c:
        cache = c.app.state.graph
        cache.get()
        cache._export_lock.acquire()
        try:
            r = c.get("/graph/export", params={"format": "graphml"})
        finally:
            cache._export_lock.release()
        assert r.status_code == 503 and r.headers["retry-after"]


def test_concurrent_exports_all_answer(store_path):
    with _app(store_path) as c:
        codes: list[int] = []
        threads = [threading.Thread(target=lambda f=f: codes.append(c.get(f"/graph/export?format={f}").status_code))
                   for f in ("json", "json", "graphml", "gexf")]  # fmt: skip
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert set(codes) <= {200, 503} and 200 in codes


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_control_characters_in_stored_text_do_not_break_exports(store_copy, fmt):
    from analyser import analyse

    analysis = analyse("国务院关于\x0b做好“稳\x01就业”工作的通知\n坚持“稳\x01就业”。", source="ctl\x1c.txt")
    with Store(store_copy) as store:
        assert store.add_analysis(analysis, source="ctl\x1c.txt")
    with _app(store_copy) as c:
        r = c.get("/graph/export", params={"format": fmt})
    assert r.status_code == 200, r.text
    if fmt == "graphml":
        import io

        import networkx as nx

        assert nx.read_graphml(io.BytesIO(r.content)).number_of_nodes() > 0
