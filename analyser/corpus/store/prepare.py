"""Turn one analysis dict (the contract JSON) into the rows the store writes.

This is pure, CPU-bound work (Simplified view, sentences, bigrams, keyword terms), so a batch
run does it in the worker processes; the single writer only executes INSERTs.

Examples
--------
>>> doc = prepare({"document": {"id": "d1", "chars": 6, "text": "一是扶贫。二是"},
...                "quantities": [{"text": "二", "start": 5, "end": 6, "value": 2, "unit": None}]})
>>> doc.document["id"], doc.rows["quantities"][0]["sentence"]
('d1', '二是')
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from analyser.errors import StoreError
from analyser.extract.quantities.modality import reference_year
from analyser.text.normalize import detect_script, simplified_view
from analyser.text.source import split_sentences

from .fts import bigrams
from .schema import FACT_TABLES

__all__ = ["PreparedDocument", "document_terms", "prepare", "span_text"]

_YEAR = re.compile(r"(1[89]\d\d|2[01]\d\d)")
#: jieba POS tags kept as keyword terms: nouns, verbs, adjectives, idioms, abbreviations, English.
_TERM_TAGS = ("n", "v", "a", "i", "j", "l", "eng")
_CONTENT = re.compile(r"[\u3400-\u9fffA-Za-z]")


@dataclass
class PreparedDocument:
    """Rows for one document: the ``documents`` row, fact rows per table, and the FTS text."""

    document: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    grams: str = ""

    @property
    def id(self) -> str:
        return self.document["id"]


def span_text(value: Any) -> str | None:
    """The text of a span object (or a plain string), else ``None``.

    >>> span_text({"text": "国务院", "start": 0, "end": 3}), span_text(None)
    ('国务院', None)
    """
    if isinstance(value, dict):
        return value.get("text")
    if isinstance(value, str):
        return value
    return None


def year_of(value: Any) -> int | None:
    """The first plausible year in an ISO-ish string.

    >>> year_of("2016/2020"), year_of(None)
    (2016, None)
    """
    if not isinstance(value, str):
        return None
    m = _YEAR.search(value)
    return int(m.group(1)) if m else None


def document_terms(tokens: list[dict[str, Any]] | None, view: str) -> list[str]:
    """Content words of a document (Simplified), the input of corpus TF-IDF keywords.

    Uses the analysis tokens when present (``norm`` and jieba ``tag``); otherwise segments the
    view with jieba. Keeps words of two or more characters with a content tag.

    >>> document_terms([{"text": "扶貧", "norm": "扶贫", "tag": "vn"},
    ...                 {"text": "的", "norm": "的", "tag": "uj"}], "")
    ['扶贫']
    """
    if tokens is None:
        from analyser.text.segment import get_tokenizer  # deferred: only analyses without tokens need it

        tokenizer = get_tokenizer()
        pairs = [(w, tokenizer.tag(w)) for w, _, _ in tokenizer.words(view) if not w.isspace()]
    else:
        pairs = [(t.get("norm") or t.get("text") or "", t.get("tag") or "") for t in tokens]
    out = []
    for word, tag in pairs:
        if len(word) < 2 or not _CONTENT.search(word):
            continue
        if tag and not tag.startswith(_TERM_TAGS):
            continue
        out.append(word)
    return out


class _Sentences:
    def __init__(self, text: str, view: str) -> None:
        self.text = text
        self.spans = split_sentences(view)
        self.starts = [a for a, _ in self.spans]

    def at(self, pos: int) -> tuple[str | None, int | None, int | None]:
        if not self.spans or pos is None:
            return None, None, None
        i = max(0, bisect.bisect_right(self.starts, pos) - 1)
        a, b = self.spans[i]
        return self.text[a:b], a, b


def _flatten_outline(nodes: list[dict], parent: str | None, out: list[dict]) -> None:
    for i, node in enumerate(nodes, 1):
        path = f"{parent}.{i}" if parent else str(i)
        heading = node.get("heading") or {}
        out.append(
            {
                "path": path,
                "parent_path": parent,
                "kind": node.get("kind"),
                "level": node.get("level"),
                "number": node.get("number"),
                "marker": span_text(node.get("marker")),
                "heading": heading.get("text"),
                "heading_start": heading.get("start"),
                "heading_end": heading.get("end"),
                "start": node.get("start"),
                "end": node.get("end"),
            }
        )
        _flatten_outline(node.get("children") or [], path, out)


def _fact_rows(kind: str, facts: list[dict], published: str | None = None) -> list[dict[str, Any]]:
    rows = []
    for f in facts:
        base = {"text": f.get("text"), "start": f.get("start"), "end": f.get("end")}
        if kind == "quantities":
            ind = f.get("indicator") or {}
            ind_text = span_text(ind)
            base.update(
                value=f.get("value"), unit=f.get("unit"), qualifier=f.get("qualifier"),
                lower=f.get("lower"), upper=f.get("upper"), indicator=ind_text,
                indicator_norm=simplified_view(ind_text).strip() if ind_text else None,
                indicator_start=ind.get("start") if isinstance(ind, dict) else None,
                indicator_end=ind.get("end") if isinstance(ind, dict) else None,
                time=f.get("time"), year=year_of(f.get("time")), place=f.get("place"),
                place_norm=simplified_view(f["place"]).strip() if f.get("place") else None,
                concept=(ind.get("canonical") or {}).get("id") if isinstance(ind, dict) else None,
                modality=f.get("modality"), binding=f.get("binding"),
                ref_year=reference_year(f.get("time"), f.get("modality"), published),
            )  # fmt: skip
        elif kind == "dates":
            base.update(value=f.get("value"), kind=f.get("kind"))
        elif kind == "slogans":
            base.update(
                kind=f.get("kind"),
                normalized=f.get("normalized") or simplified_view(f.get("text") or ""),
                family=f.get("family"),
                parts=json.dumps([span_text(p) for p in f.get("parts") or []], ensure_ascii=False),
                members=json.dumps([span_text(p) for p in f.get("members") or []], ensure_ascii=False),
            )
        elif kind == "citations":
            base.update(
                title=f.get("title"), normalized=f.get("normalized") or f.get("title"),
                doc_type=f.get("doc_type"), doc_number=f.get("doc_number"), refers_to=f.get("refers_to"),
            )  # fmt: skip
        elif kind == "entities":
            base.update(
                label=f.get("label"),
                normalized=f.get("normalized") or simplified_view(f.get("text") or ""),
                parents=json.dumps(list(f.get("parents") or []), ensure_ascii=False),
            )
        rows.append(base)
    return rows


def prepare(analysis: dict[str, Any], *, source: str | None = None) -> PreparedDocument:
    """Rows for :meth:`Store.write <analyser.corpus.store.Store.write>` from one analysis dict.

    ``analysis`` must carry ``document.id`` and the decoded text in ``document.text`` (as
    ``Analysis.to_dict(text=True)`` gives). The keyword terms are ``analysis["terms"]`` (a list
    of words) when given, else derived from ``tokens``, else from jieba.
    """
    if not isinstance(analysis, dict):
        raise StoreError("an analysis must be a dict shaped like the analysis JSON")
    doc = dict(analysis.get("document") or {})
    doc_id = doc.get("id")
    text = doc.pop("text", None)
    if not doc_id or not isinstance(text, str):
        raise StoreError("an analysis needs document.id and document.text to be stored")
    view = simplified_view(text)
    body = doc.get("body") or {}
    sentences = _Sentences(text, view)
    stored = {k: v for k, v in analysis.items() if k not in ("tokens", "terms")}
    stored["document"] = doc
    rows: dict[str, list[dict[str, Any]]] = {}
    for kind, table in FACT_TABLES.items():
        facts = analysis.get(kind) or []
        if kind == "outline":
            table_rows: list[dict[str, Any]] = []
            _flatten_outline(facts, None, table_rows)
        else:
            table_rows = _fact_rows(kind, facts, doc.get("published"))
        for n, row in enumerate(table_rows):
            anchor = row.get("heading_start") if kind == "outline" else None
            pos = anchor if anchor is not None else row.get("start")
            sentence, s_start, s_end = sentences.at(pos) if isinstance(pos, int) else (None,) * 3
            row.update(n=n, sentence=sentence, sentence_start=s_start, sentence_end=s_end)
        rows[table] = table_rows
    counts = {kind: len(analysis.get(kind) or []) for kind in FACT_TABLES}
    published = doc.get("published")
    meta = doc.get("metadata") or {}  # a corpus sidecar's values fill what the text does not print
    title = span_text(doc.get("title")) or meta.get("title")
    issuer = span_text(doc.get("issuer")) or meta.get("issuer")
    document = {
        "id": doc_id,
        "source": source if source is not None else doc.get("source"),
        "title": title,
        "issuer": issuer,
        "issuer_norm": simplified_view(issuer or "").strip() or None,
        "published": published,
        "year": year_of(published),
        "doc_number": span_text(doc.get("doc_number")) or meta.get("doc_number"),
        "script": doc.get("script") or detect_script(text),
        "chars": doc.get("chars") if doc.get("chars") is not None else len(text),
        "encoding": doc.get("encoding"),
        "format": doc.get("format"),
        "body_start": body.get("start"),
        "body_end": body.get("end"),
        "text": text,
        "view": view,
        "terms": " ".join(
            analysis["terms"] if isinstance(analysis.get("terms"), list)
            else document_terms(analysis.get("tokens"), view)
        ),
        "analysis": json.dumps(stored, ensure_ascii=False),
        "counts": json.dumps(counts),
        "added_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    return PreparedDocument(document=document, rows=rows, grams=bigrams(view))
