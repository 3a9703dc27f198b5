"""Bytes to text: binary sniffing and encoding detection (see :mod:`analyser.reading`)."""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from analyser import data
from analyser.errors import BinaryInputError, EncodingError

__all__ = ["Decoded", "decode", "check_binary", "check_characters", "check_text", "declared_charset", "input_name"]

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


_UNENCODABLE = re.compile(r"[\x00\ud800-\udfff]")


def check_characters(text: str, source: str | None) -> None:
    """Refuse text that is not valid Unicode text: lone surrogates, NUL characters, mostly control characters.

    The one rule for every way in (files, standard input, the HTTP API): :func:`analyser.analyse`
    applies it to any text it is given.

    >>> check_characters("\\ud800abc", "t")
    Traceback (most recent call last):
    ...
    analyser.errors.EncodingError: t: not valid Unicode text: a lone surrogate U+D800 at offset 0
    >>> check_characters("a\\x00b", "t")
    Traceback (most recent call last):
    ...
    analyser.errors.BinaryInputError: t: a NUL character at offset 1: binary data, not a text document
    """
    m = _UNENCODABLE.search(text)
    if m:
        ch = m.group()
        if ch == "\x00":
            raise BinaryInputError(
                f"{input_name(source)}: a NUL character at offset {m.start()}: binary data, not a text document"
            )
        raise EncodingError(
            f"{input_name(source)}: not valid Unicode text: a lone surrogate U+{ord(ch):04X} at offset {m.start()}"
        )
    check_text(text, source)


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


def _mostly_ascii(text: str) -> bool:
    sample = text[:20_000]
    return sum(1 for ch in sample if " " <= ch < "\x7f" or ch in "\n\r\t") >= len(sample) * 0.9


def _plausible(text: str) -> bool:
    """Text made mostly of printable ASCII or common Chinese characters (not random code units)."""
    sample = text[:20_000]
    if _mostly_ascii(sample):
        return True
    return _common_share(sample) >= 0.6 and not _CONTROL.search(sample.replace("\x00", ""))


@dataclass(frozen=True)
class Decoded:
    """What :func:`decode` made of the bytes.

    ``replaced`` counts the byte sequences that decoded in no candidate encoding and became
    U+FFFD; ``lines`` is set when the lines of the file were valid in different encodings and
    were decoded one by one: ``(encoding, number of lines)`` pairs, most lines first.
    """

    text: str
    encoding: str
    replaced: int = 0
    lines: tuple[tuple[str, int], ...] = ()


#: codecs a line of a mixed file may be in
_LINE_CODECS = ("utf-8", "gb18030", "big5")


