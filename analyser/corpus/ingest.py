"""Batch ingest: analyse many files in parallel and write them into one store.

Workers (local processes, or a Dask cluster) read and analyse files and turn each analysis
into store rows (:func:`analyser.corpus.store.prepare`); the main process is the only writer and
writes each document, its facts and its file record in one transaction. Hence:

* rerunning adds nothing: files whose bytes are recorded are skipped before analysis, and a
  document (id = hash of its decoded text) is never stored twice;
* a run killed at any point (even ``kill -9``) resumes where it stopped, with nothing lost and
  nothing doubled;
* a file that cannot be read or analysed is recorded in the ``errors`` table with a one-line
  message, and the run goes on;
* a sidecar beside the files (``manifest.json`` or ``meta.jsonl``, :mod:`analyser.corpus.sidecar`)
  gives dates, titles and issuers the texts do not print; the date reaches the analysis, so
  今年/去年 resolve against it. Sidecars and ``README*`` files are not documents.

The analyse function is a parameter (a callable or a ``"module:function"`` name) taking a
path (and, if it accepts it, the file's sidecar entry as ``meta=``) and returning an
:class:`~analyser.facts.Analysis` (with its text); the default,
:func:`analyse_path`, runs the full pipeline, loaded once per worker process.

Examples
--------
>>> import tempfile
>>> from analyser.corpus.store import Store
>>> folder = Path(tempfile.mkdtemp()); _ = (folder / "a.txt").write_text("国务院。", encoding="utf-8")
>>> from analyser.facts import Analysis
>>> fake = lambda p: Analysis.from_dict({"document": {"id": "x"}}, text=Path(p).read_text(encoding="utf-8"))
>>> ingest([folder], Store(":memory:"), analyse=fake).added
1
"""
from __future__ import annotations

import hashlib
import importlib
import inspect
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyser.errors import AnalyserError, InputError, StoreError
from analyser.facts import Analysis

from .sidecar import apply_metadata, is_sidecar_or_readme, read_sidecars
from .store import PreparedDocument, Store, prepare

__all__ = ["SUFFIXES", "IngestSummary", "analyse_path", "collect_files", "ingest", "process_file", "source_names"]

#: File name endings taken from folders (files named explicitly are always taken).
SUFFIXES = (".txt", ".htm", ".html", ".md")

AnalyseFn = Callable[[str], Analysis] | str


