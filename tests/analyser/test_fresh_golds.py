"""Extraction on the fresh golds (``tests/gold/fresh``, and ``tests/gold/fresh_outline`` for the
outline): documents annotated before the analyser was run on them, across eras, genres and scripts. Their first figures are recorded in the folder's
README; since the fixes that followed, they are development data, and these floors sit just
below the figures after those fixes so that a change making them worse fails here.

Skipped without the shared data folder (looked for beside the project, or beside the folder
holding it when the project is one of several working copies).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from gold_scoring import score_gold, shared_folder

ROOT = Path(__file__).resolve().parents[2]
FRESH = ROOT / "tests" / "gold" / "fresh"

#: micro-averaged F1 floors over the eight documents (figures after the fixes in the README)
FLOORS = {"outline": 0.97, "PERSON": 0.90, "ORG": 0.89, "PLACE": 0.97, "slogans": 0.55}


@pytest.fixture(scope="module")
def totals() -> dict[str, list[int]]:
    shared = shared_folder()
    sums: dict[str, list[int]] = {}

    def add(key: str, r: dict | None) -> None:
        if r:
            t = sums.setdefault(key, [0, 0, 0])
            t[0] += r["tp"]
            t[1] += r["gold"]
            t[2] += r["pred"]

    golds = sorted(FRESH.glob("*.gold.json"))
    assert len(golds) >= 8
    for path in golds:
        _, res = score_gold(path, shared)
        assert res["offsets"]["wrong"] == 0, path.name
        add("outline", res["outline_points"])
        add("outline", res.get("outline_items"))
        add("slogans", res["slogans"]["lenient"])
        for label, r in res["entities"].items():
            add(label, r)
    return sums


@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(FLOORS))
def test_fresh_gold_floor(totals: dict[str, list[int]], key: str) -> None:
    tp, n_gold, n_pred = totals[key]
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    assert f1 >= FLOORS[key], (key, round(p, 3), round(r, 3), round(f1, 3))


#: outline F1 floor over the nine documents of ``tests/gold/fresh_outline`` (points and items; the
#: folder's README gives the first run and the figures after the fixes)
OUTLINE_FLOOR = 0.97


@pytest.mark.slow
def test_fresh_outline_floor() -> None:
    shared = shared_folder()
    tp = n_gold = n_pred = 0
    golds = sorted((ROOT / "tests" / "gold" / "fresh_outline").glob("*.gold.json"))
    assert len(golds) >= 9
    for path in golds:
        pred, res = score_gold(path, shared)
        assert res["offsets"]["wrong"] == 0, path.name
        for key in ("outline_points", "outline_items"):
            r = res.get(key)
            if r:
                tp, n_gold, n_pred = tp + r["tp"], n_gold + r["gold"], n_pred + r["pred"]
        if "outline_items" not in res:  # items predicted where the gold has none are errors too
            n_pred += sum(1 for n in _walk(pred["outline"]) if n["kind"] == "item")
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    assert f1 >= OUTLINE_FLOOR, (round(p, 3), round(r, 3), round(f1, 3))


def _walk(nodes: list[dict]):
    for n in nodes:
        yield n
        yield from _walk(n.get("children") or [])
