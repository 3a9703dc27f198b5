"""The command line, as a user runs it: JSON out, one clear line and exit 2 on bad input.

Most tests call :func:`analyser.cli.main` in the test process (the pipeline loads once); two run
``python -m analyser`` as a real subprocess, the way a user starts it.
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analyser.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "国务院关于推进易地扶贫搬迁工作的通知\n\n一、总体要求\n\n到2020年底，完成1000万人搬迁任务。\n"


class Run:
    """The outcome of one command: exit status, standard output (bytes) and standard error (text)."""

    def __init__(self, returncode: int, stdout: bytes, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def subprocess_run(*args: str, stdin: bytes | None = None) -> Run:
    proc = subprocess.run(
        [sys.executable, "-m", "analyser", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=300, check=False
    )
    return Run(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"))


@pytest.fixture
def run(capsysbinary, monkeypatch):
    """Run ``main(argv)`` in this process, with optional bytes on standard input."""

    def call(*args: str, stdin: bytes | None = None) -> Run:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        try:
            status = main(list(args))
        except SystemExit as exc:  # argparse: bad usage
            status = exc.code
        out, err = capsysbinary.readouterr()
        return Run(status, out, err.decode("utf-8", "replace"))

    return call


def assert_clean_failure(proc: Run, *words: str) -> None:
    err = proc.stderr
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], err


def test_subprocess_analyse_one_file(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    proc = subprocess_run("analyse", str(path), "--text", "--tokens")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["schema"] == "policy-analyser/analysis@1"
    assert result["document"]["text"] == SAMPLE
    assert all(SAMPLE[t["start"]:t["end"]] == t["text"] for t in result["tokens"])


def test_subprocess_bad_input_is_one_line_and_status_2(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_clean_failure(subprocess_run("analyse", str(path)), "empty.txt")


def test_analyse_one_file(run, tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    proc = run("analyse", str(path), "--text", "--tokens")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["schema"] == "policy-analyser/analysis@1"
    assert result["document"]["text"] == SAMPLE
    assert result["document"]["source"] == str(path)
    assert all(SAMPLE[t["start"]:t["end"]] == t["text"] for t in result["tokens"])


def test_analyse_several_files_gives_json_lines_in_order(run, tmp_path: Path) -> None:
    paths = []
    for i in range(3):
        p = tmp_path / f"d{i}.txt"
        p.write_text(SAMPLE + f"第{i}份。", encoding="utf-8")
        paths.append(str(p))
    proc = run("analyse", *paths)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert [json.loads(line)["document"]["source"] for line in lines] == paths


def test_bad_file_among_several_is_reported_and_the_rest_go_on(run, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    proc = run("analyse", str(tmp_path / "missing.txt"), str(good))
    assert proc.returncode == 2
    lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert "error" in lines[0] and lines[1]["document"]["source"] == str(good)


def test_stdin_and_out_file(run, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    proc = run("analyse", "-", "--out", str(out), stdin=SAMPLE.encode("gb18030"))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["document"]["chars"] == len(SAMPLE)
    assert result["document"]["encoding"] == "gb18030"


def test_missing_path(run) -> None:
    assert_clean_failure(run("analyse", "no/such/file.txt"), "no/such/file.txt")


def test_directory(run, tmp_path: Path) -> None:
    assert_clean_failure(run("analyse", str(tmp_path)), str(tmp_path))


def test_empty_file(run, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_clean_failure(run("analyse", str(path)), "empty.txt")


def test_whitespace_only_file(run, tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\u3000\n", encoding="utf-8")
    assert_clean_failure(run("analyse", str(path)), "blank.txt")


def test_binary_file(run, tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    assert_clean_failure(run("analyse", str(path)), "image.png")


def test_undecodable_file(run, tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes([0x81, 0xFF, 0xFE, 0x80, 0xFF, 0x7F, 0xC0, 0xFF]) * 200)
    assert_clean_failure(run("analyse", str(path)), "garbage.txt")


def test_huge_file(run, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    assert_clean_failure(run("analyse", str(path)), "huge.txt")


def test_malformed_html_still_analyses(run, tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><head><title>站点</title><script>var x = '<p>';</script></head><body><div><p>国务院关于"
        "推进工作的通知<p>一、总体要求<br>到2020年底完成任务。<table><tr><td>未闭合",
        encoding="utf-8",
    )
    proc = run("analyse", str(path), "--text")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["document"]["format"] == "html"
    assert "var x" not in result["document"]["text"]
    assert "一、总体要求" in result["document"]["text"]


def test_bad_usage(run) -> None:
    proc = run("analyse")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "usage:" in proc.stderr


@pytest.mark.parametrize("gold", ["seed.gold.json"])
def test_eval_command(run, gold: str) -> None:
    from conftest import shared_or_skip

    path = shared_or_skip("gold", gold)
    proc = run("eval", "--gold", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["offsets"]["wrong"] == 0
    assert report["outline"]["sections"]["gold"] == 3


def test_summary_is_a_readable_table(run, tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(
        "国务院关于推进易地扶贫搬迁工作的通知\n\n一、总体要求\n\n（一）稳步推进搬迁。到2020年底，完成1000万人搬迁任务。\n\n"
        "（二）加大投入力度。安排中央预算内投资800亿元以上，做到“搬得出、稳得住”。\n\n二、保障措施\n\n坚持“搬得出、稳得住”。\n",
        encoding="utf-8",
    )
    proc = run("analyse", "--format", "summary", str(path))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    lines = out.splitlines()
    assert lines[0].split(None, 1) == ["Title", "国务院关于推进易地扶贫搬迁工作的通知"]
    assert any(line.startswith("Issuer") and "国务院" in line for line in lines)
    facts = next(line for line in lines if line.startswith("Facts"))
    assert "quantities 2" in facts and "formulations 2" in facts
    # the outline as an indented tree: the item sits under its section
    outline = lines[lines.index("Outline") + 1:]
    assert outline[:4] == ["  一、总体要求", "    （一）稳步推进搬迁", "    （二）加大投入力度", "  二、保障措施"], outline
    # quantities with thousands separators, unit and qualifier
    row = next(line for line in lines if "800亿元以上" in line)
    assert "80,000,000,000" in row and "元" in row and "at least" in row
    assert "10,000,000" in out
    # formulations by mentions: the one said twice comes first
    table = lines[next(i for i, line in enumerate(lines) if line.startswith("Formulations")) + 3:]
    assert table[0].split()[:2] == ["2", "搬得出、稳得住"]
    assert "{" not in out  # no JSON


def test_summary_of_an_untitled_document_names_the_file(run, tmp_path: Path) -> None:
    path = tmp_path / "speech_notes.txt"
    path.write_text("各位代表：\n\n过去一年，我们完成了1000万人搬迁任务。\n", encoding="utf-8")
    proc = run("analyse", "--format", "summary", "--top", "1", str(path))
    assert proc.returncode == 0, proc.stderr
    first = proc.stdout.decode("utf-8").splitlines()[0]
    assert first.startswith("Title") and "(untitled) speech_notes.txt" in first and str(tmp_path) not in first


def test_summary_of_several_files_keeps_going_after_a_bad_one(run, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    proc = run("analyse", "--format", "summary", str(tmp_path / "missing.txt"), str(good))
    assert proc.returncode == 2
    assert "missing.txt" in proc.stderr
    assert proc.stdout.decode("utf-8").startswith("Title      国务院关于推进易地扶贫搬迁工作的通知")


def test_format_json_is_the_default(run, tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    default, explicit = run("analyse", str(path)), run("analyse", "--format", "json", str(path))
    assert json.loads(default.stdout) == json.loads(explicit.stdout)
    assert run("analyse", "--format", "yaml", str(path)).returncode == 2
    bad = run("analyse", "--format", "summary", "--top", "0", str(path))
    assert bad.returncode == 2 and "at least 1" in bad.stderr


def test_serve_help_lists_every_environment_setting(run) -> None:
    from api.settings import _ENV, _PREFIX

    proc = run("serve", "--help")
    assert proc.returncode == 0
    out = proc.stdout.decode("utf-8")
    for suffix in _ENV.values():
        assert _PREFIX + suffix in out, suffix
    assert "Authorization: Bearer" in out
