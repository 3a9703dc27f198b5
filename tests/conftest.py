"""Shared fixtures: the ../shared folder beside the project (skipped where absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
SEED = SHARED / "seed" / "000_29490935b5bb2ea4.txt"
DEV = SHARED / "corpus-real" / "dev"


def shared_or_skip(*parts: str) -> Path:
    """A path inside ../shared, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present (the shared data folder is not beside the project)")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_or_skip("seed", "000_29490935b5bb2ea4.txt").read_text(encoding="utf-8")


def dev_files() -> list[Path]:
    """The dev-corpus documents (empty where ../shared is absent)."""
    return sorted(p for p in DEV.glob("dev*") if p.is_file()) if DEV.is_dir() else []


def shared_scorer():
    """The scorer that ships with the shared data (``tools/score.py``), or skip without it."""
    import importlib.util
    import sys

    module = sys.modules.get("shared_score")
    if module is None:
        path = shared_or_skip("tools", "score.py")
        spec = importlib.util.spec_from_file_location("shared_score", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        sys.modules["shared_score"] = module
    return module


_ANALYSES: dict[str, str] = {}


def analysed(path: Path) -> dict:
    """The analysis JSON of a file with ``document.text`` and ``tokens``, computed once per test
    session (a fresh copy each call)."""
    import json

    from analyser import analyse_file

    key = str(Path(path).resolve())
    if key not in _ANALYSES:
        _ANALYSES[key] = json.dumps(analyse_file(path).to_dict(tokens=True, text=True), ensure_ascii=False)
    return json.loads(_ANALYSES[key])
