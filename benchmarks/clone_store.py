"""Grow a store to a large one by cloning its documents: the 10,000-document store of the load test.

Ingesting 10,000 synthetic documents through the full pipeline takes an hour on two cores; the
API's query cost depends on the store's size and shape, not on how the rows were made. This
copies an ingested store (``benchmarks/synth_corpus.py`` then ``python -m analyser ingest``) and
adds clones of its documents until it holds ``-n`` documents. Each clone gets a new id, its
publication year and the years of its quantities shifted by up to ±25 years (so series and
timelines spread over decades), every fact row, a full-text index row and its share of the summary
tables (formulations, indicator concepts, citations), as ``Store.write`` would write them.

Run: ``.venv/bin/python benchmarks/clone_store.py SMALL.db LARGE.db [-n 10000]``, then
``.venv/bin/python benchmarks/api_load.py --db LARGE.db``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyser.corpus.store import Store  # noqa: E402
from analyser.corpus.store.fts import bigrams  # noqa: E402
from analyser.corpus.store.knowledge import summarise_knowledge  # noqa: E402
from analyser.corpus.store.schema import FACT_TABLES  # noqa: E402
from analyser.corpus.store.slogans import summarise_document  # noqa: E402


def _shift(value: str | None, years: int) -> str | None:
    if not value or len(value) < 4 or not value[:4].isdigit():
        return value
    return f"{int(value[:4]) + years:04d}{value[4:]}"


def clone_id(original: str, k: int, taken: set[str]) -> str:
    """A new document id for the ``k``-th document of the large store, unused in ``taken`` (added to it).

    The id keeps the original's first six characters and numbers the clone, so a clone of a clone
    gets an id of its own (the numbering runs over the whole large store, not per source document).

    >>> taken = {"a1b2c3d4e5f60718"}
    >>> clone_id("a1b2c3d4e5f60718", 16, taken), clone_id("a1b2c3ffffffffff", 16, taken)
    ('a1b2c30000000010', 'a1b2c31000000010')
    """
    salt = 0
    new_id = f"{original[:6]}{k:010x}"
    while new_id in taken:  # the 16 hex digits of an original id, or an earlier clone's
        salt += 1
        new_id = f"{original[:6]}{(k + (salt << 36)) % (1 << 40):010x}"
    taken.add(new_id)
    return new_id


def clone(src: Path, dst: Path, n: int) -> int:
    """Copy ``src`` to ``dst`` and add clones until ``dst`` holds ``n`` documents; returns the count."""
    shutil.copy(src, dst)
    with Store(dst):  # upgrade the copy's schema when needed
        pass
    conn = sqlite3.connect(dst, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")  # 256 MB: the source rows and the growing indexes
    base = [dict(r) for r in conn.execute("SELECT * FROM documents ORDER BY seq")]
    if not base:
        raise SystemExit(f"{src} holds no documents")
    doc_cols = [c for c in base[0] if c != "seq"]
    fact_cols = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in FACT_TABLES.values()}
    terms: dict[int, list[tuple]] = {}  # the term index rows of each source document, by seq
    for row in conn.execute("SELECT seq, term, count, first_start FROM term_documents"):
        terms.setdefault(row[0], []).append(tuple(row[1:]))
    grams: dict[str, str] = {}
    taken = {doc["id"] for doc in base}
    total = len(base)
    copy = 0
    conn.execute("BEGIN")
    while total < n:
        copy += 1
        for doc in base:
            if total >= n:
                break
            years = (copy * 7 + total) % 51 - 25
            new_id = clone_id(doc["id"], total, taken)
            row = dict(doc, id=new_id, published=_shift(doc["published"], years),
                       year=doc["year"] + years if doc["year"] else None)
            analysis = json.loads(doc["analysis"])
            analysis["document"]["id"] = new_id
            analysis["document"]["published"] = row["published"]
            row["analysis"] = json.dumps(analysis, ensure_ascii=False)
            cur = conn.execute(
                f"INSERT INTO documents ({', '.join(doc_cols)}) VALUES ({', '.join('?' * len(doc_cols))})",
                [row[c] for c in doc_cols],
            )
            if doc["id"] not in grams:
                grams[doc["id"]] = bigrams(doc["view"])
            conn.execute("INSERT INTO documents_fts(rowid, grams) VALUES (?, ?)", (cur.lastrowid, grams[doc["id"]]))
            conn.executemany(
                "INSERT INTO term_documents(term, undated, published, seq, count, first_start) VALUES (?, ?, ?, ?, ?, ?)",
                [(t, 0 if row["published"] else 1, row["published"] or "", cur.lastrowid, c, f)
                 for t, c, f in terms.get(doc["seq"], ())],
            )  # fmt: skip
            for table, cols in fact_cols.items():
                rest = [c for c in cols if c != "doc_id"]
                select = ", ".join(
                    f"{c} + ?" if c in ("year", "ref_year") else f'"{c}"' for c in rest
                )
                shifts = [years for c in rest if c in ("year", "ref_year")]
                conn.execute(
                    f"INSERT INTO {table} (doc_id, {', '.join(chr(34) + c + chr(34) for c in rest)})"
                    f" SELECT ?, {select} FROM {table} WHERE doc_id = ?",
                    [new_id, *shifts, doc["id"]],
                )
            summarise_document(conn, new_id)
            summarise_knowledge(conn, new_id)
            total += 1
            if total % 1000 == 0:  # commit in steps: the write-ahead log is folded back at each
                conn.execute("COMMIT")
                conn.execute("BEGIN")
        print(f"\r{total} documents", end="", file=sys.stderr)
    conn.execute(
        "UPDATE term_vocabulary SET (n_documents, n_occurrences) ="
        " (SELECT count(*), coalesce(sum(count), 0) FROM term_documents t WHERE t.term = term_vocabulary.term)"
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    print(file=sys.stderr)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path, help="an ingested store")
    parser.add_argument("dst", type=Path, help="the large store to write (overwritten)")
    parser.add_argument("-n", type=int, default=10000, help="documents in the large store (default 10000)")
    args = parser.parse_args(argv)
    if not args.src.is_file():
        print(f"no store at {args.src}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    total = clone(args.src, args.dst, args.n)
    size = args.dst.stat().st_size / 1e6
    print(f"{total} documents in {args.dst} ({size:,.0f} MB) in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
