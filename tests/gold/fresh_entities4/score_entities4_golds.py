"""Score the analyser on this folder's golds: persons, organisations and places (strict spans),
pooled over the Simplified windows and, apart, over the Traditional copies.

``PYTHONPATH=. python tests/gold/fresh_entities4/score_entities4_golds.py [--errors]`` (needs
``../shared``). The scoring is that of ``../fresh_entdates/score_entdates_golds.py``, pointed at
this folder and limited to the entity kinds.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[2]
KINDS = ("PERSON", "ORG", "PLACE")


def _entdates():
    spec = importlib.util.spec_from_file_location("entdates_scorer", HERE.parent / "fresh_entdates" / "score_entdates_golds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args(argv)
    ed = _entdates()
    shared = ed._shared()
    scorer = ed._scorer(shared)
    sums: dict[bool, dict[str, list[int]]] = {False: {}, True: {}}
    for path in sorted(HERE.glob("*.gold.json")):
        counts, gold, pred = ed.score_one(path, shared, scorer)
        trad = "convert" in gold["document"]
        cells = []
        for kind in KINDS:
            c = counts[kind]
            ed.add_counts(sums[trad], kind, c)
            cells.append(f"{kind} {c['tp']}/{c['gold']}/{c['pred']}")
        print(f"{path.name[:-10]:36s}", "  ".join(cells), f" offsets wrong {counts['offsets wrong']}")
        if a.errors:
            rows = [r for r in ed.errors(gold, pred) if r.split()[0] in KINDS]
            print("\n".join(rows))
    for trad, title in ((False, "Simplified windows"), (True, "Traditional copies")):
        print(title)
        for kind, (tp, g, p, _ok, _n) in sums[trad].items():
            print(f"  {kind:9s} {ed._prf(tp, g, p)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(PROJECT))
    raise SystemExit(main())
