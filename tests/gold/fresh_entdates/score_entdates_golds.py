"""Score the analyser on this folder's golds: persons, organisations, places (strict spans), dates
(overlapping spans, and their values) and cited documents (strict), pooled over the Simplified
windows and, apart, over the Traditional copies.

``PYTHONPATH=. python tests/gold/fresh_entdates/score_entdates_golds.py [--errors]`` (needs
``../shared``). Web pages are analysed as ``analyse --text`` does; a copy named under ``tests/`` is
read from the project. ``--errors`` lists, per window, the required names missed and the names
predicted that no gold name or optional span accounts for.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[2]
KINDS = ("PERSON", "ORG", "PLACE", "dates", "citations")
GOLD_KEYS = {"PERSON": "persons", "ORG": "organizations", "PLACE": "places"}


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


def analyse_gold_document(gold: dict, shared: Path) -> dict:
    """The analysis (with its text) of the document a gold annotates."""
    from analyser import analyse, analyse_file

    path = gold["document"]["path"]
    if path.startswith("tests/"):
        return analyse((PROJECT / path).read_text(encoding="utf-8")).to_dict(text=True)
    return analyse_file(shared / path.split("shared/", 1)[1]).to_dict(text=True)


def add_counts(sums: dict[str, list[int]], kind: str, c: dict) -> None:
    """Add one window's counts of ``kind`` to ``sums[kind]``: tp, gold, predicted, and for dates
    the correct values and the values compared."""
    s = sums.setdefault(kind, [0, 0, 0, 0, 0])
    s[0] += c["tp"]
    s[1] += c["gold"]
    s[2] += c["pred"]
    if kind == "dates":
        s[3] += c["value"]["correct"]
        s[4] += c["value"]["n"]


def score_one(gold_path: Path, shared: Path, scorer=None) -> tuple[dict, dict, dict]:
    """``(counts per kind, gold, prediction)`` for one gold file."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pred = analyse_gold_document(gold, shared)
    res = (scorer or _scorer(shared)).score(gold, pred, pred["document"]["text"])
    counts = {label: res["entities"][label] for label in GOLD_KEYS}
    counts["dates"] = res["dates"]
    counts["citations"] = res["citations"]
    counts["offsets wrong"] = res["offsets"]["wrong"]
    return counts, gold, pred


def errors(gold: dict, pred: dict) -> list[str]:
    """Required names missed and unexplained predictions inside the window (gold resolved in place)."""
    sc = gold["scope"]
    lo, hi = sc["first_sentence"]["start"], sc["last_sentence"]["end"]
    text = pred["document"]["text"]
    rows = []
    groups = [(label, gold[key], [p for p in pred["entities"] if p["label"] == label]) for label, key in GOLD_KEYS.items()]
    groups += [("DATE", gold["dates"], pred["dates"]), ("CITE", gold["cited_documents"], pred["citations"])]
    for label, gs, ps in groups:
        ps = [p for p in ps if lo <= p["start"] and p["end"] <= hi]
        pset = {(p["start"], p["end"]) for p in ps}
        for g in gs:
            if not g.get("optional") and (g["start"], g["end"]) not in pset:
                rows.append(f"  {label} missed   {g['surface']}  …{text[max(0, g['start'] - 8):g['start']]}[]{text[g['end']:g['end'] + 8]}…")
        spans = {(g["start"], g["end"]) for g in gs}
        spans |= {(g["outer"]["start"], g["outer"]["end"]) for g in gs if isinstance(g.get("outer"), dict)}
        opt = [(g["start"], g["end"]) for g in gs if g.get("optional")]
        for p in ps:
            s, e = p["start"], p["end"]
            if (s, e) not in spans and not any(a <= s and e <= b for a, b in opt):
                rows.append(f"  {label} spurious {p['text']}  …{text[max(0, s - 8):s]}[]{text[e:e + 8]}…")
        if label == "DATE":
            for g in gs:
                for p in ps:
                    if (p["start"], p["end"]) == (g["start"], g["end"]) and not g.get("optional") and g.get("iso") \
                            and p.get("value") != g["iso"] and p.get("value") not in (g.get("iso_alternatives") or []):
                        rows.append(f"  DATE value    {g['surface']}: {p.get('value')} for {g['iso']}")
    return [r.replace("\n", " ") for r in rows]


def _prf(tp: int, g: int, p: int) -> str:
    pr = tp / p if p else 0.0
    rc = tp / g if g else 0.0
    f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return f"P {pr:.3f} R {rc:.3f} F1 {f:.3f}  (tp {tp}, gold {g}, pred {p})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args(argv)
    shared = _shared()
    scorer = _scorer(shared)
    sums: dict[bool, dict[str, list[int]]] = {False: {}, True: {}}
    for path in sorted(HERE.glob("*.gold.json")):
        counts, gold, pred = score_one(path, shared, scorer)
        trad = "convert" in gold["document"]
        cells = []
        for kind in KINDS:
            c = counts[kind]
            add_counts(sums[trad], kind, c)
            cells.append(f"{kind} {c['tp']}/{c['gold']}/{c['pred']}")
        print(f"{path.name[:-10]:36s}", "  ".join(cells), f" offsets wrong {counts['offsets wrong']}")
        if a.errors:
            print("\n".join(errors(gold, pred)))
    for trad, title in ((False, "Simplified windows"), (True, "Traditional copies")):
        print(title)
        for kind, (tp, g, p, ok, n) in sums[trad].items():
            extra = f"  values {ok}/{n}" if kind == "dates" else ""
            print(f"  {kind:9s} {_prf(tp, g, p)}{extra}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(PROJECT))
    raise SystemExit(main())
