"""Read queries across documents: quantities, formulations (slogans), full-text search.

These are methods of :class:`analyser.store.Store` (mixed in); every list returns
``{"items": [...], "next": cursor | None}``.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from ..normalize import simplified_view
from .cursor import check_limit, decode_cursor, encode_cursor
from .fts import find_all, fts_query, kwic

__all__ = ["QueryMixin"]


def _page(items: list[dict], limit: int, position) -> dict[str, Any]:
    if len(items) > limit:
        return {"items": items[:limit], "next": encode_cursor(position(items[limit - 1]))}
    return {"items": items, "next": None}


class QueryMixin:
    """Cross-document queries; needs ``self._rows(sql, params)`` from the store."""

    def _rows(self, sql: str, params: tuple | list = ()) -> list[sqlite3.Row]:  # pragma: no cover
        raise NotImplementedError

    def list_quantities(
        self,
        indicator: str | None = None,
        unit: str | None = None,
        place: str | None = None,
        year: int | None = None,
        min: float | None = None,
        max: float | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> dict[str, Any]:
        """Quantities across documents, each with ``document`` id and its ``sentence``.

        ``indicator`` and ``place`` match substrings (Simplified or Traditional), ``unit``
        exactly, ``year`` the year of the quantity's time, ``min``/``max`` bound the value.
        """
        limit = check_limit(limit)
        where, params = [], []
        if indicator:
            where.append("instr(q.indicator_norm, ?) > 0")
            params.append(simplified_view(indicator).strip())
        if unit:
            where.append("(q.unit = ? OR q.unit = ?)")
            params += [unit, simplified_view(unit)]
        if place:
            where.append("instr(q.place_norm, ?) > 0")
            params.append(simplified_view(place).strip())
        if year is not None:
            where.append("q.year = ?")
            params.append(int(year))
        if min is not None:
            where.append("q.value >= ?")
            params.append(float(min))
        if max is not None:
            where.append("q.value <= ?")
            params.append(float(max))
        pos = decode_cursor(cursor, 2)
        if pos:
            where.append("(d.seq > ? OR (d.seq = ? AND q.n > ?))")
            params += [pos[0], pos[0], pos[1]]
        sql = (
            "SELECT d.seq AS seq, q.* FROM quantities q JOIN documents d ON d.id = q.doc_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY d.seq, q.n LIMIT ?"
        )
        rows = self._rows(sql, params + [limit + 1])
        items = []
        for r in rows:
            item = dict(r)
            item["document"] = item.pop("doc_id")
            items.append(item)
        page = _page(items, limit, lambda it: [it["seq"], it["n"]])
        for it in page["items"]:
            it.pop("seq", None)
        return page

    def slogans(self, q: str | None = None, cursor: str | None = None, limit: int | None = None):
        """Formulations grouped by ``normalized``: count, documents, first/last date, variants.

        ``q`` keeps groups whose normalized form contains it (either script). Groups are ordered
        by number of mentions, most first.
        """
        limit = check_limit(limit)
        where, params = "", []
        if q:
            where = "WHERE instr(s.normalized, ?) > 0"
            params.append(simplified_view(q).strip())
        pos = decode_cursor(cursor, 1)
        offset = int(pos[0]) if pos else 0
        groups = self._rows(
            "SELECT s.normalized AS normalized, count(*) AS count,"
            " count(DISTINCT s.doc_id) AS n_documents, min(d.published) AS first,"
            " max(d.published) AS last, min(s.family) AS family"
            f" FROM slogans s JOIN documents d ON d.id = s.doc_id {where}"
            " GROUP BY s.normalized ORDER BY count DESC, s.normalized LIMIT ? OFFSET ?",
            params + [limit + 1, offset],
        )
        items = [dict(g) for g in groups]
        keys = [it["normalized"] for it in items[:limit]]
        if keys:
            marks = ",".join("?" * len(keys))
            docs: dict[str, list] = {k: [] for k in keys}
            variants: dict[str, dict[str, int]] = {k: {} for k in keys}
            for r in self._rows(
                "SELECT s.normalized, s.doc_id, s.text, s.kind, d.published FROM slogans s"
                f" JOIN documents d ON d.id = s.doc_id WHERE s.normalized IN ({marks})"
                " ORDER BY d.published, d.seq, s.n",
                keys,
            ):
                if r["doc_id"] not in docs[r["normalized"]]:
                    docs[r["normalized"]].append(r["doc_id"])
                v = variants[r["normalized"]]
                v[r["text"]] = v.get(r["text"], 0) + 1
            for it in items[:limit]:
                it["documents"] = docs[it["normalized"]]
                it["variants"] = [
                    {"text": t, "count": c}
                    for t, c in sorted(variants[it["normalized"]].items(), key=lambda x: (-x[1], x[0]))
                ]
        if len(items) > limit:
            return {"items": items[:limit], "next": encode_cursor([offset + limit])}
        return {"items": items, "next": None}

    def search(self, q: str, cursor: str | None = None, limit: int | None = None) -> dict[str, Any]:
        """Keyword-in-context hits of ``q`` (either script) with document id and offsets.

        Each item: ``document``, ``title``, ``start``, ``end`` (into the original text),
        ``left``, ``match``, ``right``. Several space-separated terms must all occur in a
        document; hits of each are listed.
        """
        limit = check_limit(limit)
        terms = [t for t in simplified_view(q or "").split() if t]
        if not terms:
            return {"items": [], "next": None}
        pos = decode_cursor(cursor, 2)
        after_seq, after_i = (pos[0], pos[1]) if pos else (-1, -1)
        match = fts_query(" ".join(terms))
        items: list[dict[str, Any]] = []
        last_seq = after_seq
        batch = 64
        while len(items) <= limit:
            if match is not None:
                rows = self._rows(
                    "SELECT d.seq, d.id, d.title, d.text, d.view FROM documents_fts f"
                    " JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH ? AND d.seq >= ?"
                    " ORDER BY d.seq LIMIT ?",
                    (match, last_seq, batch),
                )
            else:
                conds = " AND ".join("instr(view, ?) > 0" for _ in terms)
                rows = self._rows(
                    f"SELECT seq, id, title, text, view FROM documents WHERE {conds} AND seq >= ?"
                    " ORDER BY seq LIMIT ?",
                    (*terms, last_seq, batch),
                )
            for r in rows:
                hits = sorted((a, a + len(t)) for t in terms for a in find_all(r["view"], t))
                if any(r["view"].find(t) < 0 for t in terms):
                    continue
                for i, (a, b) in enumerate(hits):
                    if (r["seq"], i) <= (after_seq, after_i):
                        continue
                    item = {"document": r["id"], "title": r["title"], **kwic(r["text"], a, b)}
                    item["_pos"] = [r["seq"], i]
                    items.append(item)
            if len(rows) < batch:
                break
            last_seq = rows[-1]["seq"] + 1
        page = _page(items, limit, lambda it: it["_pos"])
        for it in page["items"]:
            it.pop("_pos", None)
        return page

    def issuers(self) -> list[dict[str, Any]]:
        """Issuers with their number of documents, most first."""
        rows = self._rows(
            "SELECT issuer, count(*) AS documents FROM documents WHERE issuer IS NOT NULL"
            " GROUP BY issuer ORDER BY documents DESC, issuer"
        )
        return [dict(r) for r in rows]
