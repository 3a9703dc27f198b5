"""The FastAPI application: :func:`create_app` wires settings, store, routers and error handling.

The documentation pages ``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) load their scripts and
styles from this server (``/docs-assets``, the files the ``fastapi-offline`` package ships), never
from a CDN, so they work on a machine without internet.

The lifespan opens the store once (or uses the one given), prepares the graph cache and the
analysis runner (whose pipeline loads on the first ``POST /analyse``), and closes what it
opened on shutdown. CORS is off unless origins are configured.

Examples
--------
>>> from fastapi.testclient import TestClient
>>> from analyser.corpus.store import Store
>>> app = create_app(Settings(db=":memory:"), store=Store(":memory:"))
>>> with TestClient(app) as client:
...     client.get("/health").json()["documents"]
0
"""
from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from analyser.corpus.store import Store

from .errors import install_error_handlers
from .graphcache import GraphCache
from .limits import BodyLimitMiddleware
from .pool import ReadPool
from .respcache import ResponseCache
from .routers import analyse, corpus, documents, graph, health, knowledge
from .runner import AnalysisRunner
from .schemas import ErrorOut
from .settings import Settings, get_settings

__all__ = ["create_app", "STATIC"]

STATIC = Path(__file__).resolve().parent / "static"
#: where the Swagger UI and ReDoc files are served from
DOCS_ASSETS = "/docs-assets"

_DESCRIPTION = """Facts with provenance from Chinese government policy documents.

Lists answer `{"items": [...], "next": cursor | null}`: pass `next` as `?cursor=` for the
following page, `?limit=` up to 500. Errors answer `{"ok": false, "status": int, "error": str}`
with the same HTTP status. Read responses are kept in memory per URL until the store changes
(header `X-Cache: hit` or `miss`). The API is read-only unless a write token is configured
(`POLICY_ANALYSER_WRITE_TOKEN`); `POST /documents` then needs `Authorization: Bearer <token>`
(401 without it or with a wrong one) and answers 403 when no token is configured.
"""

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "malformed request (body not decodable, bad Content-Length)"},
    422: {"model": ErrorOut, "description": "invalid parameters or body"},
    500: {"model": ErrorOut, "description": "internal error"},
}


def open_app_store(settings: Settings) -> Store:
    """Open the store of ``settings``: created when absent only if the API may write."""
    return Store(settings.db, create=settings.writable)


def create_app(settings: Settings | None = None, *, store: Store | None = None, runner: AnalysisRunner | None = None) -> FastAPI:
    """Build the application.

    Parameters
    ----------
    settings : defaults to :func:`api.settings.get_settings` (the environment).
    store : an open store to serve (not closed at shutdown); default: open ``settings.db``.
    runner : the analysis runner; default: one built from the settings.
    """
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own_store = store is None
        app.state.settings = settings
        app.state.store = open_app_store(settings) if own_store else store
        app.state.readers = ReadPool(app.state.store, size=settings.read_connections)
        app.state.graph = GraphCache(app.state.store, check_interval=settings.version_check_interval)
        app.state.runner = runner or AnalysisRunner(
            timeout=settings.analyse_timeout, load_timeout=settings.load_timeout, workers=settings.analyse_workers
        )
        if settings.warm_graph:
            # build the graph now, in the background, rather than on the first graph request
            threading.Thread(target=_warm, args=(app.state.graph,), name="graph-warm", daemon=True).start()
        try:
            yield
        finally:
            app.state.runner.close()
            app.state.graph.close()
            app.state.readers.close()
            if own_store:
                app.state.store.close()

    app = FastAPI(
        title="Policy Analyser",
        version=_version(),
        description=_DESCRIPTION,
        lifespan=lifespan,
        responses=_ERRORS,
        docs_url=None,
        redoc_url=None,
    )
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_body=settings.max_body, body_timeout=settings.body_timeout)
    app.add_middleware(
        ResponseCache, max_bytes=settings.response_cache_mb << 20, check_interval=settings.version_check_interval
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    # the fact lists first: a request is matched against the routes in this order
    for module in (knowledge, corpus, graph, documents, health, analyse):
        app.include_router(module.router)

    @app.get("/", include_in_schema=False)
    def explorer() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    _install_docs(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _docs_assets() -> Path:
    """The folder of Swagger UI and ReDoc files shipped by ``fastapi-offline``."""
    import fastapi_offline

    return Path(fastapi_offline.__file__).resolve().parent / "static"


#: the one resource the ReDoc bundle fetches from elsewhere: the Redocly logo of its sidebar footer
_REDOC_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"


@lru_cache(maxsize=1)
def _redoc_bundle() -> bytes:
    """ReDoc's script without its remote footer logo (an empty source: the bundle hides an image
    that fails), so the page asks nothing of another host."""
    return (_docs_assets() / "redoc.standalone.js").read_bytes().replace(_REDOC_LOGO, b"")


def _install_docs(app: FastAPI) -> None:
    """``/docs`` and ``/redoc`` pages whose scripts and styles come from this server."""

    @app.get(f"{DOCS_ASSETS}/redoc.standalone.js", include_in_schema=False)
    def redoc_bundle() -> Response:
        return Response(_redoc_bundle(), media_type="text/javascript; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=86400"})

    app.mount(DOCS_ASSETS, StaticFiles(directory=_docs_assets()), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} — API",
            swagger_js_url=f"{root}{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{root}/favicon.ico",
            swagger_ui_parameters={"validatorUrl": None},  # no badge from the public validator
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} — API reference",
            redoc_js_url=f"{root}{DOCS_ASSETS}/redoc.standalone.js",
            redoc_favicon_url=f"{root}/favicon.ico",
            with_google_fonts=False,
        )


def _warm(cache: GraphCache) -> None:
    try:
        cache.get()
    except Exception:  # noqa: BLE001 - a failed warm-up is retried by the first graph request
        logging.getLogger("api").warning("building the graph in the background failed", exc_info=True)


def _version() -> str:
    try:
        from analyser import __version__

        return __version__
    except ImportError:  # pragma: no cover
        return "0"
