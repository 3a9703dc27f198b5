"""Request body cap: an ASGI middleware answering 413 beyond ``max_body`` bytes.

The cap is enforced twice: by the declared ``Content-Length`` (rejected before anything is
read) and by the bytes actually received (a chunked or lying client is cut off as soon as it
passes the cap). A body within the cap is buffered and replayed to the application, so a
handler never sees a partial body.
"""
from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import envelope

__all__ = ["BodyLimitMiddleware"]


class BodyLimitMiddleware:
    """Reject HTTP requests whose body exceeds ``max_body`` bytes with the 413 envelope."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

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
        while True:
            message = await receive()
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
