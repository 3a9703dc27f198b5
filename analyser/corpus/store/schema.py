"""The SQL schema of the fact store (see :mod:`analyser.corpus.store` for the description).

Everything here is plain SQLite: the file opens in the ``sqlite3`` shell, DB Browser, Datasette
or pandas. The only extension used is FTS5, which ships with every SQLite build Python uses.
"""
from __future__ import annotations

__all__ = ["DDL", "FACT_TABLES", "SCHEMA_VERSION"]

#: 2 added the formulation summary tables (slogan_groups, slogan_documents, slogan_variants);
#: 3 the distinct quantity indicators and places (quantity_terms) and indexes for selective filters
#: that cover the page order (filter column, doc_id, n);
#: 4 the knowledge columns of quantities and citations and the indicator/citation summary tables
#: (:mod:`analyser.corpus.store.knowledge`);
#: 5 the term counts of the vocabulary (term_vocabulary, term_documents: :mod:`analyser.corpus.store.term_index`)
SCHEMA_VERSION = 5

#: Fact kind (the analysis JSON key) -> table name.
FACT_TABLES = {
    "outline": "outline",
    "quantities": "quantities",
    "dates": "dates",
    "slogans": "slogans",
    "citations": "citations",
    "entities": "entities",
}

_SENTENCE = "sentence TEXT, sentence_start INTEGER, sentence_end INTEGER"
_FACT = "doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL"

DDL = f"""
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT,
    title TEXT,
    issuer TEXT,
    issuer_norm TEXT,
    published TEXT,
    year INTEGER,
    doc_number TEXT,
    script TEXT,
    chars INTEGER,
    encoding TEXT,
    format TEXT,
    body_start INTEGER,
    body_end INTEGER,
    text TEXT NOT NULL,
    view TEXT NOT NULL,
    terms TEXT,
    analysis TEXT NOT NULL,
    counts TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_issuer ON documents(issuer_norm);
CREATE INDEX IF NOT EXISTS documents_year ON documents(year);
CREATE INDEX IF NOT EXISTS documents_published ON documents(id, published, seq);
CREATE TABLE IF NOT EXISTS files (
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER,
    doc_id TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (path, sha256)
);
CREATE INDEX IF NOT EXISTS files_sha ON files(sha256);
CREATE TABLE IF NOT EXISTS errors (
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (path, sha256)
);
CREATE TABLE IF NOT EXISTS outline (
    {_FACT},
    path TEXT NOT NULL,
    parent_path TEXT,
    kind TEXT, level INTEGER, number INTEGER,
    marker TEXT, heading TEXT, heading_start INTEGER, heading_end INTEGER,
    start INTEGER, "end" INTEGER,
    {_SENTENCE},
    PRIMARY KEY (doc_id, n)
);
CREATE TABLE IF NOT EXISTS quantities (
    {_FACT},
    text TEXT, start INTEGER, "end" INTEGER,
    value REAL, unit TEXT, qualifier TEXT, lower REAL, upper REAL,
    indicator TEXT, indicator_norm TEXT, indicator_start INTEGER, indicator_end INTEGER,
    time TEXT, year INTEGER, place TEXT, place_norm TEXT,
    concept TEXT, modality TEXT, binding TEXT, ref_year INTEGER,
    {_SENTENCE},
    PRIMARY KEY (doc_id, n)
);
CREATE INDEX IF NOT EXISTS quantities_indicator_key ON quantities(indicator_norm, doc_id, n);
CREATE INDEX IF NOT EXISTS quantities_unit_key ON quantities(unit, doc_id, n);
CREATE INDEX IF NOT EXISTS quantities_place_key ON quantities(place_norm, doc_id, n);
CREATE INDEX IF NOT EXISTS quantities_year_key ON quantities(year, doc_id, n);
CREATE INDEX IF NOT EXISTS quantities_value_key ON quantities(value, doc_id, n);
CREATE TABLE IF NOT EXISTS quantity_terms (
    field TEXT NOT NULL,
    norm TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (field, norm)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dates (
    {_FACT},
    text TEXT, start INTEGER, "end" INTEGER, value TEXT, kind TEXT,
    {_SENTENCE},
    PRIMARY KEY (doc_id, n)
);
CREATE TABLE IF NOT EXISTS slogans (
    {_FACT},
    text TEXT, start INTEGER, "end" INTEGER, kind TEXT, normalized TEXT, family TEXT,
    parts TEXT, members TEXT,
    {_SENTENCE},
    PRIMARY KEY (doc_id, n)
);
CREATE INDEX IF NOT EXISTS slogans_group ON slogans(normalized, doc_id, text, family);
CREATE TABLE IF NOT EXISTS citations (
    {_FACT},
    text TEXT, start INTEGER, "end" INTEGER, title TEXT, normalized TEXT,
    doc_type TEXT, doc_number TEXT, refers_to TEXT,
    {_SENTENCE},
    PRIMARY KEY (doc_id, n)
);
CREATE INDEX IF NOT EXISTS citations_normalized ON citations(normalized);
CREATE TABLE IF NOT EXISTS entities (
    {_FACT},
    text TEXT, start INTEGER, "end" INTEGER, label TEXT, normalized TEXT, parents TEXT,
    {_SENTENCE},
    PRIMARY KEY (doc_id, n)
);
CREATE INDEX IF NOT EXISTS entities_normalized ON entities(label, normalized);
CREATE TABLE IF NOT EXISTS slogan_groups (
    normalized TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    n_documents INTEGER NOT NULL,
    family TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS slogan_groups_rank ON slogan_groups(count DESC, normalized);
CREATE TABLE IF NOT EXISTS slogan_documents (
    normalized TEXT NOT NULL,
    undated INTEGER NOT NULL,
    published TEXT NOT NULL,
    seq INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    count INTEGER NOT NULL,
    first INTEGER,
    PRIMARY KEY (normalized, undated, published, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS slogan_variants (
    normalized TEXT NOT NULL,
    text TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (normalized, text)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    grams, content='', tokenize='unicode61 remove_diacritics 0'
);
"""
