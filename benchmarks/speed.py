"""Throughput of ``analyse`` against plain ``jieba.lcut`` on the same Simplified text, in one run.

Prints, for the foundation stages alone (reading, Simplified view, tokens, page structure) and for
the whole pipeline (every extractor), characters per second and the ratio to ``jieba.lcut`` timed
on the Simplified views of the same texts in the same process:

* *unseen text* (cold caches): a pass over the corpus with a freshly built pipeline (a new spaCy
  vocabulary) and the tokenizer's computed tags of unknown words forgotten;
* *warm*: a pass over the corpus just analysed.

Each of the N rounds times ``jieba.lcut``, an unseen and a warm pass in a row; the best of each is
kept, so the ratios compare figures taken under the same load. Times are CPU times of the process
(of the child processes for the cold start), so that other work on a shared machine counts less
than it would in wall-clock times.

Then the peak resident memory of a process that only analyses the corpus (no second jieba
dictionary loaded beside the analyser's), and the cold start: a fresh interpreter importing the
package and analysing the first document (formulation model included) against a fresh interpreter
doing a bare ``jieba.lcut`` and ``spacy.blank("zh")``, the best of three alternating runs each.

Run: ``.venv/bin/python benchmarks/speed.py [FILES...]`` (default: the dev corpus when present,
else ``corpus/samples``).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT.parent / "shared")
DEV = SHARED / "corpus-real" / "dev"
SEED = SHARED / "seed" / "000_29490935b5bb2ea4.txt"

_BARE = "import jieba, spacy; jieba.setLogLevel(60); jieba.lcut('国务院印发通知'); spacy.blank('zh')"
_FULL = (
    "import sys; sys.path.insert(0, sys.argv[2]); from analyser import analyse_file; analyse_file(sys.argv[1])"
)
_MEMORY = r"""
import json, resource, sys
sys.path.insert(0, sys.argv[2])
from analyser import analyse_file
for p in json.loads(sys.argv[1]):
    analyse_file(p)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _texts(paths: list[Path]) -> list[str]:
    from analyser.reading import read_path

    return [read_path(p).text for p in paths]


def _best_of(n: int, fn) -> float:
    best = float("inf")
    for _ in range(n):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _forget() -> None:
    """A new pipeline (new spaCy vocabulary) and the tokenizer's tags of unknown words forgotten."""
    from analyser.nlp.pipeline import get_nlp
    from analyser.text.segment import get_tokenizer

    get_tokenizer().forget_unknown_words()
    get_nlp.cache_clear()
    get_nlp()


def _cpu(args: list[str]) -> float:
    """CPU time (user and system) of running ``args`` in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, capture_output=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def cold_start(first: Path) -> tuple[float, float]:
    """Best of three alternating fresh-process runs: bare jieba + spaCy, and the analyser."""
    bare, full = [], []
    for _ in range(3):
        bare.append(_cpu([sys.executable, "-c", _BARE]))
        full.append(_cpu([sys.executable, "-c", _FULL, str(first), str(ROOT)]))
    return min(bare), min(full)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="best of N warm runs (default 3)")
    args = ap.parse_args(argv)
    files = args.files or sorted(p for p in DEV.glob("dev*") if p.is_file()) or sorted((ROOT / "corpus" / "samples").glob("*"))
    sys.path.insert(0, str(ROOT))
    bare_s, full_s = cold_start(files[0])
    out = subprocess.run([sys.executable, "-c", _MEMORY, json.dumps([str(p) for p in files]), str(ROOT)],
                         capture_output=True, text=True, check=True)
    peak_mb = int(out.stdout.strip().splitlines()[-1]) / 1024

    import jieba

    from analyser import analyse
    from analyser.nlp.pipeline import build_nlp
    from analyser.text.normalize import simplified_view

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = _texts(files)
    views = [simplified_view(t) for t in texts]
    chars = sum(len(t) for t in texts)
    foundation = build_nlp(components=("policy_page",))
    warm_up = SEED.read_text(encoding="utf-8") if SEED.exists() else "国务院印发《关于推进工作的通知》，投资800亿元，“两不愁三保障”。"
    analyse(warm_up)  # the full pipeline and the formulation model, loaded on another document
    foundation(warm_up)
    t_jieba = t_cold = t_found = t_full = float("inf")
    for _ in range(args.repeat):
        t_jieba = min(t_jieba, _best_of(1, lambda: [jieba.lcut(v) for v in views]))
        _forget()
        t_cold = min(t_cold, _best_of(1, lambda: [analyse(t) for t in texts]))
        t_full = min(t_full, _best_of(1, lambda: [analyse(t) for t in texts]))
        t_found = min(t_found, _best_of(1, lambda: [foundation(t) for t in texts]))
    print(f"documents {len(texts)}, characters {chars:,}")
    print(f"jieba.lcut                    {chars / t_jieba:>10,.0f} chars/s  (ratio 1.00)")
    print(f"analyse, foundation           {chars / t_found:>10,.0f} chars/s  (ratio {t_jieba / t_found:.2f})")
    print(f"analyse, all facts, unseen    {chars / t_cold:>10,.0f} chars/s  (ratio {t_jieba / t_cold:.2f})")
    print(f"analyse, all facts, warm      {chars / t_full:>10,.0f} chars/s  (ratio {t_jieba / t_full:.2f})")
    print(f"cold start, first document    {full_s:.2f} s against {bare_s:.2f} s for bare jieba.lcut + spacy.blank"
          f" (ratio {full_s / bare_s:.2f})")
    print(f"peak memory, analysis alone   {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
