"""Run the API with uvicorn: ``python -m analyser serve --db FILE [--host H] [--port P]``.

Loopback (``127.0.0.1``) by default; the address is printed once the port is bound. Slow
clients are cut off: request headers must arrive within ``POLICY_ANALYSER_HEADER_TIMEOUT``
seconds, a body within ``POLICY_ANALYSER_BODY_TIMEOUT`` (408), and an idle keep-alive
connection is closed after ``POLICY_ANALYSER_KEEPALIVE_TIMEOUT``. Without
``POLICY_ANALYSER_WRITE_TOKEN`` the server is read-only and the store must exist; with a token
``POST /documents`` is enabled (with the token) and an absent store is created.

``--workers N`` serves from N processes: the parent binds the port, brings the graph file up
to date (so the workers find it built rather than each building it) and forks the workers,
which accept connections from the one listening socket; the kernel spreads the connections.
Each worker has its own read connections and graph file handles (SQLite in WAL mode lets them
read at once). Several workers serve read-only: with a write token there is one.
"""
from __future__ import annotations

import os
import signal
import socket
import sys
from typing import Any

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
    workers: int = 1,
) -> int:
    """Serve the store at ``db`` until interrupted; returns the exit status.

    Parameters
    ----------
    db : the SQLite store.
    host, port : where to listen (loopback by default).
    write_token : enables ``POST /documents`` with this bearer token (default: the
        ``POLICY_ANALYSER_WRITE_TOKEN`` environment variable; none: read-only).
    max_body : largest request body in bytes (default 2 MB or ``POLICY_ANALYSER_MAX_BODY``).
    workers : server processes (default 1); more than one only read-only (no write token).

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
    if workers < 1:
        print(f"error: --workers must be at least 1, got {workers}", file=sys.stderr)
        return 2
    if workers > 1 and settings.writable:
        print("error: several --workers serve read-only: unset POLICY_ANALYSER_WRITE_TOKEN "
              "(or serve writes with one worker)", file=sys.stderr)  # fmt: skip
        return 2
    try:
        store = open_app_store(settings)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        count = store.count_documents()
        if workers > 1 and settings.warm_graph:
            from .graphcache import GraphCache

            GraphCache(store).get().close()  # built once here, found by every worker
    finally:
        store.close()
    problem = _check_port(host, port)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    shown = f"[{host}]" if ":" in host else host
    mode = (
        "POST /documents needs the bearer token"
        if settings.writable
        else "read-only: set POLICY_ANALYSER_WRITE_TOKEN to enable POST /documents"
    )
    procs = f", {workers} worker processes" if workers > 1 else ""
    print(f"Serving {count} documents from {db} at http://{shown}:{port}/ ({mode}{procs}); Ctrl-C stops.", flush=True)

    def config() -> uvicorn.Config:
        return uvicorn.Config(
            create_app(settings),
            host=host,
            port=port,
            log_level=log_level,
            access_log=False,
            lifespan="on",
            http=header_deadline_protocol(settings.header_timeout),
            timeout_keep_alive=settings.keepalive_timeout,  # type: ignore[arg-type]
        )

    if workers == 1:
        server = uvicorn.Server(config())
        server.run()
        return 0 if server.started else 2
    return _serve_forked(config, host, port, workers)


def _serve_forked(config: Any, host: str, port: int, workers: int) -> int:
    """Bind ``host:port`` once and serve it from ``workers`` forked processes until interrupted."""
    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    children: list[int] = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:  # a worker: serve until signalled, never return into the caller
            status = 1
            try:
                server = uvicorn.Server(config())
                server.run(sockets=[sock])
                status = 0 if server.started else 2
            finally:
                os._exit(status)
        children.append(pid)
    sock.close()

    def stop(signum: int, _frame: Any) -> None:
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM if signum != signal.SIGINT else signal.SIGINT)
            except ProcessLookupError:
                pass

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    status = 0
    remaining = set(children)
    while remaining:
        try:
            pid, code = os.wait()
        except ChildProcessError:
            break
        remaining.discard(pid)
        if os.waitstatus_to_exitcode(code) not in (0, -signal.SIGTERM, -signal.SIGINT):
            status = 2
        if remaining:  # one worker gone: stop the others
            stop(signal.SIGTERM, None)
    return status
