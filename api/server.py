"""Run the API with uvicorn: ``python -m analyser serve --db FILE [--host H] [--port P]``.

Loopback (``127.0.0.1``) by default; the address is printed once the port is bound. Slow
clients are cut off: request headers must arrive within ``POLICY_ANALYSER_HEADER_TIMEOUT``
seconds, a body within ``POLICY_ANALYSER_BODY_TIMEOUT`` (408), and an idle keep-alive
connection is closed after ``POLICY_ANALYSER_KEEPALIVE_TIMEOUT``. Without
``POLICY_ANALYSER_WRITE_TOKEN`` the server is read-only and the store must exist; with a token
``POST /documents`` is enabled (with the token) and an absent store is created.

``--workers N`` serves from N processes: the parent binds the port, brings the graph file up
to date (so the workers find it built rather than each building it) and forks the workers.
Each worker listens on a socket of its own bound to the same port (``SO_REUSEPORT``), and the
kernel spreads new connections between them; where the option is missing they share one
socket.
Each worker has its own read connections and graph file handles (SQLite in WAL mode lets them
read at once). Several workers serve read-only: with a write token there is one.
"""
from __future__ import annotations

import gc
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
        _freeze_startup_objects()
        server.run()
        return 0 if server.started else 2
    return _serve_forked(config, host, port, workers)


def _freeze_startup_objects() -> None:
    """Leave the objects of the imports and the application out of every later garbage collection.

    The modules, the FastAPI application and its validators are some 75,000 objects that live as
    long as the server; a full collection walks them all (about 40 ms, inside some request's
    latency). Frozen, a collection walks only what requests made since. Before a fork it also
    keeps the workers from writing to the pages they share with the parent (a collection marks
    every object it walks), as the :func:`gc.freeze` documentation advises.
    """
    gc.collect()
    gc.freeze()


def _listening_sockets(host: str, port: int, workers: int) -> list[socket.socket]:
    """One listening socket per worker on ``host:port``, or one shared by all where the system cannot.

    With ``SO_REUSEPORT`` (Linux, the BSDs) each worker has its own socket and accept queue and
    the kernel spreads new connections between them. A socket shared by every worker lets the
    first one to wake accept every connection waiting (an event loop accepts all it finds), so
    a burst of connections, such as a client opening its pool, can land on one worker while the
    other idles: keep-alive connections then keep that split for their whole life.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    reuse_port = getattr(socket, "SO_REUSEPORT", None)
    count = workers if reuse_port is not None and workers > 1 else 1
    socks: list[socket.socket] = []
    try:
        for _ in range(count):
            sock = socket.socket(family, socket.SOCK_STREAM)
            socks.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if count > 1:
                sock.setsockopt(socket.SOL_SOCKET, reuse_port, 1)
            sock.bind((host, port))
            sock.listen(2048)
            sock.set_inheritable(True)
    except OSError:
        for sock in socks:
            sock.close()
        if count == 1:
            raise
        return _listening_sockets(host, port, 1)  # SO_REUSEPORT refused: one shared socket
    return socks


def _serve_forked(config: Any, host: str, port: int, workers: int) -> int:
    """Listen on ``host:port`` and serve it from ``workers`` forked processes until interrupted."""
    import uvicorn

    socks = _listening_sockets(host, port, workers)
    _freeze_startup_objects()
    children: list[int] = []
    for k in range(workers):
        own = socks[k % len(socks)]
        pid = os.fork()
        if pid == 0:  # a worker: serve until signalled, never return into the caller
            status = 1
            try:
                for other in socks:
                    if other is not own:
                        other.close()
                server = uvicorn.Server(config())
                _freeze_startup_objects()  # the worker's own application
                server.run(sockets=[own])
                status = 0 if server.started else 2
            finally:
                os._exit(status)
        children.append(pid)
    for sock in socks:
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
