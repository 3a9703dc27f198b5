"""Analyses run outside the request handlers, with a time cap, so one request cannot hold the server.

Two isolations:

``"process"`` (the default where ``os.fork`` exists)
    A helper process (started on first use) loads the pipeline once and forks one child per
    analysis; the child sends its pid, then its result, through a pipe of its own. An
    analysis that passes the time cap is killed (``SIGKILL``), so its capacity comes back at
    once; the helper, with its loaded pipeline, stays. A helper that dies is started again
    on the next request.
``"thread"``
    Analyses run in a small thread pool; one that passes the cap answers 504 but runs on in
    the background (Python threads cannot be stopped). For platforms without ``fork``.

The pipeline is loaded lazily, on the first request that needs it, with its own, longer
allowance. A request that finds every slot taken is refused with 503 at once; one whose
analysis passes the time cap gets 504.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any, Literal

from .errors import APIError

__all__ = ["AnalysisRunner", "default_functions"]

Isolation = Literal["process", "thread"]


def _analyse_text(text: str, source: str | None) -> dict[str, Any]:
    from analyser import analyse

    return analyse(text, source=source).to_dict(text=True)


def _analyse_html(html: str, source: str | None) -> dict[str, Any]:
    from analyser import analyse_bytes
    from analyser.reading.decode import check_characters

    check_characters(html, source)  # the rule analyse() applies to text, before encoding the page
    return analyse_bytes(html.encode("utf-8"), source=source, html=True).to_dict(text=True)


def _load() -> None:
    from analyser.nlp.pipeline import get_nlp

    get_nlp()


def default_functions() -> dict[str, Callable[..., Any]]:
    """The analyser's own functions: ``text`` and ``html`` analysis, pipeline ``load``."""
    return {"text": _analyse_text, "html": _analyse_html, "load": _load}


# --------------------------------------------------------------------------- the helper process


def _die_with(parent: int) -> None:
    """Be killed when ``parent`` ends (Linux; elsewhere the helper notices a closed pipe)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover
            pass
    if os.getppid() != parent:
        os._exit(1)


def _portable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else a RuntimeError naming it."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - anything unpicklable is described instead
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _child(functions: dict[str, Callable[..., Any]], kind: str, args: tuple, out: Connection, parent: int) -> None:
    _die_with(parent)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    out.send(("pid", os.getpid()))
    try:
        result: tuple[str, Any] = ("ok", functions[kind](*args))
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the server
        result = ("error", _portable(exc))
    try:
        out.send(result)
    except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable result
        out.send(("error", RuntimeError(f"the analysis result could not be sent back: {exc}")))
    out.close()


def _helper(control: Connection, functions: dict[str, Callable[..., Any]], parent: int) -> None:
    """Load the pipeline on the first job, then fork one child per job; children are reaped by the kernel."""
    _die_with(parent)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    loaded = False
    me = os.getpid()
    while True:
        try:
            kind, args, out = control.recv()
        except (EOFError, OSError):
            os._exit(0)
        if not loaded:
            try:
                functions["load"]()
            except BaseException as exc:  # noqa: BLE001
                out.send(("error", _portable(exc)))
                out.close()
                continue
            loaded = True
        pid = os.fork()
        if pid == 0:
            try:
                _child(functions, kind, args, out, me)
            finally:
                os._exit(0)
        out.close()


class _Helper:
    """The server's handle on the helper process."""

    def __init__(self, functions: dict[str, Callable[..., Any]]) -> None:
        ctx = multiprocessing.get_context("fork")
        self.control, theirs = ctx.Pipe()
        self.process = ctx.Process(
            target=_helper, args=(theirs, functions, os.getpid()), name="analysis-helper", daemon=True
        )
        self.process.start()
        theirs.close()
        self.lock = threading.Lock()

    def submit(self, kind: str, args: tuple) -> Connection:
        ctx = multiprocessing.get_context("fork")
        mine, theirs = ctx.Pipe(duplex=False)
        try:
            with self.lock:
                self.control.send((kind, args, theirs))
        finally:
            theirs.close()
        return mine

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self) -> None:
        try:
            self.control.close()
        except OSError:
            pass
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


# --------------------------------------------------------------------------- the runner


