"""Read a document's bytes into text: encoding detection, line endings, HTML to visible text.

What :func:`read_bytes` does, in order:

1. refuses input larger than ``max_bytes`` (:data:`DEFAULT_MAX`, 20 MiB: a long policy document is
   well under 1 MiB, so 20 MiB leaves room for pages with heavy markup while keeping a batch run
   from choking on a stray dump), empty input and known binary formats;
2. decodes: a byte-order mark (UTF-8, UTF-16 LE/BE) wins; then strict UTF-8; then a ``<meta charset>``
   hint when it decodes cleanly; then GB18030 (a superset of GBK and GB2312), Big5 and BOM-less
   UTF-16. When several decode, the one whose characters are most often common Chinese characters
   (``data/page_common_hanzi.txt``) wins; ``charset-normalizer`` breaks ties and handles the rest;
3. normalises line endings (``\\r\\n`` and ``\\r`` to ``\\n``) and nothing else, so offsets point
   into the text as decoded;
4. turns HTML (by the file's extension or by sniffing the content) into its visible text: tags
   removed, entities decoded, scripts, styles, comments, navigation and frames dropped, block
   elements and table rows as line breaks, table cells separated by a tab.

Every failure raises a subclass of :class:`analyser.errors.InputError` whose message is one line
naming the input.

Examples
--------
>>> d = read_bytes("政府工作报告\\r\\n各位代表：".encode("gb18030"), source="a.txt")
>>> d.encoding, d.format, d.text
('gb18030', 'text', '政府工作报告\\n各位代表：')
>>> read_bytes(b"<p>\\xe7\\xac\\xac\\xe4\\xb8\\x80</p><p>A&amp;B</p><script>x()</script>").text
'第一\\nA&B'
"""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from .errors import BinaryInputError, EmptyInputError, EncodingError, InputError, InputTooLargeError

__all__ = ["DecodedText", "read_bytes", "read_path", "html_to_text", "looks_like_html", "DEFAULT_MAX"]

#: Largest input accepted, in bytes (20 MiB).
DEFAULT_MAX = 20 * 1024 * 1024

HTML_SUFFIXES = (".htm", ".html", ".xhtml", ".shtml")

Format = Literal["text", "html"]


@dataclass(frozen=True)
class DecodedText:
    """A document's decoded text.

    Attributes
    ----------
    text : the text every offset points into (for HTML, the visible text).
    encoding : normalised lower-case codec name: ``utf-8``, ``utf-8-sig``, ``gb18030``, ``big5``,
        ``big5hkscs``, ``utf-16`` …
    format : ``"text"`` or ``"html"``.
    source : the path or name given, if any.
    """

    text: str
    encoding: str
    format: Format
    source: str | None


# --------------------------------------------------------------------------- binary sniffing

_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\xd0\xcf\x11\xe0", "an OLE file (DOC/XLS)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


def _name(source: str | None) -> str:
    return source if source else "<input>"


def _check_binary(data: bytes, source: str | None) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"{_name(source)}: binary input ({what}), not a text or HTML document")


