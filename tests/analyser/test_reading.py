"""Reading documents: encodings, line endings, HTML to visible text, bad input."""

from __future__ import annotations

import codecs
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyser.errors import (
    AnalyserError,
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
)
from analyser.reading import DecodedText, html_to_text, looks_like_html, read_bytes, read_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SIMPLIFIED = (FIXTURES / "simplified.utf8.txt").read_text(encoding="utf-8")
TRADITIONAL = (FIXTURES / "traditional.utf8.txt").read_text(encoding="utf-8")

# fmt: off
ENCODED = [
    ("simplified.utf8.txt",        SIMPLIFIED,  "utf-8"),
    ("simplified.gb18030.txt",     SIMPLIFIED,  "gb18030"),
    ("simplified.utf8-bom.txt",    SIMPLIFIED,  "utf-8-sig"),
    ("simplified.utf16le-bom.txt", SIMPLIFIED,  "utf-16"),
    ("simplified.utf16be-bom.txt", SIMPLIFIED,  "utf-16"),
    ("simplified.crlf.txt",        SIMPLIFIED,  "utf-8"),
    ("simplified.cr.txt",          SIMPLIFIED,  "utf-8"),
    ("traditional.utf8.txt",       TRADITIONAL, "utf-8"),
    ("traditional.big5.txt",       TRADITIONAL, "big5"),
    ("traditional.gb18030.txt",    TRADITIONAL, "gb18030"),
    ("short.big5.txt",             "來源：振興司", "big5"),
    ("short.gb18030.txt",          "来源：振兴司", "gb18030"),
]
# fmt: on


@pytest.mark.parametrize("name, expected, encoding", ENCODED)
def test_fixture_round_trips(name, expected, encoding):
    decoded = read_path(FIXTURES / name)
    assert isinstance(decoded, DecodedText)
    assert decoded.text == expected
    assert decoded.encoding == encoding
    assert decoded.format == "text"
    assert decoded.source == str(FIXTURES / name)


# fmt: off
SHORT_TEXTS = [
    "來源:振興司", "易地扶貧搬遷", "臺灣", "香港特別行政區政府", "中華民國", "行政院", "發布日期",
    "政府工作报告", "关于", "国务院", "乡村振兴", "易地扶贫搬迁是中央明确的", "第一條　本要點",
]
# fmt: on


def _encodable(texts, codecs_):
    for text in texts:
        for codec in codecs_:
            try:
                yield text.encode(codec), text, codec
            except UnicodeEncodeError:  # a Simplified-only character has no Big5 form
                continue


@pytest.mark.parametrize("data, text, codec", list(_encodable(SHORT_TEXTS, ("gb18030", "big5"))))
def test_short_texts_choose_the_right_chinese_codec(data, text, codec):
    decoded = read_bytes(data)
    assert decoded.text == text
    assert decoded.encoding == codec


def test_utf16_without_bom_is_recognised():
    data = SIMPLIFIED.encode("utf-16-le")
    decoded = read_bytes(data)
    assert decoded.text == SIMPLIFIED
    assert decoded.encoding.startswith("utf-16")


def test_line_endings_are_normalised_and_nothing_else():
    text = "甲\r\n\u3000\u3000乙 \r丙\xa0\t丁\n"
    assert read_bytes(text.encode("utf-8")).text == "甲\n\u3000\u3000乙 \n丙\xa0\t丁\n"


def test_meta_charset_is_used_for_html_bytes():
    decoded = read_path(FIXTURES / "page.gb2312-meta.html")
    assert decoded.encoding == "gb18030"
    assert decoded.format == "html"
    assert (
        decoded.text
        == "首页 > 通知公告\n关于做好安置区就业服务的通知\n各乡（镇）人民政府：\n现将有关事项通知如下。"
    )


def test_malformed_html_still_gives_text():
    decoded = read_path(FIXTURES / "page.malformed.html")
    assert decoded.format == "html"
    assert "第一段：乡村振兴重点任务" in decoded.text
    assert "第二段 & 说明 \xa0<附件>" in decoded.text
    assert "发布日期：\t2027年1月5日" in decoded.text
    assert "<" not in decoded.text.replace("<附件>", "")