class AnalysisRunner:
    """Run analyses with a time cap, in forked children (``"process"``) or threads (``"thread"``).

    Parameters
    ----------
    timeout : seconds one analysis may take once the pipeline is loaded.
    load_timeout : extra seconds allowed while the pipeline loads (first request).
    workers : analyses running at once; as many more may wait for a slot.
    functions : ``{"text": f(text, source), "html": f(html, source), "load": f()}``,
        by default the analyser's (tests pass slow or failing stand-ins).
    isolation : ``"process"`` (default where ``fork`` exists): a timed-out analysis is
        killed; ``"thread"``: it runs on in the background.

    Examples
    --------
    >>> r = AnalysisRunner(timeout=5, functions={"text": lambda t, s: {"n": len(t)}, "load": lambda: None})
    >>> asyncio.run(r.run("text", "扶贫", None))
    {'n': 2}
    >>> r.close()
    """

    def __init__(
        self,
        *,
        timeout: float = 30.0,
        load_timeout: float = 180.0,
        workers: int = 1,
        functions: dict[str, Callable[..., Any]] | None = None,
        isolation: Isolation | None = None,
    ) -> None:
        self.timeout = timeout
        self.load_timeout = load_timeout
        self.workers = workers
        self.functions = {**default_functions(), **(functions or {})}
        self.isolation: Isolation = isolation or ("process" if hasattr(os, "fork") else "thread")
        # waiting requests beyond the running ones are bounded too
        self._slots = threading.BoundedSemaphore(workers * 2)
        self._running = threading.BoundedSemaphore(workers)
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="analyse")
        self._waiters = ThreadPoolExecutor(max_workers=workers * 2 + 1, thread_name_prefix="analysis-wait")
        self._loaded = threading.Event()
        self._helper: _Helper | None = None
        self._helper_lock = threading.Lock()
        self._closed = False

    @property
    def loaded(self) -> bool:
        """True once the pipeline has been loaded."""
        return self._loaded.is_set()

    def _allowed(self) -> float:
        return self.timeout if self._loaded.is_set() else self.timeout + self.load_timeout

    async def run(self, kind: str, *args: Any) -> Any:
        """Run ``functions[kind](*args)`` in a worker; 503 when saturated, 504 past the cap."""
        if self._closed:
            raise APIError(503, "the analyser is shutting down")
        if not self._slots.acquire(blocking=False):
            raise APIError(503, "the analyser is busy; retry in a moment", headers={"Retry-After": "5"})
        try:
            if self.isolation == "process":
                return await self._run_process(kind, args)
            return await self._run_thread(kind, args)
        finally:
            self._slots.release()

    # -- threads --------------------------------------------------------------------------------
    def _call(self, kind: str, args: tuple[Any, ...]) -> Any:
        if not self._loaded.is_set():
            self.functions["load"]()
            self._loaded.set()
        return self.functions[kind](*args)

    async def _run_thread(self, kind: str, args: tuple[Any, ...]) -> Any:
        try:
            future = self._executor.submit(self._call, kind, args)
        except RuntimeError:
            raise APIError(503, "the analyser is shutting down") from None
        allowed = self._allowed()
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), allowed)
        except asyncio.TimeoutError:
            raise APIError(504, f"the analysis took longer than {allowed:g} s and was abandoned") from None

    # -- processes ------------------------------------------------------------------------------
    def _current_helper(self) -> _Helper:
        with self._helper_lock:
            if self._closed:
                raise APIError(503, "the analyser is shutting down")
            if self._helper is None or not self._helper.alive():
                if self._helper is not None:
                    self._helper.stop()
                    self._loaded.clear()
                self._helper = _Helper(self.functions)
            return self._helper

    def _restart_helper(self, helper: _Helper) -> None:
        with self._helper_lock:
            if self._helper is helper:
                helper.stop()
                self._helper = None
                self._loaded.clear()

    def _wait(self, helper: _Helper, conn: Connection, allowed: float) -> tuple[str, Any]:
        """Block (in a waiting thread) for the child's pid and result; kill it past ``allowed`` seconds."""
        loop_deadline = _Deadline(allowed)
        pid: int | None = None
        try:
            while True:
                left = loop_deadline.left()
                if left <= 0 or not conn.poll(left):
                    if pid is not None:
                        _kill(pid)
                    else:  # still loading the pipeline (or wedged): start a fresh helper
                        self._restart_helper(helper)
                    return "timeout", allowed
                try:
                    tag, value = conn.recv()
                except (EOFError, OSError):
                    return "died", None
                if tag == "pid":
                    pid = value
                    if not self._loaded.is_set():
                        self._loaded.set()
                        loop_deadline.extend_to(self.timeout)
                    continue
                return tag, value
        finally:
            conn.close()

    def _job(self, kind: str, args: tuple[Any, ...]) -> tuple[str, Any]:
        """In a waiting thread: take a running slot, hand the job to the helper, wait for the answer."""
        with self._running:
            helper = self._current_helper()
            conn = helper.submit(kind, args)
            return self._wait(helper, conn, self._allowed())

    async def _run_process(self, kind: str, args: tuple[Any, ...]) -> Any:
        loop = asyncio.get_running_loop()
        try:
            tag, value = await loop.run_in_executor(self._waiters, self._job, kind, args)
        except RuntimeError:  # the waiting pool is shut down
            raise APIError(503, "the analyser is shutting down") from None
        if tag == "ok":
            return value
        if tag == "error":
            raise value
        if tag == "timeout":
            raise APIError(504, f"the analysis took longer than {value:g} s and was stopped")
        raise APIError(500, "the analysis process ended without an answer")

    def close(self) -> None:
        """Stop accepting work; running analyses are stopped (processes) or not waited for (threads)."""
        self._closed = True
        self._executor.shutdown(wait=False, cancel_futures=True)
        with self._helper_lock:
            if self._helper is not None:
                self._helper.stop()
                self._helper = None
        self._waiters.shutdown(wait=False, cancel_futures=True)


class _Deadline:
    def __init__(self, seconds: float) -> None:
        import time

        self._clock = time.monotonic
        self._end = self._clock() + seconds

    def left(self) -> float:
        return self._end - self._clock()

    def extend_to(self, seconds: float) -> None:
        """From now on, allow ``seconds`` (the pipeline has loaded: the analysis proper starts)."""
        self._end = self._clock() + seconds


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
