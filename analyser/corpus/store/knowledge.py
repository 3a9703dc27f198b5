"""Corpus knowledge: indicator concepts and their series, term timelines, citations across documents.

Queries (methods of :class:`~analyser.corpus.store.Store`, mixed in), each paged as
``{"items": [...], "next": cursor | None}``:

* :meth:`~KnowledgeMixin.indicators`: the indicator concepts of the vocabulary that the corpus
  uses, most used first;
* :meth:`~KnowledgeMixin.indicator_series`: a concept's quantities with the year each value refers
  to, its modality (target or result) and place, oldest first (keyset pages over the index
  ``quantities_concept``);
* :meth:`~KnowledgeMixin.term_timeline`: any term, in either script, counted over the stored
  texts, oldest document first: a term of the term index (:mod:`~analyser.corpus.store.term_index`,
  counted as documents are written) is read from it; any other is counted on the spot
  (candidates from the bigram index, counted in SQLite);
* :meth:`~KnowledgeMixin.cited_documents`: cited documents (by normalized title) with the
  documents citing them.

Summary tables, kept up to date by :func:`summarise_knowledge` in the transaction that writes a
document, answer the list queries without aggregating every fact on each request:
``indicator_concepts`` (``concept``, ``quantities``, ``n_documents``), ``citation_groups``
(``normalized``, ``title``, ``doc_type``, ``doc_number``, ``count``, ``n_documents``; a short
citation is counted under the full title it abbreviates) and ``citation_documents`` (one row per
cited title and citing document, keyed in publication order, like ``slogan_documents``).

Examples
--------
>>> from analyser.corpus.store import Store
>>> from analyser.facts import Analysis
>>> store = Store(":memory:")
>>> store.add_analysis(Analysis.from_dict({"document": {"id": "d1", "text": "去年国内生产总值增长6.6%。",
...     "published": "2019-03-05"}, "quantities": [{"text": "6.6%", "start": 10, "end": 14, "value": 6.6,
...     "unit": "%", "time": "2018", "modality": "actual", "indicator": {"text": "国内生产总值增长", "start": 2,
...     "end": 10, "canonical": {"id": "gdp_growth", "label": "国内生产总值增长"}}}]}))
True
>>> [(c["id"], c["quantities"]) for c in store.indicators()["items"]]
[('gdp_growth', 1)]
>>> [(r["year"], r["value"], r["modality"]) for r in store.indicator_series("gdp_growth")["items"]]
[(2018, 6.6, 'actual')]
>>> store.term_timeline("國內生產總值")["n_occurrences"]
1
"""
from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from typing import Any

from analyser.errors import InputError, NotFoundError
from analyser.text.normalize import simplified_view

from .cursor import check_limit, decode_cursor, encode_cursor, offset_of
from .fts import fts_query

__all__ = ["CITATION_COLUMNS", "DOCUMENT_COLUMNS", "KNOWLEDGE_DDL", "QUANTITY_COLUMNS", "KnowledgeMixin", "add_columns", "document_place", "summarise_knowledge"]

#: Columns added to fact tables (older stores get them by ALTER TABLE when opened for writing):
#: the concept, modality, binding force and reference year of quantities; the full title a short
#: citation (《建议》) abbreviates.
QUANTITY_COLUMNS = (("concept", "TEXT"), ("modality", "TEXT"), ("binding", "TEXT"), ("ref_year", "INTEGER"))
CITATION_COLUMNS = (("refers_to", "TEXT"),)
#: the region a document is about (a provincial report: its province), from its sidecar or title
DOCUMENT_COLUMNS = (("place", "TEXT"),)

KNOWLEDGE_DDL = """
CREATE INDEX IF NOT EXISTS quantities_concept ON quantities(concept, coalesce(ref_year, 9999), doc_id, n)
    WHERE concept IS NOT NULL;
CREATE TABLE IF NOT EXISTS indicator_concepts (
    concept TEXT PRIMARY KEY,
    quantities INTEGER NOT NULL,
    n_documents INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS citation_groups (
    normalized TEXT PRIMARY KEY,
    title TEXT,
    doc_type TEXT,
    doc_number TEXT,
    count INTEGER NOT NULL,
    n_documents INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS citation_groups_rank ON citation_groups(n_documents DESC, normalized);
CREATE TABLE IF NOT EXISTS citation_documents (
    normalized TEXT NOT NULL,
    undated INTEGER NOT NULL,
    published TEXT NOT NULL,
    seq INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (normalized, undated, published, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS citations_cited ON citations(coalesce(refers_to, normalized), doc_id);
"""

