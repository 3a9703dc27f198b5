"""The facts of the seed and the dev corpus match the recorded hash list.

Speed work must leave every fact (and every token) as it was; a deliberate change to what the
analyser finds records the new list with
``python benchmarks/facts_snapshot.py hashes > tests/fixtures/facts_snapshot.sha256``.
"""
from __future__ import annotations

import importlib.util
import sys

from tests.conftest import ROOT, shared_or_skip

HASHES = ROOT / "tests" / "fixtures" / "facts_snapshot.sha256"


def _snapshot_tool():
    spec = importlib.util.spec_from_file_location("facts_snapshot", ROOT / "benchmarks" / "facts_snapshot.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("facts_snapshot", module)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _recorded() -> dict[str, str]:
    pairs = (line.split() for line in HASHES.read_text(encoding="utf-8").splitlines() if line.strip())
    return {name: digest for digest, name in pairs}


def test_facts_match_the_recorded_hashes():
    shared_or_skip("corpus-real", "dev")
    tool = _snapshot_tool()
    recorded = _recorded()
    paths = [p for p in tool.documents() if p.name in recorded]
    assert paths, "no recorded document found in the shared folder"
    differ = [p.name for p in paths if tool.digest(tool.analysis_json(p, tokens=False)) != recorded[p.name]]
    assert not differ, f"facts changed for {differ}; compare with benchmarks/facts_snapshot.py"


def test_digest_sees_a_changed_fact():
    tool = _snapshot_tool()
    data = {"quantities": [{"start": 1, "end": 3, "value": 5}]}
    changed = {"quantities": [{"start": 1, "end": 3, "value": 6}]}
    assert tool.digest(data) != tool.digest(changed)
    assert tool.digest(data) == tool.digest({"quantities": [{"end": 3, "value": 5, "start": 1}]})
