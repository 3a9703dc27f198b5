"""The explorer's indicator and term pages in headless Chromium, over a store of three reports."""
from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from pathlib import Path

import pytest
from api_cdp import Browser, find_chromium
from test_api_knowledge import REPORTS

from analyser.corpus.store import Store
from api.main import create_app
from api.settings import Settings

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture
def knowledge_server(tmp_path):
    import uvicorn

    from analyser import analyse

    path = tmp_path / "k.db"
    with Store(path) as store:
        for name, (date, text) in REPORTS.items():
            store.add_analysis(analyse(text, source=f"{name}.txt", published=date), source=f"{name}.txt")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db=str(path))), host="127.0.0.1", port=port,
                                           log_level="warning"))
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


def test_indicator_and_term_pages_in_chromium(knowledge_server):
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    pytest.importorskip("websockets", reason="the websockets package drives Chromium")
    asyncio.run(_drive(chromium, knowledge_server))


async def _drive(chromium: str, base: str) -> None:
    async with Browser(chromium) as b:
        # search links to the term timeline and to the matching indicator
        await b.goto(base + "/#/search?q=" + "国内生产总值")
        await b.wait_for("document.querySelectorAll('.knowledge-links a').length >= 2")
        links = await b.evaluate("[...document.querySelectorAll('.knowledge-links a')].map(a => a.textContent)")
        assert any("国内生产总值增长" in t for t in links)

        # the indicator list and one concept: a chart with targets and results, rows below
        await b.goto(base + "/#/indicators")
        await b.wait_for("document.querySelectorAll('table.list tbody tr').length >= 2")
        await b.goto(base + "/#/indicator/gdp_growth")
        await b.wait_for(
            "document.querySelectorAll('.series-chart polyline').length >= 2"
            " && document.querySelectorAll('table.list tbody tr').length >= 5"
        )
        dashed = await b.evaluate(
            "[...document.querySelectorAll('.series-chart polyline')].filter(p => p.getAttribute('stroke-dasharray') !== 'none').length"
        )
        assert dashed >= 1  # the targets' line
        rows = await b.evaluate("document.querySelectorAll('table.list tbody tr').length")
        assert rows >= 5
        await b.screenshot(ARTIFACTS / "explorer-indicator.png")

        # a term's timeline: bars per year, the first use highlighted
        await b.goto(base + "/#/term?q=" + "精準扶貧")
        await b.wait_for("document.querySelectorAll('.term-chart rect.bar').length === 2")
        assert await b.evaluate("document.querySelectorAll('.term-chart rect.first').length") == 1
        assert await b.evaluate("document.querySelectorAll('tr.first-use').length") == 1
        await b.screenshot(ARTIFACTS / "explorer-term.png")
        assert b.errors == [], json.dumps(b.errors, ensure_ascii=False)
