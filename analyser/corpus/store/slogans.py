"""Formulations (slogans) across documents: groups, timelines and the summary tables behind them.

Three summary tables (defined in :mod:`analyser.corpus.store.schema`), kept up to date by :meth:`Store.write <analyser.corpus.store.Store.write>` in
the same transaction as the document, answer the formulation queries without aggregating
every mention of the corpus on each request:

``slogan_groups``
    one row per ``normalized`` key: ``count`` (mentions), ``n_documents``, ``family``
    (the smallest family name given); indexed by ``(count DESC, normalized)``, the list order.
``slogan_documents``
    one row per key and document: ``undated`` (1 without a publication date), ``published``
    (``''`` when undated), ``seq``, ``doc_id``, ``count``, ``first`` (offset of the first
    mention); the key ``(normalized, undated, published, seq)`` is the timeline order.
``slogan_variants``
    one row per key and surface: ``text``, ``count``.

Examples
--------
>>> from analyser.corpus.store import Store
>>> store = Store(":memory:")
>>> from analyser.facts import Analysis
>>> store.add_analysis(Analysis.from_dict({"document": {"id": "d1", "text": "坚持精準扶貧。", "published": "2016-01-02"},
...     "slogans": [{"text": "精準扶貧", "start": 2, "end": 6, "kind": "quoted", "normalized": "精准扶贫"}]}))
True
>>> page = store.slogan_timeline("精準扶貧")
>>> [(e["document"], e["published"], e["count"], e["variants"]) for e in page["items"]]
[('d1', '2016-01-02', 1, ['精準扶貧'])]
>>> [(g["normalized"], g["count"], g["first"]) for g in store.slogans()["items"]]
[('精准扶贫', 1, '2016-01-02')]
"""
from __future__ import annotations

import sqlite3
from typing import Any

from analyser.errors import InputError
from analyser.text.normalize import simplified_view

from .cursor import check_limit, decode_cursor, encode_cursor

__all__ = ["SloganMixin", "summarise_document"]

_SUMMARISE = (
    (
        "INSERT INTO slogan_groups(normalized, count, n_documents, family)"
        " SELECT normalized, count(*), 1, min(family) FROM slogans WHERE doc_id = ? AND normalized IS NOT NULL"
        " GROUP BY normalized ON CONFLICT(normalized) DO UPDATE SET count = count + excluded.count,"
        " n_documents = n_documents + 1, family = CASE WHEN family IS NULL THEN excluded.family"
        " WHEN excluded.family IS NULL THEN family ELSE min(family, excluded.family) END"
    ),
    (
        "INSERT INTO slogan_documents(normalized, undated, published, seq, doc_id, count, first)"
        " SELECT s.normalized, coalesce(d.published, '') = '', coalesce(d.published, ''), d.seq, d.id,"
        " count(*), min(s.start) FROM slogans s JOIN documents d ON d.id = s.doc_id"
        " WHERE s.doc_id = ? AND s.normalized IS NOT NULL GROUP BY s.normalized"
    ),
    (
        "INSERT INTO slogan_variants(normalized, text, count)"
        " SELECT normalized, coalesce(text, ''), count(*) FROM slogans WHERE doc_id = ? AND normalized IS NOT NULL"
        " GROUP BY normalized, coalesce(text, '') ON CONFLICT(normalized, text) DO UPDATE SET count = count + excluded.count"
    ),
)


def summarise_document(conn: sqlite3.Connection, doc_id: str) -> None:
    """Add one stored document's formulations to the summary tables (inside the caller's transaction)."""
    for sql in _SUMMARISE:
        conn.execute(sql, (doc_id,))


