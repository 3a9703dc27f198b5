"""Regression floors on three hand-annotated dev windows nobody tuned the extractors on.

The gold files in tests/gold/holdout_dev/ annotate a window ("scope") of about 2,000 characters in
dev05 (2020 work report, targets and fiscal measures), dev08 (Ningxia 2026 provincial report, review
of 2025) and dev14 (19th Party Congress report, basic-strategy items). They were written by reading
the text before any extractor output was seen. The floors below sit a margin under the scores
measured today (one or two more misses than now trip them), so they catch regressions without
claiming more than was measured. Categories with fewer than five required gold items get no floor.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from conftest import analysed, shared_scorer

ROOT = Path(__file__).resolve().parents[2]
SHARED = (ROOT / ".." / "shared").resolve()
GOLD = ROOT / "tests" / "gold" / "holdout_dev"

DOCS = [
    "dev05_gwr_2020_state_council_transcript.txt",
    "dev08_prov_gwr_2026_ningxia.txt",
    "dev14_cpc_19th_congress_report_2017.txt",
]

# (document, metric path, floor): each floor sits just under today's figure, so one or two more misses
# than now trip it; the figures measured with tools/score.py when the floors were set are in the comments.
# The formulation floors of dev05 and dev14 were lowered when bare coined formulations became facts
# (新发展理念, 总体国家安全观, 全面建成小康社会 standing alone): these windows were annotated under the
# earlier convention that leaves such mentions out, so each one found there counts as a false positive.
# fmt: off
FLOORS = [
    ("dev05_gwr_2020_state_council_transcript.txt", ("quantities", "lenient", "f1"), 0.97),  # 1.000 (19 items)
    ("dev05_gwr_2020_state_council_transcript.txt", ("quantities", "value", "acc"), 0.97),  # 1.000
    ("dev05_gwr_2020_state_council_transcript.txt", ("quantities", "unit", "acc"), 0.97),  # 1.000
    ("dev05_gwr_2020_state_council_transcript.txt", ("quantities", "qualifier", "acc"), 0.97),  # 1.000
    ("dev05_gwr_2020_state_council_transcript.txt", ("quantities", "indicator", "acc"), 0.92),  # 0.947
    ("dev05_gwr_2020_state_council_transcript.txt", ("dates", "f1"), 0.97),  # 1.000 (19 items)
    ("dev05_gwr_2020_state_council_transcript.txt", ("dates", "value", "acc"), 0.97),  # 1.000
    ("dev05_gwr_2020_state_council_transcript.txt", ("slogans", "lenient", "f1"), 0.72),  # 0.750 (12 items; 0.818 before bare coined formulations)
    ("dev05_gwr_2020_state_council_transcript.txt", ("slogans", "lenient", "p"), 0.72),  # 0.750 (0.900 before)
    ("dev08_prov_gwr_2026_ningxia.txt", ("quantities", "lenient", "f1"), 0.98),  # 1.000 (55 items)
    ("dev08_prov_gwr_2026_ningxia.txt", ("quantities", "value", "acc"), 0.98),  # 1.000
    ("dev08_prov_gwr_2026_ningxia.txt", ("quantities", "unit", "acc"), 0.98),  # 1.000
    ("dev08_prov_gwr_2026_ningxia.txt", ("quantities", "qualifier", "acc"), 0.98),  # 1.000
    ("dev08_prov_gwr_2026_ningxia.txt", ("quantities", "indicator", "acc"), 0.89),  # 0.909
    ("dev08_prov_gwr_2026_ningxia.txt", ("dates", "f1"), 0.94),  # 1.000 (9 items)
    ("dev08_prov_gwr_2026_ningxia.txt", ("dates", "value", "acc"), 0.88),  # 1.000
    ("dev08_prov_gwr_2026_ningxia.txt", ("slogans", "lenient", "f1"), 0.93),  # 0.966 (15 items)
    ("dev08_prov_gwr_2026_ningxia.txt", ("entities", "ORG", "f1"), 0.93),  # 1.000 (8 items)
    ("dev08_prov_gwr_2026_ningxia.txt", ("entities", "PLACE", "f1"), 0.96),  # 1.000 (15 items)
    ("dev14_cpc_19th_congress_report_2017.txt", ("slogans", "lenient", "f1"), 0.82),  # 0.844 (33 items; 0.900 before)
    ("dev14_cpc_19th_congress_report_2017.txt", ("slogans", "lenient", "p"), 0.85),  # 0.871 (1.000 before)
    ("dev14_cpc_19th_congress_report_2017.txt", ("slogans", "lenient", "r"), 0.78),  # 0.818
    ("dev14_cpc_19th_congress_report_2017.txt", ("entities", "PLACE", "f1"), 0.90),  # 1.000 (6 items)
]
# fmt: on


def _require_shared() -> None:
    if not (SHARED / "tools" / "score.py").is_file() or not (SHARED / "corpus-real" / "dev").is_dir():
        pytest.skip("../shared not present")


def _scorer():
    return shared_scorer()


def _gold(name: str) -> dict:
    return json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))


def _text(name: str) -> str:
    return (SHARED / "corpus-real" / "dev" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _result(name: str) -> str:
    pred = analysed(SHARED / "corpus-real" / "dev" / name)
    return json.dumps(_scorer().score(_gold(name), pred, _text(name)))


def result(name: str) -> dict:
    _require_shared()
    return json.loads(_result(name))


@pytest.mark.parametrize("name", DOCS)
def test_gold_spans_slice_the_text(name):
    _require_shared()
    gold, text = _gold(name), _text(name)
    scope = gold["scope"]
    for key in ("quantities", "dates", "slogans", "cited_documents", "persons", "organizations", "places"):
        for item in gold[key]:
            assert text[item["start"]:item["end"]] == item["surface"], (key, item["surface"])
            assert scope["start"] <= item["start"] and item["end"] <= scope["end"], (key, item["surface"])
            for part in item.get("parts") or []:
                assert text[part["start"]:part["end"]] == part["surface"]
    body = gold["meta"]["body"]
    assert text[body["start"]:body["end"]] == body["surface"]


@pytest.mark.parametrize("name", DOCS)
def test_predicted_offsets_slice_the_text(name):
    res = result(name)
    assert res["offsets"]["checked"] > 0
    assert res["offsets"]["wrong"] == 0


@pytest.mark.parametrize("name", DOCS)
def test_metadata(name):
    meta = result(name)["meta"]
    assert meta["title"] and meta["body_start_within_20"] and meta["body_end_within_20"]


@pytest.mark.parametrize(("name", "path", "floor"), FLOORS)
def test_floor(name, path, floor):
    value = result(name)
    for key in path:
        value = value[key]
    assert value is not None and value >= floor, f"{name} {'/'.join(path)} = {value} < {floor}"
