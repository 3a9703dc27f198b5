"""Bytes that are not clean text: mixed encodings, cut files, stray bytes, surrogates, NUL characters."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyser.errors import BinaryInputError, EncodingError, InputError
from analyser.reading import read_bytes

ROOT = Path(__file__).resolve().parents[2]
LINE = "国务院关于进一步做好易地扶贫搬迁后续扶持工作的通知，各地区各部门要认真贯彻执行。\n"


def test_utf8_with_one_gbk_line_is_decoded_line_by_line():
    gbk = "这一行是国标码，关于乡村振兴战略的意见。\n"
    data = (LINE * 60).encode() + gbk.encode("gbk") + (LINE * 5).encode()
    d = read_bytes(data, source="m.txt")
    assert d.text == LINE * 60 + gbk + LINE * 5
    assert d.encoding == "utf-8" and d.replaced == 0
    assert d.decode_errors().to_dict() == {"count": 0, "first_offsets": [], "lines": {"utf-8": 65, "gb18030": 1}}


def test_three_encodings_in_one_file_are_never_mojibake():
    lines = ["简体中文的一行，关于政策文件。\n", "繁體中文的一行，關於政策文件。\n", "国标码的一行，关于扶贫工作。\n"]
    data = lines[0].encode() + lines[1].encode("big5") + lines[2].encode("gb18030")
    d = read_bytes(data)
    assert d.text == "".join(lines)
    assert dict(d.lines) == {"utf-8": 1, "big5": 1, "gb18030": 1}


@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "big5"])
def test_a_file_cut_inside_its_last_character(codec):
    text = "鄉村振興戰略規劃" if codec == "big5" else "乡村振兴战略规划"
    d = read_bytes((text * 3).encode(codec)[:-1])
    assert d.text[:-1] == (text * 3)[:-1]
    assert d.text.endswith("\ufffd") and d.replaced == 1
    assert d.decode_errors().first_offsets == (len(text) * 3 - 1,)


def test_a_stray_byte_is_replaced_and_reported():
    data = (LINE * 20).encode() + b"\xff" + (LINE * 20).encode()
    d = read_bytes(data)
    assert d.replaced == 1 and d.text.count("\ufffd") == 1 and d.encoding == "utf-8"
    assert d.decode_errors().first_offsets == (len(LINE) * 20,)


def test_mostly_undecodable_bytes_are_refused_with_the_reason():
    with pytest.raises(EncodingError, match="invalid byte sequences"):
        read_bytes(LINE.encode() + b"\xff\xfe\x80" * 40, source="bad.txt")


def test_clean_files_have_no_report():
    for codec in ("utf-8", "gb18030", "big5"):
        text = "鄉村振興" if codec == "big5" else LINE
        assert read_bytes(text.encode(codec)).decode_errors() is None


def test_the_analysis_carries_the_report():
    from analyser import analyse_bytes

    a = analyse_bytes((LINE * 3).encode()[:-2]).to_dict()
    assert a["document"]["decode_errors"]["count"] == 1
    assert "decode_errors" not in analyse_bytes(LINE.encode()).to_dict()["document"]


def test_the_command_line_warns(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes((LINE * 3).encode()[:-2])
    proc = subprocess.run([sys.executable, "-m", "analyser", "analyse", str(path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, check=False)  # fmt: skip
    assert proc.returncode == 0
    assert proc.stderr.startswith("warning:") and "U+FFFD" in proc.stderr
    assert json.loads(proc.stdout)["document"]["decode_errors"]["count"] == 1


# --------------------------------------------------------------------------- one rule for characters


@pytest.mark.parametrize("text", ["\ud800abc", "国务院\udfff", "扶贫\x00工作", "\x00" * 3 + "abc"])
def test_analyse_refuses_text_that_is_not_unicode_text(text):
    from analyser import analyse

    with pytest.raises(InputError) as info:
        analyse(text, source="t")
    assert isinstance(info.value, (EncodingError, BinaryInputError)) and "\n" not in str(info.value)


# --------------------------------------------------------------------------- fuzz (bounded)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_analyse_or_fail_cleanly(data):
    from analyser import analyse_bytes

    try:
        a = analyse_bytes(data, source="f.txt")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    d = a.to_dict(text=True)
    text = d["document"]["text"]
    for kind in ("quantities", "dates", "slogans", "citations", "entities"):
        for f in d[kind]:
            assert text[f["start"] : f["end"]] == f["text"]


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("国务院关于扶贫“”《》〔〕1２三%亿元年。，\n\x00\ud800 <p>")), max_size=200))
def test_any_text_analyses_or_fails_cleanly(text):
    from analyser import analyse

    try:
        a = analyse(text)
    except InputError:
        return
    json.dumps(a.to_dict(), ensure_ascii=False).encode("utf-8")  # always encodable


def test_the_report_survives_the_store(tmp_path):
    from analyser import analyse_bytes
    from analyser.corpus.store import Store
    from analyser.facts import Analysis

    a = analyse_bytes((LINE * 3).encode()[:-2] + b"\n" + "国标码的一行文字。".encode("gbk"))
    again = Analysis.from_dict(a.to_dict(text=True))
    assert again.document.decode_errors == a.document.decode_errors
    store = Store(tmp_path / "s.db")
    store.add_analysis(a)
    assert store.get_document(a.document.id)["document"]["decode_errors"]["lines"] == {"utf-8": 3, "gb18030": 1}
