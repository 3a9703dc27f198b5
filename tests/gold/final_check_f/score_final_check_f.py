"""Score the analyser on this folder's windows and pool the figures per kind.

Each document is analysed by a checkout of the project (``--checkout``, default: this one) exactly
as a user runs it, ``python -m analyser analyse --text FILE``, and scored with
``shared/tools/score.py GOLD OUT --text FILE --json``; the counts ``tp``, ``gold`` and ``pred`` are
summed over the windows (two windows of one document count as two; formulations: lenient,
overlapping spans; entities and citations: strict). The s2tw copy is pooled on its own.

    python3 tests/gold/final_check_f/score_final_check_f.py [--checkout DIR] [--python PY] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[2]
sys.path.insert(0, str(HERE.parent / "fresh"))
sys.path.insert(0, str(HERE.parent / "final_check_b"))
from make_golds import _root
from score_final_check_b import counts, prf

KINDS = ("PERSON", "ORG", "PLACE", "formulations", "citations")


def document(gold: dict) -> Path:
    path = gold["document"]["path"]
    return PROJECT / path if path.startswith("tests/") else _root() / path


def run(checkout: Path, python: str) -> dict:
    """``{window: {"counts", "offsets", "secondary", "by_kind"}}`` for every gold of this folder."""
    score = _root() / "shared" / "tools" / "score.py"
    per_doc: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for gold_path in sorted(HERE.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            doc = document(gold)
            out = Path(tmp) / (gold_path.stem + ".json")
            with out.open("w", encoding="utf-8") as fh:
                subprocess.run([python, "-m", "analyser", "analyse", "--text", str(doc)], cwd=checkout,
                               env={**os.environ, "PYTHONPATH": str(checkout)}, stdout=fh, check=True)
            res = json.loads(subprocess.run(
                [sys.executable, str(score), str(gold_path), str(out), "--text", str(doc), "--json"],
                capture_output=True, text=True, check=True).stdout)
            secondary = [g for g in gold["slogans"] if g.get("tier") == "secondary" and not g.get("optional")]
            per_doc[gold_path.name[: -len(".gold.json")]] = {
                "counts": counts(res), "offsets": res.get("offsets"),
                "secondary": (res["slogans"]["secondary_recall"], len(secondary)),
                "by_kind": res["slogans"]["by_kind_recall"]}
    return per_doc


def pooled(per_doc: dict, *, traditional: bool) -> dict[str, tuple[int, int, int]]:
    sums: dict[str, list[int]] = {}
    for name, d in per_doc.items():
        if name.endswith(".s2tw") != traditional:
            continue
        for kind, c in d["counts"].items():
            s = sums.setdefault(kind, [0, 0, 0])
            s[0] += c["tp"]
            s[1] += c["gold"]
            s[2] += c["pred"]
    return {k: tuple(v) for k, v in sums.items()}


def secondary_found(per_doc: dict, *, traditional: bool) -> tuple[int, int]:
    """Secondary-tier formulations found (lenient) and annotated, summed over the windows."""
    found = total = 0
    for name, d in per_doc.items():
        if name.endswith(".s2tw") != traditional:
            continue
        r, n = d["secondary"]
        total += n
        found += round((r or 0) * n)
    return found, total


def _f(x: float | None) -> str:
    return "  - " if x is None else f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--checkout", default=str(PROJECT), help="the project checkout whose analyser runs")
    ap.add_argument("--python", default=None, help="its interpreter (default: CHECKOUT/.venv/bin/python, else this one)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    checkout = Path(a.checkout).resolve()
    python = a.python or (str(checkout / ".venv/bin/python") if (checkout / ".venv/bin/python").exists() else sys.executable)
    per_doc = run(checkout, python)
    if a.json:
        print(json.dumps(per_doc, ensure_ascii=False, indent=1))
        return 0
    for title, trad in (("pooled (Simplified windows)", False), ("s2tw copy", True)):
        sums = pooled(per_doc, traditional=trad)
        print(title)
        for kind in (*KINDS, "formulations strict"):
            tp, g, pr = sums.get(kind, (0, 0, 0))
            p, r, f = prf(tp, g, pr)
            print(f"  {kind:20s} P {_f(p)} R {_f(r)} F1 {_f(f)}   tp {tp} gold {g} pred {pr}")
        print("  secondary found %d of %d" % secondary_found(per_doc, traditional=trad))
    print("per window: F1 (tp/gold/pred)")
    print("  " + " | ".join(["window", *KINDS, "offsets wrong"]))
    for name, d in per_doc.items():
        cells = []
        for kind in KINDS:
            c = d["counts"][kind]
            _, _, f = prf(c["tp"], c["gold"], c["pred"])
            cells.append("n/a" if f is None else f"{f:.2f} ({c['tp']}/{c['gold']}/{c['pred']})")
        print("  " + " | ".join([name, *cells, str((d["offsets"] or {}).get("wrong"))]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
