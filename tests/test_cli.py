"""The command line, as a user runs it: JSON out, one clear line and exit 2 on bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "国务院关于推进易地扶贫搬迁工作的通知\n\n一、总体要求\n\n到2020年底，完成1000万人搬迁任务。\n"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analyser", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=300,
    )


def assert_clean_failure(proc: subprocess.CompletedProcess, *words: str) -> None:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], err


def test_analyse_one_file(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    proc = run("analyse", str(path), "--text", "--tokens")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["schema"] == "policy-analyser/analysis@1"
    assert result["document"]["text"] == SAMPLE
    assert result["document"]["source"] == str(path)
    assert all(SAMPLE[t["start"]:t["end"]] == t["text"] for t in result["tokens"])


def test_analyse_several_files_gives_json_lines_in_order(tmp_path: Path) -> None:
    paths = []
    for i in range(3):
        p = tmp_path / f"d{i}.txt"
        p.write_text(SAMPLE + f"第{i}份。", encoding="utf-8")
        paths.append(str(p))
    proc = run("analyse", *paths)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert [json.loads(line)["document"]["source"] for line in lines] == paths


def test_bad_file_among_several_is_reported_and_the_rest_go_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    proc = run("analyse", str(tmp_path / "missing.txt"), str(good))
    assert proc.returncode == 2
    lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert "error" in lines[0] and lines[1]["document"]["source"] == str(good)


def test_stdin_and_out_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    proc = run("analyse", "-", "--out", str(out), stdin=SAMPLE.encode("gb18030"))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["document"]["chars"] == len(SAMPLE)
    assert result["document"]["encoding"] == "gb18030"


def test_missing_path() -> None:
    assert_clean_failure(run("analyse", "no/such/file.txt"), "no/such/file.txt")


def test_directory(tmp_path: Path) -> None:
    assert_clean_failure(run("analyse", str(tmp_path)), str(tmp_path))


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_clean_failure(run("analyse", str(path)), "empty.txt")


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\u3000\n", encoding="utf-8")
    assert_clean_failure(run("analyse", str(path)), "blank.txt")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    assert_clean_failure(run("analyse", str(path)), "image.png")


def test_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes([0x81, 0xFF, 0xFE, 0x80, 0xFF, 0x7F, 0xC0, 0xFF]) * 200)
    assert_clean_failure(run("analyse", str(path)), "garbage.txt")


def test_huge_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    assert_clean_failure(run("analyse", str(path)), "huge.txt")


def test_malformed_html_still_analyses(tmp_path: Path) -> None:
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


def test_bad_usage() -> None:
    proc = run("analyse")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr.decode()


@pytest.mark.parametrize("gold", ["seed.gold.json"])
def test_eval_command(gold: str) -> None:
    from conftest import shared_or_skip

    path = shared_or_skip("gold", gold)
    proc = run("eval", "--gold", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["offsets"]["wrong"] == 0
    assert report["outline"]["sections"]["gold"] == 3
