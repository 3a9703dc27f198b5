"""How the analysis scales with the length of one document: µs per character and peak memory.

Every size is cut from one text, the *mix*: the paragraphs (lines) of the dev corpus and of the
archive that ships with the project (``corpus/archive``), shuffled in a fixed order and cycled to
the size, so a 10,000-character text and a 5,000,000-character one are the same kind of text (a
text made of the first documents only would be lighter than the whole mix). Each repetition of a
size takes another window of the mix, starting at a line.

Each size runs in a fresh process: the pipeline is loaded, then a 100,000-character reference is
timed (``--ref-repeats`` windows), then the size (``--repeats`` windows; by default 20 at 10,000
characters and fewer, 10 up to 100,000, two at 1M, one above: the small ones are cheap), and the
reference again (other windows). Times are CPU times of the process (on a shared machine the CPU
figure is the one to compare). The table prints the min and the median µs per character of the
windows; the ratios compare medians (``--stat min``: mins): of the size to the 100k row's (``vs
100k``), and to the reference windows timed in the same process (``paired``: both saw the same load,
so it is the figure to read under load). The median, not the min: a long text's time is the sum of
its parts', so it compares with the typical window, and the min of many short windows is both the
lightest text and the quietest moment (with more windows it falls, and every ratio to it rises).
Flat is a ratio within 1.3. ``facts`` counts the facts of the first window, ``per 1k`` the median
facts per 1,000 characters (the same kind of text should give about as many at every size). The mix
holds the article bodies only: a web page's footer line (扫一扫在手机打开当前页) in the middle of a
window ends that window's body, and the facts after it are not extracted, which made long windows
look cheaper per character than short ones. The peak resident memory is
measured above what the process held before each window (the loaded pipeline), in bytes per
character, the highest of the windows. Texts above ``--chunked-above`` characters (default: the
analyser's own threshold) are segmented in stretches (:mod:`analyser.nlp.chunks`); ``--chunked-above
0`` analyses every size whole, for comparison.

Run: ``.venv/bin/python benchmarks/scaling.py [--sizes 10000,100000,1000000,2000000,5000000]``.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT.parent / "shared")
REF_SIZE = 100_000

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from analyser import analyse

def status_kb(field):
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

def reset_peak():  # Linux: the peak (VmHWM) starts again from the current size
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass

job = json.loads(sys.argv[1])
with open(job["mix"], encoding="utf-8") as f:
    mix = f.read()
starts = [0] + [i + 1 for i, c in enumerate(mix) if c == "\n"][:-1]

def window(size, k):
    # the k-th window of `size` characters, from a line start, the mix cycled
    a = starts[(k * 7919 + size // 97) % len(starts)]
    out, n = [], 0
    while n < size:
        piece = mix[a:a + size - n]
        out.append(piece)
        n += len(piece)
        a = 0
    return "".join(out)

def timed(text, **kwargs):
    base = status_kb("VmRSS")
    reset_peak()
    c0 = time.process_time()
    t0 = time.perf_counter()
    a = analyse(text, **kwargs)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = status_kb("VmHWM")
    facts = sum(len(getattr(a, k)) for k in ("outline", "quantities", "dates", "slogans", "citations", "entities"))
    return {"cpu": cpu, "wall": wall, "extra_kb": max(0, peak - base), "peak_kb": peak, "facts": facts}

analyse(window(20_000, 99))  # the pipeline and the formulation model, loaded
above = job["chunked_above"]
kwargs = {"chunked_above": above if above > 0 else 1 << 40} if above >= 0 else {}
ref = job["ref_size"]
refs = [timed(window(ref, 1000 + k)) for k in range(job["ref_repeats"])]
runs = [timed(window(job["size"], k), **kwargs) for k in range(job["repeats"])]
refs += [timed(window(ref, 2000 + k)) for k in range(job["ref_repeats"])]
print(json.dumps({"chars": job["size"], "runs": runs, "refs": refs, "ref_chars": ref}))
"""


def _heldout_names() -> set[str]:
    """Archive files that also belong to data kept out of development (never read here)."""
    manifest = SHARED / "corpus-real" / "archive" / "manifest.json"
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {e["filename"] for e in entries if any("heldout" in a for a in e.get("also_in") or ())}


