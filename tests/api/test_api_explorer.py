"""The explorer page: served files, and a headless Chromium run through its views.

The browser test drives Debian's ``chromium`` over the DevTools protocol (``websockets``) and
saves screenshots in tests/artifacts/. It skips when Chromium or ``websockets`` is missing.
"""
from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from pathlib import Path

import pytest
from api_cdp import Browser, find_chromium
from api_fixtures import *  # noqa: F401,F403 - the shared fixtures

from api.main import create_app
from api.settings import Settings

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.mark.parametrize(
    "path,kind", [("/", "text/html"), ("/static/app.js", "javascript"), ("/static/style.css", "text/css")]
)
def test_explorer_files(client, path, kind):
    r = client.get(path)
    assert r.status_code == 200 and kind in r.headers["content-type"]


def test_explorer_loads_nothing_from_outside(client):
    """Works offline: no URL of another host in the page or its scripts and styles."""
    static = Path(__file__).resolve().parents[2] / "api" / "static"
    for f in static.iterdir():
        text = f.read_text(encoding="utf-8")
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "") and "https://" not in text, f.name
    # every module the page imports is served
    for f in static.glob("*.js"):
        for name in __import__("re").findall(r'from "\./([\w.]+)"', f.read_text(encoding="utf-8")):
            assert client.get(f"/static/{name}").status_code == 200


@pytest.fixture
def live_server(store_path):
    """The API on a free loopback port, served by uvicorn in a thread."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(Settings(db=str(store_path)))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_explorer_in_chromium(live_server, doc_ids):
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    pytest.importorskip("websockets", reason="the websockets package drives Chromium")
    asyncio.run(_drive(chromium, live_server, doc_ids))


async def _drive(chromium: str, base: str, doc_ids: dict[str, str]) -> None:
    async with Browser(chromium) as b:
        # documents list
        await b.goto(base + "/#/")
        await b.wait_for("document.querySelectorAll('.doc-row').length === 3")
        titles = await b.evaluate("[...document.querySelectorAll('a.doc-link')].map(a => a.textContent)")
        assert "国务院关于做好2024年就业工作的通知" in titles

        # open a document: facts highlighted, outline as table of contents
        await b.evaluate(
            "[...document.querySelectorAll('a.doc-link')].find(a => a.textContent.includes('就业工作')).click()"
        )
        await b.wait_for("document.querySelectorAll('#doc-text .hl').length > 0")
        kinds = await b.evaluate(
            "[...new Set([...document.querySelectorAll('#doc-text .hl')].map(n => n.className.split(' ')[1]))]"
        )
        assert {"k-quantities", "k-slogans", "k-citations"} <= set(kinds)
        text = await b.evaluate("document.getElementById('doc-text').textContent")
        assert text.startswith("国务院关于做好2024年就业工作的通知")
        quantity = await b.evaluate(
            "[...document.querySelectorAll('#doc-text .hl.k-quantities')].map(n => n.textContent).join('|')"
        )
        assert "188万人" in quantity
        assert await b.evaluate("document.querySelectorAll('#toc a').length") >= 2

        # clicking a fact shows its sentence
        await b.evaluate(
            "[...document.querySelectorAll('#doc-text .hl.k-quantities')].find(n => n.textContent.includes('188')).click()"
        )
        sentence = await b.wait_for("document.getElementById('fact-sentence')?.textContent")
        assert "188万人" in sentence and "贵州省" in sentence
        assert await b.evaluate("document.querySelector('#fact-sentence mark').textContent") == "188万人"
        await b.screenshot(ARTIFACTS / "explorer-document.png")

        # the graph of the document: nodes drawn, expanding on click, filter by type
        await b.evaluate("document.getElementById('doc-graph-link').click()")
        await b.wait_for("document.querySelectorAll('#graph-svg .node').length > 3")
        await asyncio.sleep(1.5)
        before = await b.evaluate("document.querySelectorAll('#graph-svg .node').length")
        box = await b.evaluate(
            "(() => { const r = document.querySelector('#graph-svg .node.t-slogan circle').getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        await b.click_at(*box)
        await b.wait_for(f"document.querySelectorAll('#graph-svg .node').length > {before}")
        detail = await b.wait_for("document.querySelector('#node-detail h3')?.textContent")
        assert detail
        assert await b.evaluate("document.querySelectorAll('#graph-svg .node.t-year').length") >= 1
        await b.evaluate("document.querySelector('#type-filters input[data-type=year]').click()")
        assert await b.evaluate("document.querySelectorAll('#graph-svg .node.t-year').length") == 0
        await asyncio.sleep(1.0)
        await b.screenshot(ARTIFACTS / "explorer-graph.png")

        # a formulation's timeline across documents
        await b.goto(base + "/#/slogan/" + "稳就业")
        await b.wait_for("document.querySelectorAll('.timeline-chart .dot').length === 3")
        rows = await b.evaluate("document.querySelectorAll('table.list tbody tr').length")
        assert rows == 3
        await b.screenshot(ARTIFACTS / "explorer-timeline.png")

        # search: documents, formulations and keyword in context
        await b.goto(base + "/#/search?q=" + "保障性")
        await b.wait_for("document.querySelectorAll('.kwic mark').length > 0")
        assert await b.evaluate("document.querySelector('.kwic mark').textContent") == "保障性"

        assert b.errors == [], json.dumps(b.errors, ensure_ascii=False)