def _check_text(text: str, source: str | None) -> None:
    """Refuse decoded text that is mostly control characters (binary data that happened to decode)."""
    sample = text[:200_000]
    if not sample:
        return
    bad = len(_CONTROL.findall(sample))
    if "\x00" in sample or bad > max(8, len(sample) // 50):
        raise BinaryInputError(f"{_name(source)}: binary input (control characters), not a text document")


# --------------------------------------------------------------------------- decoding

_NAMES = {
    "utf_8": "utf-8",
    "utf8": "utf-8",
    "utf_8_sig": "utf-8-sig",
    "utf_16": "utf-16",
    "utf_16_le": "utf-16-le",
    "utf_16_be": "utf-16-be",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "gb18030": "gb18030",
    "hz": "gb18030",
    "big5": "big5",
    "cp950": "big5",
    "big5hkscs": "big5hkscs",
    "ascii": "utf-8",
}


def _normal_name(codec: str) -> str:
    try:
        key = codecs.lookup(codec).name.replace("-", "_")
    except LookupError:
        key = codec.lower().replace("-", "_")
    return _NAMES.get(key, key.replace("_", "-"))


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "page_common_hanzi.txt"
    chars: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            chars.update(line.strip())
    return frozenset(chars)


def _common_share(text: str) -> float:
    """Share of the non-ASCII, non-space characters that are common Chinese characters or CJK punctuation."""
    common = _common_hanzi()
    total = hits = 0
    for ch in text[:100_000]:
        if ch < "\x80" or ch.isspace():
            continue
        total += 1
        if ch in common or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·":
            hits += 1
    return hits / total if total else 0.0


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    if name in ("gb2312", "gbk", "x-gbk", "cp936", "gb18030"):
        return "gb18030"
    if name in ("big5", "big-5", "cp950", "x-x-big5"):
        return "big5"
    if name in ("big5-hkscs", "big5hkscs"):
        return "big5hkscs"
    return None


def _utf16_without_bom(data: bytes) -> list[tuple[str, str]]:
    """BOM-less UTF-16 candidates, when NUL bytes sit regularly on even or odd positions."""
    if len(data) < 4 or len(data) % 2:
        return []
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    out = []
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > other * 4 or (zeros == other == 0):
            text = _strict(data, codec)
            if text is not None and _plausible(text):
                out.append((codec, text))
    return out


def _plausible(text: str) -> bool:
    """Text made mostly of printable ASCII or common Chinese characters (not random code units)."""
    sample = text[:20_000]
    ascii_ok = sum(1 for ch in sample if " " <= ch < "\x7f" or ch in "\n\r\t")
    if ascii_ok >= len(sample) * 0.9:
        return True
    return _common_share(sample) >= 0.6 and not _CONTROL.search(sample.replace("\x00", ""))


def _decode(data: bytes, source: str | None, hint: str | None) -> tuple[str, str]:
    """Return ``(text, encoding)``."""
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8")
        if text is None:
            raise EncodingError(f"{_name(source)}: starts with a UTF-8 byte-order mark but is not valid UTF-8")
        return text, "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16")
        if text is None:
            raise EncodingError(f"{_name(source)}: starts with a UTF-16 byte-order mark but is not valid UTF-16")
        return text, "utf-16"
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    if hint:
        text = _strict(data, hint)
        if text is not None and _common_share(text) >= 0.5:
            return text, _normal_name(hint)
    candidates: list[tuple[str, str]] = []
    if b"\x00" in data:
        candidates.extend(_utf16_without_bom(data))
        if not candidates:
            raise BinaryInputError(f"{_name(source)}: binary input (NUL bytes), not a text document")
    for codec in ("gb18030", "big5", "big5hkscs"):
        text = _strict(data, codec)
        if text is not None:
            candidates.append((codec, text))
    if candidates:
        scored = sorted(((_common_share(t), i, c, t) for i, (c, t) in enumerate(candidates)), reverse=True)
        best = scored[0]
        if len(scored) > 1 and best[0] - scored[1][0] < 0.02:
            guess = _detector_guess(data, [c for c, _ in candidates])
            for share, _, codec, text in scored:
                if _normal_name(codec) == guess and best[0] - share < 0.02:
                    return text, _normal_name(codec)
        return best[3], _normal_name(best[2])
    guess = _detector_guess(data, None)
    if guess:
        text = _strict(data, guess)
        if text is not None:
            return text, _normal_name(guess)
    raise EncodingError(
        f"{_name(source)}: cannot decode the bytes as UTF-8, GB18030, Big5 or UTF-16"
    )


def _detector_guess(data: bytes, isolation: list[str] | None) -> str | None:
    """charset-normalizer's best guess (restricted to ``isolation`` when given)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    sample = data[:200_000]
    kwargs = {"cp_isolation": isolation} if isolation else {}
    best = from_bytes(sample, **kwargs).best()
    if best is None or (isolation is None and best.chaos > 0.2):
        return None
    return _normal_name(best.encoding)


# --------------------------------------------------------------------------- HTML

_HTML_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<br\s*/?>|<p[\s>]|<div[\s>]|<table[\s>]",
    re.I,
)


def looks_like_html(text: str, source: str | None = None) -> bool:
    """True for HTML: an ``.htm``/``.html`` name, or markup found at the head of the content.

    >>> looks_like_html("<div><p>通知</p></div>"), looks_like_html("关于<印发>的通知")
    (True, False)
    """
    if source and source.lower().endswith(HTML_SUFFIXES):
        return True
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and _HTML_SNIFF.search(head):
        return True
    return bool(re.search(r"<!doctype\s+html|<html[\s>]|<body[\s>]", head, re.I))


# Elements whose content is never visible text.
_DROP = {
    "script", "style", "noscript", "template", "head", "title", "nav", "iframe", "frame", "frameset",
    "object", "embed", "svg", "canvas", "select", "option", "button", "textarea", "map",
}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "tfoot", "thead", "tr", "ul",
}
_CELL = {"td", "th"}
_ASCII_WS = re.compile(r"[ \t\n\r\f\v]+")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def _collapse(text: str) -> str:
    """Browser-like white space: ASCII runs to one space; a run holding a line break between two
    CJK characters disappears (source line wrapping inside Chinese text)."""

    def repl(m: re.Match) -> str:
        s = m.string
        a, b = m.start(), m.end()
        if "\n" in m.group() and 0 < a and b < len(s) and _CJK.match(s[a - 1]) and _CJK.match(s[b]):
            return ""
        return " "

    return _ASCII_WS.sub(repl, text)


class _Builder:
    """Accumulates visible text with pending separators (line break > cell tab > space)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = ""  # "", "\t" or "\n"
        self.at_line_start = True

    def sep(self, kind: str) -> None:
        if kind == "\n" or not self.pending:
            self.pending = kind

    def text(self, s: str, *, pre: bool = False) -> None:
        if not s:
            return
        if not pre:
            s = _collapse(s)
            if self.at_line_start or self.pending:
                s = s.lstrip(" ")
            if not s:
                return
        if self.parts and self.pending:
            self._rstrip()
            self.parts.append(self.pending)
            self.at_line_start = self.pending == "\n"
        self.pending = ""
        if not pre and self.parts and s.startswith(" ") and self.parts[-1].endswith((" ", "\n", "\t")):
            s = s.lstrip(" ")
        self.parts.append(s)
        self.at_line_start = s.endswith("\n")

    def _rstrip(self) -> None:
        while self.parts and self.parts[-1].endswith(" "):
            self.parts[-1] = self.parts[-1].rstrip(" ")
            if not self.parts[-1]:
                self.parts.pop()
            else:
                break

    def result(self) -> str:
        self._rstrip()
        return "".join(self.parts)


