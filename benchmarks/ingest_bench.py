"""Ingest throughput: documents/s and characters/s for 1 and 2 workers, memory, store size, graph build.

Each configuration runs in a fresh interpreter (so pipeline loading and peak memory are its
own) and ingests the whole corpus into a new store. Printed per run: wall time (pipeline
loading included), documents/s, characters/s, peak resident memory of the writer and of the
largest worker, store size on disk; then the speed-up of 2 workers over 1, and for the last
store the time and memory of building its knowledge graph.

Run: ``.venv/bin/python benchmarks/ingest_bench.py [PATH ...] [--jobs 1 2] [--keep DIR]``
(default corpus: the shared dev corpus when present, else ``corpus/samples``). For a large
corpus, generate one first with ``benchmarks/synth_corpus.py``.

``--replicate N --from DB`` measures the store and graph alone at a large size, without the
pipeline: the analyses stored in DB are written again under new ids until the new store holds N
documents (same texts and facts; publication years varied), then it reports the writer's
documents/s, store size, graph build time and memory, and the latency of the queries the HTTP
API makes (search, formulations, quantities, documents).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus-real" / "dev"


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _store_mb(db: Path) -> float:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6


def run_ingest(paths: list[str], db: str, jobs: int) -> dict:
    """One ingest in this process (called in a child interpreter)."""
    from analyser.corpus.ingest import ingest
    from analyser.corpus.store import Store

    with Store(db) as store:
        summary = ingest(paths, store, jobs=jobs, progress=False)
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "jobs": jobs, "documents": summary.added, "failed": summary.failed, "chars": summary.chars,
        "seconds": summary.seconds, "writer_rss_mb": self_rss, "worker_rss_mb": child_rss if jobs > 1 else self_rss,
        "facts": dict(summary.facts),
    }  # fmt: skip


def run_graph(db: str) -> dict:
    """Build the graph of a store (called in a child interpreter)."""
    from analyser.corpus.graph import graph_stats
    from analyser.corpus.store import Store

    with Store(db) as store:
        store.count_documents()
        import networkx  # noqa: F401 - loaded before the measurement
        import sklearn.feature_extraction.text  # noqa: F401

        before = _rss_mb()
        t0 = time.perf_counter()
        graph = store.load_graph()
        seconds = time.perf_counter() - t0
        after = _rss_mb()
    stats = graph_stats(graph)
    return {
        "seconds": seconds, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
        "rss_growth_mb": after - before, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "node_types": stats["nodes"],
    }  # fmt: skip


def top(store) -> str:
    """The most used formulation's key (a hub of the timeline), or a placeholder when there is none."""
    groups = store.slogans(limit=1)["items"]
    return groups[0]["normalized"] if groups else "无"


def run_replicate(src: str, dst: str, n: int) -> dict:
    """Write ``n`` documents into ``dst`` by re-using the analyses stored in ``src``."""
    from analyser.corpus.store import Store, prepare
    from analyser.facts import Analysis

    with Store(src, create=False) as store:
        rows = [dict(r) for r in store._rows("SELECT analysis, text, terms FROM documents ORDER BY seq")]
    if not rows:
        raise SystemExit(f"no documents in {src}")
    chars = 0
    t0 = time.perf_counter()
    with Store(dst) as out:
        for k in range(n):
            r = rows[k % len(rows)]
            a = json.loads(r["analysis"])
            doc = a["document"]
            doc["id"] = f"{doc['id']}r{k:05d}"
            if doc.get("published"):
                doc["published"] = f"{2012 + k % 15}{doc['published'][4:]}"
            out.write(prepare(Analysis.from_dict(a, text=r["text"]), terms=(r["terms"] or "").split()))
            chars += len(r["text"])
        seconds = time.perf_counter() - t0
        timings = {}
        for name, call in [
            ("search 扶贫", lambda: out.search("扶贫", limit=50)),
            ("search 乡村振兴", lambda: out.search("乡村振兴", limit=50)),
            ("search 贫 (1 char, scan)", lambda: out.search("贫", limit=50)),
            ("documents q=就业 year=2020", lambda: out.list_documents(q="就业", year=2020, limit=50)),
            ("slogans (all groups)", lambda: out.slogans(limit=50)),
            ("slogans q=发展", lambda: out.slogans(q="发展", limit=50)),
            ("timeline of the most used formulation", lambda: out.slogan_timeline(top(out), limit=50)),
            ("quantities unit=元 (common unit)", lambda: out.list_quantities(unit="元", limit=50)),
            ("quantities unit=% min=50", lambda: out.list_quantities(unit="%", min=50, limit=50)),
            ("quantities indicator=收入", lambda: out.list_quantities(indicator="收入", limit=50)),
        ]:
            q0 = time.perf_counter()
            page = call()
            timings[name] = (round((time.perf_counter() - q0) * 1000, 1), len(page["items"]))
    return {"documents": n, "chars": chars, "seconds": seconds, "queries_ms": timings}


