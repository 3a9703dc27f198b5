"""Read-only queries the store does not offer (yet), run through its connection.

Every statement is parameterised and only reads. They belong in :mod:`analyser.store`; until
they are there, they live here.

Examples
--------
>>> from analyser.store import Store
>>> store = Store(":memory:")
>>> store.add_analysis({"document": {"id": "d1", "text": "坚持精準扶貧。", "published": "2016-01-02"},
...     "slogans": [{"text": "精準扶貧", "start": 2, "end": 6, "kind": "quoted", "normalized": "精准扶贫"}]})
True
>>> page = slogan_timeline(store, "精準扶貧")
>>> [(e["document"], e["published"], e["count"], e["variants"]) for e in page["items"]]
[('d1', '2016-01-02', 1, ['精準扶貧'])]
"""
from __future__ import annotations

import sqlite3
from typing import Any

from analyser.errors import InputError, StoreError
from analyser.normalize import simplified_view
from analyser.store.cursor import check_limit, decode_cursor, encode_cursor

#: below this many rows for a unit, the unit index and a sort beat walking documents in order
UNIT_INDEX_ROWS = 5000

__all__ = ["read", "slogan_timeline", "offset_of", "list_quantities"]


def read(store: Any, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
    """Rows of a read-only, parameterised statement as dicts (under the store's lock)."""
    lock = getattr(store, "_lock", None)
    try:
        if lock is None:
            cur = store.conn.execute(sql, params)
            cols = [c[0] for c in cur.description]
            return [dict(zip(cols, r)) for r in cur.fetchall()]
        with lock:
            cur = store.conn.execute(sql, params)
            cols = [c[0] for c in cur.description]
            return [dict(zip(cols, r)) for r in cur.fetchall()]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"store query failed: {exc}") from None


def offset_of(cursor: str | None) -> int:
    """The offset inside an offset cursor (0 without one).

    >>> offset_of(encode_cursor([20]))
    20
    """
    pos = decode_cursor(cursor, 1)
    if not pos:
        return 0
    if not isinstance(pos[0], int) or isinstance(pos[0], bool) or pos[0] < 0:
        raise InputError(f"invalid cursor {cursor!r}")
    return pos[0]


def slogan_timeline(
    store: Any, normalized: str, cursor: str | None = None, limit: int | None = None
) -> dict[str, Any]:
    """The documents using one formulation, oldest first: a timeline across the corpus.

    Each item: ``document``, ``title``, ``published``, ``count`` (mentions), ``first``
    (offset of the first mention), ``variants`` (surfaces used, in order of appearance),
    ``sentence`` (the sentence of the first mention). ``normalized`` may be Traditional.
    """
    limit = check_limit(limit)
    key = simplified_view(normalized or "").strip()
    if not key:
        raise InputError("normalized must not be empty")
    offset = offset_of(cursor)
    rows = read(
        store,
        "SELECT d.id AS document, d.title AS title, d.published AS published, d.seq AS seq,"
        " count(*) AS count, min(s.start) AS first"
        " FROM slogans s JOIN documents d ON d.id = s.doc_id WHERE s.normalized = ?"
        " GROUP BY d.id ORDER BY d.published IS NULL, d.published, d.seq LIMIT ? OFFSET ?",
        (key, limit + 1, offset),
    )
    items = rows[:limit]
    if items:
        ids = [r["document"] for r in items]
        marks = ",".join("?" * len(ids))
        mentions = read(
            store,
            f"SELECT doc_id, text, sentence FROM slogans WHERE normalized = ? AND doc_id IN ({marks})"
            " ORDER BY doc_id, n",
            (key, *ids),
        )
        by_doc: dict[str, dict[str, Any]] = {}
        for m in mentions:
            entry = by_doc.setdefault(m["doc_id"], {"variants": [], "sentence": m["sentence"]})
            if m["text"] not in entry["variants"]:
                entry["variants"].append(m["text"])
        for it in items:
            it.pop("seq", None)
            it.update(by_doc.get(it["document"], {"variants": [], "sentence": None}))
    nxt = encode_cursor([offset + limit]) if len(rows) > limit else None
    return {"items": items, "next": nxt}


def list_quantities(
    store: Any,
    indicator: str | None = None,
    unit: str | None = None,
    place: str | None = None,
    year: int | None = None,
    min: float | None = None,  # noqa: A002 - the API's parameter names
    max: float | None = None,  # noqa: A002
    cursor: str | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """:meth:`Store.list_quantities <analyser.store.Store.list_quantities>` with a plan that stays fast on large stores.

    Same filters, items, order (document insertion order, then position) and cursors. The
    store's query lets SQLite start from a filter's index and sort every match before taking a
    page, which costs hundreds of milliseconds when a filter matches 100,000 quantities (a
    common unit). Here documents are walked in order and their quantities probed by key, so a
    page ends as soon as it is full; a rare unit still starts from the unit index.

    >>> from analyser.store import Store
    >>> store = Store(":memory:")
    >>> store.add_analysis({"document": {"id": "d1", "text": "投资800亿元。"}, "quantities": [
    ...     {"text": "800亿元", "start": 2, "end": 8, "value": 8e10, "unit": "元"}]})
    True
    >>> [q["text"] for q in list_quantities(store, unit="元")["items"]]
    ['800亿元']
    """
    limit = check_limit(limit)
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
    if min is not None:
        where.append("q.value >= ?")
        params.append(float(min))
    if max is not None:
        where.append("q.value <= ?")
        params.append(float(max))
    pos = decode_cursor(cursor, 2)
    if pos:
        if not all(isinstance(p, int) and not isinstance(p, bool) for p in pos):
            raise InputError(f"invalid cursor {cursor!r}")
        where.append("d.seq >= ? AND (d.seq > ? OR q.n > ?)")
        params += [pos[0], pos[0], pos[1]]
    join = "documents d CROSS JOIN quantities q ON q.doc_id = d.id"
    if units:
        marks = ",".join("?" * len(units))
        rows = read(
            store,
            f"SELECT count(*) AS n FROM (SELECT 1 FROM quantities WHERE unit IN ({marks}) LIMIT ?)",
            [*units, UNIT_INDEX_ROWS + 1],
        )
        if rows[0]["n"] <= UNIT_INDEX_ROWS:
            join = "quantities q JOIN documents d ON d.id = q.doc_id"
    sql = (
        f"SELECT d.seq AS seq, q.* FROM {join}"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY d.seq, q.n LIMIT ?"
    )
    items = read(store, sql, params + [limit + 1])
    for item in items:
        item["document"] = item.pop("doc_id")
    nxt = encode_cursor([items[limit - 1]["seq"], items[limit - 1]["n"]]) if len(items) > limit else None
    items = items[:limit]
    for item in items:
        item.pop("seq", None)
    return {"items": items, "next": nxt}
