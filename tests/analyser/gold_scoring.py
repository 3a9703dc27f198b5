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
