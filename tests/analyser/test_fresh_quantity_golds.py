"""Quantities, dates and cited documents on the fresh windows (``tests/gold/fresh_quantities``):
six archive documents annotated before the analyser was run on them. Their first figures are
recorded in the folder's README; since the fixes that followed, they are development data, and
these floors sit just below the figures after those fixes so that a change making them worse fails.

Skipped without the shared data folder (looked for beside the project, or beside the folder
holding it when the project is one of several working copies).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from gold_scoring import score_gold, shared_folder

ROOT = Path(__file__).resolve().parents[2]
FRESH = ROOT / "tests" / "gold" / "fresh_quantities"

#: pooled F1 floors (figures after the fixes in the README)
F1_FLOORS = {"quantities": 0.97, "dates": 0.97, "citations": 0.99}
#: pooled field accuracies over the matched gold items
FIELD_FLOORS = {"value": 0.98, "unit": 0.95, "qualifier": 0.97, "indicator": 0.74, "modality": 0.95, "date_value": 0.97}


#: the later sets, quantities only: floors just below the figures after the fixes in each README
#: (pooled F1 of the quantities, then pooled field accuracies over the matched gold items)
LATER_SETS = {
    # six windows
    "fresh_quantities2": (0.97, {"value": 0.99, "unit": 0.98, "qualifier": 0.99, "indicator": 0.55, "modality": 0.74}),
    # six windows, annotated to measure the indicator
    "fresh_quantities3": (0.97, {"value": 0.98, "unit": 0.99, "qualifier": 0.98, "indicator": 0.87, "modality": 0.87}),
    # regulations, opinions, a 1985 report, a 2026 provincial report and Traditional text, nine windows
    "fresh_quantities4": (0.98, {"value": 0.99, "unit": 0.98, "qualifier": 0.99, "indicator": 0.62, "modality": 0.8}),
    # three windows of a 2026 provincial report and a plate regulation
    "fresh_quantities5": (0.98, {"value": 0.98, "unit": 0.97, "qualifier": 0.99, "indicator": 0.82, "modality": 0.94}),
    # two windows each of the 2008 State Council and the 2026 Jiangsu work reports
    "fresh_quantities6": (0.98, {"value": 0.97, "unit": 0.95, "qualifier": 0.99, "indicator": 0.88, "modality": 0.98}),
}


@pytest.fixture(scope="module")
def totals() -> dict[str, list[int]]:
    return _totals(FRESH)


def _totals(folder: Path, min_golds: int = 6) -> dict[str, list[int]]:
    shared = shared_folder()
    sums: dict[str, list[int]] = {}

    def add(key: str, *counts: int) -> None:
        t = sums.setdefault(key, [0] * len(counts))
        for i, c in enumerate(counts):
            t[i] += c

    golds = sorted(folder.glob("*.gold.json"))
    assert len(golds) >= min_golds
    for path in golds:
        _, res = score_gold(path, shared)
        assert res["offsets"]["wrong"] == 0, path.name
        for key, r in (("quantities", res["quantities"]["lenient"]), ("dates", res["dates"]), ("citations", res["citations"])):
            add(key, r["tp"], r["gold"], r["pred"])
        for key in ("value", "unit", "qualifier", "indicator", "modality"):
            add(key, res["quantities"][key]["correct"], res["quantities"][key]["n"])
        add("date_value", res["dates"]["value"]["correct"], res["dates"]["value"]["n"])
    return sums


@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(F1_FLOORS))
def test_fresh_quantity_gold_f1(totals: dict[str, list[int]], key: str) -> None:
    tp, n_gold, n_pred = totals[key]
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    assert f1 >= F1_FLOORS[key], (key, round(p, 3), round(r, 3), round(f1, 3))


@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(FIELD_FLOORS))
def test_fresh_quantity_gold_fields(totals: dict[str, list[int]], key: str) -> None:
    correct, n = totals[key]
    assert n and correct / n >= FIELD_FLOORS[key], (key, correct, n)


@pytest.mark.slow
@pytest.mark.parametrize("folder", sorted(LATER_SETS))
def test_later_fresh_quantity_golds(folder: str) -> None:
    f1_floor, field_floors = LATER_SETS[folder]
    totals = _totals(ROOT / "tests" / "gold" / folder, min_golds=4)
    tp, n_gold, n_pred = totals["quantities"]
    p, r = tp / n_pred, tp / n_gold
    assert 2 * p * r / (p + r) >= f1_floor, (tp, n_gold, n_pred)
    for key, floor in field_floors.items():
        correct, n = totals[key]
        assert n and correct / n >= floor, (key, correct, n)