# fmt: off
HTML_CASES = [
    ("<p>第一段</p><p>第二段</p>",                                   "第一段\n第二段"),
    ("<div>甲<br>乙</div>",                                          "甲\n乙"),
    ("<p>前<script>alert('x')</script>后</p><style>p{color:red}</style>", "前后"),
    ("<p>可见<!-- 不可见 -->文字</p>",                               "可见文字"),
    ("<nav><a>首页</a></nav><p>正文</p>",                            "正文"),
    ("<noscript>请开启脚本</noscript><template><p>模板</p></template><p>正文</p>", "正文"),
    ("<p>A &amp; B &lt;C&gt; &#x4e2d;&#25991;</p>",                  "A & B <C> 中文"),
    ("<p><span>（一）加大</span><span>支持力度。</span></p>",          "（一）加大支持力度。"),
    ("<p>跨行\n  的中文</p>",                                        "跨行的中文"),
    ("<p>word\n  wrap</p>",                                          "word wrap"),
    ("<table><tr><td><b>发文机关：</b></td><td>国务院</td></tr><tr><td>标　　题：</td><td>关于…的意见</td></tr></table>",
     "发文机关：\t国务院\n标　　题：\t关于…的意见"),
    ("<ul><li>一</li><li>二</li></ul>",                               "一\n二"),
    ("<pre>  保留\n  空白</pre>",                                      "保留\n  空白"),
    ("<p>国务院办公厅 &nbsp; &nbsp;</p><p>2018年12月30日</p>",          "国务院办公厅 \xa0 \xa0\n2018年12月30日"),
]
# fmt: on


@pytest.mark.parametrize("html, expected", HTML_CASES)
def test_html_to_text(html, expected):
    assert html_to_text(html) == expected


# fmt: off
SNIFF = [
    ("<!DOCTYPE html><html><body>x</body></html>", None,        True),
    ("<div class='wrap'><table><tr><td>x</td></tr></table></div>", None, True),
    ("\n  <p>通知</p>",                             None,        True),
    ("关于<印发>的通知",                             None,        False),
    ("各位代表：\n现在，我代表国务院",                 None,        False),
    ("正文",                                        "page.HTML", True),
    ("<p>标记</p>",                                  "a.txt",     True),
]
# fmt: on


@pytest.mark.parametrize("text, source, expected", SNIFF)
def test_html_sniffing(text, source, expected):
    assert looks_like_html(text, source) is expected


def test_html_flag_overrides_sniffing():
    assert read_bytes("<p>甲</p>".encode(), html=False).text == "<p>甲</p>"
    assert read_bytes("甲&amp;乙".encode(), html=True).text == "甲&乙"


# --------------------------------------------------------------------------- bad input


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt")


def test_directory(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_path(tmp_path)


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n", "\u3000\u3000\n".encode("utf-8"), b"<html><body> </body></html>"]
)
def test_empty(tmp_path, data):
    path = tmp_path / "empty.html"
    path.write_bytes(data)
    with pytest.raises(EmptyInputError, match="empty.html"):
        read_path(path)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"abc\x00\x01\x02\x03\xff\xfe\x00\x10def" * 20,
        bytes(range(1, 32)) * 40,
    ],
)
def test_binary(tmp_path, data):
    path = tmp_path / "blob.txt"
    path.write_bytes(data)
    with pytest.raises(BinaryInputError, match="blob.txt"):
        read_path(path)


def test_undecodable():
    data = b"\x81\x30" * 5 + "乡村振兴".encode("gb18030") + b"\xff\xff\x80"
    with pytest.raises(EncodingError, match="cannot decode"):
        read_bytes(data, source="bad.txt")


def test_bom_with_bad_bytes():
    with pytest.raises(EncodingError, match="bad.txt"):
        read_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd", source="bad.txt")


