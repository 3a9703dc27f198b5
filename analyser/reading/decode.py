"""Bytes to text: binary sniffing and encoding detection (see :mod:`analyser.reading`)."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from analyser import data
from analyser.errors import BinaryInputError, EncodingError

__all__ = ["decode", "check_binary", "check_text", "declared_charset", "input_name"]

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


def input_name(source: str | None) -> str:
    return source if source else "<input>"


def check_binary(data: bytes, source: str | None) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(
                f"{input_name(source)}: binary input ({what}), not a text or HTML document"
            )


def check_text(text: str, source: str | None) -> None:
    """Refuse decoded text that is mostly control characters (binary data that happened to decode)."""
    sample = text[:200_000]
    if not sample:
        return
    bad = len(_CONTROL.findall(sample))
    if "\x00" in sample or bad > max(8, len(sample) // 50):
        raise BinaryInputError(
            f"{input_name(source)}: binary input (control characters), not a text document"
        )


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
    chars: set[str] = set()
    for line in data.lines("page_common_hanzi.txt"):
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


def declared_charset(data: bytes) -> str | None:
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


def decode(data: bytes, source: str | None, hint: str | None) -> tuple[str, str]:
    """Return ``(text, encoding)``."""
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8")
        if text is None:
            raise EncodingError(
                f"{input_name(source)}: starts with a UTF-8 byte-order mark but is not valid UTF-8"
            )
        return text, "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16")
        if text is None:
            raise EncodingError(
                f"{input_name(source)}: starts with a UTF-16 byte-order mark but is not valid UTF-16"
            )
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
            raise BinaryInputError(f"{input_name(source)}: binary input (NUL bytes), not a text document")
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
    raise EncodingError(f"{input_name(source)}: cannot decode the bytes as UTF-8, GB18030, Big5 or UTF-16")


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