def _files() -> list[Path]:
    dev = SHARED / "corpus-real" / "dev"
    files = sorted(p for p in dev.glob("dev*") if p.is_file())
    skip = _heldout_names()
    archive = ROOT / "corpus" / "archive"
    files += sorted(p for p in archive.iterdir() if p.suffix in (".txt", ".html") and p.name not in skip)
    return files or sorted((ROOT / "corpus" / "samples").glob("*"))


def build_mix(files: list[Path], seed: int = 2026) -> str:
    """The paragraphs (non-blank lines) of the article bodies of ``files``, shuffled in a fixed order.

    Only each document's body (:func:`analyser.reading.page.find_page_info`) is taken: a web page's
    header and footer lines (扫一扫在手机打开当前页, 标　　题：…) shuffled into the middle of the mix
    would end the body of any window holding one, and the facts after it would not be extracted.
    """
    sys.path.insert(0, str(ROOT))
    from analyser.reading import read_path
    from analyser.reading.page import find_page_info
    from analyser.text.normalize import simplified_view

    lines = []
    for p in files:
        text = read_path(p).text
        a, b = find_page_info(text, simplified_view(text)).body
        lines += [line for line in text[a:b].splitlines() if line.strip()]
    random.Random(seed).shuffle(lines)
    return "\n".join(lines) + "\n"


def run(size: int, mix_path: str, *, repeats: int, ref_repeats: int, chunked_above: int = -1) -> dict:
    job = {"mix": mix_path, "size": size, "repeats": repeats, "ref_size": REF_SIZE, "ref_repeats": ref_repeats,
           "chunked_above": chunked_above}
    out = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(job), str(ROOT)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def default_repeats(size: int) -> int:
    """Windows timed at ``size`` characters: many of the short ones (cheap, and their times vary
    with the text of the window more than a long text's do), fewer of the long ones."""
    return 20 if size <= 10_000 else 10 if size <= REF_SIZE else 2 if size <= 1_000_000 else 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000,2000000,5000000")
    ap.add_argument("--chunked-above", type=int, default=-1,
                    help="segment texts above this many characters in stretches (0: never; default: the analyser's)")
    ap.add_argument("--repeats", type=int, default=0,
                    help="windows timed per size (default: 20 up to 10k, 10 up to 100k, 2 at 1M, 1 above)")
    ap.add_argument("--ref-repeats", type=int, default=3,
                    help="100k reference windows timed before and after each size, in the same process")
    ap.add_argument("--stat", choices=("median", "min"), default="median",
                    help="the figure of a size the ratios compare: the median of its windows (default) or their min")
    args = ap.parse_args(argv)
    files = _files()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        mix = build_mix(files)
        f.write(mix)
    print(f"mix: {len(files)} documents, {len(mix):,} characters in {mix.count(chr(10)):,} shuffled paragraphs")
    print(f"{'characters':>12} {'runs':>4} {'CPU µs min':>10} {'median':>7} {'wall µs':>7} {'peak MB':>8} {'B/char':>7} "
          f"{'facts':>8} {'per 1k':>6} {'vs 100k':>8} {'paired':>7}")
    ref = None
    try:
        for size in sizes:
            r = run(size, f.name, repeats=args.repeats or default_repeats(size), ref_repeats=args.ref_repeats,
                    chunked_above=args.chunked_above)
            cpus = [1e6 * x["cpu"] / size for x in r["runs"]]
            walls = [1e6 * x["wall"] / size for x in r["runs"]]
            stat = statistics.median if args.stat == "median" else min
            cpu = stat(cpus)
            ref_cpu = stat([1e6 * x["cpu"] / r["ref_chars"] for x in r["refs"]])
            if size == REF_SIZE or ref is None and size > REF_SIZE:
                ref = cpu
            density = statistics.median(1000 * x["facts"] / size for x in r["runs"])
            extra = max(x["extra_kb"] for x in r["runs"]) * 1024 / size
            peak = max(x["peak_kb"] for x in r["runs"]) / 1024
            ratio = f"{cpu / ref:8.2f}" if ref else f"{'':>8}"
            print(f"{size:>12,} {len(cpus):>4} {min(cpus):10.2f} {statistics.median(cpus):7.2f} {statistics.median(walls):7.2f} "
                  f"{peak:8.0f} {extra:7.0f} {r['runs'][0]['facts']:>8,} {density:6.1f} {ratio} {cpu / ref_cpu:7.2f}", flush=True)
    finally:
        Path(f.name).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