_SUMMARISE = (
    (
        "INSERT INTO indicator_concepts(concept, quantities, n_documents)"
        " SELECT concept, count(*), 1 FROM quantities WHERE doc_id = ? AND concept IS NOT NULL GROUP BY concept"
        " ON CONFLICT(concept) DO UPDATE SET quantities = quantities + excluded.quantities,"
        " n_documents = n_documents + 1"
    ),
    (
        "INSERT INTO citation_groups(normalized, title, doc_type, doc_number, count, n_documents)"
        " SELECT coalesce(refers_to, normalized), max(CASE WHEN refers_to IS NULL THEN title END),"
        " min(doc_type), min(doc_number), count(*), 1 FROM citations"
        " WHERE doc_id = ? AND coalesce(refers_to, normalized, '') != '' GROUP BY coalesce(refers_to, normalized)"
        " ON CONFLICT(normalized) DO UPDATE SET count = count + excluded.count, n_documents = n_documents + 1,"
        " doc_type = coalesce(doc_type, excluded.doc_type), doc_number = coalesce(doc_number, excluded.doc_number)"
    ),
)
#: term timelines kept per store file and process (see :meth:`KnowledgeMixin._term_rows`)
TERM_CACHE_SIZE = 256
#: counted term timelines of the store files this process reads: ``(file, term, version) -> rows``,
#: shared by every connection to a file (a server's read connections count a term once, not once each)
_COUNTED: OrderedDict[tuple, list[dict[str, Any]]] = OrderedDict()
_COUNTED_LOCK = threading.Lock()
_SUMMARISE_CITING = (
    "INSERT INTO citation_documents(normalized, undated, published, seq, doc_id, count)"
    " SELECT coalesce(c.refers_to, c.normalized), coalesce(d.published, '') = '', coalesce(d.published, ''),"
    " d.seq, d.id, count(*) FROM citations c JOIN documents d ON d.id = c.doc_id"
    " WHERE c.doc_id = ? AND coalesce(c.refers_to, c.normalized, '') != '' GROUP BY coalesce(c.refers_to, c.normalized)"
)
_DOC = (
    "d.id AS doc_id, d.title AS doc_title, d.published AS doc_published, d.issuer AS doc_issuer,"
    " d.source AS doc_source, d.place AS doc_place"
)


def document_place(title: str | None, meta: dict[str, Any] | None = None) -> str | None:
    """The region a document is about: its sidecar's ``place``, else the division its title names.

    The division named last in the title by its full name wins (呼伦贝尔市海拉尔区政府工作报告 ->
    海拉尔区); a title naming none (a State Council document) gives ``None``.

    >>> document_place("2026年貴州省政府工作報告"), document_place("2017年呼伦贝尔市海拉尔区政府工作报告")
    ('贵州省', '海拉尔区')
    >>> document_place("国务院关于做好就业工作的通知") is None
    True
    """
    if meta and meta.get("place"):
        return str(meta["place"])
    if not title:
        return None
    from analyser.extract.entities.gazetteer import gazetteer

    names = gazetteer().names()
    view = simplified_view(title)
    best: tuple[int, int, str] | None = None
    for i in range(len(view)):
        for j in range(min(len(view), i + 12), i + 1, -1):
            found = names.get(view[i:j])
            if found and len(found) == 1 and found[0].name == view[i:j] and (best is None or (j, j - i) > best[:2]):
                best = (j, j - i, found[0].name)
                break
    return best[2] if best else None


