"""Dependencies of the routers: settings, the store, the graph, the analysis runner, write access.

Handlers declare what they need with the ``Annotated`` aliases (``StoreDep``, ``GraphDep``,
``RunnerDep``, ``SettingsDep``, ``WriterDep``); tests replace any of them through
``app.dependency_overrides``. Everything lives on ``app.state``, set up by the lifespan in
:mod:`api.main`. The dependencies that only read ``app.state`` are ``async``: FastAPI runs a
plain ``def`` dependency in a worker thread (two thread switches a request), and
:class:`~api.quickroute.ReadRoute` resolves only ``async`` ones itself.
"""
from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from analyser.corpus.graphstore import GraphFile
from analyser.corpus.store import Store

from .errors import APIError
from .graphcache import GraphCache
from .runner import AnalysisRunner
from .settings import Settings

__all__ = [
    "get_settings",
    "get_store",
    "get_write_store",
    "WriteStoreDep",
    "get_graph_cache",
    "get_graph",
    "get_runner",
    "require_writer",
    "SettingsDep",
    "StoreDep",
    "GraphCacheDep",
    "GraphDep",
    "RunnerDep",
    "WriterDep",
    "has_write_token",
    "TokenDep",
]

_bearer = HTTPBearer(auto_error=False, description="the write token (POLICY_ANALYSER_WRITE_TOKEN)")


async def get_settings(request: Request) -> Settings:
    """The settings the application was created with."""
    return request.app.state.settings


async def get_store(request: Request) -> AsyncIterator[Store]:
    """A store for reading, borrowed from the read pool while the handler runs.

    Borrowing never blocks (an idle connection, a new one, or the main store), so it runs on the
    event loop: a plain generator would cost two more trips through the thread pool a request.
    """
    with request.app.state.readers.borrow() as store:
        yield store


async def get_write_store(request: Request) -> Store:
    """The main store (the one connection that writes)."""
    return request.app.state.store


async def get_graph_cache(request: Request) -> GraphCache:
    """The graph cache of the store."""
    return request.app.state.graph


async def get_graph(cache: Annotated[GraphCache, Depends(get_graph_cache)]) -> GraphFile:
    """The current knowledge graph file: at once when checked lately, else in a thread (it may be built)."""
    graph = cache.current()
    return graph if graph is not None else await run_in_threadpool(cache.get)


async def get_runner(request: Request) -> AnalysisRunner:
    """The analysis runner (the pipeline loads on its first use)."""
    return request.app.state.runner


SettingsDep = Annotated[Settings, Depends(get_settings)]


def require_writer(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Allow the request only with the configured write token.

    Without a configured token the API is read-only and every write answers 403; with one,
    a missing or wrong ``Authorization: Bearer`` token answers 401.
    """
    if not settings.write_token:
        raise APIError(403, "the API is read-only: no write token is configured")
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise APIError(401, "a bearer token is required to write", headers=challenge)
    if not secrets.compare_digest(credentials.credentials.encode(), settings.write_token.encode()):
        raise APIError(401, "the bearer token is not valid", headers=challenge)


async def has_write_token(request: Request, settings: SettingsDep) -> bool:
    """True when the request carries the configured write token (never raises; the token is optional,
    so it is read from the header rather than declared as a security requirement)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if not settings.write_token or scheme.lower() != "bearer":
        return False
    return secrets.compare_digest(token.strip().encode(), settings.write_token.encode())


#: scope "function": the store goes back to the pool when the handler returns, not after the response
#: is sent (a slow client would hold it, and the pool would hand out the main store, whose lock a
#: long read in a thread may hold while a read on the event loop waits for it)
StoreDep = Annotated[Store, Depends(get_store, scope="function")]
WriteStoreDep = Annotated[Store, Depends(get_write_store)]
GraphCacheDep = Annotated[GraphCache, Depends(get_graph_cache)]
GraphDep = Annotated[GraphFile, Depends(get_graph)]
RunnerDep = Annotated[AnalysisRunner, Depends(get_runner)]
WriterDep = Annotated[None, Depends(require_writer)]
TokenDep = Annotated[bool, Depends(has_write_token)]
