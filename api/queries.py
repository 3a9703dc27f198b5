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

__all__ = ["read", "slogan_timeline", "offset_of"]


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
