"""Term counts kept at write time: a known term's timeline is an index lookup, not a scan of the texts.

A term timeline counts a term in the Simplified view of every stored text. Counting a common
term reads most texts (about a second at 10,000 documents), so the store keeps the counts of a
*vocabulary* of terms, filled as documents are written:

``term_vocabulary(term, n_documents, n_occurrences)``
    the terms counted in **every** document (a term is added only together with its counts in
    all documents already stored), with their totals;
``term_documents(term, undated, published, seq, count, first_start)``
    one row per term and document holding it, keyed in the timeline's order (dated documents
    oldest first, then undated ones, then by insertion), so a page is a range of the key.

The vocabulary is the project's policy vocabulary (``user_dict.txt``: 易地扶贫搬迁, 脱贫攻坚 …),
the known formulations (``slogan_lexicon.txt`` with the members of parallel ones) and every
formulation the corpus states (its ``normalized`` form), added when a document first states it.
A document being written is counted for every term of the vocabulary that occurs in its view,
as a substring (not only where the tokenizer cut the term as a word), with the same count the
scan gives (non-overlapping occurrences) and the offset of the first. A term added later is
counted in the documents already stored through the bigram index (only documents holding its
bigrams are read). Terms outside the vocabulary are still answered by the scan.

Examples
--------
>>> m = TermMatcher(["扶贫", "精准扶贫", "搬迁"])
>>> m.counts("坚持精准扶贫，扶贫搬迁")
{'扶贫': (2, 4), '搬迁': (1, 9), '精准扶贫': (1, 2)}
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from functools import cache

from analyser.text.normalize import simplified_view

from .fts import fts_query

__all__ = [
    "MAX_TERM",
    "TERM_INDEX_DDL",
    "TermMatcher",
    "add_terms",
    "index_document",
    "lexicon_terms",
    "rebuild_term_index",
]

#: longest term kept in the vocabulary (characters); longer formulations are left to the scan
MAX_TERM = 24

TERM_INDEX_DDL = """
CREATE TABLE IF NOT EXISTS term_vocabulary (
    term TEXT PRIMARY KEY,
    n_documents INTEGER NOT NULL,
    n_occurrences INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS term_documents (
    term TEXT NOT NULL,
    undated INTEGER NOT NULL,
    published TEXT NOT NULL,
    seq INTEGER NOT NULL,
    count INTEGER NOT NULL,
    first_start INTEGER NOT NULL,
    PRIMARY KEY (term, undated, published, seq)
) WITHOUT ROWID;
"""


def _keep(term: str) -> bool:
    """A term the index can hold: 2 to :data:`MAX_TERM` characters, found by the bigram index."""
    return 2 <= len(term) <= MAX_TERM and term == term.strip() and fts_query(term) is not None


@cache
def lexicon_terms() -> frozenset[str]:
    """The project's policy vocabulary and known formulations (with their members), Simplified.

    >>> {"易地扶贫搬迁", "精准扶贫"} <= lexicon_terms()
    True
    """
    from analyser import data

    out = {ln.split()[0] for ln in data.lines("user_dict.txt") if ln.split()}
    for ln in data.lines("slogan_lexicon.txt"):
        out.add(ln.strip())
        out.update(p.strip() for p in ln.split("、"))
    return frozenset(t for t in (simplified_view(t) for t in out) if _keep(t))


class TermMatcher:
    """Finds which terms of a vocabulary occur in a text, with their counts and first offsets.

    Every position of the text is looked up once per term length that starts with its two
    characters, so the cost grows with the text, not with the vocabulary.
    """

    def __init__(self, terms: Iterable[str] = ()) -> None:
        self.terms: set[str] = set()
        self._lengths: dict[str, set[int]] = {}
        self.update(terms)

    def update(self, terms: Iterable[str]) -> None:
        """Add terms."""
        for t in terms:
            if t not in self.terms and len(t) >= 2:
                self.terms.add(t)
                self._lengths.setdefault(t[:2], set()).add(len(t))

    def __contains__(self, term: str) -> bool:
        return term in self.terms

    def counts(self, view: str) -> dict[str, tuple[int, int]]:
        """``{term: (count, first offset)}`` of the terms in ``view`` (non-overlapping counts)."""
        found: set[str] = set()
        lengths = self._lengths
        terms = self.terms
        for i in range(len(view) - 1):
            ls = lengths.get(view[i : i + 2])
            if ls:
                for n in ls:
                    t = view[i : i + n]
                    if len(t) == n and t in terms:
                        found.add(t)
        return {t: (view.count(t), view.find(t)) for t in sorted(found)}


def _key(published: str | None) -> tuple[int, str]:
    return (0, published) if published else (1, "")


def _insert(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO term_documents(term, undated, published, seq, count, first_start)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )


def _totals(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """Add the rows' counts to the vocabulary totals."""
    sums: dict[str, list[int]] = {}
    for term, _u, _p, _s, count, _f in rows:
        s = sums.setdefault(term, [0, 0])
        s[0] += 1
        s[1] += count
    conn.executemany(
        "UPDATE term_vocabulary SET n_documents = n_documents + ?, n_occurrences = n_occurrences + ? WHERE term = ?",
        [(d, o, t) for t, (d, o) in sums.items()],
    )


def _vocabulary(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT term FROM term_vocabulary")}


def add_terms(conn: sqlite3.Connection, terms: Iterable[str]) -> list[str]:
    """Add terms to the vocabulary with their counts in every stored document; returns those added.

    Candidates come from the bigram index (documents holding the term's bigrams in sequence),
    then each candidate's view is counted. Inside the caller's transaction.
    """
    known = _vocabulary(conn)
    added = []
    for term in sorted({t for t in terms if _keep(t)} - known):
        conn.execute("INSERT INTO term_vocabulary(term, n_documents, n_occurrences) VALUES (?, 0, 0)", (term,))
        rows = []
        for seq, published, view in conn.execute(
            "SELECT d.seq, d.published, d.view FROM documents d"
            " WHERE d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
            (fts_query(term),),
        ):
            count = view.count(term)
            if count:
                rows.append((term, *_key(published), seq, count, view.find(term)))
        _insert(conn, rows)
        _totals(conn, rows)
        added.append(term)
    return added


def index_document(
    conn: sqlite3.Connection, matcher: TermMatcher, seq: int, published: str | None, view: str,
    new_terms: Iterable[str] = (),
) -> None:  # fmt: skip
    """Count the vocabulary in a document just written (its row and bigrams are in), inside the transaction.

    ``new_terms`` (the document's formulations) join the vocabulary first, counted in every
    document including this one; ``matcher`` holds the vocabulary and is updated.
    """
    fresh = [t for t in {simplified_view(t) for t in new_terms if t} if t not in matcher]
    if fresh:
        matcher.update(add_terms(conn, fresh))
        skip = set(fresh)
    else:
        skip = set()
    rows = [
        (term, *_key(published), seq, count, first)
        for term, (count, first) in matcher.counts(view).items()
        if term not in skip
    ]
    _insert(conn, rows)
    _totals(conn, rows)


def rebuild_term_index(conn: sqlite3.Connection, terms: Iterable[str]) -> TermMatcher:
    """Empty the term tables and count ``terms`` in every stored document (one pass over the texts)."""
    conn.execute("DELETE FROM term_documents")
    conn.execute("DELETE FROM term_vocabulary")
    keep = sorted({t for t in terms if _keep(t)})
    conn.executemany("INSERT INTO term_vocabulary(term, n_documents, n_occurrences) VALUES (?, 0, 0)",
                     [(t,) for t in keep])  # fmt: skip
    matcher = TermMatcher(keep)
    last = 0
    while True:
        chunk = conn.execute(
            "SELECT seq, published, view FROM documents WHERE seq > ? ORDER BY seq LIMIT 200", (last,)
        ).fetchall()
        if not chunk:
            break
        rows = []
        for seq, published, view in chunk:
            rows += [(t, *_key(published), seq, c, f) for t, (c, f) in matcher.counts(view).items()]
            last = seq
        _insert(conn, rows)
    conn.execute(
        "UPDATE term_vocabulary SET (n_documents, n_occurrences) ="
        " (SELECT count(*), coalesce(sum(count), 0) FROM term_documents t WHERE t.term = term_vocabulary.term)"
    )
    return matcher
