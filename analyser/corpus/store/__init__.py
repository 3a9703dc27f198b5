"""The fact store: analysed documents, their facts and a Chinese full-text index in one SQLite file.

The file is ordinary SQLite (WAL journal), readable by any SQLite tool or ``pandas.read_sql``.

Schema
------
``documents``
    one row per document. ``seq`` (integer key, insertion order), ``id`` (the analysis id: a hash
    of the decoded text, unique), ``source``, ``title``, ``issuer`` (+ ``issuer_norm``, Simplified), ``published`` (ISO date),
    ``year``, ``doc_number``, ``script``, ``chars``, ``encoding``, ``format``, ``body_start``,
    ``body_end``, ``text`` (the decoded text all offsets point into), ``view`` (its Simplified
    view, same length), ``terms`` (space-separated content words, the input of TF-IDF keywords),
    ``analysis`` (the analysis JSON without tokens and text), ``counts`` (JSON: facts per kind),
    ``added_at`` (UTC ISO time).
``outline``
    one row per outline node, depth first: ``path`` (``1.2.3``: positions from the top),
    ``parent_path``, ``kind``, ``level``, ``number``, ``marker``, ``heading`` (+ offsets),
    ``start``, ``end``.
``quantities``
    ``text``, ``start``, ``end``, ``value``, ``unit``, ``qualifier``, ``lower``, ``upper``,
    ``indicator`` (+ ``indicator_norm`` Simplified, offsets), ``time``, ``year``, ``place`` (+ ``place_norm``),
    ``concept`` (the indicator concept's id), ``modality`` (target/actual), ``binding``,
    ``ref_year`` (the year the value refers to).
``dates``
    ``text``, ``start``, ``end``, ``value``, ``kind``.
``slogans``
    ``text``, ``start``, ``end``, ``kind``, ``normalized``, ``family`` (variant group, when the
    analysis gives one), ``parts`` and ``members`` (JSON lists of surfaces).
``citations``
    ``text``, ``start``, ``end``, ``title``, ``normalized``, ``doc_type``, ``doc_number``,
    ``refers_to`` (the full title a short citation abbreviates).
``entities``
    ``text``, ``start``, ``end``, ``label`` (PERSON, ORG, PLACE), ``normalized``, ``parents`` (JSON).

Every fact table also has ``doc_id`` (→ ``documents.id``), ``n`` (position in the document's
list; ``(doc_id, n)`` is the key) and ``sentence``, ``sentence_start``, ``sentence_end``: the
sentence holding the fact, with offsets into ``documents.text``.

``slogan_groups``, ``slogan_documents``, ``slogan_variants``
    summaries of ``slogans`` per formulation, per formulation and document (in publication
    order) and per surface, kept up to date on every write (see :mod:`analyser.corpus.store.slogans`).
``indicator_concepts``, ``citation_groups``, ``citation_documents``
    summaries of the indicator concepts and of the cited documents with the documents citing them,
    kept up to date on every write (see :mod:`analyser.corpus.store.knowledge`).
``files``
    ``path``, ``sha256`` (of the raw bytes), ``size``, ``doc_id``, ``at``: which file gave which
    document; a batch run skips files whose bytes are already recorded.
``errors``
    ``path``, ``sha256``, ``error`` (one line), ``at``: files that could not be analysed.
``documents_fts``
    FTS5 (contentless) over character bigrams of the Simplified view, ``rowid`` = ``documents.seq``
    (see :mod:`analyser.corpus.store.fts`).
``meta``
    ``key``/``value``: ``schema_version`` (an older store is upgraded when opened for writing;
    ``Store(path, readonly=True)`` opens an up-to-date one through a read-only connection).

Examples
--------
>>> from analyser.facts import Analysis
>>> store = Store(":memory:")
>>> store.add_analysis(Analysis.from_dict({"document": {"id": "a1", "text": "堅持精準扶貧。", "title": None},
...                     "slogans": [{"text": "精準扶貧", "start": 2, "end": 6, "kind": "quoted",
...                                  "normalized": "精准扶贫"}]}))
True
>>> [hit["match"] for hit in store.search("精准")["items"]]
['精準']
>>> store.slogans()["items"][0]["count"]
1
"""
from __future__ import annotations

from .core import Store, open_store
from .fts import bigrams, fts_query, kwic
from .prepare import PreparedDocument, prepare

__all__ = ["PreparedDocument", "Store", "bigrams", "fts_query", "kwic", "open_store", "prepare"]
