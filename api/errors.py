"""One error envelope for every failure: ``{"ok": false, "status": int, "error": str}``.

Validation failures (422) add ``errors``: the list of problems, each with ``loc`` and ``msg``.
Domain errors of the analyser are mapped here, once: a missing document or graph node is 404,
bad input (an invalid cursor, text that cannot be analysed) 422, a store failure 500 without
details. Unexpected exceptions answer 500 with a generic message and are logged on the server;
no stack trace ever reaches a client. Routers raise exceptions; they never build error JSON.

Examples
--------
>>> envelope(404, "no document d1").body
b'{"ok":false,"status":404,"error":"no document d1"}'
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from analyser.errors import AnalyserError, InputError, NotFoundError, StoreError  # noqa: F401  (doctest)

__all__ = ["APIError", "envelope", "install_error_handlers", "status_for"]

log = logging.getLogger("api")

_PHRASES = {
    400: "bad request",
    401: "authentication required",
    403: "forbidden",
    404: "not found",
    405: "method not allowed",
    413: "request body too large",
    422: "invalid request",
    500: "internal server error",
    503: "service unavailable",
    504: "analysis timed out",
}


class APIError(Exception):
    """An error with an HTTP status, raised by routers and dependencies.

    >>> APIError(403, "read-only").status
    403
    """

    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def envelope(
    status: int, error: str, *, errors: list[Any] | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    """The error response: the envelope as JSON with ``status`` as HTTP status code."""
    body: dict[str, Any] = {"ok": False, "status": status, "error": error}
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, headers=headers)


def status_for(exc: AnalyserError) -> int:
    """The HTTP status of an analyser error.

    >>> status_for(NotFoundError("x")), status_for(InputError("x")), status_for(StoreError("x"))
    (404, 422, 500)
    """
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, StoreError):
        return 500
    return 422


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        item = {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
        out.append(jsonable_encoder(item))
    return out


def _summary(errors: list[dict[str, Any]]) -> str:
    parts = []
    for e in errors[:3]:
        loc = ".".join(str(x) for x in e["loc"] if x not in ("body", "query", "path"))
        parts.append(f"{loc}: {e['msg']}" if loc else e["msg"])
    return "; ".join(parts) or "invalid request"


async def _api_error(request: Request, exc: APIError) -> JSONResponse:
    return envelope(exc.status, exc.message, headers=exc.headers)


def _allowed_methods(request: Request) -> list[str]:
    """Every method the API documents for this path (Starlette's 405 names only the first route's)."""
    methods: set[str] = set()
    for template, operations in request.app.openapi().get("paths", {}).items():
        if _template_regex(template).fullmatch(request.url.path):
            methods |= {m.upper() for m in operations if m.isalpha()}
    return sorted(methods)


@lru_cache(maxsize=256)
def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join(".+" if p.startswith("{") else re.escape(p) for p in parts))


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail else _PHRASES.get(exc.status_code, "error")
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"no such path {request.url.path}"
    if exc.status_code == 405:
        allowed = _allowed_methods(request)
        if allowed:
            headers["Allow"] = ", ".join(allowed)
            detail = f"method {request.method} not allowed; use {', '.join(allowed)}"
    return envelope(exc.status_code, detail, headers=headers or None)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = _validation_errors(exc)
    return envelope(422, _summary(errors), errors=errors)


async def _analyser_error(request: Request, exc: AnalyserError) -> JSONResponse:
    status = status_for(exc)
    if status >= 500:
        log.error("store failure on %s %s: %s", request.method, request.url.path, exc)
        return envelope(status, "the store could not answer this request")
    return envelope(status, str(exc))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected failure on %s %s", request.method, request.url.path)
    return envelope(500, "internal server error")


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every exception into the envelope."""
    app.add_exception_handler(APIError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(AnalyserError, _analyser_error)
    app.add_exception_handler(Exception, _unexpected)
