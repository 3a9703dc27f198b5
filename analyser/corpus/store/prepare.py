"""Turn one :class:`~analyser.facts.Analysis` into the rows the store writes.

This is pure, CPU-bound work (Simplified view, sentences, bigrams, keyword terms), so a batch
run does it in the worker processes; the single writer only executes INSERTs.

Examples
--------
>>> from analyser.facts import Analysis
>>> a = Analysis.from_dict({"document": {"id": "d1", "chars": 6, "text": "一是扶贫。二是"},
...     "quantities": [{"text": "二", "start": 5, "end": 6, "value": 2, "unit": None}]})
>>> doc = prepare(a)
>>> doc.document["id"], doc.rows["quantities"][0]["sentence"]
('d1', '二是')
"""
from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from analyser.errors import StoreError
from analyser.facts import Analysis, Citation, DateExpr, Entity, OutlineNode, Quantity, Slogan, Span, Token
from analyser.text.document import split_sentences
from analyser.text.normalize import detect_script, simplified_view

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


def span_text(value: Span | None) -> str | None:
    """The text of a span, or ``None``.

    >>> span_text(Span(0, 3, "国务院")), span_text(None)
    ('国务院', None)
    """
    return None if value is None else value.text


def year_of(value: Any) -> int | None:
    """The first plausible year in an ISO-ish string.

    >>> year_of("2016/2020"), year_of(None)
    (2016, None)
    """
    if not isinstance(value, str):
        return None
    m = _YEAR.search(value)
    return int(m.group(1)) if m else None


def document_terms(tokens: Sequence[Token], view: str) -> list[str]:
    """Content words of a document (Simplified), the input of corpus TF-IDF keywords.

    Uses the analysis tokens when there are any (``norm`` and jieba ``tag``); otherwise segments
    the view with the policy tokenizer. Keeps words of two or more characters with a content tag.

    >>> document_terms([Token(0, 2, "扶貧", "扶贫", "vn"), Token(2, 3, "的", "的", "uj")], "")
    ['扶贫']
    """
    if not tokens:
        from analyser.text.segment import get_tokenizer  # deferred: only analyses without tokens need it

        tokenizer = get_tokenizer()
        pairs = [(w, tokenizer.tag(w)) for w, _, _ in tokenizer.words(view) if not w.isspace()]
    else:
        pairs = [(t.norm or t.text, t.tag) for t in tokens]
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


def _flatten_outline(nodes: Sequence[OutlineNode], parent: str | None, out: list[dict]) -> None:
    for i, node in enumerate(nodes, 1):
        path = f"{parent}.{i}" if parent else str(i)
        heading = node.heading
        out.append(
            {
                "path": path,
                "parent_path": parent,
                "kind": node.kind,
                "level": node.level,
                "number": node.number,
                "marker": node.marker.text,
                "heading": span_text(heading),
                "heading_start": heading.start if heading else None,
                "heading_end": heading.end if heading else None,
                "start": node.start,
                "end": node.end,
            }
        )
        _flatten_outline(node.children, path, out)


def _norm(text: str | None) -> str | None:
    return simplified_view(text).strip() or None if text else None


def _quantity_row(q: Quantity) -> dict[str, Any]:
    ind = q.indicator
    return {
        "value": q.value, "unit": q.unit, "qualifier": q.qualifier, "lower": q.lower, "upper": q.upper,
        "indicator": span_text(ind), "indicator_norm": _norm(span_text(ind)),
        "indicator_start": ind.start if ind else None, "indicator_end": ind.end if ind else None,
        "time": q.time, "year": year_of(q.time), "place": q.place, "place_norm": _norm(q.place),
        "concept": q.canonical[0] if q.canonical else None, "modality": q.modality, "binding": q.binding,
    }  # fmt: skip


def _date_row(d: DateExpr) -> dict[str, Any]:
    return {"value": d.value, "kind": d.kind}


def _slogan_row(s: Slogan) -> dict[str, Any]:
    return {
        "kind": s.kind,
        "normalized": s.normalized or simplified_view(s.text),
        "family": s.family,
        "parts": json.dumps([p.text for p in s.parts], ensure_ascii=False),
        "members": json.dumps([m.text for m in s.members], ensure_ascii=False),
    }


