"""CPU per call of the store's cross-document queries, in process: what a request costs below HTTP.

Runs the calls behind ``benchmarks/api_load.py``'s fact scenarios (quantity pages and filters,
the indicator list and series of the four most used concepts, cited documents, timelines of
common terms) straight on a read-only store, once to warm up and then ``--rounds`` times, and
prints the median and largest CPU milliseconds per call of each group; then the first count of
a term outside the term index (wall time: it reads texts). Comparing a 10,000- and a
100,000-document store shows how the query cost grows with the corpus.

Run: ``.venv/bin/python benchmarks/store_queries.py --db STORE.db [--rounds 5] [--term 新常态]``
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyser.corpus.store import Store

TERMS = ("精准扶贫", "高质量发展", "乡村振兴", "小康社会", "易地扶贫搬迁", "脫貧攻堅", "供给侧结构性改革")


def calls(s: Store) -> dict[str, list[Callable[[], object]]]:
    """The groups of calls, as the load test's scenarios ask them."""
    concepts = [r[0] for r in s._rows("SELECT concept FROM indicator_concepts ORDER BY quantities DESC LIMIT 4")]
    second = s.list_quantities(limit=50)["next"]
    return {
        "quantities": [
            lambda: s.list_quantities(limit=50), lambda: s.list_quantities(unit="元", limit=50),
            lambda: s.list_quantities(year=2020, limit=50), lambda: s.list_quantities(min=100, max=10000, limit=50),
            lambda: s.list_quantities(place="贵州", limit=20), lambda: s.list_quantities(cursor=second, limit=50),
        ],
        "series": [lambda: s.indicators()]
        + [lambda c=c: s.indicator_series(c, limit=50) for c in concepts]
        + [lambda c=c: s.indicator_series(c, issuer="国务院", limit=50) for c in concepts],
        "citations": [lambda: s.cited_documents(limit=20), lambda: s.cited_documents(q="规划", limit=20),
                      lambda: s.cited_documents(q="條例", limit=20)],
        "terms": [lambda t=t: s.term_timeline(t, limit=50) for t in TERMS],
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="the store")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds over every call (default 5)")
    parser.add_argument("--term", default="新常态", help="a term outside the term index, counted over the texts")
    args = parser.parse_args(argv)
    if not args.db.is_file():
        parser.error(f"no store at {args.db}")
    with Store(args.db, readonly=True) as s:
        print(f"{s.count_documents():,} documents in {args.db}")
        for name, group in calls(s).items():
            for f in group:
                f()
            cpu = []
            for _ in range(max(1, args.rounds)):
                for f in group:
                    t0 = time.process_time()
                    f()
                    cpu.append((time.process_time() - t0) * 1000)
            print(f"{name:<11} CPU ms per call: median {statistics.median(cpu):.2f}, max {max(cpu):.2f}")
        indexed = bool(s._rows("SELECT 1 FROM term_vocabulary WHERE term = ?", (args.term,)))
        t0 = time.perf_counter()
        page = s.term_timeline(args.term, limit=50)
        how = "from the term index" if indexed else "counted over the texts"
        print(f"term {args.term} ({how}): {page['n_documents']:,} documents, {(time.perf_counter() - t0) * 1000:.0f} ms wall")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
