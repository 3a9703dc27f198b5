"""Run the pipeline on a text or a file and collect an :class:`~analyser.facts.Analysis`.

Examples
--------
>>> a = analyse("国务院关于做好2024年就业工作的通知")
>>> a.document.script, a.document.chars
('simplified', 19)
>>> a.to_dict()["schema"]
'policy-analyser/analysis@1'
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from analyser.errors import EmptyInputError
from analyser.facts import Analysis, DecodeErrors, DocumentInfo
from analyser.text.normalize import detect_script

from .chunks import CHUNKED_ABOVE, make_doc, run_pipeline
from .keys import FACTS_KEY, PAGE_KEY, PUBLISHED_KEY, doc_tokens
from .pipeline import gc_paused, get_nlp

__all__ = ["analyse", "analyse_file", "analyse_bytes", "document_id"]


def document_id(text: str) -> str:
    """Stable id of a document: the first 16 hex digits of the SHA-256 of its decoded text.

    >>> document_id("国务院")
    'a22144d42e68f71b'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def analyse(
    text: str,
    *,
    source: str | None = None,
    encoding: str = "utf-8",
    format: str = "text",
    decode_errors: DecodeErrors | None = None,
    published: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    chunked_above: int = CHUNKED_ABOVE,
) -> Analysis:
    """Analyse one decoded text (for a web page: the text extracted from it).

    Parameters
    ----------
    text : the document's text; offsets of every fact point into it.
    source : the path or name to record in ``document.source``.
    encoding, format : how the text was read (recorded in the ``document`` block).
    published : the document's date when known from outside the text (ISO; a corpus sidecar);
        it becomes ``document.published`` and anchors relative dates and years (今年, 去年).
    metadata : values from a corpus sidecar (:mod:`analyser.corpus.sidecar`: ``title``,
        ``published``, ``issuer``, ``doc_number``, ``kind``, ``url``, ``sidecar``): kept as
        ``document.metadata``; its date is ``published`` when none is given; the fields it supplies
        are named in ``document.metadata_source``.
    decode_errors : what went wrong decoding the bytes, when something did (recorded as
        ``document.decode_errors``).
    chunked_above : a text longer than this many characters is segmented a stretch of lines at a
        time and its tokens kept compactly (:mod:`analyser.nlp.chunks`); the facts are the same.

    Text that is not valid Unicode text (a lone surrogate, a NUL character, mostly control
    characters) raises :class:`~analyser.errors.InputError`, whichever way it came in.
    """
    from analyser.reading.decode import check_characters

    meta = {k: v for k, v in (metadata or {}).items() if k != "sidecar"}
    if published is None and meta.get("published"):
        published = meta["published"]
    if not isinstance(text, str):
        raise TypeError(f"analyse() takes a str, not {type(text).__name__}")
    if not text.strip():
        raise EmptyInputError(f"{source or 'input'}: no text to analyse")
    check_characters(text, source)
    with gc_paused():
        nlp = get_nlp()
        # the facts need the tokens alone, not spaCy's; a long text is segmented in stretches
        doc = make_doc(nlp, text, chunked_above=chunked_above, spacy_tokens=False)
        if published:
            doc.user_data[PUBLISHED_KEY] = published
        doc = run_pipeline(nlp, doc)
        return _analysis(doc, text, source, encoding, format, decode_errors, meta, metadata)


def _analysis(
    doc, text: str, source: str | None, encoding: str, format: str, decode_errors: DecodeErrors | None,
    meta: dict[str, Any], metadata: Mapping[str, Any] | None,
) -> Analysis:
    page = doc.user_data.get(PAGE_KEY)
    facts = doc.user_data.get(FACTS_KEY, {})
    info = DocumentInfo(
        id=document_id(text),
        source=source,
        encoding=encoding,
        format="html" if format == "html" else "text",
        script=detect_script(text),
        chars=len(text),
        title=getattr(page, "title", None),
        issuer=getattr(page, "issuer", None),
        published=getattr(page, "published", None),
        doc_number=getattr(page, "doc_number", None),
        body=getattr(page, "body", (0, len(text))),
        metadata=meta or None,
        metadata_source=_metadata_source(page, meta, (metadata or {}).get("sidecar", "sidecar")),
        decode_errors=decode_errors,
    )
    return Analysis(
        document=info,
        text=text,
        outline=tuple(facts.get("outline", ())),
        quantities=tuple(facts.get("quantities", ())),
        dates=tuple(facts.get("dates", ())),
        slogans=tuple(facts.get("slogans", ())),
        citations=tuple(facts.get("citations", ())),
        entities=tuple(facts.get("entities", ())),
        tokens=doc_tokens(doc),
    )


def _metadata_source(page: Any, meta: Mapping[str, Any], sidecar: str) -> dict[str, str] | None:
    """The document fields the sidecar supplied: its date always, the others where the text has none."""
    out = {"published": sidecar} if meta.get("published") else {}
    for key in ("title", "issuer", "doc_number"):
        if meta.get(key) and getattr(page, key, None) is None:
            out[key] = sidecar
    return out or None


def analyse_bytes(data: bytes, *, source: str | None = None, html: bool | None = None) -> Analysis:
    """Decode raw bytes (encoding detection, HTML to text) and analyse them."""
    from analyser.reading import read_bytes

    decoded = read_bytes(data, source=source, html=html)
    return analyse(
        decoded.text,
        source=source,
        encoding=decoded.encoding,
        format=decoded.format,
        decode_errors=decoded.decode_errors(),
    )


def analyse_file(
    path: str | Path, *, published: str | None = None, metadata: Mapping[str, Any] | None = None
) -> Analysis:
    """Read a file (encoding detection, HTML to text) and analyse it (keywords as in :func:`analyse`)."""
    from analyser.reading import read_path

    decoded = read_path(path)
    return analyse(
        decoded.text,
        source=str(path),
        encoding=decoded.encoding,
        format=decoded.format,
        decode_errors=decoded.decode_errors(),
        published=published,
        metadata=metadata,
    )
