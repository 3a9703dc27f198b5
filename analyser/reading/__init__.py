"""Read a document's bytes into text: encoding detection, line endings, HTML to visible text.

What :func:`read_bytes` does, in order:

1. refuses input larger than ``max_bytes`` (:data:`DEFAULT_MAX`, 20 MiB: a long policy document is
   well under 1 MiB, so 20 MiB leaves room for pages with heavy markup while keeping a batch run
   from choking on a stray dump), empty input and known binary formats;
2. decodes: a byte-order mark (UTF-8, UTF-16 LE/BE) wins; then strict UTF-8; then a ``<meta charset>``
   hint when it decodes cleanly; then GB18030 (a superset of GBK and GB2312), Big5 and BOM-less
   UTF-16. When several decode, the one whose characters are most often common Chinese characters
   (``data/page_common_hanzi.txt``) wins; ``charset-normalizer`` breaks ties and handles the rest.
   Never silent mojibake: a file whose lines are valid in different encodings (UTF-8 lines and
   a GBK line, say) is decoded line by line, each line in the encoding that reads best; a few
   byte sequences that decode in no encoding (a file cut inside its last character, a stray
   byte) become U+FFFD; more than 2% refuses the file with the count. Both are reported
   (:meth:`DecodedText.decode_errors`, ``document.decode_errors`` in the analysis);
3. normalises line endings (``\\r\\n`` and ``\\r`` to ``\\n``) and nothing else, so offsets point
   into the text as decoded;
4. turns HTML (by the file's extension or by sniffing the content) into its visible text: tags
   removed, entities decoded; ``<head>``, scripts, styles, comments, ``<nav>``, frames, form
   controls and canvas/SVG dropped; block elements and table rows as line breaks, table cells
   separated by a tab (metadata tables keep their labels and values); white space as a browser
   shows it (ASCII runs to one space, a line wrap between Chinese characters removed, ``&nbsp;``
   and ideographic spaces kept). Malformed markup is repaired by lxml; what lxml cannot parse
   is stripped of tags.

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

import os
import stat
from dataclasses import dataclass
from typing import BinaryIO, Literal

from analyser.errors import EmptyInputError, InputError, InputTooLargeError
from analyser.facts import DecodeErrors

from .decode import check_binary, check_text, declared_charset, decode, input_name
from .html import html_to_text, looks_like_html

__all__ = ["DecodedText", "open_regular", "read_bytes", "read_path", "html_to_text", "looks_like_html", "DEFAULT_MAX"]

#: Largest input accepted, in bytes (20 MiB).
DEFAULT_MAX = 20 * 1024 * 1024
#: offsets of replaced characters listed in a decode report
MAX_OFFSETS = 10

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
    replaced : byte sequences that decoded in no encoding (now U+FFFD in ``text``).
    lines : when the file's lines were in different encodings: ``(encoding, lines)`` pairs.
    """

    text: str
    encoding: str
    format: Format
    source: str | None
    replaced: int = 0
    lines: tuple[tuple[str, int], ...] = ()

    def decode_errors(self) -> DecodeErrors | None:
        """The report for ``document.decode_errors``; ``None`` when the bytes decoded cleanly.

        >>> read_bytes("乡村振兴战略".encode()[:-1]).decode_errors()
        DecodeErrors(count=1, first_offsets=(5,), lines=())
        """
        if not self.replaced and not self.lines:
            return None
        offsets = []
        at = self.text.find("\ufffd")
        while at >= 0 and len(offsets) < MAX_OFFSETS:
            offsets.append(at)
            at = self.text.find("\ufffd", at + 1)
        return DecodeErrors(self.replaced, tuple(offsets), self.lines)


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
        raise InputTooLargeError(
            f"{input_name(source)}: {len(data)} bytes, larger than the limit of {max_bytes} bytes"
        )
    if not data.strip():
        raise EmptyInputError(f"{input_name(source)}: empty input (no text)")
    check_binary(data, source)
    hint = declared_charset(data) if html is not False and b"<" in data[:4096] else None
    decoded = decode(data, source, hint)
    text, encoding = decoded.text, decoded.encoding
    text = text.lstrip("\ufeff") if encoding != "utf-8" else text.removeprefix("\ufeff")
    check_text(text, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt: Format = "text"
    if html or (html is None and looks_like_html(text, source)):
        fmt = "html"
        text = html_to_text(text)
    if not text.strip():
        what = "no visible text in the HTML" if fmt == "html" else "only white space"
        raise EmptyInputError(f"{input_name(source)}: empty input ({what})")
    return DecodedText(
        text=text, encoding=encoding, format=fmt, source=source, replaced=decoded.replaced, lines=decoded.lines
    )


_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _check_mode(name: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise InputError(f"{name}: is a directory, not a document")
    what = next((label for test, label in _KINDS if test(mode)), "a special file")
    raise InputError(f"{name}: {what}, not a regular file")


def open_regular(path: str | os.PathLike) -> BinaryIO:
    """Open a regular file for binary reading; :class:`InputError` for anything else.

    The file is opened without blocking (a FIFO with no writer would otherwise hang the
    caller) and its type checked on the open descriptor, so there is no window for a swap.

    >>> open_regular("/dev/null")
    Traceback (most recent call last):
    ...
    analyser.errors.InputError: /dev/null: a character device, not a regular file
    """
    name = os.fspath(path)
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a document") from None
    except OSError as exc:
        try:
            _check_mode(name, os.stat(name).st_mode)
        except OSError:
            pass
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    try:
        _check_mode(name, os.fstat(fd).st_mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_path(
    path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX, html: bool | None = None
) -> DecodedText:
    """Read and decode the file at ``path`` (``"-"`` is not special here).

    The size is checked before reading, and at most ``max_bytes + 1`` bytes are read, so an
    oversized file fails fast. Only regular files are read: a FIFO, device or socket is refused
    at once (opening one never blocks).

    >>> read_path("/nonexistent/x.txt")
    Traceback (most recent call last):
    ...
    analyser.errors.InputError: /nonexistent/x.txt: no such file
    """
    name = os.fspath(path)
    try:
        with open_regular(name) as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise InputTooLargeError(f"{name}: {size} bytes, larger than the limit of {max_bytes} bytes")
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return read_bytes(data, source=name, max_bytes=max_bytes, html=html)
