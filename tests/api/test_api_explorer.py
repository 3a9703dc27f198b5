"""The explorer page: served files, and a headless Chromium run through its views.

The browser test drives Debian's ``chromium`` over the DevTools protocol (``websockets``), with
every host but the loopback unreachable, and saves screenshots in tests/artifacts/. It skips when
Chromium or ``websockets`` is missing.
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

from analyser.corpus.store import Store
from api.main import create_app
from api.settings import Settings

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


UNTITLED_SOURCE = "/srv/corpus/speeches/2024_notes.txt"


@pytest.mark.parametrize(
    "path,kind",
    [("/", "text/html"), ("/static/app.js", "javascript"), ("/static/style.css", "text/css"), ("/favicon.ico", "image/svg"),
     ("/docs", "text/html"), ("/redoc", "text/html"), ("/docs-assets/swagger-ui-bundle.js", "javascript"),
     ("/docs-assets/swagger-ui.css", "text/css"), ("/docs-assets/redoc.standalone.js", "javascript")],
)
def test_explorer_files(client, path, kind):
    r = client.get(path)
    assert r.status_code == 200 and kind in r.headers["content-type"]


def test_docs_pages_load_their_assets_from_this_server(client):
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assert "cdn" not in html.lower() and "https://" not in html, page
        assert "/docs-assets/" in html and "/openapi.json" in html


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
def live_server(store_copy):
    """The API on a free loopback port, served by uvicorn in a thread; the store holds the three
    test documents and an untitled one."""
    import uvicorn

    from analyser import analyse

    untitled = analyse("各位代表：\n\n过去一年，我们完成了1000万人搬迁任务。\n", source=UNTITLED_SOURCE)
    assert untitled.document.title is None
    with Store(store_copy) as store:
        store.add_analysis(untitled, source=UNTITLED_SOURCE)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(Settings(db=str(store_copy)))
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
        # read the titles in the same evaluation that sees the four rows (the list may be redrawn)
        titles = await b.wait_for(
            "(() => { const t = [...document.querySelectorAll('.doc-row a.doc-link')].map(a => a.textContent);"
            " return t.length === 4 ? t : null; })()"
        )
        assert "国务院关于做好2024年就业工作的通知" in titles
        # an untitled document: its file name, marked untitled, never the whole path
        assert "2024_notes.txt untitled" in titles
        assert not any("/srv/corpus" in t for t in titles)
        assert await b.evaluate("document.querySelector('link[rel=icon]').href.endsWith('/static/favicon.svg')")
        await b.screenshot(ARTIFACTS / "explorer-documents.png")

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
        # a legend names the highlight colours
        legend = await b.evaluate("document.getElementById('legend').textContent")
        for word in ("Quantities", "Dates", "Formulations", "Citations", "Entities", "selected"):
            assert word in legend
        # numbered fact lists leave room for four-digit numbers ("1000.")
        assert await b.evaluate(
            "(() => { const ol = document.querySelector('ol.facts'); const s = getComputedStyle(ol);"
            " return parseFloat(s.paddingLeft) >= 3 * parseFloat(s.fontSize); })()"
        )

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
        await b.wait_for("!document.getElementById('graph-loading')")
        await b.wait_for("document.getElementById('graph-svg').dataset.settled")
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
        await b.wait_for("document.getElementById('graph-svg').dataset.settled")
        # labels never overlap: placed beside their node or hidden until hovered
        overlapping = await b.evaluate(_OVERLAPPING_LABELS)
        assert overlapping == [], overlapping
        assert await b.evaluate("document.querySelectorAll('#graph-svg .node text:not(.hidden)').length") >= 3
        await b.screenshot(ARTIFACTS / "explorer-graph.png")

        # a formulation's timeline across documents
        await b.goto(base + "/#/slogan/" + "稳就业")
        await b.wait_for("document.querySelectorAll('.timeline-chart .dot').length === 3")
        rows = await b.evaluate("document.querySelectorAll('table.list tbody tr').length")
        assert rows == 3
        await b.screenshot(ARTIFACTS / "explorer-timeline.png")

        # search: documents, formulations and keyword in context
        await b.goto(base + "/#/search?q=" + "保障性")
        await b.wait_for("[...document.querySelectorAll('.kwic mark')].some(m => m.textContent === '保障性')")
        assert await b.evaluate("document.querySelector('.kwic mark').textContent") == "保障性"
        assert await b.evaluate("document.getElementById('search-box').value") == "保障性"
        await b.goto(base + "/#/search?q=" + "完成了")
        # the page of the previous query is still up until the new one is drawn: wait for this one's
        linked = await b.wait_for(
            "(() => { const marks = [...document.querySelectorAll('.kwic mark')];"
            " const links = [...document.querySelectorAll('table.list td a')].map(a => a.textContent);"
            " return marks.length && marks.every(m => m.textContent === '完成了') && links.length ? links : null; })()"
        )
        assert "2024_notes.txt untitled" in linked, linked

        # quantities: document and qualifier columns, thousands separators, CSV download
        await b.goto(base + "/#/quantities")
        await b.wait_for("document.querySelectorAll('#quantity-table tbody tr.quantity-row').length > 3")
        assert await b.evaluate("document.getElementById('search-box').value") == "", "the old query stays in the box"
        headers = await b.evaluate("[...document.querySelectorAll('#quantity-table th')].map(th => th.textContent)")
        assert headers[:5] == ["Document", "Quantity", "Value", "Unit", "Qualifier"]
        row = await b.evaluate(
            "[...document.querySelectorAll('#quantity-table tr.quantity-row')].map(tr => [...tr.cells].map(td => td.textContent))"
            ".find(cells => cells[1] === '超过800亿元')"
        )
        assert row[0] == "国务院关于做好2024年就业工作的通知", row
        assert row[2] == "80,000,000,000" and row[3] == "元" and row[4] == "at least", row
        await b.screenshot(ARTIFACTS / "explorer-quantities.png")
        await b.evaluate(
            "window.__csv = []; const make = URL.createObjectURL;"
            " URL.createObjectURL = (blob) => { window.__csv.push(blob); return make(blob); };"
            " document.getElementById('quantities-csv').click()"
        )
        csv = await b.wait_for("window.__csv.length && window.__csv[0].text()")
        lines = csv.lstrip("\ufeff").splitlines()
        assert lines[0].startswith("document,title,source,published,text,start,end,value")
        rows_shown = await b.evaluate("document.querySelectorAll('#quantity-table tr.quantity-row').length")
        assert len(lines) - 1 >= rows_shown and any("超过800亿元" in line for line in lines)

        # a printed unit with a magnitude finds the base-unit quantities; an empty result says so
        await b.goto(base + "/#/quantities?unit=" + "亿元" + "&min=1000")
        await b.wait_for("[...document.querySelectorAll('#quantity-table td')].some(td => td.textContent === '1060.95亿元')")
        await b.goto(base + "/#/quantities?unit=" + "艘")
        empty = await b.wait_for("document.querySelector('#quantity-table td.empty')?.textContent")
        assert "No quantities" in empty

        # the API documentation renders without the internet
        await b.goto(base + "/docs")
        await b.wait_for("document.querySelectorAll('.swagger-ui .opblock').length > 5", timeout=30)
        await b.screenshot(ARTIFACTS / "api-docs.png")
        await b.goto(base + "/redoc")
        await b.wait_for("[...document.querySelectorAll('h1, h2')].some(h => h.textContent.includes('Policy Analyser'))", timeout=30)
        await b.wait_for("document.querySelectorAll('[data-section-id^=\"operation\"], [id^=\"operation\"]').length > 5", timeout=30)
        await b.screenshot(ARTIFACTS / "api-redoc.png")

        outside = [u for u in b.requests if not u.startswith((base, "data:", "blob:", "about:"))]
        assert outside == [], outside
        assert b.errors == [], json.dumps(b.errors, ensure_ascii=False)


_OVERLAPPING_LABELS = """(() => {
  const boxes = [...document.querySelectorAll('#graph-svg .node text')]
    .filter(t => getComputedStyle(t).display !== 'none')
    .map(t => [t.textContent, t.getBoundingClientRect()]);
  const out = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, ra] = boxes[i], [b, rb] = boxes[j];
    const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
    const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
    if (w > 2 && h > 2) out.push(a + ' / ' + b);
  }
  return out;
})()"""
