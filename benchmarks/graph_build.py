"""Graph file of a store: build time, memory, size on disk, and neighbourhood latencies in process.

Builds the store's graph file (:func:`analyser.corpus.graphstore.build_graph_file`) in a
temporary folder (or ``--out``), printing the build's wall and CPU time, the process's peak
resident memory, the file's size and the costs per document; then times neighbourhoods
(depth 1 and 2) of 40 documents drawn at random (seeded) and of the 10 most connected
formulations, citations and years (hubs), reporting p50/p99 wall and CPU milliseconds.
``--in-memory`` also builds today's in-memory graph afterwards and prints what it added to the
resident memory (for a comparison on stores that fit).

Run: ``.venv/bin/python benchmarks/graph_build.py --db STORE.db [--out FILE] [--in-memory]``
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyser.corpus.graphbuild import build_graph_file
from analyser.corpus.graphstore import GraphFile
from analyser.corpus.store import Store


def rss_mb() -> float:
    """Current resident memory in MB (Linux)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))] if values else float("nan")


def timed(gf: GraphFile, nodes: list[str], depth: int, limit: int, rounds: int) -> tuple[list[float], list[float]]:
    wall, cpu = [], []
    for _ in range(rounds):
        for n in nodes:
            t, c = time.perf_counter(), time.process_time()
            gf.neighbourhood(n, depth=depth, limit=limit)
            wall.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--out", type=Path, help="write the graph file here (default: a temporary file)")
    parser.add_argument("--reuse", action="store_true", help="use --out as it is when it exists")
    parser.add_argument("--rounds", type=int, default=3, help="times each neighbourhood is asked (default 3)")
    parser.add_argument("--in-memory", action="store_true", help="also build the in-memory graph and print its memory")
    args = parser.parse_args()
    store = Store(args.db, readonly=True)
    docs = store.count_documents()
    chars = store._rows("SELECT coalesce(sum(chars), 0) FROM documents")[0][0]
    folder = tempfile.mkdtemp(prefix="graph-bench-")
    path = str(args.out or Path(folder) / "graph.sqlite")
    base = rss_mb()
    t, c = time.perf_counter(), time.process_time()
    gf = GraphFile.open(path) if args.reuse else None
    built = gf is None
    if gf is None:
        gf = build_graph_file(store, path)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    stats = gf.stats()
    nodes, edges = sum(stats["nodes"].values()), sum(stats["edges"].values())
    size = os.path.getsize(path)
    print(f"store {args.db}: {docs:,} documents, {chars:,} characters")
    print(f"graph file {path}: {nodes:,} nodes, {edges:,} edges, {size / 2**20:,.0f} MB on disk")
    if built:
        print(f"build: {wall:.1f} s wall, {cpu:.1f} s CPU; peak RSS {peak_mb():,.0f} MB (before: {base:,.0f} MB)")
        print(f"per document: {wall * 1000 / max(docs, 1):.1f} ms wall, {cpu * 1000 / max(docs, 1):.1f} ms CPU, "
              f"{size / max(docs, 1) / 1024:.0f} KB on disk, {nodes / max(docs, 1):.0f} nodes, "
              f"{edges / max(docs, 1):.0f} edges")  # fmt: skip
    shared = sum(n for t_, n in stats["nodes"].items() if t_ not in ("document", "section", "point", "item", "quantity"))
    print(f"shared layer (formulations, entities, citations, keywords, years...): {shared:,} nodes")
    ids = [r[0] for r in store._rows("SELECT id FROM documents ORDER BY seq")]
    picked = [f"doc:{i}" for i in random.Random(1).sample(ids, min(40, len(ids)))]
    hubs = []
    for type_ in ("slogan", "citation", "year"):
        hubs += [n["id"] for n in gf.find_nodes(types=[type_], limit=10)["items"]]
    print(f"{'neighbourhood':<28}{'asked':>7}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'CPU p50':>9}{'CPU p99':>9}")
    for label, group in (("documents", picked), ("hubs", hubs)):
        for depth, limit in ((1, 100), (2, 100), (2, 500)):
            w, u = timed(gf, group, depth, limit, args.rounds)
            print(f"{label + f' depth {depth} limit {limit}':<28}{len(w):>7}{percentile(w, 50):>9.2f}"
                  f"{percentile(w, 99):>9.2f}{max(w):>9.2f}{percentile(u, 50):>9.2f}{percentile(u, 99):>9.2f}")  # fmt: skip
    print(f"RSS after the queries: {rss_mb():,.0f} MB")
    gf.close()
    if args.in_memory:
        before = rss_mb()
        t = time.perf_counter()
        graph = store.load_graph()
        print(f"in-memory graph: {time.perf_counter() - t:.1f} s, RSS +{rss_mb() - before:,.0f} MB "
              f"({graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges)")  # fmt: skip
    if not args.out:
        os.unlink(path)
        os.rmdir(folder)
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores (other processes share them)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
