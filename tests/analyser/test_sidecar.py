"""Corpus sidecars: metadata beside the files reaches the analysis and the store."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyser.corpus.ingest import collect_files, ingest
from analyser.corpus.sidecar import apply_metadata, read_sidecars
from analyser.corpus.store import Store
from analyser.errors import InputError

REPORT = "各位代表：\n去年，国内生产总值增长6.6%。今年发展的主要预期目标是：国内生产总值增长6%—6.5%。\n"


def _folder(tmp_path: Path, sidecar: str = "manifest.json") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "gwr_2019.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "plain.txt").write_text("国务院办公厅关于做好就业工作的通知\n各地要做好就业工作。\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About this folder\n", encoding="utf-8")
    entries = [{"filename": "gwr_2019.txt", "title": "2019年政府工作报告", "date": "2019-03-05",
                "issuing_body": "国务院", "kind": "report"}]
    if sidecar == "manifest.json":
        (tmp_path / sidecar).write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    else:
        (tmp_path / sidecar).write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in entries), encoding="utf-8")
    return tmp_path


def test_sidecar_and_readme_are_not_documents(tmp_path):
    folder = _folder(tmp_path)
    assert [f.name for f in collect_files([folder])] == ["gwr_2019.txt", "plain.txt"]


@pytest.mark.parametrize("name", ["manifest.json", "meta.jsonl"])
def test_read_sidecars_both_formats(tmp_path, name):
    folder = _folder(tmp_path, name)
    meta = read_sidecars(collect_files([folder]))
    assert list(meta) == [str(folder / "gwr_2019.txt")]
    entry = meta[str(folder / "gwr_2019.txt")]
    assert (entry["published"], entry["title"], entry["issuer"], entry["sidecar"]) == (
        "2019-03-05", "2019年政府工作报告", "国务院", name)


def test_broken_sidecar_is_one_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("国务院。", encoding="utf-8")
    (tmp_path / "manifest.json").write_text("[{", encoding="utf-8")
    with pytest.raises(InputError, match="sidecar"):
        read_sidecars([tmp_path / "a.txt"])


def test_apply_metadata_keeps_text_spans():
    title = {"text": "通知", "start": 0, "end": 2}
    doc = apply_metadata({"document": {"title": title, "published": "2018-01-01"}},
                         {"title": "别的标题", "published": "2019-03-05", "sidecar": "meta.jsonl"})["document"]
    assert doc["title"] == title and doc["published"] == "2019-03-05"
    assert doc["metadata_source"] == {"published": "meta.jsonl"}


def test_ingest_dates_documents_from_the_sidecar(tmp_path):
    folder = _folder(tmp_path / "corpus")
    store = Store(":memory:")
    summary = ingest([folder], store)
    assert summary.added == 2 and summary.failed == 0
    rows = {Path(r["source"]).name: r for r in store.list_documents()["items"]}
    assert set(rows) == {"gwr_2019.txt", "plain.txt"}
    gwr = rows["gwr_2019.txt"]
    assert (gwr["published"], gwr["title"], gwr["issuer"]) == ("2019-03-05", "2019年政府工作报告", "国务院")
    analysis = store.get_document(gwr["id"])
    assert analysis["document"]["metadata_source"]["published"] == "manifest.json"
    # the sidecar's date anchors relative years: 去年 is 2018, 今年 2019
    times = {q["text"]: q["time"] for q in analysis["quantities"]}
    assert times["6.6%"] == "2018" and times["6%—6.5%"] == "2019"