def _citation_row(c: Citation) -> dict[str, Any]:
    return {"title": c.title, "normalized": c.normalized or c.title, "doc_type": c.doc_type, "doc_number": c.doc_number,
            "refers_to": c.refers_to}


def _entity_row(e: Entity) -> dict[str, Any]:
    return {
        "label": e.label,
        "normalized": e.normalized or simplified_view(e.text),
        "parents": json.dumps(list(e.parents), ensure_ascii=False),
    }


#: The columns of each fact table beyond text, start and end, from one fact.
_ROW_OF: dict[str, Callable[[Any], dict[str, Any]]] = {
    "quantities": _quantity_row,
    "dates": _date_row,
    "slogans": _slogan_row,
    "citations": _citation_row,
    "entities": _entity_row,
}


def _fact_rows(kind: str, facts: Sequence[Any]) -> list[dict[str, Any]]:
    row_of = _ROW_OF[kind]
    return [{"text": f.text, "start": f.start, "end": f.end, **row_of(f)} for f in facts]


def prepare(analysis: Analysis, *, source: str | None = None, terms: Sequence[str] | None = None) -> PreparedDocument:
    """Rows for :meth:`Store.write <analyser.corpus.store.Store.write>` from one analysis.

    ``analysis`` must carry its decoded text (``Analysis.text``). The keyword terms are
    ``terms`` when given, else derived from the analysis's tokens, else from the tokenizer.
    ``source`` (what ingest was given) replaces ``document.source`` when given.
    """
    if not isinstance(analysis, Analysis):
        raise StoreError(f"the store takes an Analysis, not {type(analysis).__name__} (Analysis.from_dict reads JSON)")
    info, text = analysis.document, analysis.text
    if not info.id or not text:
        raise StoreError("an analysis needs a document id and its text to be stored")
    view = simplified_view(text)
    sentences = _Sentences(text, view)
    stored = analysis.to_dict()
    if source is not None:
        stored["document"]["source"] = source
    rows: dict[str, list[dict[str, Any]]] = {}
    for kind, table in FACT_TABLES.items():
        facts = getattr(analysis, kind)
        if kind == "outline":
            table_rows: list[dict[str, Any]] = []
            _flatten_outline(facts, None, table_rows)
        else:
            table_rows = _fact_rows(kind, facts)
            if kind == "quantities":  # the year each value refers to needs the document's date
                from analyser.extract.quantities.modality import reference_year

                for row in table_rows:
                    row["ref_year"] = reference_year(row["time"], row["modality"], info.published)
        for n, row in enumerate(table_rows):
            anchor = row.get("heading_start") if kind == "outline" else None
            pos = anchor if anchor is not None else row.get("start")
            sentence, s_start, s_end = sentences.at(pos) if isinstance(pos, int) else (None,) * 3
            row.update(n=n, sentence=sentence, sentence_start=s_start, sentence_end=s_end)
        rows[table] = table_rows
    counts = {kind: len(getattr(analysis, kind)) for kind in FACT_TABLES}
    from .knowledge import document_place

    meta = info.metadata or {}  # a corpus sidecar's values fill what the text does not print
    issuer = span_text(info.issuer) or meta.get("issuer")
    document = {
        "id": info.id,
        "source": source if source is not None else info.source,
        "title": (title := span_text(info.title) or meta.get("title")),
        "place": document_place(title, meta),
        "issuer": issuer,
        "issuer_norm": _norm(issuer),
        "published": info.published,
        "year": year_of(info.published),
        "doc_number": span_text(info.doc_number) or meta.get("doc_number"),
        "script": info.script or detect_script(text),
        "chars": info.chars or len(text),
        "encoding": info.encoding,
        "format": info.format,
        "body_start": info.body[0],
        "body_end": info.body[1],
        "text": text,
        "view": view,
        "terms": " ".join(terms if terms is not None else document_terms(analysis.tokens, view)),
        "analysis": json.dumps(stored, ensure_ascii=False),
        "counts": json.dumps(counts),
        "added_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    return PreparedDocument(document=document, rows=rows, grams=bigrams(view))
