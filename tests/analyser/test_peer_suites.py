"""The peer test suites (``shared/peer-suites``) through our extractors: on the policy-like inputs
(约/近/超过/逾 before a number, 余/多/以上 after one) every category agrees with the peer at least 90 %
of the time (``benchmarks/peer_suites.py`` prints the table and the reasons of every difference).
Skipped without the shared data folder."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT


def _suites():
    """shared/peer-suites beside the project, or beside the folder holding it (several working copies)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "peer-suites").is_dir():
            return base / "shared" / "peer-suites"
    pytest.skip("shared/peer-suites is not beside the project")


def _module():
    module = sys.modules.get("peer_suites")
    if module is None:
        spec = importlib.util.spec_from_file_location("peer_suites", ROOT / "benchmarks" / "peer_suites.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        sys.modules["peer_suites"] = module
    return module


@pytest.mark.parametrize("category", ["number", "dimension", "money_parser", "money_extractor"])
def test_policy_like_inputs_agree_with_the_peers(category):
    suites = _suites()
    ps = _module()
    name, suite, cat, judge, _ = next(c for c in ps.CATEGORIES if c[0] == category)
    _, _, _, _, (pol_n, pol_ok, _) = ps.run_category(suites, name, suite, cat, judge)
    assert pol_n and pol_ok / pol_n >= 0.9, (category, pol_ok, pol_n)
