"""Where a store read runs: on the event loop when it is a bounded index read, else in a worker thread.

A handler declared ``def`` runs in a worker thread: two thread switches and two hand-overs
of the interpreter lock per request, which under concurrent requests cost about as much CPU
as the index read itself (a term timeline: 0.8 ms a request in threads against 0.4 on the
loop, at 10 requests at a time in one process). A read that is a range of an index costs
well under a millisecond and mostly in Python, which holds the interpreter lock in a thread
too, so it runs on the event loop. A read whose time grows with the corpus (a term counted
over the texts, a filter that walks documents, a deep neighbourhood) still runs in a worker
thread, where SQLite releases the lock and other requests go on meanwhile. Each router says
which of its requests are bounded.

Examples
--------
>>> import asyncio
>>> asyncio.run(run_read(sum, [1, 2], inline=True)), asyncio.run(run_read(sum, [1, 2], inline=False))
(3, 3)
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

__all__ = ["run_read"]

T = TypeVar("T")


async def run_read(func: Callable[..., T], /, *args: Any, inline: bool, **kwargs: Any) -> T:
    """``func(*args, **kwargs)``: at once on the event loop when ``inline``, else in a worker thread."""
    if inline:
        return func(*args, **kwargs)
    return await run_in_threadpool(func, *args, **kwargs)
