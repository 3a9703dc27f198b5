"""How the analysis scales with the length of one document: µs per character and peak memory.

Builds documents of 10k to 5M characters by joining the dev-corpus documents (else
``corpus/samples``) one after another, paragraphs intact, and analyses each size in a fresh
process: the time of ``analyse`` alone (µs per character), and the peak resident memory above
what the loaded pipeline takes (bytes per character). Linear time shows as a flat µs/char column;
the last column is each size against the 100k figure.

Run: ``.venv/bin/python benchmarks/scaling.py [--sizes 10000,100000,1000000,2000000,5000000]``.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT.parent / "shared")

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[3])
from analyser import analyse
from analyser.reading import read_path

def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

paths = json.loads(sys.argv[1])
size = int(sys.argv[2])
texts = [read_path(p).text for p in paths]
analyse(texts[0])  # the pipeline and the formulation model, loaded
parts, n = [], 0
while n < size:
    for t in texts:
        parts.append(t)
        n += len(t) + 2
        if n >= size:
            break
text = "\n\n".join(parts)[:size]
base = rss_kb()
t0 = time.perf_counter()
a = analyse(text)
dt = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
facts = sum(len(getattr(a, k)) for k in ("outline", "quantities", "dates", "slogans", "citations", "entities"))
print(json.dumps({"chars": len(text), "seconds": dt, "peak_kb": peak, "base_kb": base, "facts": facts}))
"""


def _files() -> list[str]:
    dev = SHARED / "corpus-real" / "dev"
    files = sorted(p for p in dev.glob("dev*") if p.is_file()) or sorted((ROOT / "corpus" / "samples").glob("*"))
    return [str(p) for p in files]


def run(size: int, files: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(files), str(size), str(ROOT)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000,2000000,5000000")
    args = ap.parse_args(argv)
    files = _files()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"{'characters':>12} {'seconds':>9} {'µs/char':>8} {'peak MB':>8} {'B/char':>7} {'facts':>8} {'vs 100k':>8}")
    ref = None
    for size in sizes:
        r = run(size, files)
        us = 1e6 * r["seconds"] / r["chars"]
        if size == 100_000 or ref is None and size > 100_000:
            ref = us
        extra = max(0, r["peak_kb"] - r["base_kb"]) * 1024 / r["chars"]
        ratio = f"{us / ref:8.2f}" if ref else f"{'':>8}"
        print(f"{r['chars']:>12,} {r['seconds']:9.2f} {us:8.1f} {r['peak_kb'] / 1024:8.0f} {extra:7.0f} {r['facts']:>8,} {ratio}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
