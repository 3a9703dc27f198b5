"""The distinct indicators and places of the stored quantities, kept on write.

A substring filter (``/quantities?indicator=住房面积``) cannot use an index on the quantities
themselves, and a rare one would walk every quantity of the store. The table
``quantity_terms(field, norm, n)`` holds each distinct Simplified indicator and place with its
number of quantities; it grows with distinct names, not with documents. A filter first finds the
names that contain the asked text here, then reads only the quantities with those names
through their index.

Examples
--------
>>> import sqlite3
>>> from analyser.corpus.store.schema import DDL
>>> conn = sqlite3.connect(":memory:"); conn.executescript(DDL) and None
>>> conn.executemany("INSERT INTO quantities(doc_id, n, indicator_norm, place_norm) VALUES ('d', ?, ?, ?)",
...                  [(0, "人均住房面积", "贵州"), (1, "人均住房面积", None), (2, "投资", "贵州")]) and None
>>> summarise_quantities(conn, "d")
>>> matching_terms(lambda sql, p: conn.execute(sql, p).fetchall(), "indicator", "住房")
(['人均住房面积'], 2)
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

__all__ = ["FIELDS", "MAX_TERMS", "matching_terms", "rebuild_quantity_terms", "summarise_quantities"]

#: filter name -> column of ``quantities``
FIELDS = {"indicator": "indicator_norm", "place": "place_norm"}
RowsFn = Callable[[str, tuple], list]
#: more matching names than this and the filter is common: it is checked row by row instead
MAX_TERMS = 400


def summarise_quantities(conn: sqlite3.Connection, doc_id: str) -> None:
    """Count one stored document's indicators and places in (inside the caller's transaction)."""
    for field, column in FIELDS.items():
        conn.execute(
            "INSERT INTO quantity_terms(field, norm, n)"
            f" SELECT ?, {column}, count(*) FROM quantities WHERE doc_id = ? AND {column} IS NOT NULL"
            f" GROUP BY {column}"
            " ON CONFLICT(field, norm) DO UPDATE SET n = n + excluded.n",
            (field, doc_id),
        )


def rebuild_quantity_terms(conn: sqlite3.Connection) -> None:
    """Fill the table anew from every stored quantity (an older store being upgraded)."""
    conn.execute("DELETE FROM quantity_terms")
    for field, column in FIELDS.items():
        conn.execute(
            f"INSERT INTO quantity_terms(field, norm, n) SELECT ?, {column}, count(*) FROM quantities"
            f" WHERE {column} IS NOT NULL GROUP BY {column}",
            (field,),
        )


def matching_terms(rows: RowsFn, field: str, text: str) -> tuple[list[str] | None, int]:
    """The stored names of ``field`` containing ``text`` and their number of quantities.

    ``rows(sql, params)`` runs a query (the store's locked reader). ``None`` for the names when
    more than :data:`MAX_TERMS` match (a common filter).
    """
    found = rows(
        "SELECT norm, n FROM quantity_terms WHERE field = ? AND instr(norm, ?) > 0 LIMIT ?",
        (field, text, MAX_TERMS + 1),
    )
    return _names(found)


def _names(rows: list) -> tuple[list[str] | None, int]:
    total = sum(r[1] for r in rows)
    if len(rows) > MAX_TERMS:
        return None, total
    return [r[0] for r in rows], total
