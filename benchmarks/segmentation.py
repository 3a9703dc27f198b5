"""Word-segmentation F1 on the SIGHAN 2005 test sets: plain jieba against the project's tokens.

Plain jieba segments each test line as it is (``jieba.lcut``); the project's tokenizer segments the
Simplified view of the line and gives the original surfaces back. Scored with the word-level
span scorer that ships beside the data (``../shared/tools/seg_score.py``).

Run: ``.venv/bin/python benchmarks/segmentation.py [--sets as cityu msr pku] [--backend auto|rjieba|jieba]``
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT.parent / "shared")
DATA = SHARED / "bench" / "sighan2005"
FILES = {
    "as": ("testing/as_test.utf8", "gold/as_testing_gold.utf8"),
    "cityu": ("testing/cityu_test.utf8", "gold/cityu_test_gold.utf8"),
    "msr": ("testing/msr_test.utf8", "gold/msr_test_gold.utf8"),
    "pku": ("testing/pku_test.utf8", "gold/pku_test_gold.utf8"),
}


def _scorer():
    spec = importlib.util.spec_from_file_location("seg_score", SHARED / "tools" / "seg_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=list(FILES), choices=list(FILES))
    ap.add_argument("--backend", default="auto", choices=("auto", "rjieba", "jieba"), help="the tokenizer's segmenter")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"no SIGHAN data at {DATA}: nothing to measure")
        return 0
    import jieba

    from analyser.text.normalize import simplified_view
    from analyser.text.segment import PolicyTokenizer

    jieba.setLogLevel(60)
    jieba.initialize()
    ours = PolicyTokenizer(backend=args.backend)
    seg = _scorer()
    print(f"{'set':<6} {'jieba F1':>9} {'ours F1':>8} {'jieba s':>8} {'ours s':>7}")
    for name in args.sets:
        test, gold = FILES[name]
        lines = seg.read_lines(str(DATA / test))
        gold_lines = seg.read_lines(str(DATA / gold))
        t0 = time.perf_counter()
        plain = [" ".join(w for w in jieba.lcut(line) if w.strip()) for line in lines]
        t_plain = time.perf_counter() - t0
        t0 = time.perf_counter()
        mine = []
        for line in lines:
            view = simplified_view(line)
            mine.append(" ".join(line[a:b] for w, a, b in ours.words(view) if not w.isspace()))
        t_ours = time.perf_counter() - t0
        f_plain = seg.score_lines(gold_lines, plain)["f1"]
        f_ours = seg.score_lines(gold_lines, mine)["f1"]
        print(f"{name:<6} {100 * f_plain:9.1f} {100 * f_ours:8.1f} {t_plain:8.1f} {t_ours:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
