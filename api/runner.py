"""Analyses run in worker threads with a time cap, so one request cannot hold the server.

The analysis pipeline is loaded lazily, on the first request that needs it (inside a worker,
with its own, longer allowance). A request that finds every worker slot taken is refused with
503 at once; one whose analysis passes the time cap gets 504 (the worker finishes in the
background and its result is dropped).
"""
from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from .errors import APIError

__all__ = ["AnalysisRunner", "default_functions"]


def _analyse_text(text: str, source: str | None) -> dict[str, Any]:
    from analyser import analyse

    return analyse(text, source=source).to_dict(text=True)


def _analyse_html(html: str, source: str | None) -> dict[str, Any]:
    from analyser import analyse_bytes

    return analyse_bytes(html.encode("utf-8"), source=source, html=True).to_dict(text=True)


def _load() -> None:
    from analyser.nlp.pipeline import get_nlp

    get_nlp()


def default_functions() -> dict[str, Callable[..., Any]]:
    """The analyser's own functions: ``text`` and ``html`` analysis, pipeline ``load``."""
    return {"text": _analyse_text, "html": _analyse_html, "load": _load}


class AnalysisRunner:
    """Run analyses in a small thread pool with a timeout.

    Parameters
    ----------
    timeout : seconds one analysis may take once the pipeline is loaded.
    load_timeout : extra seconds allowed while the pipeline loads (first request).
    workers : analyses running at once; as many more may wait in the queue.
    functions : ``{"text": f(text, source), "html": f(html, source), "load": f()}``,
        by default the analyser's (tests pass slow or failing stand-ins).

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
    ) -> None:
        self.timeout = timeout
        self.load_timeout = load_timeout
        self.functions = {**default_functions(), **(functions or {})}
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="analyse")
        self._slots = threading.BoundedSemaphore(workers * 2)
        self._loaded = threading.Event()

    @property
    def loaded(self) -> bool:
        """True once the pipeline has been loaded."""
        return self._loaded.is_set()

    def _call(self, kind: str, args: tuple[Any, ...]) -> Any:
        if not self._loaded.is_set():
            self.functions["load"]()
            self._loaded.set()
        return self.functions[kind](*args)

    async def run(self, kind: str, *args: Any) -> Any:
        """Run ``functions[kind](*args)`` in a worker; 503 when saturated, 504 past the cap."""
        if not self._slots.acquire(blocking=False):
            raise APIError(503, "the analyser is busy; retry in a moment", headers={"Retry-After": "5"})
        try:
            future = self._executor.submit(self._call, kind, args)
        except RuntimeError:
            self._slots.release()
            raise APIError(503, "the analyser is shutting down") from None
        future.add_done_callback(lambda _: self._slots.release())
        allowed = self.timeout if self._loaded.is_set() else self.timeout + self.load_timeout
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), allowed)
        except asyncio.TimeoutError:
            raise APIError(504, f"the analysis took longer than {allowed:g} s and was abandoned") from None

    def close(self) -> None:
        """Stop accepting work (running analyses are not waited for)."""
        self._executor.shutdown(wait=False, cancel_futures=True)
