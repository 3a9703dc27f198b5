"""The shared scorer on the project's own gold files: where the shared data folder is, the scorer
module, and a gold file scored against the analysis of its document.

The shared folder is looked for beside the project, or beside the folder holding it when the
project is one of several working copies; the tests that need it skip without it.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def shared_folder() -> Path:
    """``shared/`` beside the project (or beside its parent folder); skips the test without it."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "tools" / "score.py").is_file():
            return base / "shared"
    pytest.skip("the shared data folder (shared/) is not beside the project")


def scorer(shared: Path) -> ModuleType:
    """``shared/tools/score.py`` as a module (loaded once)."""
    module = sys.modules.get("shared_score")
    if module is None:
        spec = importlib.util.spec_from_file_location("shared_score", shared / "tools" / "score.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        sys.modules["shared_score"] = module
    return module


def gold_document(shared: Path, gold: dict[str, Any]) -> Path:
    """The document a gold file annotates (its path is given under ``shared/``, or under the project
    for a text kept with the golds: ``tests/…``); skips when absent."""
    path = gold["document"]["path"]
    doc = ROOT / path if path.startswith("tests/") else shared / path.split("shared/", 1)[1]
    if not doc.is_file():
        pytest.skip(f"{doc} not present")
    return doc


def score_gold(path: Path, shared: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(analysis, result)``: the gold file at ``path`` scored against the analysis of its
    document (as the JSON output, text included)."""
    from analyser import analyse_file

    gold = json.loads(path.read_text(encoding="utf-8"))
    pred = analyse_file(gold_document(shared, gold)).to_dict(text=True)
    return pred, scorer(shared).score(gold, pred, pred["document"]["text"])


def entity_totals(golds: list[Path], shared: Path, script: str | None = None) -> dict[str, list[int]]:
    """``label -> [tp, gold, predicted]`` summed over the entity golds ``golds``; with ``script``
    (an OpenCC configuration such as ``s2hk``, which keeps every offset) the plain-text documents
    are converted first and web pages left out. Every predicted offset must be right."""
    from analyser import analyse, analyse_file

    sums: dict[str, list[int]] = {}
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold_document(shared, gold)
        if script:
            if gold["document"]["format"] != "text":
                continue
            import opencc

            cc = opencc.OpenCC(script)
            text = cc.convert(doc.read_text(encoding="utf-8"))
            for key in ("persons", "organizations", "places"):
                for g in gold[key]:
                    g["surface"] = cc.convert(g["surface"])
            pred = analyse(text).to_dict(text=True)
        else:
            pred = analyse_file(doc).to_dict(text=True)
        res = scorer(shared).score(gold, pred, pred["document"]["text"])
        assert res["offsets"]["wrong"] == 0, path.name
        for label, r in res["entities"].items():
            t = sums.setdefault(label, [0, 0, 0])
            t[0] += r["tp"]
            t[1] += r["gold"]
            t[2] += r["pred"]
    return sums


def f1_of(totals: list[int]) -> float:
    """F1 of ``[tp, gold, predicted]``."""
    tp, n_gold, n_pred = totals
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0
