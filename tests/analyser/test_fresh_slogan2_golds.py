"""Formulations on the second set of fresh formulation golds (``tests/gold/fresh_slogans2``): six
windows of archive documents (1979–2026) annotated before the analyser was run on them. The first
figure is recorded in the folder's README; since the fixes that followed they are development data,
and these floors sit just below the figures after those fixes (P 0.990, R 0.772, F1 0.867, in
sample) so that a change making them worse fails here.

Skipped without the shared data folder.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from gold_scoring import score_gold, shared_folder

ROOT = Path(__file__).resolve().parents[2]
FRESH = ROOT / "tests" / "gold" / "fresh_slogans2"

#: micro-averaged floors over the six windows (lenient, as the shared scorer counts)
FLOORS = {"p": 0.95, "r": 0.75, "f1": 0.84}


@pytest.fixture(scope="module")
def micro() -> dict[str, float]:
    shared = shared_folder()
    tp = n_gold = n_pred = 0
    golds = sorted(FRESH.glob("*.gold.json"))
    assert len(golds) >= 6
    for path in golds:
        r = score_gold(path, shared)[1]["slogans"]["lenient"]
        tp, n_gold, n_pred = tp + r["tp"], n_gold + r["gold"], n_pred + r["pred"]
    p, r = tp / n_pred, tp / n_gold
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r)}


@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(FLOORS))
def test_fresh_slogan2_floor(micro: dict[str, float], key: str) -> None:
    assert micro[key] >= FLOORS[key], {k: round(v, 3) for k, v in micro.items()}