def _child(args: list[str]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise SystemExit(f"benchmark run failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="keep the stores in this folder")
    parser.add_argument("--no-graph", action="store_true")
    parser.add_argument("--_ingest", nargs=2, metavar=("DB", "JOBS"), help=argparse.SUPPRESS)
    parser.add_argument("--_graph", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--replicate", type=int, metavar="N", help="store and graph alone at N documents")
    parser.add_argument("--from", dest="source_db", metavar="DB", help="the store whose analyses --replicate re-uses")
    args = parser.parse_args(argv)
    if args.replicate:
        if not args.source_db:
            parser.error("--replicate needs --from DB")
        folder = args.keep or Path(tempfile.mkdtemp(prefix="store-bench-"))
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / f"replicated-{args.replicate}.db"
        for p in folder.glob(db.name + "*"):
            p.unlink()
        r = run_replicate(args.source_db, str(db), args.replicate)
        print(
            f"store: {r['documents']:,} documents, {r['chars']:,} chars written in {r['seconds']:.1f} s "
            f"({r['documents'] / r['seconds']:.0f} docs/s by the writer, prepare included); "
            f"store {_store_mb(db):.0f} MB",
            flush=True,
        )
        for name, (ms, items) in r["queries_ms"].items():
            print(f"  {name:<30} {ms:>8.1f} ms  ({items} items)")
        if not args.no_graph:
            g = _child(["--_graph", str(db)])
            print(
                f"graph: {g['nodes']:,} nodes, {g['edges']:,} edges built in {g['seconds']:.1f} s; "
                f"memory +{g['rss_growth_mb']:.0f} MB (peak RSS {g['peak_rss_mb']:.0f} MB)"
            )
            print("node types:", json.dumps(g["node_types"], ensure_ascii=False))
        return 0
    if args._ingest:
        print(json.dumps(run_ingest(args.paths, args._ingest[0], int(args._ingest[1]))))
        return 0
    if args._graph:
        print(json.dumps(run_graph(args._graph), ensure_ascii=False))
        return 0
    paths = args.paths or [str(DEV if DEV.is_dir() else ROOT / "corpus" / "samples")]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    for jobs in args.jobs:
        db = folder / f"bench-j{jobs}.db"
        for p in folder.glob(db.name + "*"):
            p.unlink()
        r = _child([*paths, "--_ingest", str(db), str(jobs)])
        r["store_mb"] = _store_mb(db)
        results.append(r)
        print(
            f"jobs {jobs}: {r['documents']} documents ({r['failed']} failed), {r['chars']:,} chars in "
            f"{r['seconds']:.1f} s -> {r['documents'] / r['seconds']:.2f} docs/s, "
            f"{r['chars'] / r['seconds']:,.0f} chars/s; peak RSS writer {r['writer_rss_mb']:.0f} MB, "
            f"worker {r['worker_rss_mb']:.0f} MB; store {r['store_mb']:.1f} MB",
            flush=True,
        )
    if len(results) >= 2:
        base = results[0]["seconds"]
        for r in results[1:]:
            print(f"speed-up jobs {r['jobs']} vs {results[0]['jobs']}: {base / r['seconds']:.2f}x")
    print("facts:", json.dumps(results[-1]["facts"], ensure_ascii=False))
    if not args.no_graph:
        g = _child(["--_graph", str(folder / f"bench-j{args.jobs[-1]}.db")])
        print(
            f"graph: {g['nodes']:,} nodes, {g['edges']:,} edges built in {g['seconds']:.1f} s; "
            f"memory +{g['rss_growth_mb']:.0f} MB (peak RSS {g['peak_rss_mb']:.0f} MB)"
        )
        print("node types:", json.dumps(g["node_types"], ensure_ascii=False))
    if not args.keep:
        print(f"stores left in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
