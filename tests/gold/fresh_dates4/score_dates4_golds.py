"""Score the analyser's dates on every gold of this folder: one row per document and the pooled figure.

Run from the project: ``PYTHONPATH=. python tests/gold/fresh_dates4/score_dates3_golds.py`` (needs ``../shared``
and ``opencc``). Texts named under ``tests/`` are read from the project; a gold with
``document.convert`` is scored on its document converted to Traditional script with that OpenCC
configuration.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[2]


def _shared() -> Path:
    for base in (PROJECT.parent, PROJECT.parent.parent):
        if (base / "shared" / "tools" / "score.py").is_file():
            return base / "shared"
    raise FileNotFoundError("the shared data folder (shared/) is not beside the project")


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def document(gold: dict, shared: Path) -> Path:
    """The file a gold annotates."""
    path = gold["document"]["path"]
    return PROJECT / path if path.startswith("tests/") else shared / path.split("shared/", 1)[1]


def score(gold_path: Path, shared: Path, scorer=None) -> dict:
    """The scorer's result for one gold."""
    from analyser import analyse, analyse_file

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = document(gold, shared)
    convert = gold["document"].get("convert")
    if convert:
        import opencc

        pred = analyse(opencc.OpenCC(convert).convert(doc.read_text(encoding="utf-8"))).to_dict(text=True)
    else:
        pred = analyse_file(doc).to_dict(text=True)
    return (scorer or _scorer(shared)).score(gold, pred, pred["document"]["text"])


def main() -> int:
    shared = _shared()
    scorer = _scorer(shared)
    sums = dict.fromkeys(("tp", "gold", "pred", "correct", "n", "wrong"), 0)
    print(f"{'document':40} {'P':>5} {'R':>5} {'F1':>5}  value")
    for path in sorted(HERE.glob("*.gold.json")):
        res = score(path, shared, scorer)
        d = res["dates"]
        for key in ("tp", "gold", "pred"):
            sums[key] += d[key]
        sums["correct"] += d["value"]["correct"]
        sums["n"] += d["value"]["n"]
        sums["wrong"] += res["offsets"]["wrong"]
        print(f"{path.name[:-10]:40} {d['p']:5.2f} {d['r']:5.2f} {d['f1']:5.2f}  {d['value']['correct']}/{d['value']['n']}")
    p = sums["tp"] / sums["pred"] if sums["pred"] else 0.0
    r = sums["tp"] / sums["gold"] if sums["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{'pooled':40} {p:5.3f} {r:5.3f} {f1:5.3f}  {sums['correct']}/{sums['n']} = "
          f"{sums['correct'] / max(sums['n'], 1):.3f}  (tp {sums['tp']}, gold {sums['gold']}, "
          f"predicted {sums['pred']}; offsets wrong {sums['wrong']})")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(PROJECT))
    raise SystemExit(main())