def test_too_large_bytes():
    with pytest.raises(InputTooLargeError, match="limit"):
        read_bytes("乡村振兴".encode() * 100, max_bytes=100)


def test_too_large_file_fails_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # a sparse 50 MB file: cheap to make, must fail on its size alone
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(InputTooLargeError, match="huge.txt"):
        read_path(path)


def test_errors_share_one_root_and_one_line():
    for call in (lambda: read_bytes(b""), lambda: read_bytes(b"%PDF-1.4")):
        with pytest.raises(AnalyserError) as info:
            call()
        assert "\n" not in str(info.value)


# --------------------------------------------------------------------------- shared documents


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip("../shared not present")
    return path


def _resolve(gold: dict, text: str) -> list[tuple[str, int, int]]:
    """Every (surface, occurrence) of an HTML gold resolved in ``text``: (surface, occurrence, start or -1)."""
    out = []

    def walk(obj):
        if isinstance(obj, dict):
            if "surface" in obj and "occurrence" in obj and obj["surface"]:
                pos = -1
                for _ in range(int(obj["occurrence"]) + 1):
                    pos = text.find(obj["surface"], pos + 1)
                    if pos < 0:
                        break
                out.append((obj["surface"], int(obj["occurrence"]), pos))
            for v in obj.values():
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    walk(gold)
    return out


def test_dev12_gold_occurrences_resolve_in_the_visible_text():
    page = _shared("corpus-real", "dev", "dev12_gov_cn_guobanfa_2018_129_consumption_poverty.html")
    gold = json.loads(_shared("gold", "dev", page.name + ".gold.json").read_text(encoding="utf-8"))
    decoded = read_path(page)
    assert decoded.format == "html"
    resolved = _resolve(gold, decoded.text)
    assert len(resolved) > 100
    missing = [(s, k) for s, k, pos in resolved if pos < 0]
    assert missing == []
    text = decoded.text
    meta = gold["meta"]
    table = text.index("发文机关")
    for key in ("title", "source", "publish_date", "doc_number"):
        surface = meta[key]["surface"]
        assert text.find(surface) >= 0
        # occurrence 0 of each metadata surface is the table cell, at the head of the page
        assert abs(text.find(surface) - table) < 200, key
    # the article's own title lines come after the table (occurrence 1)
    first_line = meta["title_lines"][0]["surface"]
    assert text.find(first_line, text.find(first_line) + 1) > text.find(meta["title"]["surface"])


def test_dev13_page_keeps_table_and_article():
    page = _shared("corpus-real", "dev", "dev13_gov_cn_guofa_2018_39_employment.html")
    text = read_path(page).text
    assert "发文字号：\t国发〔2018〕39号" in text
    assert "国务院关于做好当前和今后一个时期促进就业工作的若干意见" in text
    assert "\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n" in text
    assert "window.print" not in text and "<" not in text


@pytest.mark.skipif(sys.platform == "win32", reason="paths")
def test_every_dev_file_reads():
    folder = _shared("corpus-real", "dev")
    for path in sorted(folder.glob("dev*")):
        decoded = read_path(path)
        assert decoded.encoding == "utf-8"
        assert "\r" not in decoded.text
        assert decoded.format == ("html" if path.suffix == ".html" else "text")


# --------------------------------------------------------------------------- never a traceback


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_text_or_an_input_error(data):
    try:
        decoded = read_bytes(data, source="x.txt")
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("x.txt")
        return
    assert decoded.text.strip()
    assert "\r" not in decoded.text


_MARKUP = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<td>",
        "<tr>",
        "<table>",
        "<br>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<b>",
        "&nbsp;",
        "&amp;",
        "&#x4e2d;",
        "<",
        ">",
        "\n",
        " ",
        "乡村振兴",
        "。",
        "<style>",
        "<nav>",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_MARKUP, max_size=40))
def test_any_markup_gives_text(parts):
    html = "".join(parts)
    text = html_to_text(html)
    assert isinstance(text, str)
    assert "\r" not in text
    try:
        read_bytes(html.encode(), html=True)
    except EmptyInputError:
        assert not text.strip()
