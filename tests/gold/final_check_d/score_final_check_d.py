"""Score the analyser on this folder's windows and pool the figures per kind.

Each document is analysed by a checkout of the project (``--checkout``, default: this one) exactly
as a user runs it, ``python -m analyser analyse --text FILE``, and scored with
``shared/tools/score.py GOLD OUT --text FILE --json``; the counts ``tp``, ``gold`` and ``pred`` are
summed over the windows (formulations: lenient, overlapping spans; entities and citations: strict).
The members of the formulations are scored here too (``score.py`` does not): of the core
formulations the analyser found (lenient match) whose gold lists members, the share whose predicted
``parts`` (``members`` for a numbered formula) are exactly the gold's, compared as Simplified text.
Two windows of one document count as two windows.

    python3 tests/gold/final_check_d/score_final_check_d.py [--checkout DIR] [--python PY] [--json]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[2]
sys.path.insert(0, str(HERE.parent / "fresh"))
from make_golds import _root

KINDS = ("PERSON", "ORG", "PLACE", "formulations", "citations")


def _base():
    """The scoring of ``../final_check_b``, which this script extends with the formulations' members."""
    spec = importlib.util.spec_from_file_location("final_check_b_score", HERE.parent / "final_check_b" / "score_final_check_b.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


base = _base()
document, counts, prf, _f = base.document, base.counts, base.prf, base._f


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", _root() / "shared" / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def members(gold: dict, pred: dict, text: str) -> dict:
    """Members of the matched core formulations: how many the gold lists, how many were matched,
    how many of those carry the same members in the analysis, and the wrong ones."""
    sc = _scorer()
    gold = json.loads(json.dumps(gold))
    if gold["document"]["format"] == "html":
        text = pred["document"]["text"]
        sc.resolve_occurrences(gold, text)
    lo, hi = sc.gold_scope(gold)
    gs = sc.flag_optional(gold["slogans"], (lo, hi), extra=lambda g: g.get("tier") == "secondary")
    ps = [p for p in pred.get("slogans") or [] if lo <= p["start"] and p["end"] <= hi]
    pairs = dict(sc.match(gs, ps, strict=False))
    out = {"with_members": 0, "matched": 0, "same": 0, "wrong": []}
    for gi, g in enumerate(gs):
        want = g.get("members") or g.get("parts")
        if g["_optional"] or not want:
            continue
        out["with_members"] += 1
        if gi not in pairs:
            continue
        out["matched"] += 1
        p = ps[pairs[gi]]
        got = p.get("members") if g.get("members") else p.get("parts")
        if sorted(sc.norm(m["surface"]) for m in want) == sorted(sc.norm(m.get("text")) for m in got or []):
            out["same"] += 1
        else:
            out["wrong"].append([g["surface"], [m.get("text") for m in got or []]])
    return out


def run(checkout: Path, python: str, keep: Path | None = None) -> dict:
    shared = _root() / "shared"
    per_doc: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        outdir = keep or Path(tmp)
        outdir.mkdir(parents=True, exist_ok=True)
        for gold_path in sorted(HERE.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            doc = document(gold)
            out = outdir / (gold_path.name[: -len(".gold.json")] + ".analysis.json")
            with out.open("w", encoding="utf-8") as fh:
                subprocess.run([python, "-m", "analyser", "analyse", "--text", str(doc)], cwd=checkout,
                               env={**os.environ, "PYTHONPATH": str(checkout)}, stdout=fh, check=True)
            res = json.loads(subprocess.run(
                [sys.executable, str(shared / "tools" / "score.py"), str(gold_path), str(out), "--text", str(doc), "--json"],
                capture_output=True, text=True, check=True).stdout)
            pred = json.loads(out.read_text(encoding="utf-8"))
            per_doc[gold_path.name[: -len(".gold.json")]] = {
                "counts": counts(res), "offsets": res.get("offsets"),
                "secondary_recall": res["slogans"]["secondary_recall"],
                "members": members(gold, pred, doc.read_text(encoding="utf-8")),
            }
    return per_doc


def pooled(per_doc: dict, *, traditional: bool | None = None) -> dict[str, tuple[int, int, int]]:
    """``final_check_b``'s pooled counts, with the members: right, matched, carrying members."""
    sums = base.pooled(per_doc, traditional=traditional)
    m = [0, 0, 0]
    for name, d in per_doc.items():
        if traditional is None or name.endswith(".s2hk") == traditional:
            x = d["members"]
            m = [m[0] + x["same"], m[1] + x["matched"], m[2] + x["with_members"]]
    return {**sums, "members": tuple(m)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--checkout", default=str(PROJECT), help="the project checkout whose analyser runs")
    ap.add_argument("--python", default=None, help="its interpreter (default: CHECKOUT/.venv/bin/python, else this one)")
    ap.add_argument("--keep", default=None, help="a folder to keep the analyses in")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    checkout = Path(a.checkout).resolve()
    python = a.python or (str(checkout / ".venv/bin/python") if (checkout / ".venv/bin/python").exists() else sys.executable)
    per_doc = run(checkout, python, Path(a.keep) if a.keep else None)
    if a.json:
        print(json.dumps(per_doc, ensure_ascii=False, indent=1))
        return 0
    for title, trad in (("pooled (Simplified windows)", False), ("s2hk copy", True)):
        sums = pooled(per_doc, traditional=trad)
        print(title)
        for kind in (*KINDS, "formulations strict"):
            tp, g, pr = sums.get(kind, (0, 0, 0))
            p, r, f = prf(tp, g, pr)
            print(f"  {kind:20s} P {_f(p)} R {_f(r)} F1 {_f(f)}   tp {tp} gold {g} pred {pr}")
        same, matched, listed = sums["members"]
        print(f"  members              {same} of {matched} matched core formulations with members right ({listed} in the gold)")
    print("per document: F1 (tp/gold/pred)")
    print("  " + " | ".join(["document", *KINDS, "members", "offsets wrong"]))
    for name, d in per_doc.items():
        cells = []
        for kind in KINDS:
            c = d["counts"][kind]
            _, _, f = prf(c["tp"], c["gold"], c["pred"])
            cells.append("n/a" if f is None else f"{f:.2f} ({c['tp']}/{c['gold']}/{c['pred']})")
        m = d["members"]
        cells.append(f"{m['same']}/{m['matched']}")
        print("  " + " | ".join([name, *cells, str((d["offsets"] or {}).get("wrong"))]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
