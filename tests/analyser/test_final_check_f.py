"""Entities, formulations and citations on the windows of ``tests/gold/final_check_f`` (two windows
of the 1977 congress report, two of the 1981 work report and an s2tw copy of one, two gov.cn pages),
annotated before the analyser was run on them. The figures of the first run are in the folder's
README; these floors sit a few points below them, so that a change making them worse fails here.

Skipped without the shared data folder.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from gold_scoring import score_gold, shared_folder

FOLDER = Path(__file__).resolve().parents[2] / "tests" / "gold" / "final_check_f"

#: pooled F1 floors (entities and citations strict, formulations lenient); first run of 0d8a48c:
#: PERSON 0.800, ORG 0.951, PLACE 0.959, formulations 0.872, citations 1.000 (seven). The entity
#: floors sit below the figures after the entity fixes these windows led to (development data
#: since, see the README): PERSON 1.000, ORG 0.975, PLACE 1.000; formulations after the formulation
#: fixes: 0.927
SIMPLIFIED = {"PERSON": 0.95, "ORG": 0.94, "PLACE": 0.97, "formulations": 0.90, "citations": 0.95}
#: the s2tw copy of window A of 1981, first run: PERSON 0.800, ORG, PLACE and citations 1.000, its six
#: core formulations missed; after the entity fixes PERSON 1.000, after the formulation fixes 5 of 6
#: formulations (F1 0.833)
S2TW = {"PERSON": 0.95, "ORG": 0.95, "PLACE": 0.95, "formulations": 0.78, "citations": 0.95}


def _rows(res: dict) -> dict[str, dict]:
    return {**{k: res["entities"][k] for k in ("PERSON", "ORG", "PLACE")},
            "formulations": res["slogans"]["lenient"], "citations": res["citations"]}


@pytest.fixture(scope="module")
def pooled() -> dict[str, dict[str, float]]:
    """``"SCRIPT KIND" -> F1`` pooled over the windows (tp, gold and predicted summed)."""
    shared = shared_folder()
    golds = sorted(FOLDER.glob("*.gold.json"))
    assert len(golds) >= 7
    sums: dict[str, list[int]] = {}
    for path in golds:
        _, res = score_gold(path, shared)
        assert res["offsets"]["wrong"] == 0, path.name
        script = "s2tw" if ".s2tw." in path.name else "simplified"
        for kind, row in _rows(res).items():
            s = sums.setdefault(f"{script} {kind}", [0, 0, 0])
            s[0], s[1], s[2] = s[0] + row["tp"], s[1] + row["gold"], s[2] + row["pred"]
    out = {}
    for key, (tp, n_gold, n_pred) in sums.items():
        p = tp / n_pred if n_pred else 1.0
        r = tp / n_gold if n_gold else 1.0
        out[key] = 2 * p * r / (p + r) if p + r else 0.0
    return out


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(SIMPLIFIED))
def test_final_check_f_floor(pooled: dict[str, float], kind: str) -> None:
    assert pooled[f"simplified {kind}"] >= SIMPLIFIED[kind], round(pooled[f"simplified {kind}"], 3)


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(S2TW))
def test_final_check_f_floor_s2tw(pooled: dict[str, float], kind: str) -> None:
    assert pooled[f"s2tw {kind}"] >= S2TW[kind], round(pooled[f"s2tw {kind}"], 3)