@dataclass
class IngestSummary:
    """What a run did."""

    files: int = 0
    added: int = 0
    skipped: int = 0
    duplicates: int = 0
    failed: int = 0
    failed_before: int = 0
    chars: int = 0
    facts: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def format(self) -> str:
        """A short human-readable report.

        >>> print(IngestSummary(files=2, added=1, skipped=1, chars=10).format().splitlines()[0])
        files 2: added 1, already stored 1, duplicates 0, failed 0
        """
        rate = self.added / self.seconds if self.seconds else 0.0
        lines = [
            (
                f"files {self.files}: added {self.added}, already stored {self.skipped}, "
                f"duplicates {self.duplicates}, failed {self.failed}"
            ),
            f"characters {self.chars:,}; time {self.seconds:.1f} s ({rate:.1f} documents/s)",
            "facts: " + (", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())) or "none"),
        ]
        if self.failed_before:
            lines.append(f"not retried: {self.failed_before} files that failed before (rerun with --retry-failed to retry)")
        lines += [
            f"failed: {error}" if error.startswith(path) else f"failed: {path}: {error}"
            for path, error in self.failures[:20]
        ]
        if len(self.failures) > 20:
            lines.append(f"... and {len(self.failures) - 20} more failures (see the errors table)")
        return "\n".join(lines)


def collect_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named, plus files under folders (recursively) ending in :data:`SUFFIXES`; sorted, unique.

    >>> collect_files([]) == []
    True
    """
    out: dict[str, Path] = {}
    for p in map(Path, paths):
        if p.is_dir():
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in filenames:
                    if name.lower().endswith(SUFFIXES) and not name.startswith(".") and not is_sidecar_or_readme(name):
                        f = Path(dirpath) / name
                        out.setdefault(str(f), f)
        elif p.exists():
            # a FIFO, device or socket named on the command line is taken too: it is then
            # recorded as a failed file (see _sha256) rather than stopping the run
            out.setdefault(str(p), p)
        else:
            raise InputError(f"no such file or folder: {p}")
    return [out[k] for k in sorted(out)]


def source_names(paths: Iterable[str | os.PathLike], files: Iterable[Path]) -> dict[str, str]:
    """What each file is recorded as (``document.source``): its path relative to the folder it was
    found under (the folder's name first), or a file's path as given when it was named relative,
    its name when named absolute. Server paths never reach the store.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp()) / "corpus"; root.mkdir()
    >>> names = source_names([root, "/tmp/b.txt", "c/d.txt"], [root / "2020/a.txt", Path("/tmp/b.txt"), Path("c/d.txt")])
    >>> list(names.values())
    ['corpus/2020/a.txt', 'b.txt', 'c/d.txt']
    """
    roots = [Path(p) for p in paths if Path(p).is_dir()]
    out: dict[str, str] = {}
    for f in files:
        name = f.as_posix()
        for root in roots:
            try:
                rel = f.relative_to(root)
            except ValueError:
                continue
            base = root.resolve().name if root.name in ("", ".", "..") else root.name
            name = (Path(base) / rel).as_posix() if base else rel.as_posix()
            break
        else:
            if f.is_absolute():
                name = f.name
        out[str(f)] = name
    return out


def analyse_path(path: str, meta: dict[str, Any] | None = None) -> Analysis:
    """The full pipeline on one file (encoding detection, HTML to text); ``meta`` is its sidecar entry."""
    from analyser.nlp.analysis import analyse_file

    return analyse_file(path, metadata=meta)


def _resolve(analyse: AnalyseFn | None) -> Callable[[str], Analysis]:
    if analyse is None:
        return analyse_path
    if callable(analyse):
        return analyse
    module, _, name = str(analyse).partition(":")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise InputError(f"cannot load the analyse function {analyse!r}: {exc}") from None


def _one_line(exc: BaseException) -> str:
    msg = " ".join(str(exc).split()) or type(exc).__name__
    return msg if isinstance(exc, AnalyserError) else f"{type(exc).__name__}: {msg}"


def _takes_meta(fn: Callable) -> bool:
    try:
        return "meta" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def process_file(
    path: str, analyse: Callable[[str], Analysis], source: str | None = None, meta: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Analyse one file and prepare its rows (recorded as ``source``, default ``path``); never raises.

    ``meta`` (the file's sidecar entry) is passed to ``analyse`` when it takes ``meta``, and
    fills the document block of its result either way.
    """
    try:
        analysis = analyse(path, meta=meta) if meta and _takes_meta(analyse) else analyse(path)
        if meta:
            analysis = apply_metadata(analysis, meta)
        return {"path": path, "prepared": prepare(analysis, source=source or path), "error": None}
    except Exception as exc:  # noqa: BLE001 - any failure of one file is recorded, the run goes on
        return {"path": path, "prepared": None, "error": _one_line(exc)}


# -- worker side (one process per worker; the pipeline is loaded once by the initializer) --
_WORKER_ANALYSE: Callable[[str], Analysis] | None = None


def _die_with_parent(parent: int) -> None:
    """End this worker process when the process that started it ends, however it ends.

    On Linux the kernel sends SIGKILL when the parent dies (``PR_SET_PDEATHSIG``); elsewhere,
    and as a second guard, a daemon thread checks every second that the parent is still the
    same and exits otherwise. Without this, a ``kill -9`` of ``ingest`` leaves its workers
    alive, holding a loaded pipeline each and blocked on a pipe nobody reads.
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the thread below still works
            pass
    if os.getppid() != parent:  # the parent died before the guard was in place
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _init_worker(analyse: AnalyseFn | None, parent: int | None = None) -> None:
    global _WORKER_ANALYSE
    if parent is not None:
        _die_with_parent(parent)
    _WORKER_ANALYSE = _resolve(analyse)
    if _WORKER_ANALYSE is analyse_path:
        from analyser.nlp.pipeline import get_nlp

        get_nlp()


def _work(path: str, source: str | None = None, meta: dict[str, Any] | None = None) -> dict[str, Any]:
    assert _WORKER_ANALYSE is not None
    return process_file(path, _WORKER_ANALYSE, source, meta)


_DASK_CACHE: dict[str, Callable[[str], Analysis]] = {}


def _dask_work(
    path: str, analyse: AnalyseFn | None, source: str | None = None, meta: dict[str, Any] | None = None
) -> dict[str, Any]:
    key = analyse if isinstance(analyse, str) else repr(analyse)
    fn = _DASK_CACHE.get(key)
    if fn is None:
        fn = _DASK_CACHE[key] = _resolve(analyse)
    return process_file(path, fn, source, meta)


# -- the main process: the only writer --------------------------------------------------------
def _sha256(path: Path) -> tuple[str, int]:
    """Hash of a regular file's bytes; :class:`InputError` for a FIFO, device or socket (never blocks)."""
    from analyser.reading import open_regular

    h = hashlib.sha256()
    size = 0
    with open_regular(path) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def _progress(total: int, enabled: bool | None):
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)


