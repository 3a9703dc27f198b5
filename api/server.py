"""Run the API with uvicorn: ``python -m analyser serve --db FILE [--host H] [--port P]``.

Loopback (``127.0.0.1``) by default; the address is printed once the port is bound. Slow
clients are cut off: request headers must arrive within ``POLICY_ANALYSER_HEADER_TIMEOUT``
seconds, a body within ``POLICY_ANALYSER_BODY_TIMEOUT`` (408), and an idle keep-alive
connection is closed after ``POLICY_ANALYSER_KEEPALIVE_TIMEOUT``. Without
``POLICY_ANALYSER_WRITE_TOKEN`` the server is read-only and the store must exist; with a token
``POST /documents`` is enabled (with the token) and an absent store is created.
"""
from __future__ import annotations

import socket
import sys

from analyser.errors import StoreError

from .limits import header_deadline_protocol
from .settings import Settings

__all__ = ["serve"]


def _check_port(host: str, port: int) -> str | None:
    """An error message when ``host:port`` cannot be bound, else ``None``."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
    except OSError as exc:
        return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return None


def serve(
    db: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    write_token: str | None = None,
    max_body: int | None = None,
    log_level: str = "warning",
) -> int:
    """Serve the store at ``db`` until interrupted; returns the exit status.

    Parameters
    ----------
    db : the SQLite store.
    host, port : where to listen (loopback by default).
    write_token : enables ``POST /documents`` with this bearer token (default: the
        ``POLICY_ANALYSER_WRITE_TOKEN`` environment variable; none: read-only).
    max_body : largest request body in bytes (default 2 MB or ``POLICY_ANALYSER_MAX_BODY``).

    Returns
    -------
    int : 0 after a clean shutdown, 2 when the store cannot be opened or the port bound.
    """
    import uvicorn

    from .main import create_app, open_app_store

    try:
        settings = Settings.from_env(db=str(db), write_token=write_token, max_body=max_body)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        store = open_app_store(settings)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        count = store.count_documents()
    finally:
        store.close()
    problem = _check_port(host, port)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    app = create_app(settings)
    shown = f"[{host}]" if ":" in host else host
    mode = (
        "POST /documents needs the bearer token"
        if settings.writable
        else "read-only: set POLICY_ANALYSER_WRITE_TOKEN to enable POST /documents"
    )
    print(f"Serving {count} documents from {db} at http://{shown}:{port}/ ({mode}); Ctrl-C stops.", flush=True)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        lifespan="on",
        http=header_deadline_protocol(settings.header_timeout),
        timeout_keep_alive=settings.keepalive_timeout,  # type: ignore[arg-type]
    )
    server = uvicorn.Server(config)
    server.run()
    return 0 if server.started else 2