def add_columns(conn: sqlite3.Connection) -> None:
    """Add the knowledge columns to an older ``quantities`` table, then the knowledge tables."""
    for table, columns in (("quantities", QUANTITY_COLUMNS), ("citations", CITATION_COLUMNS),
                           ("documents", DOCUMENT_COLUMNS)):
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        for name, kind in columns:
            if name not in have:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
    conn.executescript(KNOWLEDGE_DDL)


def summarise_knowledge(conn: sqlite3.Connection, doc_id: str) -> None:
    """Add one document's indicator concepts and citations to the summary tables."""
    for sql in (*_SUMMARISE, _SUMMARISE_CITING):
        conn.execute(sql, (doc_id,))


def _document(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row.pop("doc_id"),
        "title": row.pop("doc_title"),
        "published": row.pop("doc_published"),
        "issuer": row.pop("doc_issuer"),
        "source": row.pop("doc_source"),
        "place": row.pop("doc_place"),
    }


def _year(value: Any, name: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a year, got {value!r}") from None


class KnowledgeMixin:
    """Indicator, term and citation queries; needs ``self._rows(sql, params)`` from the store."""

    def _rows(self, sql: str, params: tuple | list = ()) -> list[sqlite3.Row]:  # pragma: no cover
        raise NotImplementedError

    def _dicts(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:  # pragma: no cover
        raise NotImplementedError

    # -- indicators ---------------------------------------------------------------------------
    def indicators(self, q: str | None = None, cursor: str | None = None, limit: int | None = None) -> dict[str, Any]:
        """Indicator concepts used in the corpus: ``{id, label, aliases, quantities, documents}``.

        Most used first; ``q`` keeps concepts whose id, label or an alias contains it (either script).
        """
        from analyser.extract.quantities.canonical import concept_by_id, fold

        limit = check_limit(limit)
        vocab = concept_by_id()
        needle = fold(q) if q and q.strip() else None
        items = []
        for r in self._rows("SELECT concept, quantities, n_documents FROM indicator_concepts"):
            c = vocab.get(r["concept"])
            label, aliases = (c.label, list(c.aliases)) if c else (r["concept"], [])
            if needle and not (needle in r["concept"] or needle in fold(label) or any(needle in a for a in aliases)):
                continue
            items.append({"id": r["concept"], "label": label, "aliases": aliases,
                          "quantities": r["quantities"], "documents": r["n_documents"]})
        items.sort(key=lambda it: (-it["quantities"], it["id"]))
        start = offset_of(cursor)
        page = items[start:start + limit]
        nxt = encode_cursor([start + limit]) if start + limit < len(items) else None
        return {"items": page, "next": nxt}

    def indicator_series(
        self,
        concept: str,
        modality: str | None = None,
        place: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        issuer: str | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> dict[str, Any]:
        """The quantities of one concept, oldest value first (values without a year last).

        Rows: ``{document: {id, title, published, issuer, source, place}, year, place, value, lower,
        upper, unit, qualifier, modality, binding, time, indicator, text, start, end, sentence}``;
        ``year`` is the year the value refers to (``time``, the extracted time, shows a period:
        a 2021/2025 value is the plan period's); ``document.place`` is the region the document is
        about (a provincial report's province), where a value without a place of its own belongs.
        Filters: ``modality`` (target/actual), ``place`` (substring, either script, of the value's
        place, else of its document's region), ``year_from``/``year_to`` (years of the value),
        ``issuer`` (substring of the document's issuer).
        """
        from analyser.extract.quantities.canonical import concept_by_id

        limit = check_limit(limit)
        if concept not in concept_by_id() and not self._rows(
            "SELECT 1 FROM indicator_concepts WHERE concept = ?", (concept,)
        ):
            raise NotFoundError(f"no indicator concept {concept!r}")
        if modality not in (None, "", "target", "actual"):
            raise InputError(f"modality must be target or actual, got {modality!r}")
        year_from, year_to = _year(year_from, "from"), _year(year_to, "to")
        where = ["q.concept = ?"]
        params: list[Any] = [concept]
        if modality:
            where.append("q.modality = ?")
            params.append(modality)
        if place:  # the value's own place, else the region its document is about
            where.append("instr(coalesce(q.place_norm, d.place, ''), ?) > 0")
            params.append(simplified_view(place).strip())
        if year_from is not None:
            where.append("coalesce(q.ref_year, 9999) >= ? AND q.ref_year IS NOT NULL")
            params.append(year_from)
        if year_to is not None:
            where.append("coalesce(q.ref_year, 9999) <= ?")
            params.append(year_to)
        if issuer:
            where.append("instr(d.issuer_norm, ?) > 0")
            params.append(simplified_view(issuer).strip())
        pos = decode_cursor(cursor, "isi")
        if pos:
            if not (isinstance(pos[0], int) and isinstance(pos[1], str) and isinstance(pos[2], int)):
                raise InputError(f"invalid cursor {cursor!r}")
            where.append("(coalesce(q.ref_year, 9999), q.doc_id, q.n) > (?, ?, ?)")
            params += pos
        sql = (
            f"SELECT coalesce(q.ref_year, 9999) AS k, q.n AS n, q.ref_year AS year, q.place, q.value, q.lower,"
            f" q.upper, q.unit, q.qualifier, q.modality, q.binding, q.time, q.indicator, q.text, q.start, q.\"end\","
            f" q.sentence, {_DOC} FROM quantities q INDEXED BY quantities_concept JOIN documents d ON d.id = q.doc_id"
            f" WHERE {' AND '.join(where)} ORDER BY coalesce(q.ref_year, 9999), q.doc_id, q.n LIMIT ?"
        )
        rows = self._dicts(sql, params + [limit + 1])
        nxt = None
        if len(rows) > limit:
            last = rows[limit - 1]
            nxt = encode_cursor([last["k"], last["doc_id"], last["n"]])
            rows = rows[:limit]
        items = []
        for r in rows:
            r.pop("k")
            r.pop("n")
            doc = _document(r)
            items.append({"document": doc, **r})
        return {"items": items, "next": nxt}

    # -- terms --------------------------------------------------------------------------------
    def term_timeline(self, q: str, cursor: str | None = None, limit: int | None = None) -> dict[str, Any]:
        """Where any term occurs, oldest document first (undated documents last).

        ``{term, n_documents, n_occurrences, first, documents: [{id, title, published, issuer,
        source, count, first_start}], next}``; ``first`` is the oldest document using the term.
        The term is matched in the Simplified view of every text, so both scripts count.
        """
        term = simplified_view(q or "").strip()
        if not term:
            raise InputError("q (the term) must not be empty")
        limit = check_limit(limit)
        start = offset_of(cursor)
        counted = self._rows("SELECT n_documents, n_occurrences FROM term_vocabulary WHERE term = ?", (term,))
        if counted:  # a term of the term index: its counts were kept as documents were written
            n_documents, n_occurrences = counted[0]
            page = self._indexed_term_rows(term, start, limit)
            first = page[0] if page and start == 0 else next(iter(self._indexed_term_rows(term, 0, 1)), None)
        else:
            rows = self._term_rows(term)
            n_documents, n_occurrences = len(rows), sum(r["count"] for r in rows)
            page, first = rows[start:start + limit], rows[0] if rows else None
        return {
            "term": term,
            "n_documents": n_documents,
            "n_occurrences": n_occurrences,
            "first": first,
            "documents": page,
            "next": encode_cursor([start + limit]) if start + limit < n_documents else None,
        }

    def term_is_counted(self, q: str) -> bool:
        """True when :meth:`term_timeline` of ``q`` reads no text: a term of the term index, or one
        counted before and kept (see :meth:`_term_rows`)."""
        term = simplified_view(q or "").strip()
        if not term:
            return True  # refused at once
        if self._rows("SELECT 1 FROM term_vocabulary WHERE term = ?", (term,)):
            return True
        cache, key = self._term_cache(term)
        with _COUNTED_LOCK:
            return key in cache

    def _term_cache(self, term: str) -> tuple[OrderedDict, tuple]:
        """Where a counted timeline of ``term`` is kept, and its key: shared by the connections of this
        process to the same store file (known by device and inode), of this store alone in memory."""
        path = getattr(self, "path", ":memory:")
        if path == ":memory:":
            return self.__dict__.setdefault("_counted_terms", OrderedDict()), (term, self.version())  # type: ignore[attr-defined]
        if "_file_identity" not in self.__dict__:
            st = os.stat(path)
            self.__dict__["_file_identity"] = (st.st_dev, st.st_ino)
        return _COUNTED, (self.__dict__["_file_identity"], term, self.version())  # type: ignore[attr-defined]

    def _indexed_term_rows(self, term: str, start: int, limit: int) -> list[dict[str, Any]]:
        """A page of the documents holding an indexed term, oldest first (a range of ``term_documents``)."""
        return self._dicts(
            "SELECT d.id, d.title, d.published, d.issuer, d.source, t.count, t.first_start"
            " FROM term_documents t JOIN documents d ON d.seq = t.seq WHERE t.term = ?"
            " ORDER BY t.undated, t.published, t.seq LIMIT ? OFFSET ?",
            (term, limit, start),
        )

    def _term_rows(self, term: str) -> list[dict[str, Any]]:
        """The documents holding ``term`` (not in the term index) with counts, oldest first; cached per store version.

        Counting reads every candidate text (the bigram index narrows them down): a term in most
        of 10,000 documents takes about a second, so the last :data:`TERM_CACHE_SIZE` answers are
        kept until a document is added, for every connection of this process to the same file.
        """
        cache, key = self._term_cache(term)
        with _COUNTED_LOCK:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
        match = fts_query(term)
        where = "d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?2)" if match else "instr(d.view, ?1) > 0"
        sql = (
            "SELECT d.seq, d.id, d.title, d.published, d.issuer, d.source,"
            " (length(d.view) - length(replace(d.view, ?1, ''))) / length(?1) AS count,"
            f" instr(d.view, ?1) - 1 AS first_start FROM documents d WHERE {where}"
        )
        rows = [r for r in self._dicts(sql, [term, match] if match else [term]) if r["count"] > 0]
        rows.sort(key=lambda r: (not r["published"], r["published"] or "", r["seq"]))
        for r in rows:
            r.pop("seq")
        with _COUNTED_LOCK:
            cache[key] = rows
            while len(cache) > TERM_CACHE_SIZE:
                cache.popitem(last=False)
        return rows

    # -- citations ----------------------------------------------------------------------------
    def cited_documents(self, q: str | None = None, cursor: str | None = None, limit: int | None = None,
                        per_citation: int = 20) -> dict[str, Any]:
        """Cited documents across the corpus, most cited first, with the documents citing them.

        ``{title, normalized, doc_type, doc_number, count, n_documents, documents: [{id, title,
        published, source, count}]}`` (citing documents oldest first, at most ``per_citation``);
        a short title (《建议》) counts for the full title it abbreviates in its document;
        ``q`` keeps titles containing it (either script).
        """
        limit = check_limit(limit)
        where, params = [], []
        if q and q.strip():
            needle = simplified_view(q).strip()
            where.append("(instr(normalized, ?) > 0 OR instr(title, ?) > 0)")
            params += [needle, q.strip()]
        pos = decode_cursor(cursor, "is")
        if pos:
            if not (isinstance(pos[0], int) and isinstance(pos[1], str)):
                raise InputError(f"invalid cursor {cursor!r}")
            where.append("(-n_documents, normalized) > (?, ?)")
            params += [-pos[0], pos[1]]
        groups = self._dicts(
            "SELECT normalized, title, doc_type, doc_number, count, n_documents FROM citation_groups"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY n_documents DESC, normalized LIMIT ?",
            params + [limit + 1],
        )
        nxt = None
        if len(groups) > limit:
            nxt = encode_cursor([groups[limit - 1]["n_documents"], groups[limit - 1]["normalized"]])
            groups = groups[:limit]
        for g in groups:
            g["documents"] = self._dicts(
                "SELECT d.id, d.title, d.published, d.source, c.count FROM citation_documents c"
                " JOIN documents d ON d.id = c.doc_id WHERE c.normalized = ?"
                " ORDER BY c.undated, c.published, c.seq LIMIT ?",
                (g["normalized"], per_citation),
            )
        return {"items": groups, "next": nxt}
