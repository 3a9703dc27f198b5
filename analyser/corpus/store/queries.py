"""Read queries across documents: quantities, full-text search, issuers.

These are methods of :class:`analyser.corpus.store.Store` (mixed in); every list returns
``{"items": [...], "next": cursor | None}``. Formulations (slogans) are in
:mod:`analyser.corpus.store.slogans`.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from analyser.errors import InputError
from analyser.text.normalize import simplified_view

from .cursor import check_limit, decode_cursor, encode_cursor
from .fts import find_all, fts_query, kwic

__all__ = ["UNIT_INDEX_ROWS", "QueryMixin"]

#: below this many rows for a unit, the unit index and a sort beat walking documents in order
UNIT_INDEX_ROWS = 5000


def _page(items: list[dict], limit: int, position) -> dict[str, Any]:
    if len(items) > limit:
        return {"items": items[:limit], "next": encode_cursor(position(items[limit - 1]))}
    return {"items": items, "next": None}


def _quantity_filters(
    indicator: str | None, unit: str | None, place: str | None, year: int | None,
    low: float | None, high: float | None,
) -> tuple[list[str], list[Any], list[str]]:  # fmt: skip
    """SQL conditions and parameters of the quantity filters, and the unit forms asked for."""
    where: list[str] = []
    params: list[Any] = []
    units: list[str] = []
    if indicator:
        where.append("instr(q.indicator_norm, ?) > 0")
        params.append(simplified_view(indicator).strip())
    if unit:
        units = list(dict.fromkeys([unit, simplified_view(unit)]))
        where.append(f"q.unit IN ({','.join('?' * len(units))})")
        params += units
    if place:
        where.append("instr(q.place_norm, ?) > 0")
        params.append(simplified_view(place).strip())
    if year is not None:
        where.append("q.year = ?")
        params.append(int(year))
    if low is not None:
        where.append("q.value >= ?")
        params.append(float(low))
    if high is not None:
        where.append("q.value <= ?")
        params.append(float(high))
    return where, params, units


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
        min: float | None = None,  # noqa: A002 - the API's parameter names
        max: float | None = None,  # noqa: A002
        cursor: str | None = None,
        limit: int | None = None,
    ) -> dict[str, Any]:
        """Quantities across documents, each with ``document`` id (and its ``title``, ``source``,
        ``published``) and its ``sentence``.

        ``indicator`` and ``place`` match substrings (Simplified or Traditional), ``unit``
        exactly, ``year`` the year of the quantity's time, ``min``/``max`` bound the value.
        Items come in document insertion order, then position in the document.

        Documents are walked in order and their quantities probed by key, so a page ends as
        soon as it is full; sorting every match first costs hundreds of milliseconds when a
        filter matches 100,000 quantities (a common unit). A rare unit (at most
        :data:`UNIT_INDEX_ROWS` rows) starts from the unit index and sorts its few matches.

        >>> from analyser.corpus.store import Store
        >>> store = Store(":memory:")
        >>> from analyser.facts import Analysis
        >>> store.add_analysis(Analysis.from_dict({"document": {"id": "d1", "text": "投资800亿元。"}, "quantities": [
        ...     {"text": "800亿元", "start": 2, "end": 8, "value": 8e10, "unit": "元"}]}))
        True
        >>> [q["text"] for q in store.list_quantities(unit="元")["items"]]
        ['800亿元']
        """
        limit = check_limit(limit)
        where, params, units = _quantity_filters(indicator, unit, place, year, min, max)
        pos = decode_cursor(cursor, 2)
        if pos:
            if not all(isinstance(p, int) and not isinstance(p, bool) for p in pos):
                raise InputError(f"invalid cursor {cursor!r}")
            where.append("d.seq >= ? AND (d.seq > ? OR q.n > ?)")
            params += [pos[0], pos[0], pos[1]]
        join = self._quantity_join(units)
        sql = (
            f"SELECT d.seq AS seq, d.title AS title, d.source AS source, d.published AS published, q.* FROM {join}"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY d.seq, q.n LIMIT ?"
        )
        items = []
        for r in self._rows(sql, params + [limit + 1]):
            item = dict(r)
            item["document"] = item.pop("doc_id")
            items.append(item)
        page = _page(items, limit, lambda it: [it["seq"], it["n"]])
        for it in page["items"]:
            it.pop("seq", None)
        return page

    def _quantity_join(self, units: list[str]) -> str:
        """Walk documents in order, or start from the unit index when the unit is rare."""
        join = "documents d CROSS JOIN quantities q ON q.doc_id = d.id"
        if units:
            marks = ",".join("?" * len(units))
            found = self._rows(
                f"SELECT count(*) FROM (SELECT 1 FROM quantities WHERE unit IN ({marks}) LIMIT ?)",
                [*units, UNIT_INDEX_ROWS + 1],
            )[0][0]
            if found <= UNIT_INDEX_ROWS:
                join = "quantities q JOIN documents d ON d.id = q.doc_id"
        return join

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
