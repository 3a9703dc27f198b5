"""Dates on the fourth set of fresh date windows (``tests/gold/fresh_dates4``): fourteen windows in three
rounds, annotated before the analyser was run on them — work reports of 1993 and 1999, the 1992 and 2012
congress reports, a district report of 2018, a gov.cn notice and a regulation of 2018; two of them
converted to Traditional script (OpenCC ``s2hk``, ``s2tw``). Their first figures are in the folder's
README; since the fixes that followed they are development data, and these floors sit just below
the figures after the fixes.

Skipped without the shared data folder or without ``opencc``.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from gold_scoring import scorer, shared_folder

ROOT = Path(__file__).resolve().parents[2]
FRESH = ROOT / "tests" / "gold" / "fresh_dates4"

#: pooled floors over the three rounds (figures after the fixes in the README: F1 1.000, values 102/102)
F1_FLOOR = 0.97
VALUE_FLOOR = 0.95


def _score_all():
    spec = importlib.util.spec_from_file_location("fresh_dates4_score", FRESH / "score_dates4_golds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def totals() -> dict[str, int]:
    shared = shared_folder()
    pytest.importorskip("opencc")
    scoring = _score_all()
    sums = dict.fromkeys(("tp", "gold", "pred", "correct", "n"), 0)
    golds = sorted(FRESH.glob("*.gold.json"))
    assert len(golds) >= 14
    for path in golds:
        res = scoring.score(path, shared, scorer(shared))
        assert res["offsets"]["wrong"] == 0, path.name
        for key in ("tp", "gold", "pred"):
            sums[key] += res["dates"][key]
        sums["correct"] += res["dates"]["value"]["correct"]
        sums["n"] += res["dates"]["value"]["n"]
    return sums


@pytest.mark.slow
def test_fresh_date4_gold_f1(totals: dict[str, int]) -> None:
    p = totals["tp"] / totals["pred"] if totals["pred"] else 0.0
    r = totals["tp"] / totals["gold"] if totals["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    assert f1 >= F1_FLOOR, (round(p, 3), round(r, 3), round(f1, 3))


@pytest.mark.slow
def test_fresh_date4_gold_values(totals: dict[str, int]) -> None:
    assert totals["n"] and totals["correct"] / totals["n"] >= VALUE_FLOOR, (totals["correct"], totals["n"])


def test_fresh_date4_conversions_keep_offsets() -> None:
    """The converted windows keep the Simplified offsets: OpenCC s2hk / s2tw map one character to one."""
    shared = shared_folder()
    opencc = pytest.importorskip("opencc")
    import json

    scoring = _score_all()
    converted = [p for p in sorted(FRESH.glob("*.gold.json")) if "convert" in json.loads(p.read_text(encoding="utf-8"))["document"]]
    assert {json.loads(p.read_text(encoding="utf-8"))["document"]["convert"] for p in converted} == {"s2hk", "s2tw"}
    for path in converted:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = scoring.document(gold, shared).read_text(encoding="utf-8")
        out = opencc.OpenCC(gold["document"]["convert"]).convert(text)
        assert len(out) == len(text)
        assert all(out[d["start"]:d["end"]] == d["surface"] for d in gold["dates"])
