"""Score the analyser on the entity golds of a folder: micro-averaged P/R/F1 per entity class, and
per document.

``PYTHONPATH=. python tests/gold/fresh_entities2/score_golds.py [FOLDER] [--script s2hk|s2tw] [--errors]``
(FOLDER defaults to this one; ``--script`` converts the plain-text windows with OpenCC first, keeping
every offset; ``--errors`` lists the missed and spurious names inside the windows). Needs ``../shared``.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def _shared() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "tools").is_dir():
            return base / "shared"
    raise SystemExit("score_golds.py: no shared/ folder beside the project")


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", _shared() / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _f1(tp: int, g: int, p: int) -> tuple[float, float, float]:
    pr = tp / p if p else 0.0
    rc = tp / g if g else 0.0
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)


def _errors(gold: dict, pred: dict, keys: dict[str, str]) -> None:
    """Print the required gold names no prediction has exactly, and the predictions inside the
    window that match no gold name and lie inside no optional one (the gold is resolved in place)."""
    sc = gold.get("scope") or {}
    lo = sc.get("start", (sc.get("first_sentence") or {}).get("start", 0))
    hi = sc.get("end", (sc.get("last_sentence") or {}).get("end", 10**12))
    text = pred["document"]["text"]
    for label, key in keys.items():
        gs = gold[key]
        ps = [p for p in pred["entities"] if p["label"] == label and lo <= p["start"] and p["end"] <= hi]
        pset = {(p["start"], p["end"]) for p in ps}
        for g in gs:
            if not g.get("optional") and (g["start"], g["end"]) not in pset:
                print(f"    {label} missed   {g['surface']}  …{text[max(0, g['start'] - 8):g['start']]}[]{text[g['end']:g['end'] + 8]}…".replace("\n", " "))
        gset = {(g["start"], g["end"]) for g in gs}
        opt = [(g["start"], g["end"]) for g in gs if g.get("optional")]
        for p in ps:
            s, e = p["start"], p["end"]
            if (s, e) not in gset and not any(a <= s and e <= b for a, b in opt):
                print(f"    {label} spurious {p['text']}  …{text[max(0, s - 8):s]}[]{text[e:e + 8]}…".replace("\n", " "))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(HERE))
    ap.add_argument("--script", choices=["s2hk", "s2tw"])
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()
    from analyser import analyse, analyse_file

    score = _scorer()
    sums: dict[str, list[int]] = {}
    keys = {"PERSON": "persons", "ORG": "organizations", "PLACE": "places"}
    for path in sorted(Path(a.folder).glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = _shared() / gold["document"]["path"].split("shared/", 1)[1]
        if a.script:
            if gold["document"]["format"] != "text":
                continue
            import opencc

            cc = opencc.OpenCC(a.script)
            text = cc.convert(doc.read_text(encoding="utf-8"))
            for k in keys.values():
                for g in gold[k]:
                    g["surface"] = cc.convert(g["surface"])
            pred = analyse(text).to_dict(text=True)
        else:
            pred = analyse_file(doc).to_dict(text=True)
        res = score.score(gold, pred, pred["document"]["text"])
        row = []
        for label in keys:
            r = res["entities"].get(label, {"tp": 0, "gold": 0, "pred": 0})
            t = sums.setdefault(label, [0, 0, 0])
            for i, k in enumerate(("tp", "gold", "pred")):
                t[i] += r[k]
            row.append(f"{label} {r['tp']}/{r['gold']}/{r['pred']}")
        print(f"{path.stem:40s}", "  ".join(row))
        if a.errors:
            _errors(gold, pred, keys)
    for label, (tp, g, p) in sums.items():
        pr, rc, f = _f1(tp, g, p)
        print(f"{label:7s} P {pr:.3f} R {rc:.3f} F1 {f:.3f}  (tp {tp}, gold {g}, pred {p})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
