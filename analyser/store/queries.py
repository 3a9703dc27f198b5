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


def _by_date(date_seq: tuple[str, int], doc_id: str) -> tuple:
    """Sort key: dated documents by date, then undated ones; ties by insertion order."""
    return (date_seq[0] == "", date_seq[0], date_seq[1], doc_id)


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
        where, params = "", []
        if q:
            where = "WHERE instr(normalized, ?) > 0"
            params.append(simplified_view(q).strip())
        pos = decode_cursor(cursor, 1)
        offset = int(pos[0]) if pos else 0
        # index-only aggregation over slogans(normalized, doc_id, text, family)
        groups = self._rows(
            "SELECT normalized, count(*) AS count, count(DISTINCT doc_id) AS n_documents,"
            f" min(family) AS family FROM slogans {where}"
            " GROUP BY normalized ORDER BY count DESC, normalized LIMIT ? OFFSET ?",
            params + [limit + 1, offset],
        )
        items = [dict(g) for g in groups]
        page = items[:limit]
        keys = [it["normalized"] for it in page]
        if keys:
            marks = ",".join("?" * len(keys))
            per_doc: dict[str, list[str]] = {k: [] for k in keys}
            for r in self._rows(
                f"SELECT DISTINCT normalized, doc_id FROM slogans WHERE normalized IN ({marks})", keys
            ):
                per_doc[r["normalized"]].append(r["doc_id"])
            dates: dict[str, tuple[str, int]] = {}
            wanted = sorted({d for ds in per_doc.values() for d in ds})
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                for r in self._rows(
                    f"SELECT id, published, seq FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk
                ):
                    dates[r["id"]] = (r["published"] or "", r["seq"])
            variants: dict[str, list[dict[str, Any]]] = {k: [] for k in keys}
            for r in self._rows(
                f"SELECT normalized, text, count(*) AS n FROM slogans WHERE normalized IN ({marks})"
                " GROUP BY normalized, text ORDER BY n DESC, text",
                keys,
            ):
                variants[r["normalized"]].append({"text": r["text"], "count": r["n"]})
            for it in page:
                docs = sorted(per_doc[it["normalized"]], key=lambda d: _by_date(dates.get(d, ("", 0)), d))
                published = [dates[d][0] for d in docs if dates.get(d, ("",))[0]]
                it["first"] = published[0] if published else None
                it["last"] = published[-1] if published else None
                it["documents"] = docs[:max_documents]
                it["variants"] = variants[it["normalized"]]
        nxt = encode_cursor([offset + limit]) if len(items) > limit else None
        return {"items": page, "next": nxt}

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