class _Writer:
    def __init__(self, store: Store, summary: IngestSummary, files: dict[str, tuple[str, int]], bar) -> None:
        self.store, self.summary, self.files, self.bar = store, summary, files, bar

    def __call__(self, result: dict[str, Any]) -> None:
        path = result["path"]
        sha, size = self.files[path]
        prepared: PreparedDocument | None = result["prepared"]
        if prepared is None:
            self.store.record_error(path, result["error"], sha256=sha)
            self.summary.failed += 1
            self.summary.failures.append((path, result["error"]))
        else:
            try:
                added = self.store.write(prepared, file={"path": path, "sha256": sha, "size": size})
            except StoreError as exc:
                # this document's data cannot be stored; if the store itself is broken,
                # recording the error fails too and the run stops
                self.store.record_error(path, str(exc), sha256=sha)
                self.summary.failed += 1
                self.summary.failures.append((path, str(exc)))
                return self._tick()
            if added:
                self.summary.added += 1
                self.summary.chars += int(prepared.document.get("chars") or 0)
                for table, rows in prepared.rows.items():
                    self.summary.facts[table] += len(rows)
            else:
                self.summary.duplicates += 1
        self._tick()

    def _tick(self) -> None:
        if self.bar is not None:
            self.bar.update(1)


def ingest(
    paths: Sequence[str | os.PathLike],
    store: Store,
    *,
    jobs: int = 1,
    analyse: AnalyseFn | None = None,
    engine: str = "local",
    scheduler: Any = None,
    progress: bool | None = None,
    retry_failed: bool = False,
) -> IngestSummary:
    """Analyse the files under ``paths`` and write them into ``store``.

    Parameters
    ----------
    paths : files and folders (folders are walked for :data:`SUFFIXES`).
    store : the store written to (by this process only).
    jobs : worker processes for the ``local`` engine (1: analyse in this process).
    analyse : callable or ``"module:function"`` taking a path, returning an :class:`Analysis`
        with its text (default :func:`analyse_path`). For ``jobs > 1`` it must be
        importable by the workers (a module-level function).
    engine : ``"local"`` or ``"dask"``; with ``"dask"``, ``scheduler`` is the address of a
        running scheduler or a ``dask.distributed.Client``.
    progress : show a progress bar (default: when stderr is a terminal).
    retry_failed : analyse again files whose failure (same bytes) is recorded.
    """
    started = time.perf_counter()
    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine {engine!r}; expected local or dask")
    if jobs < 1:
        raise InputError(f"the number of jobs must be at least 1, got {jobs}")
    files = collect_files(paths)
    sources = source_names(paths, files)
    metadata = read_sidecars(files)
    summary = IngestSummary(files=len(files))
    todo: dict[str, tuple[str, int]] = {}
    seen_sha: set[str] = set()
    for f in files:
        try:
            sha, size = _sha256(f)
        except (OSError, InputError) as exc:
            store.record_error(str(f), _one_line(exc))
            summary.failed += 1
            summary.failures.append((str(f), _one_line(exc)))
            continue
        if sha in seen_sha:  # a second copy of a file of this run
            summary.duplicates += 1
            continue
        if store.known_file(str(f), sha):
            summary.skipped += 1
            continue
        if not retry_failed and store.failed_file(str(f), sha):
            summary.failed_before += 1
            continue
        seen_sha.add(sha)
        todo[str(f)] = (sha, size)
    bar = _progress(len(todo), progress)
    write = _Writer(store, summary, todo, bar)
    try:
        if not todo:
            pass
        elif engine == "dask":
            _run_dask(list(todo), analyse, scheduler, write, sources, metadata)
        elif jobs == 1:
            fn = _resolve(analyse)
            for path in todo:
                write(process_file(path, fn, sources.get(path), metadata.get(path)))
        else:
            _run_pool(list(todo), analyse, jobs, write, sources, metadata)
    finally:
        if bar is not None:
            bar.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _run_pool(
    paths: list[str],
    analyse: AnalyseFn | None,
    jobs: int,
    write: Callable[[dict], None],
    sources: dict[str, str] | None = None,
    metadata: dict[str, dict[str, Any]] | None = None,
) -> None:
    sources = sources or {}
    metadata = metadata or {}
    pending = list(reversed(paths))
    attempts: Counter = Counter()
    while pending:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(analyse, os.getpid())) as pool:
            running: dict[Future, str] = {}
            try:
                while pending or running:
                    while pending and len(running) < 2 * jobs:
                        path = pending.pop()
                        attempts[path] += 1
                        running[pool.submit(_work, path, sources.get(path), metadata.get(path))] = path
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    for fut in sorted(done, key=lambda f: running[f]):
                        result = fut.result()
                        running.pop(fut)
                        write(result)
            except BrokenProcessPool:
                # A worker died (crash, out of memory). Finished results are written; the files in
                # flight are tried once more in a fresh pool, then recorded as failures.
                for fut, path in sorted(running.items(), key=lambda fp: fp[1]):
                    if fut.done() and not fut.cancelled() and fut.exception() is None:
                        write(fut.result())
                    elif attempts[path] >= 2:
                        write({"path": path, "prepared": None, "error": "the worker process died"})
                    else:
                        pending.append(path)
                running.clear()
            except BaseException:
                for fut in running:
                    fut.cancel()
                raise


def _run_dask(
    paths: list[str], analyse: AnalyseFn | None, scheduler: Any, write, sources: dict[str, str] | None = None,
    metadata: dict[str, dict[str, Any]] | None = None,
) -> None:
    try:
        from dask.distributed import Client, as_completed
    except ImportError:  # dask is an optional extra
        raise InputError("the dask engine needs Dask: pip install 'policy-analyser[dask]'") from None
    if scheduler is None:
        raise InputError("the dask engine needs --scheduler ADDRESS")
    own = not isinstance(scheduler, Client)
    try:
        client = Client(scheduler, timeout=30) if own else scheduler
    except OSError as exc:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    except (ValueError, TypeError) as exc:
        raise InputError(f"not a Dask scheduler address: {scheduler!r} ({exc})") from None
    try:
        names = [(sources or {}).get(p) for p in paths]
        metas = [(metadata or {}).get(p) for p in paths]
        futures = client.map(_dask_work, paths, [analyse] * len(paths), names, metas, pure=False)
        for fut in as_completed(futures):
            write(fut.result())
            fut.release()
    finally:
        if own:
            client.close()
