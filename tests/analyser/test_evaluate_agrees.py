"""``analyser.evaluate`` (behind ``python -m analyser eval``) agrees with the shared scorer.

Both score the same analysis of each annotated document (the seed, the shared dev golds and the
project's own windowed golds): counts, F1 and attribute accuracies must be the same. The two
differ only in names (``exact``/``overlap`` here, ``strict``/``lenient`` there) and in the
precision they print when nothing is predicted (undefined here, 0 there), so precision and recall
are compared through the counts they are computed from.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SHARED, analysed, shared_or_skip, shared_scorer

from analyser.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[2]


def _golds() -> list[Path]:
    own = sorted((ROOT / "tests" / "gold" / "holdout_dev").glob("*.gold.json"))
    shared = [SHARED / "gold" / "seed.gold.json", *sorted((SHARED / "gold" / "dev").glob("*.gold.json"))]
    return [p for p in shared if p.is_file()] + own


def _document(gold: dict) -> Path:
    rel = gold["document"]["path"]
    return shared_or_skip(*rel.split("shared/", 1)[1].split("/"))


def _counts(ours: dict, theirs: dict) -> tuple:
    return (ours["gold"], ours["pred"], ours["tp"], ours["f1"]), (theirs["gold"], theirs["pred"], theirs["tp"], theirs["f1"])


def _pairs(ours: dict, theirs: dict) -> list[tuple[str, object, object]]:
    """(metric, ours, theirs) for every figure both scorers report."""
    out = [("offsets", ours["offsets"], theirs["offsets"])]
    out.append(("outline sections", ours["outline"]["sections"]["found"], theirs["outline_sections"]["found"]))
    for key, kind in (("points", "outline_points"), ("items", "outline_items")):
        if key in ours["outline"] or kind in theirs:
            o, t = ours["outline"][key], theirs[kind]
            out.append((f"outline {key}", *_counts(o, t)))
            out.append((f"outline {key} heading", o["heading_accuracy"], t["heading_acc"]))
    for name, (ours_key, their_key) in {"title": ("title", "title"), "published": ("published", "published"),
                                        "issuer": ("issuer", "issuer")}.items():
        if ours_key in ours["meta"] or their_key in theirs["meta"]:
            out.append((f"meta {name}", ours["meta"].get(ours_key), theirs["meta"].get(their_key)))
    if "body_within_20" in ours["meta"]:
        body = theirs["meta"]["body_start_within_20"] and theirs["meta"]["body_end_within_20"]
        out.append(("meta body", ours["meta"]["body_within_20"], body))
    for kind in ("quantities", "slogans"):
        o, t = ours[kind], theirs[kind]
        out.append((f"{kind} strict", *_counts(o["exact"], t["strict"])))
        out.append((f"{kind} lenient", *_counts(o["overlap"], t["lenient"])))
    for name in ("value", "unit", "qualifier", "indicator", "modality"):
        out.append((f"quantities {name}", ours["quantities"][name], theirs["quantities"][name]["acc"]))
    out.append(("dates lenient", *_counts(ours["dates"]["overlap"], theirs["dates"])))
    out.append(("dates value", ours["dates"]["value"], theirs["dates"]["value"]["acc"]))
    out.append(("citations strict", *_counts(ours["citations"]["exact"], theirs["citations"])))
    for label in ("PERSON", "ORG", "PLACE"):
        out.append((f"entities {label}", *_counts(ours[f"entities.{label}"]["exact"], theirs["entities"][label])))
    return out


@pytest.mark.parametrize("gold_path", _golds() or [None], ids=lambda p: p.name.split(".")[0] if p else "none")
def test_evaluate_agrees_with_the_shared_scorer(gold_path):
    if gold_path is None or not (SHARED / "tools" / "score.py").is_file():
        pytest.skip("../shared not present (the seed, dev golds and tools/score.py live there)")
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    pred = analysed(_document(gold))
    text = pred["document"]["text"]
    ours = evaluate(gold, pred, text)
    theirs = shared_scorer().score(json.loads(json.dumps(gold)), pred, text)
    differences = [(name, a, b) for name, a, b in _pairs(ours, theirs) if a != b]
    assert not differences, "\n".join(f"{name}: evaluate {a} / score.py {b}" for name, a, b in differences)
