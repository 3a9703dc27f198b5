"""``analyse --tokens`` writes the tokens a batch at a time: the same bytes as the whole JSON."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyser import analyse_file
from analyser.cli import jsonout, main
from tests.conftest import ROOT

SAMPLE = ROOT / "corpus" / "samples" / "notice_simplified.txt"


@pytest.mark.parametrize("batch", [1, 7, 4096])
def test_tokens_json_is_the_json_of_the_whole_analysis(capsysbinary, monkeypatch, tmp_path: Path, batch):
    monkeypatch.setattr(jsonout, "BATCH", batch)
    other = tmp_path / "other.txt"
    other.write_text("国务院印发通知。\n要求各地落实。", encoding="utf-8")
    expected = {p: analyse_file(p).to_dict(tokens=True, text=True) for p in (SAMPLE, other)}
    for p in expected:
        expected[p]["document"]["source"] = str(p)

    assert main(["analyse", str(SAMPLE), "--tokens", "--text"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out == json.dumps(expected[SAMPLE], ensure_ascii=False, indent=1) + "\n"

    assert main(["analyse", str(SAMPLE), str(other), "--tokens", "--text"]) == 0  # JSON Lines
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    assert lines == [json.dumps(expected[p], ensure_ascii=False) for p in (SAMPLE, other)]


def test_without_tokens_the_json_is_unchanged(capsysbinary):
    assert main(["analyse", str(SAMPLE)]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    expected = analyse_file(SAMPLE).to_dict()
    expected["document"]["source"] = str(SAMPLE)
    assert out == json.dumps(expected, ensure_ascii=False, indent=1) + "\n"
