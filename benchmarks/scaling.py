"""How the analysis scales with the length of one document: µs per character and peak memory.

Builds documents of 10k to 5M characters by joining the dev-corpus documents (else
``corpus/samples``) one after another, paragraphs intact, and analyses each size in a fresh
process: the time of ``analyse`` alone (µs per character, wall clock and CPU time: on a shared
machine the CPU figure is the one to compare), and the peak resident memory above what the loaded
pipeline takes (bytes per character). Linear time shows as a flat µs/char column; the last column
is each size's CPU figure against the 100k one. Texts above ``--chunked-above`` characters
(default: the analyser's own threshold) are segmented in stretches (:mod:`analyser.nlp.chunks`);
``--chunked-above 0`` analyses every size whole, for comparison.

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

def status_kb(field):
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

def reset_peak():  # Linux: the peak (VmHWM) starts again from the current size, so loading does not count
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass

paths = json.loads(sys.argv[1])
size = int(sys.argv[2])
above = int(sys.argv[4])
kwargs = {"chunked_above": above if above > 0 else 1 << 40} if above >= 0 else {}
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
base = status_kb("VmRSS")
reset_peak()
t0, c0 = time.perf_counter(), time.process_time()
a = analyse(text, **kwargs)
dt, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = status_kb("VmHWM")
facts = sum(len(getattr(a, k)) for k in ("outline", "quantities", "dates", "slogans", "citations", "entities"))
print(json.dumps({"chars": len(text), "seconds": dt, "cpu": cpu, "peak_kb": peak, "base_kb": base, "facts": facts}))
"""


def _files() -> list[str]:
    dev = SHARED / "corpus-real" / "dev"
    files = sorted(p for p in dev.glob("dev*") if p.is_file()) or sorted((ROOT / "corpus" / "samples").glob("*"))
    return [str(p) for p in files]


def run(size: int, files: list[str], chunked_above: int = -1) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(files), str(size), str(ROOT), str(chunked_above)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000,2000000,5000000")
    ap.add_argument("--chunked-above", type=int, default=-1,
                    help="segment texts above this many characters in stretches (0: never; default: the analyser's)")
    args = ap.parse_args(argv)
    files = _files()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"{'characters':>12} {'seconds':>9} {'µs/char':>8} {'CPU µs':>7} {'peak MB':>8} {'B/char':>7} {'facts':>8} "
          f"{'vs 100k':>8}")
    ref = None
    for size in sizes:
        r = run(size, files, args.chunked_above)
        us, cpu = 1e6 * r["seconds"] / r["chars"], 1e6 * r["cpu"] / r["chars"]
        if size == 100_000 or ref is None and size > 100_000:
            ref = cpu
        extra = max(0, r["peak_kb"] - r["base_kb"]) * 1024 / r["chars"]
        ratio = f"{cpu / ref:8.2f}" if ref else f"{'':>8}"
        print(f"{r['chars']:>12,} {r['seconds']:9.2f} {us:8.1f} {cpu:7.1f} {r['peak_kb'] / 1024:8.0f} {extra:7.0f} "
              f"{r['facts']:>8,} {ratio}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
