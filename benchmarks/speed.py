"""Throughput of ``analyse`` against plain ``jieba.lcut`` on the same text, in one run.

Prints, for the foundation stages alone (reading, Simplified view, tokens, page structure) and for
the whole pipeline (every extractor): characters per second and the ratio to ``jieba.lcut`` timed
on the same texts just before; the cold start (a fresh interpreter importing the package and
analysing one sentence); and the peak resident memory of this process.

Run: ``.venv/bin/python benchmarks/speed.py [FILES...]`` (default: the dev corpus when present,
else ``corpus/samples``).
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus-real" / "dev"


def _texts(paths: list[Path]) -> list[str]:
    from analyser.reading import read_path

    return [read_path(p).text for p in paths]


def _best_of(n: int, fn) -> float:
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = ap.parse_args(argv)
    files = args.files or sorted(p for p in DEV.glob("dev*") if p.is_file()) or sorted((ROOT / "corpus" / "samples").glob("*"))
    t0 = time.perf_counter()
    cold = subprocess.run(
        [sys.executable, "-c", "import analyser; analyser.analyse('国务院印发《关于推进工作的通知》，投资800亿元。')"],
        capture_output=True,
    )
    cold_s = time.perf_counter() - t0
    import jieba

    from analyser import analyse
    from analyser.nlp.pipeline import build_nlp

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = _texts(files)
    chars = sum(len(t) for t in texts)
    foundation = build_nlp(components=("policy_page",))
    analyse(texts[0])  # load the full pipeline once
    t_jieba = _best_of(args.repeat, lambda: [jieba.lcut(t) for t in texts])
    t_found = _best_of(args.repeat, lambda: [foundation(t) for t in texts])
    t_full = _best_of(args.repeat, lambda: [analyse(t) for t in texts])
    t_jieba2 = _best_of(args.repeat, lambda: [jieba.lcut(t) for t in texts])
    t_jieba = min(t_jieba, t_jieba2)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents {len(texts)}, characters {chars:,}")
    print(f"jieba.lcut             {chars / t_jieba:>10,.0f} chars/s  (ratio 1.00)")
    print(f"analyse, foundation    {chars / t_found:>10,.0f} chars/s  (ratio {t_jieba / t_found:.2f})")
    print(f"analyse, all facts     {chars / t_full:>10,.0f} chars/s  (ratio {t_jieba / t_full:.2f})")
    print(f"cold start             {cold_s:.2f} s (exit {cold.returncode})")
    print(f"peak memory            {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