class SloganMixin:
    """Formulation queries; needs ``self._rows(sql, params)`` from the store."""

    def _rows(self, sql: str, params: tuple | list = ()) -> list[sqlite3.Row]:  # pragma: no cover
        raise NotImplementedError

    def slogans(
        self, q: str | None = None, cursor: str | None = None, limit: int | None = None, *, max_documents: int = 100
    ) -> dict[str, Any]:
        """Formulations grouped by ``normalized``: count, documents, first/last date, variants.

        Each group: ``normalized``, ``count`` (mentions), ``n_documents``, ``first`` and
        ``last`` (publication dates of the documents using it), ``family``, ``documents`` (ids,
        in publication order, at most ``max_documents``; ``n_documents`` is the full number)
        and ``variants`` (surfaces with their counts). ``q`` keeps groups whose normalized form
        contains it (either script). Groups are ordered by number of mentions, most first.
        """
        limit = check_limit(limit)
        where, params = [], []
        if q:
            where.append("instr(normalized, ?) > 0")
            params.append(simplified_view(q).strip())
        pos = decode_cursor(cursor, "is")
        if pos:
            where.append("(count < ? OR (count = ? AND normalized > ?))")
            params += [pos[0], pos[0], pos[1]]
        rows = self._rows(
            "SELECT normalized, count, n_documents, family FROM slogan_groups"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY count DESC, normalized LIMIT ?",
            params + [limit + 1],
        )
        page = [dict(r) for r in rows[:limit]]
        for it in page:
            key = it["normalized"]
            dated = "SELECT published FROM slogan_documents WHERE normalized = ? AND undated = 0 ORDER BY published"
            first = self._rows(dated + ", seq LIMIT 1", (key,))
            last = self._rows(dated + " DESC, seq DESC LIMIT 1", (key,))
            it["first"] = first[0][0] if first else None
            it["last"] = last[0][0] if last else None
            it["documents"] = [
                r[0]
                for r in self._rows(
                    "SELECT doc_id FROM slogan_documents WHERE normalized = ?"
                    " ORDER BY undated, published, seq LIMIT ?",
                    (key, max_documents),
                )
            ]
            it["variants"] = [
                {"text": r[0], "count": r[1]}
                for r in self._rows(
                    "SELECT text, count FROM slogan_variants WHERE normalized = ? ORDER BY count DESC, text", (key,)
                )
            ]
        nxt = encode_cursor([page[-1]["count"], page[-1]["normalized"]]) if len(rows) > limit else None
        return {"items": page, "next": nxt}

    def slogan_timeline(self, normalized: str, cursor: str | None = None, limit: int | None = None) -> dict[str, Any]:
        """The documents using one formulation, oldest first (undated ones last): a timeline across the corpus.

        Each item: ``document``, ``title``, ``source``, ``published``, ``count`` (mentions), ``first``
        (offset of the first mention), ``variants`` (surfaces used, in order of appearance),
        ``sentence`` (the sentence of the first mention). ``normalized`` may be Traditional.
        """
        limit = check_limit(limit)
        key = simplified_view(normalized or "").strip()
        if not key:
            raise InputError("normalized must not be empty")
        where, params = "", [key]
        pos = decode_cursor(cursor, "isi")
        if pos:
            where = " AND (s.undated, s.published, s.seq) > (?, ?, ?)"
            params += pos
        rows = self._rows(
            "SELECT s.doc_id AS document, d.title AS title, d.source AS source, d.published AS published,"
            " s.count AS count, s.first AS first, s.undated AS undated, s.published AS pub, s.seq AS seq"
            " FROM slogan_documents s JOIN documents d ON d.id = s.doc_id"
            f" WHERE s.normalized = ?{where} ORDER BY s.undated, s.published, s.seq LIMIT ?",
            params + [limit + 1],
        )
        items = [dict(r) for r in rows[:limit]]
        nxt = encode_cursor([items[-1][k] for k in ("undated", "pub", "seq")]) if len(rows) > limit else None
        if items:
            ids = [it["document"] for it in items]
            by_doc: dict[str, dict[str, Any]] = {}
            for m in self._rows(
                f"SELECT doc_id, text, sentence FROM slogans WHERE normalized = ? AND doc_id IN ({','.join('?' * len(ids))})"
                " ORDER BY doc_id, n",
                (key, *ids),
            ):
                entry = by_doc.setdefault(m["doc_id"], {"variants": [], "sentence": m["sentence"]})
                if m["text"] not in entry["variants"]:
                    entry["variants"].append(m["text"])
            for it in items:
                for k in ("undated", "pub", "seq"):
                    it.pop(k)
                it.update(by_doc.get(it["document"], {"variants": [], "sentence": None}))
        return {"items": items, "next": nxt}
