"""Limits on what a client may send: body size, body time, header time.

:class:`BodyLimitMiddleware` (ASGI) caps the request body: by the declared ``Content-Length``
(rejected before anything is read) and by the bytes actually received (a chunked or lying
client is cut off as soon as it passes the cap), answering 413; and, with ``body_timeout``,
the time the whole body may take to arrive, answering 408 and closing the connection. A body
within the caps is buffered and replayed to the application, so a handler never sees a
partial body.

:func:`header_deadline_protocol` (for uvicorn's ``http`` option) closes a connection whose
request line and headers do not arrive within ``header_timeout`` seconds of the connection
opening or of the previous response: uvicorn's own keep-alive timer stops at the first byte,
so a client trickling one header byte every few seconds would otherwise hold a connection
for ever.
"""
from __future__ import annotations

import asyncio
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import envelope

__all__ = ["BodyLimitMiddleware", "header_deadline_protocol"]


class BodyLimitMiddleware:
    """Reject HTTP requests whose body exceeds ``max_body`` bytes with the 413 envelope."""

    def __init__(self, app: ASGIApp, max_body: int, body_timeout: float | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared == -1:
            await envelope(400, "invalid Content-Length header")(scope, receive, send)
            return
        if declared is not None and declared > self.max_body:
            await self._too_large(scope, receive, send)
            return
        if declared == 0 or (declared is None and not _has_body(scope)):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.body_timeout if self.body_timeout else None
        while True:
            if deadline is None:
                message = await receive()
            else:
                try:
                    message = await asyncio.wait_for(receive(), max(0.0, deadline - loop.time()))
                except asyncio.TimeoutError:
                    await self._too_slow(scope, receive, send)
                    return
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = envelope(
            413, f"request body too large: the limit is {self.max_body} bytes", headers={"Connection": "close"}
        )
        await response(scope, receive, send)


    async def _too_slow(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = envelope(
            408, f"request body too slow: it must arrive within {self.body_timeout:g} s", headers={"Connection": "close"}
        )
        await response(scope, receive, send)


def header_deadline_protocol(header_timeout: float) -> type[asyncio.Protocol]:
    """uvicorn's HTTP/1.1 protocol with a deadline on the request line and headers.

    The protocol is uvicorn's ``httptools`` one (its parser is compiled: a fraction of the
    CPU a request costs in the pure-Python ``h11`` one) when ``httptools`` is installed, else
    ``h11``.

    >>> header_deadline_protocol(5.0).header_timeout
    5.0
    """
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as base
    except ImportError:  # pragma: no cover - httptools comes with uvicorn[standard]
        base = None
    if base is None:  # pragma: no cover
        return _h11_deadline_protocol(header_timeout)

    class HeaderDeadlineProtocol(_HeaderDeadline, base):  # type: ignore[misc, valid-type]
        """Close the connection when a request's headers are not complete in time."""

        def on_headers_complete(self) -> None:
            self._disarm_header_deadline()
            super().on_headers_complete()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing() and self.cycle is not None and self.cycle.response_complete:
                self._arm_header_deadline()  # the next request's headers are due in time too

    HeaderDeadlineProtocol.header_timeout = header_timeout  # type: ignore[attr-defined]
    return HeaderDeadlineProtocol


class _HeaderDeadline:
    """The deadline timer of :func:`header_deadline_protocol`, armed when a connection opens."""

    header_timeout: float
    loop: Any
    transport: Any

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._header_timer: asyncio.TimerHandle | None = None
        self._arm_header_deadline()

    def _arm_header_deadline(self) -> None:
        self._disarm_header_deadline()
        self._header_timer = self.loop.call_later(self.header_timeout, self._header_deadline_passed)

    def _disarm_header_deadline(self) -> None:
        timer = getattr(self, "_header_timer", None)
        if timer is not None:
            timer.cancel()
            self._header_timer = None

    def _header_deadline_passed(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_deadline()
        super().connection_lost(exc)  # type: ignore[misc]


def _h11_deadline_protocol(header_timeout: float) -> type[asyncio.Protocol]:
    """The same deadline over uvicorn's ``h11`` protocol."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeaderDeadlineProtocol(_HeaderDeadline, H11Protocol):
        """Close the connection when a request's headers are not complete in time."""

        def handle_events(self) -> None:
            before = self.cycle
            super().handle_events()
            if self.cycle is not before:  # a request's headers were complete
                self._disarm_header_deadline()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing() and self.cycle is not None and self.cycle.response_complete:
                self._arm_header_deadline()

    HeaderDeadlineProtocol.header_timeout = header_timeout  # type: ignore[attr-defined]
    return HeaderDeadlineProtocol


def _content_length(scope: Scope) -> int | None:
    """The declared length, ``None`` when absent, ``-1`` when malformed."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                n = int(value)
            except ValueError:
                return -1
            return n if n >= 0 else -1
    return None


def _has_body(scope: Scope) -> bool:
    headers: dict[bytes, Any] = dict(scope.get("headers", ()))
    return b"transfer-encoding" in headers or scope.get("method") in ("POST", "PUT", "PATCH")
