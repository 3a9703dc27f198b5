"""Speed of ``analyse`` on adversarial inputs against normal policy text, per character.

Each input repeats one unit (a run of quantities, a 、-list, unclosed quotation marks and
brackets, 一是… points, digits with spaces, one line of a megabyte …) up to each size, and the
table prints characters per second and the ratio to normal text (the dev corpus when present,
else ``corpus/samples``), timed right before each input in the same process so that both see the
same load. The goal is no ratio below 0.33: a stage that is slower than linear on some shape shows
up as a ratio falling with the size.

Run: ``.venv/bin/python benchmarks/adversarial.py [--sizes 10000,100000,1000000] [--only NAME]``.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT.parent / "shared")

#: name -> the unit repeated up to the size
UNITS = {
    "run of quantities": "3.5万亿元",
    "、-list of per cents": "5%以上、",
    "分别 with values": "分别增长5%、6%",
    "numbers and dates": "2020年增长5%，2021年达到800亿元；",
    "unclosed “": "“推进",
    "unclosed （": "（一",
    "unclosed 《": "《关于",
    "quotes, closed": "“两不愁三保障”、",
    "一是 repeated": "一是加强领导；",
    "、-list of terms": "搬得出、稳得住、",
    "digits and spaces": "1 23 456 7890 ",
    "numbered outline": "一、总体要求\n（一）指导思想\n1.坚持\n",
    "one line, Latin": "abc def ghi ",
    "one line, Han": "国务院关于推进工作的通知要求各地落实",
    "places and bodies": "贵州省人民政府、黔西南州、望谟县",
}


def _normal_texts() -> list[str]:
    from analyser.reading import read_path

    dev = SHARED / "corpus-real" / "dev"
    files = sorted(p for p in dev.glob("dev*") if p.is_file()) or sorted((ROOT / "corpus" / "samples").glob("*"))
    return [read_path(p).text for p in files]


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="characters per input, comma-separated")
    ap.add_argument("--only", action="append", help="run only the inputs whose name contains this")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    from analyser import analyse

    texts = _normal_texts()
    for t in texts[:2]:
        analyse(t)  # load the pipeline and the formulation model
    chars = sum(len(t) for t in texts)

    def normal_speed() -> float:
        return chars / min(_timed(lambda: [analyse(t) for t in texts]) for _ in range(2))

    print(f"normal text: {len(texts)} documents, {chars:,} characters, {normal_speed():,.0f} chars/s")
    print(f"{'input':<22}" + "".join(f"{n:>18,}" for n in sizes))
    worst = float("inf")
    for name, unit in UNITS.items():
        if args.only and not any(o in name for o in args.only):
            continue
        cells = []
        for n in sizes:
            text = (unit * (n // len(unit) + 1))[:n]
            normal = normal_speed()
            speed = n / _timed(lambda: analyse(text))
            worst = min(worst, speed / normal)
            cells.append(f"{speed:>10,.0f} ({speed / normal:4.2f})")
        print(f"{name:<22}" + "".join(f"{c:>18}" for c in cells), flush=True)
    print(f"chars/s (ratio to normal text); slowest ratio {worst:.2f} (goal >= 0.33)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
