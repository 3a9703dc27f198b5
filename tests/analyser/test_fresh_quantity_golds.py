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


#: the second set (``tests/gold/fresh_quantities2``: quantities only, six windows): floors just
#: below the figures after the fixes in its README
FRESH2 = ROOT / "tests" / "gold" / "fresh_quantities2"
F1_FLOORS2 = {"quantities": 0.97}
FIELD_FLOORS2 = {"value": 0.99, "unit": 0.98, "qualifier": 0.99, "indicator": 0.55, "modality": 0.74}


#: the fourth set (``tests/gold/fresh_quantities4``: quantities of regulations, opinions, a 1985
#: report, a 2026 provincial report and Traditional text, nine windows): floors just below the
#: figures after the fixes in its README
FRESH4 = ROOT / "tests" / "gold" / "fresh_quantities4"
F1_FLOORS4 = {"quantities": 0.98}
FIELD_FLOORS4 = {"value": 0.99, "unit": 0.98, "qualifier": 0.99, "indicator": 0.62, "modality": 0.8}

#: the third set (``tests/gold/fresh_quantities3``: quantities only, six windows, annotated to measure
#: the indicator): floors just below the figures after the indicator work in its README
FRESH3 = ROOT / "tests" / "gold" / "fresh_quantities3"
F1_FLOORS3 = {"quantities": 0.97}
FIELD_FLOORS3 = {"value": 0.98, "unit": 0.99, "qualifier": 0.98, "indicator": 0.87, "modality": 0.87}

#: the fifth set (``tests/gold/fresh_quantities5``: quantities of three windows of a 2026 provincial
#: report and of a plate regulation): floors just below the figures after the indicator work in its README
FRESH5 = ROOT / "tests" / "gold" / "fresh_quantities5"
F1_FLOORS5 = {"quantities": 0.98}
FIELD_FLOORS5 = {"value": 0.98, "unit": 0.97, "qualifier": 0.99, "indicator": 0.82, "modality": 0.94}


@pytest.fixture(scope="module")
def totals() -> dict[str, list[int]]:
    return _totals(FRESH)


@pytest.fixture(scope="module")
def totals2() -> dict[str, list[int]]:
    return _totals(FRESH2)


@pytest.fixture(scope="module")
def totals4() -> dict[str, list[int]]:
    return _totals(FRESH4)


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
def test_second_fresh_quantity_golds(totals2: dict[str, list[int]]) -> None:
    tp, n_gold, n_pred = totals2["quantities"]
    p, r = tp / n_pred, tp / n_gold
    assert 2 * p * r / (p + r) >= F1_FLOORS2["quantities"], (tp, n_gold, n_pred)
    for key, floor in FIELD_FLOORS2.items():
        correct, n = totals2[key]
        assert n and correct / n >= floor, (key, correct, n)


@pytest.mark.slow
def test_fourth_fresh_quantity_golds(totals4: dict[str, list[int]]) -> None:
    tp, n_gold, n_pred = totals4["quantities"]
    p, r = tp / n_pred, tp / n_gold
    assert 2 * p * r / (p + r) >= F1_FLOORS4["quantities"], (tp, n_gold, n_pred)
    for key, floor in FIELD_FLOORS4.items():
        correct, n = totals4[key]
        assert n and correct / n >= floor, (key, correct, n)


@pytest.fixture(scope="module")
def totals3() -> dict[str, list[int]]:
    return _totals(FRESH3)


@pytest.mark.slow
def test_third_fresh_quantity_golds(totals3: dict[str, list[int]]) -> None:
    tp, n_gold, n_pred = totals3["quantities"]
    p, r = tp / n_pred, tp / n_gold
    assert 2 * p * r / (p + r) >= F1_FLOORS3["quantities"], (tp, n_gold, n_pred)
    for key, floor in FIELD_FLOORS3.items():
        correct, n = totals3[key]
        assert n and correct / n >= floor, (key, correct, n)


@pytest.fixture(scope="module")
def totals5() -> dict[str, list[int]]:
    return _totals(FRESH5, min_golds=4)


@pytest.mark.slow
def test_fifth_fresh_quantity_golds(totals5: dict[str, list[int]]) -> None:
    tp, n_gold, n_pred = totals5["quantities"]
    p, r = tp / n_pred, tp / n_gold
    assert 2 * p * r / (p + r) >= F1_FLOORS5["quantities"], (tp, n_gold, n_pred)
    for key, floor in FIELD_FLOORS5.items():
        correct, n = totals5[key]
        assert n and correct / n >= floor, (key, correct, n)