def html_to_text(html: str) -> str:
    """The visible text of an HTML document or fragment (see the module notes).

    >>> html_to_text("<table><tr><td>发文机关：</td><td>国务院</td></tr></table><p>第一段</p><p>第二<b>段</b></p>")
    '发文机关：\\t国务院\\n第一段\\n第二段'
    >>> html_to_text("<p>A<!-- hidden --> &lt;B&gt;</p><style>p{}</style>")
    'A <B>'
    """
    import lxml.etree
    import lxml.html

    source = html.replace("\x00", "")
    if not source.strip():
        return ""
    try:
        parser = lxml.html.HTMLParser(
            recover=True, encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
        )
        root = lxml.html.document_fromstring(source.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return _crude_strip(source)
    out = _Builder()
    skip_depth = 0
    pre_depth = 0
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower().rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if event == "start":
            if skip_depth or tag in _DROP or not tag:
                skip_depth += 1
                continue
            if tag in _BLOCK:
                out.sep("\n")
            if tag == "pre":
                pre_depth += 1
            out.text(el.text or "", pre=pre_depth > 0)
            continue
        if skip_depth:
            skip_depth -= 1
            if skip_depth == 0 and el is not root:  # the tail of a dropped element is visible
                out.text(el.tail or "", pre=pre_depth > 0)
            continue
        if tag in _BLOCK:
            out.sep("\n")
        elif tag in _CELL:
            out.sep("\t")
        if tag == "pre":
            pre_depth -= 1
        if el is not root:
            out.text(el.tail or "", pre=pre_depth > 0)
    text = out.result().strip("\n\t ")
    if not text:  # the parser gave up (e.g. nesting too deep): fall back to stripping tags
        return _crude_strip(source)
    return text


_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.I | re.S)


def _crude_strip(html: str) -> str:
    import html as htmllib

    text = _TAG.sub("\n", html)
    lines = (_collapse(htmllib.unescape(line)).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- entry points


def read_bytes(
    data: bytes, *, source: str | None = None, max_bytes: int = DEFAULT_MAX, html: bool | None = None
) -> DecodedText:
    """Decode a document's bytes (see the module notes for the steps).

    Parameters
    ----------
    data : the raw bytes.
    source : a path or name, used to recognise HTML by its extension and in error messages.
    max_bytes : refuse larger input with :class:`InputTooLargeError`.
    html : ``True`` treats the input as HTML, ``False`` as plain text; ``None`` (default) decides
        by the extension of ``source`` and by sniffing the content.

    >>> read_bytes("來源:振興司".encode("big5")).encoding
    'big5'
    >>> read_bytes(b"   \\n")
    Traceback (most recent call last):
    ...
    analyser.errors.EmptyInputError: <input>: empty input (no text)
    """
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{_name(source)}: {len(data)} bytes, larger than the limit of {max_bytes} bytes")
    if not data.strip():
        raise EmptyInputError(f"{_name(source)}: empty input (no text)")
    _check_binary(data, source)
    hint = _declared_charset(data) if html is not False and b"<" in data[:4096] else None
    text, encoding = _decode(data, source, hint)
    text = text.lstrip("\ufeff") if encoding != "utf-8" else text.removeprefix("\ufeff")
    _check_text(text, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt: Format = "text"
    if html or (html is None and looks_like_html(text, source)):
        fmt = "html"
        text = html_to_text(text)
    if not text.strip():
        what = "no visible text in the HTML" if fmt == "html" else "only white space"
        raise EmptyInputError(f"{_name(source)}: empty input ({what})")
    return DecodedText(text=text, encoding=encoding, format=fmt, source=source)


def read_path(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX, html: bool | None = None) -> DecodedText:
    """Read and decode the file at ``path`` (``"-"`` is not special here).

    The size is checked before reading, and at most ``max_bytes + 1`` bytes are read, so an
    oversized file fails fast.

    >>> read_path("/nonexistent/x.txt")
    Traceback (most recent call last):
    ...
    analyser.errors.InputError: /nonexistent/x.txt: no such file
    """
    name = os.fspath(path)
    p = Path(name)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if p.is_dir():
        raise InputError(f"{name}: is a directory, not a document")
    if st.st_size > max_bytes:
        raise InputTooLargeError(f"{name}: {st.st_size} bytes, larger than the limit of {max_bytes} bytes")
    try:
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return read_bytes(data, source=name, max_bytes=max_bytes, html=html)
