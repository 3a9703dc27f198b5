"""Loopback load test of the HTTP API: requests/s and latency percentiles under N connections.

Starts ``python -m analyser serve --db DB`` on a free loopback port (or uses ``--url``), warms
it up (the first graph request builds the graph), then for each scenario runs N concurrent
connections (asyncio + httpx) until ``--duration`` seconds or ``--requests`` requests have
passed, whichever comes first, and prints requests/s, p50, p90, p99 and max latency. The run
is bounded in time and count and talks only to the loopback address. The load generator runs
on the same machine as the server and competes with it for the CPU: the default client is a
minimal keep-alive HTTP/1.1 client over asyncio streams (on uvloop when installed), several
times cheaper per request than httpx (``--client httpx``), so the figures say more about the
server.

Each row also gives the figures that do not depend on how busy the machine is: the server's
CPU milliseconds per request (summed over its processes), the client's own CPU per request
(what the load generator took from the same cores), the load average when the row was done,
and how the server's CPU split between its worker processes (the kernel spreads connections,
not requests, between them). ``-c`` may be repeated: ``-c 5 -c 10 -c 20`` runs every scenario
at each concurrency against one server; the run ends with a Markdown table of p99 and server
CPU per request, a row per concurrency and a column per scenario.

Scenarios
---------
``quantities``
    ``GET /quantities`` pages: unfiltered, by unit, by year, by value range, and the next page
    through a cursor.
``neighbors``
    ``GET /graph/nodes/{id}/neighbors?depth=1&limit=100`` (``--neighbors-depth``, ``--neighbors-limit``) for 40 documents drawn at random
    (seeded) and the 10 most used formulations (hubs linked to thousands of documents).
``series``
    ``GET /indicators`` and ``GET /indicators/{id}/series`` of the eight most used concepts:
    unfiltered, targets only, a span of years, by issuer, and the next page through a cursor.
``citations``
    ``GET /citations``: the first page, the next page, and title searches.
``terms``
    ``GET /terms/timeline`` of common and rare terms, both scripts (counted over every stored text).

``--response-cache-mb 0`` turns the server's response cache off, so that every request reaches
the store (the figures of a first visit rather than of a repeated one).

Run: ``.venv/bin/python benchmarks/api_load.py --db STORE.db [-c 50 ...] [--duration 10] [--requests 20000]``
(a large synthetic store: ``benchmarks/synth_corpus.py`` then ``python -m analyser ingest``).
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, cache_mb: int | None = None, workers: int = 1) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    if cache_mb is not None:
        env["POLICY_ANALYSER_RESPONSE_CACHE_MB"] = str(cache_mb)
    env.pop("POLICY_ANALYSER_WRITE_TOKEN", None)
    return subprocess.Popen(
        [sys.executable, "-m", "analyser", "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def wait_ready(base: str, proc: subprocess.Popen | None, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stderr.read().strip()}")
        try:
            return httpx.get(base + "/health", timeout=5).json()
        except httpx.TransportError:
            time.sleep(0.3)
    raise SystemExit("the server did not answer /health in time")


def processes(pid: int | None) -> list[int]:
    """``pid`` and its child processes (a server's forked workers; Linux /proc), or ``[]``."""
    if pid is None:
        return []
    out = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            out += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return out


def cpu_by_process(pid: int | None) -> dict[int, float] | None:
    """User + system CPU seconds of a process and of each of its workers (Linux /proc), or ``None``."""
    if pid is None:
        return None
    try:
        out = {}
        for p in processes(pid):
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            out[p] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return out
    except (OSError, IndexError, ValueError):
        return None


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time of a process and its workers (Linux /proc), or ``None``."""
    by = cpu_by_process(pid)
    return None if by is None else sum(by.values())


def worker_shares(before: dict[int, float] | None, after: dict[int, float] | None) -> str:
    """How the server's CPU of a run split between its worker processes (``-`` for one process).

    Connections, not requests, are spread between workers, so an uneven split means one
    worker queues while the other idles.
    """
    if not before or not after or len(after) < 3:
        return "-"
    parent = next(iter(after))  # processes() lists the parent first
    workers = sorted((after[p] - before.get(p, 0.0) for p in after if p != parent), reverse=True)
    total = sum(workers)
    return "/".join(f"{100 * v / total:.0f}" for v in workers) if total > 0 else "-"


def memory_mb(pid: int | None) -> str:
    """Resident memory now and at its peak (``VmRSS``, ``VmHWM``) of a process and its workers, in MB.

    For several processes the sum of their RSS counts the pages the workers share with their
    parent (imports, forked before serving) once per process; the proportional set size
    (``Pss``: each shared page divided among its sharers) is the memory they take together.
    """
    if pid is None:
        return "n/a"
    try:
        rss = peak = pss = 0
        procs = processes(pid)
        for p in procs:
            text = Path(f"/proc/{p}/status").read_text()
            fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
            rss += int(fields["VmRSS"].split()[0])
            peak += int(fields["VmHWM"].split()[0])
            try:
                rollup = Path(f"/proc/{p}/smaps_rollup").read_text()
                pss += next(int(ln.split()[1]) for ln in rollup.splitlines() if ln.startswith("Pss:"))
            except (OSError, StopIteration):
                pss = -1 << 40
        if len(procs) == 1:
            return f"{rss / 1024:,.0f} MB (peak {peak / 1024:,.0f} MB)"
        shared = f", proportional {pss / 1024:,.0f} MB" if pss >= 0 else ""
        return f"{rss / 1024:,.0f} MB (peak {peak / 1024:,.0f} MB) summed over {len(procs)} processes{shared}"
    except (OSError, KeyError, ValueError):
        return "n/a"


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(p / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


def quantity_urls(base: str) -> list[str]:
    first = httpx.get(base + "/quantities", params={"limit": 50}, timeout=60).json()
    urls = [
        "/quantities?limit=50",
        "/quantities?limit=50&unit=%E5%85%83",  # 元
        "/quantities?limit=50&unit=%25",  # %
        "/quantities?limit=50&year=2020",
        "/quantities?limit=50&min=100&max=10000",
        "/quantities?limit=20&place=" + quote("贵州"),
    ]
    if first.get("next"):
        urls.append("/quantities?limit=50&cursor=" + quote(first["next"]))
    return urls


def series_urls(base: str) -> list[str]:
    """The indicator list and series pages of the most used concepts."""
    concepts = httpx.get(base + "/indicators", params={"limit": 8}, timeout=60).json()["items"]
    urls = ["/indicators", "/indicators?q=" + quote("增长")]
    for c in concepts:
        path = f"/indicators/{quote(c['id'])}/series"
        first = httpx.get(base + path, params={"limit": 50}, timeout=60).json()
        urls += [f"{path}?limit=50", f"{path}?limit=50&modality=target", f"{path}?limit=50&from=2000&to=2010",
                 f"{path}?limit=50&issuer=" + quote("国务院")]
        if first.get("next"):
            urls.append(f"{path}?limit=50&cursor=" + quote(first["next"]))
    return urls


def citation_urls(base: str) -> list[str]:
    first = httpx.get(base + "/citations", params={"limit": 20}, timeout=60).json()
    urls = ["/citations?limit=20", "/citations?limit=20&q=" + quote("规划"), "/citations?limit=20&q=" + quote("條例")]
    if first.get("next"):
        urls.append("/citations?limit=20&cursor=" + quote(first["next"]))
    return urls


TERMS = ("精准扶贫", "新常态", "高质量发展", "乡村振兴", "小康社会", "易地扶贫搬迁", "脫貧攻堅", "供给侧结构性改革")


def term_urls(base: str) -> list[str]:
    return [f"/terms/timeline?limit=50&q={quote(t)}" for t in TERMS]


def neighbor_urls(base: str, nodes: list[str] | None, limit: int, depth: int = 1) -> list[str]:
    """Neighbourhood URLs: 40 documents drawn at random (seeded) and the 10 most used formulations."""
    if not nodes:
        docs = httpx.get(base + "/documents", params={"limit": 500}, timeout=60).json()["items"]
        picked = random.Random(1).sample(docs, min(40, len(docs)))
        hubs = httpx.get(base + "/graph/nodes", params={"type": "slogan", "limit": 10}, timeout=600).json()["items"]
        nodes = [f"doc:{d['id']}" for d in picked] + [n["id"] for n in hubs]
    if not nodes:
        raise SystemExit("the graph has no document or formulation nodes")
    return [f"/graph/nodes/{quote(n, safe='')}/neighbors?depth={depth}&limit={limit}" for n in nodes]


class RawConnection:
    """One keep-alive HTTP/1.1 connection over asyncio streams: a load generator far cheaper than httpx.

    Understands exactly what the server sends: a status line, headers, then a body of
    ``Content-Length`` bytes or in chunks.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = self.reader = None


async def run_scenario(
    base: str, urls: list[str], concurrency: int, duration: float, max_requests: int, *, client: str = "raw"
) -> dict:
    latencies: list[float] = []
    errors = 0
    statuses: dict[int, int] = {}
    counter = itertools.count()
    deadline = time.monotonic() + duration
    parsed = urlsplit(base)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as pool:

        async def fetch_httpx(url: str) -> int:
            r = await pool.get(url)
            await r.aread()
            return r.status_code

        async def worker(offset: int) -> None:
            nonlocal errors
            conn = RawConnection(parsed.hostname or "127.0.0.1", parsed.port or 80) if client == "raw" else None
            try:
                while time.monotonic() < deadline:
                    i = next(counter)
                    if i >= max_requests:
                        return
                    url = urls[(i + offset) % len(urls)]
                    t0 = time.perf_counter()
                    try:
                        status = await asyncio.wait_for(conn.get(url), 30) if conn else await fetch_httpx(url)
                    except (httpx.HTTPError, OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError):
                        errors += 1
                        if conn is not None:
                            await conn.close()
                        continue
                    statuses[status] = statuses.get(status, 0) + 1
                    if status != 200:
                        errors += 1
                    latencies.append(time.perf_counter() - t0)
            finally:
                if conn is not None:
                    await conn.close()

        started, cpu_started = time.perf_counter(), time.process_time()
        await asyncio.gather(*(worker(k) for k in range(concurrency)))
        elapsed, client_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "statuses": statuses,
        "seconds": elapsed,
        "client_cpu_ms": client_cpu * 1000 / len(latencies) if latencies else float("nan"),
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50": percentile(latencies, 50) * 1000,
        "p90": percentile(latencies, 90) * 1000,
        "p99": percentile(latencies, 99) * 1000,
        "max": (latencies[-1] * 1000) if latencies else float("nan"),
        "mean": statistics.fmean(latencies) * 1000 if latencies else float("nan"),
    }