def _tolerated(replaced: int, text: str) -> bool:
    """A few replaced sequences (a file cut inside its last character, one stray byte) are tolerated."""
    return replaced <= max(1, len(text.strip()) // 50)


def _with_replacement(data: bytes, codec: str, source: str | None) -> Decoded:
    text = data.decode(codec, "replace")
    replaced = text.count("\ufffd") - _strict_fffd(data, codec)
    if not _tolerated(replaced, text):
        raise EncodingError(
            f"{input_name(source)}: cannot decode the bytes as {_normal_name(codec)}: "
            f"{replaced} invalid byte sequences in {len(data)} bytes"
        )
    return Decoded(text, _normal_name(codec), replaced)


def _strict_fffd(data: bytes, codec: str) -> int:
    """U+FFFD characters written in the file itself (not replacements)."""
    return data.count("\ufffd".encode(codec, "ignore")) if codec.startswith("utf") else 0


def _line_score(text: str) -> float:
    """How much a decoded line looks like Chinese text: common characters count, U+FFFD costs."""
    if "\ufffd" not in text:
        return _common_share(text)
    kept = text.replace("\ufffd", "")
    bad = len(text) - len(kept)
    return _common_share(kept + "\x80" * bad)


def _non_ascii(line: bytes) -> bool:
    return not line.isascii()


def _mixed_utf8(lines: list[bytes]) -> bool:
    """Some lines are clearly UTF-8 (valid, and better Chinese than as GB18030) while others are not valid UTF-8."""
    utf8 = other = False
    for line in lines:
        if not _non_ascii(line):
            continue
        text = _strict(line, "utf-8")
        if text is None:
            other = True
        elif len(text.strip()) >= 2 and _common_share(text) >= 0.5:
            legacy = _strict(line, "gb18030")
            if legacy is None or _common_share(text) > _common_share(legacy):
                utf8 = True
        if utf8 and other:
            return True
    return False


def _decode_lines(data: bytes, source: str | None, prefer: str | None) -> Decoded:
    """Decode each line in the encoding that reads best; replace what none decodes."""
    parts: list[str] = []
    used: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    replaced = 0
    for line in data.splitlines(keepends=True):
        if not _non_ascii(line):
            parts.append(line.decode("ascii"))
            continue
        best: tuple[float, int, str, str] | None = None
        for rank, codec in enumerate(_LINE_CODECS):
            text = _strict(line, codec)
            score = _line_score(text) if text is not None else -1.0
            if text is None:
                text = line.decode(codec, "replace")
                score = _line_score(text)
            key = (score, int(codec == prefer), -rank)
            if best is None or key > best[:3]:  # type: ignore[operator]
                best = (*key, codec, text)  # type: ignore[assignment]
        assert best is not None
        codec, text = best[3], best[4]  # type: ignore[misc]
        replaced += text.count("\ufffd") - _strict_fffd(line, codec)
        used[codec] += 1
        weight[codec] += len(line)
        parts.append(text)
    text = "".join(parts)
    if not _tolerated(replaced, text) and replaced:
        raise EncodingError(
            f"{input_name(source)}: cannot decode the bytes as UTF-8, GB18030, Big5 or UTF-16: "
            f"{replaced} invalid byte sequences in {len(data)} bytes"
        )
    order = sorted(used, key=lambda c: (-weight[c], c))
    dominant = _normal_name(order[0]) if order else "utf-8"
    ranked = tuple((_normal_name(c), used[c]) for c in order)
    return Decoded(text, dominant, replaced, ranked if len(ranked) > 1 else ())


def decode(data: bytes, source: str | None, hint: str | None) -> Decoded:
    """Decode ``data`` (see :mod:`analyser.reading` for the order of the attempts).

    A file whose lines are valid in different encodings (UTF-8 and GB18030, say) is decoded
    line by line; bytes that decode in no encoding become U+FFFD when they are few (see
    :func:`_tolerated`) and are counted, else the file is refused with the reason.

    >>> d = decode("政策".encode() + b"\\n" + "扶贫".encode("gbk"), None, None)
    >>> d.text, d.encoding, d.lines
    ('政策\\n扶贫', 'utf-8', (('utf-8', 1), ('gb18030', 1)))
    >>> decode("乡村振兴战略".encode()[:-1], None, None)
    Decoded(text='乡村振兴战\ufffd', encoding='utf-8', replaced=1, lines=())
    """
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8")
        if text is None:
            return _with_replacement(data[3:], "utf-8", source)
        return Decoded(text, "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16")
        if text is None:
            return _with_replacement(data, "utf-16", source)
        return Decoded(text, "utf-16")
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    if hint:
        text = _strict(data, hint)
        if text is not None and _common_share(text) >= 0.5:
            return Decoded(text, _normal_name(hint))
    candidates: list[tuple[str, str]] = []
    if b"\x00" in data:
        candidates.extend(_utf16_without_bom(data))
        if not candidates:
            raise BinaryInputError(f"{input_name(source)}: binary input (NUL bytes), not a text document")
    lines = data.splitlines(keepends=True)
    if not candidates and _mixed_utf8(lines):
        return _decode_lines(data, source, "utf-8")
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
                    return Decoded(text, _normal_name(codec))
        return Decoded(best[3], _normal_name(best[2]))
    guess = _detector_guess(data, None)
    if guess:
        text = _strict(data, guess)
        if text is not None and _mostly_ascii(text):
            return Decoded(text, _normal_name(guess))
    fewest = min(_LINE_CODECS, key=lambda c: data.decode(c, "replace").count("\ufffd"))
    return _decode_lines(data, source, hint or fewest)


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
