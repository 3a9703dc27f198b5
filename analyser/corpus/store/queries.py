"""Read queries across documents: quantities, full-text search, issuers.

These are methods of :class:`analyser.corpus.store.Store` (mixed in); every list returns
``{"items": [...], "next": cursor | None}``. Formulations (slogans) are in
:mod:`analyser.corpus.store.slogans`.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from analyser.text.normalize import simplified_view

from .cursor import check_limit, decode_cursor, encode_cursor
from .fts import find_all, fts_query, kwic
from .quantity_terms import FIELDS as QUANTITY_TERM_FIELDS
from .quantity_terms import matching_terms

__all__ = ["UNIT_INDEX_ROWS", "WINDOW_SPREAD", "QueryMixin"]

#: below this many rows for a unit, the unit index and a sort beat walking documents in order
UNIT_INDEX_ROWS = 5000
#: how many times the documents that would hold a page, were the matches spread evenly, a window walks
WINDOW_SPREAD = 4


def _page(items: list[dict], limit: int, position) -> dict[str, Any]:
    if len(items) > limit:
        return {"items": items[:limit], "next": encode_cursor(position(items[limit - 1]))}
    return {"items": items, "next": None}


class QueryMixin:
    """Cross-document queries; needs ``self._rows(sql, params)`` from the store."""

    def _rows(self, sql: str, params: tuple | list = ()) -> list[sqlite3.Row]:  # pragma: no cover
        raise NotImplementedError

    def _dicts(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:  # pragma: no cover
        raise NotImplementedError

    def _memoised(self, key: Any, compute: Callable[[], Any]) -> Any:  # pragma: no cover
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
        plan = self._quantity_plan(indicator, unit, place, year, min, max)
        if plan is None:
            return {"items": [], "next": None}
        join, where, params, matches = plan
        pos = decode_cursor(cursor, "ii")
        if pos:
            where.append("d.seq >= ? AND (d.seq > ? OR q.n > ?)")
            params += [pos[0], pos[0], pos[1]]
        conditions = " WHERE " + " AND ".join(where) if where else ""
        columns = "d.seq AS seq, d.title AS title, d.source AS source, d.published AS published, q.*"
        if not join.startswith("quantities"):
            sql = f"SELECT {columns} FROM {join}{conditions} ORDER BY d.seq, q.n LIMIT ?"
            items = self._dicts(sql, params + [limit + 1])
        else:
            window = self._quantity_window(columns, where, params, matches, pos[0] if pos else 0, limit)
            items = window[0] if window else []
            if len(items) <= limit:
                if window:  # the window came up short: the rest of the page lies after it
                    where, params = [*where, "d.seq > ?"], [*params, window[1]]
                    conditions = " WHERE " + " AND ".join(where)
                # index-driven: sort the matches' keys (the index covers them), then read one page of rows
                sql = (
                    f"SELECT {columns} FROM quantities q JOIN documents d ON d.id = q.doc_id"
                    f" WHERE q.rowid IN (SELECT q.rowid FROM {join}{conditions} ORDER BY d.seq, q.n LIMIT ?)"
                    " ORDER BY d.seq, q.n"
                )
                items += self._dicts(sql, params + [limit + 1 - len(items)])
        for item in items:
            item["document"] = item.pop("doc_id")
        page = _page(items, limit, lambda it: [it["seq"], it["n"]])
        for it in page["items"]:
            it.pop("seq", None)
        return page

    def _quantity_window(
        self, columns: str, where: list[str], params: list[Any], matches: int, low: int, limit: int
    ) -> tuple[list[dict[str, Any]], int] | None:
        """The first rows of an index-driven page, found by walking a window of documents in order.

        Were the ``matches`` rows spread evenly over the documents, ``limit + 1`` of them would lie
        within ``(limit + 1) * documents / matches`` documents from ``low`` (a sequence number); the
        window walks :data:`WINDOW_SPREAD` times that, probing each document's rows by the
        filter's index, and answers ``(rows, last sequence number of the window)``. Sorting the
        matches costs a read of each; the window is used only when it probes fewer documents
        than a quarter of the matches (a common year or unit: ~100 probes rather than 5,000
        rows), else ``None``. Matches bunched elsewhere leave the window short, and the page
        goes on after it by the index.
        """
        last = self._memoised(("last document seq",), lambda: self._rows("SELECT max(seq) FROM documents")[0][0] or 0)
        span = WINDOW_SPREAD * (limit + 1) * last // max(matches, 1) + 1
        if 4 * span > matches:
            return None
        sql = (
            f"SELECT {columns} FROM documents d CROSS JOIN quantities q ON q.doc_id = d.id"
            f" WHERE d.seq BETWEEN ? AND ? AND {' AND '.join(where)} ORDER BY d.seq, q.n LIMIT ?"
        )
        return self._dicts(sql, [low, low + span, *params, limit + 1]), low + span

    def _quantity_plan(
        self, indicator: str | None, unit: str | None, place: str | None, year: int | None,
        low: float | None, high: float | None,
    ) -> tuple[str, list[str], list[Any], int] | None:  # fmt: skip
        """The join, the conditions and the parameters of the quantity filters, and the rows matched by the
        index that drives the query (more than :data:`UNIT_INDEX_ROWS`: the documents are walked
        instead); ``None`` when nothing can match. An indicator or place is first looked up among
        the stored names (``quantity_terms``), and the rows of the names it matches are counted by
        their index, whatever the summary table says (a copied store may not have updated it).

        Without a selective filter, documents are walked in order and their quantities probed by
        key (a page fills at once). The filter matching fewest quantities, when at most
        :data:`UNIT_INDEX_ROWS`, drives the query through its index instead, and its few matches
        are sorted: a rare filter never walks the whole store.
        """
        where: list[str] = []
        params: list[Any] = []
        drivers: list[tuple[int, str]] = []
        probes: list[tuple[str, str, list[Any]]] = []
        for field, text in (("indicator", indicator), ("place", place)):
            if not text:
                continue
            text = simplified_view(text).strip()
            column = QUANTITY_TERM_FIELDS[field]
            names, _ = matching_terms(self._rows, field, text)
            if names is None:
                where.append(f"instr(q.{column}, ?) > 0")
                params.append(text)
            elif not names:
                return None
            else:  # the names' rows are counted by their index, as a unit's are
                probes.append((f"quantities_{field}_key", f"{column} IN ({','.join('?' * len(names))})", names))
        if unit:
            units = list(dict.fromkeys([unit, simplified_view(unit)]))
            probes.append(("quantities_unit_key", f"unit IN ({','.join('?' * len(units))})", units))
        if year is not None:
            probes.append(("quantities_year_key", "year = ?", [int(year)]))
        bounds = [(op, float(v)) for op, v in ((">=", low), ("<=", high)) if v is not None]
        if bounds:
            probes.append(("quantities_value_key", " AND ".join(f"value {op} ?" for op, _ in bounds), [v for _, v in bounds]))
        for index, condition, values in probes:
            where.append(" AND ".join(f"q.{c.strip()}" for c in condition.split(" AND ")))
            params += values
            found = self._memoised(  # counting up to 5,001 index entries: the same answer until a write
                ("quantity rows", index, condition, tuple(values)),
                lambda index=index, condition=condition, values=values: self._rows(
                    f"SELECT count(*) FROM (SELECT 1 FROM quantities INDEXED BY {index} WHERE {condition} LIMIT ?)",
                    [*values, UNIT_INDEX_ROWS + 1],
                )[0][0],
            )
            drivers.append((found, index))
        count, index = min(drivers, default=(UNIT_INDEX_ROWS + 1, ""))
        if count == 0:
            return None
        if count <= UNIT_INDEX_ROWS:
            return f"quantities q INDEXED BY {index} CROSS JOIN documents d ON d.id = q.doc_id", where, params, count
        return "documents d CROSS JOIN quantities q ON q.doc_id = d.id", where, params, count

    def search(self, q: str, cursor: str | None = None, limit: int | None = None) -> dict[str, Any]:
        """Keyword-in-context hits of ``q`` (either script) with document id and offsets.

        Each item: ``document``, ``title``, ``source``, ``start``, ``end`` (into the original text),
        ``left``, ``match``, ``right``. Several space-separated terms must all occur in a
        document; hits of each are listed.
        """
        limit = check_limit(limit)
        terms = [t for t in simplified_view(q or "").split() if t]
        if not terms:
            return {"items": [], "next": None}
        pos = decode_cursor(cursor, "ii")
        after_seq, after_i = (pos[0], pos[1]) if pos else (-1, -1)
        match = fts_query(" ".join(terms))
        items: list[dict[str, Any]] = []
        last_seq = after_seq
        batch = 64
        while len(items) <= limit:
            if match is not None:
                rows = self._rows(
                    "SELECT d.seq, d.id, d.title, d.source, d.text, d.view FROM documents_fts f"
                    " JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH ? AND d.seq >= ?"
                    " ORDER BY d.seq LIMIT ?",
                    (match, last_seq, batch),
                )
            else:
                conds = " AND ".join("instr(view, ?) > 0" for _ in terms)
                rows = self._rows(
                    f"SELECT seq, id, title, source, text, view FROM documents WHERE {conds} AND seq >= ?"
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
                    item = {"document": r["id"], "title": r["title"], "source": r["source"], **kwic(r["text"], a, b)}
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