def summary_table(cells: dict[tuple[str, int], str], scenarios: list[str], concurrencies: list[int], load: float) -> str:
    """The run as a Markdown table: a row per concurrency, a column per scenario, each cell
    ``p99 ms · server CPU ms a request`` (``nan`` CPU when the server's process is unknown).

    >>> print(summary_table({("terms", 5): "2.6 · 0.31"}, ["terms", "series"], [5], 1.25))
    p99 ms · server CPU ms/req (load average 1.2 at the end)
    | connections | terms | series |
    | --- | --- | --- |
    | 5 | 2.6 · 0.31 | - |
    """
    lines = [f"p99 ms · server CPU ms/req (load average {load:.1f} at the end)",
             "| connections | " + " | ".join(scenarios) + " |", "| --- |" + " --- |" * len(scenarios)]
    lines += [f"| {c} | " + " | ".join(cells.get((name, c), "-") for name in scenarios) + " |" for c in concurrencies]
    return "\n".join(lines)


def event_loop_runner() -> asyncio.Runner:
    """An asyncio runner on uvloop when it is installed (a cheaper client), else the standard loop."""
    try:
        import uvloop
    except ImportError:
        return asyncio.Runner()
    return asyncio.Runner(loop_factory=uvloop.new_event_loop)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="the store to serve (required unless --url)")
    parser.add_argument("--url", help="an already running server on this machine (http://127.0.0.1:PORT)")
    parser.add_argument(
        "-c", "--concurrency", type=int, action="append",
        help="concurrent connections (repeatable: -c 5 -c 10 -c 20 runs each against the same server; default 50)",
    )  # fmt: skip
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per scenario (default 10, max 120)")
    parser.add_argument("--requests", type=int, default=20000, help="most requests per scenario (default 20000)")
    parser.add_argument("--node", action="append", help="graph node for the neighbours scenario (repeatable)")
    parser.add_argument("--pid", type=int, help="with --url: the server's process id, to report its CPU time per request")
    parser.add_argument("--neighbors-limit", type=int, default=100, help="limit= of neighbourhood requests")
    parser.add_argument("--neighbors-depth", type=int, default=1, choices=[1, 2, 3], help="depth= of neighbourhood requests")
    parser.add_argument("--scenario", choices=["quantities", "neighbors", "series", "citations", "terms"], action="append")
    parser.add_argument("--response-cache-mb", type=int, help="the server's response cache (0: off; default: its own)")
    parser.add_argument("--workers", type=int, default=1, help="server processes (serve --workers; default 1)")
    parser.add_argument(
        "--client", choices=["raw", "httpx"], default="raw",
        help="load generator: raw keep-alive HTTP/1.1 over asyncio streams (default; cheap) or httpx",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if not args.url and not args.db:
        parser.error("give --db STORE or --url")
    if args.url and not args.url.startswith(("http://127.", "http://localhost", "http://[::1]")):
        parser.error("--url must be a loopback address")
    duration = min(max(args.duration, 1.0), 120.0)
    max_requests = min(max(args.requests, 1), 1_000_000)
    concurrencies = [min(max(c, 1), 500) for c in args.concurrency or [50]]

    proc = None
    if args.url:
        base = args.url.rstrip("/")
    else:
        if not args.db.exists():
            parser.error(f"no store at {args.db}")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = start_server(args.db, port, args.response_cache_mb, args.workers)
    try:
        health = wait_ready(base, proc)
        print(f"server {base}: {health['documents']} documents; {'/'.join(map(str, concurrencies))} connections "
              f"({args.client} client), at most {duration:g} s or {max_requests} requests per scenario")  # fmt: skip
        t0 = time.perf_counter()
        stats = httpx.get(base + "/graph/stats", timeout=1800).json()
        print(f"graph ready in {time.perf_counter() - t0:.1f} s: {sum(stats['nodes'].values())} nodes, "
              f"{sum(stats['edges'].values())} edges")  # fmt: skip
        scenarios = args.scenario or ["quantities", "neighbors"]
        pid = proc.pid if proc is not None else args.pid
        print(f"server memory with the graph ready: {memory_mb(pid)}")
        urls = {
            name: {
                "quantities": lambda: quantity_urls(base),
                "series": lambda: series_urls(base),
                "citations": lambda: citation_urls(base),
                "terms": lambda: term_urls(base),
            }.get(name, lambda: neighbor_urls(base, args.node, args.neighbors_limit, args.neighbors_depth))()
            for name in dict.fromkeys(scenarios)
        }
        print(f"{'scenario':<12}{'conns':>6}{'requests':>9}{'errors':>7}{'req/s':>8}{'p50 ms':>8}{'p90 ms':>8}"
              f"{'p99 ms':>8}{'max ms':>8}{'server CPU ms/req':>18}{'client CPU ms/req':>18}{'load':>6}  worker CPU %")  # fmt: skip
        table: dict[tuple[str, int], str] = {}
        with event_loop_runner() as runner:
            for concurrency in concurrencies:
                for name, paths in urls.items():
                    # warm-up: every URL once, then a short run at this concurrency
                    runner.run(run_scenario(base, paths, 1, duration, len(paths), client=args.client))
                    runner.run(run_scenario(base, paths, concurrency, min(2.0, duration), 2000, client=args.client))
                    cpu0 = cpu_by_process(pid)
                    r = runner.run(run_scenario(base, paths, concurrency, duration, max_requests, client=args.client))
                    cpu1 = cpu_by_process(pid)
                    per = float("nan")
                    if cpu0 is not None and cpu1 is not None and r["requests"]:
                        per = (sum(cpu1.values()) - sum(cpu0.values())) * 1000 / r["requests"]
                    print(f"{name:<12}{concurrency:>6}{r['requests']:>9}{r['errors']:>7}{r['rps']:>8.0f}{r['p50']:>8.1f}"
                          f"{r['p90']:>8.1f}{r['p99']:>8.1f}{r['max']:>8.1f}{per:>18.2f}{r['client_cpu_ms']:>18.2f}"
                          f"{os.getloadavg()[0]:>6.1f}  {worker_shares(cpu0, cpu1)}", flush=True)  # fmt: skip
                    if r["errors"]:
                        print(f"  statuses: {r['statuses']}")
                    table[name, concurrency] = f"{r['p99']:.1f} · {per:.2f}"
        print(summary_table(table, list(urls), concurrencies, os.getloadavg()[0]))
        print(f"server memory after the scenarios: {memory_mb(pid)}")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other processes share them)")
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
