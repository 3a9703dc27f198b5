"""Corpus sub-commands of the command line: ``ingest``, ``graph export|stats``, ``facts export``.

Each ``add_*_parser(subparsers)`` registers one sub-command on an ``argparse`` sub-parser
collection; the handler is set with ``set_defaults(func=...)``, takes the parsed arguments
and returns the exit status. Errors are raised as :class:`analyser.errors.AnalyserError`
subclasses with one-line messages; the caller prints them and exits with status 2.

Examples
--------
>>> import argparse
>>> parser = argparse.ArgumentParser(prog="analyser")
>>> sub = parser.add_subparsers(dest="command")
>>> add_graph_parser(sub)
>>> args = parser.parse_args(["graph", "stats", "--db", "corpus.db"])
>>> args.func.__name__, args.db
('cmd_graph_stats', 'corpus.db')
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from analyser.errors import InputError

__all__ = [
    "add_facts_parser",
    "add_graph_parser",
    "add_ingest_parser",
    "cmd_facts_export",
    "cmd_graph_export",
    "cmd_graph_stats",
    "cmd_ingest",
]


def _open(db: str, *, create: bool = False):
    from analyser.corpus.store import Store

    return Store(db, create=create)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Ingest files and folders into the store; prints a summary.

    Exit status 0 when every file was stored (or already was), 1 when some files failed (they
    are listed in the summary and recorded in the store), 2 on bad usage.
    """
    from analyser.corpus.ingest import ingest

    if args.engine == "dask" and not args.scheduler:
        raise InputError("--engine dask needs --scheduler ADDRESS")
    for path in args.paths:
        if not Path(path).exists():
            raise InputError(f"no such file or folder: {path}")
    with _open(args.db, create=True) as store:
        summary = ingest(
            args.paths, store, jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
            progress=False if args.quiet else None, retry_failed=args.retry_failed,
        )  # fmt: skip
        total = store.count_documents()
    print(summary.format())
    print(f"store {args.db}: {total} documents")
    return 1 if summary.failed else 0


def cmd_graph_export(args: argparse.Namespace) -> int:
    """Export the store's knowledge graph."""
    from analyser.corpus.export import export_graph
    from analyser.corpus.graphbuild import temporary_graph_file
    from analyser.corpus.graphstream import StreamedGraph

    # through a graph file: the graph is never whole in memory
    with _open(args.db) as store, temporary_graph_file(store, keywords=args.keywords) as gf:
        graph = StreamedGraph(gf)
        out = export_graph(graph, args.format, args.out)
        print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges -> {out}")
    return 0


def cmd_graph_stats(args: argparse.Namespace) -> int:
    """Print node counts per type and edge counts per relation."""
    from analyser.corpus.graphbuild import temporary_graph_file

    with _open(args.db) as store, temporary_graph_file(store, keywords=0) as gf:
        stats = gf.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=1))
        return 0
    print(f"nodes {sum(stats['nodes'].values())}")
    for name, n in stats["nodes"].items():
        print(f"  {name:<12} {n:>9}")
    print(f"edges {sum(stats['edges'].values())}")
    for name, n in stats["edges"].items():
        print(f"  {name:<12} {n:>9}")
    return 0


def cmd_facts_export(args: argparse.Namespace) -> int:
    """Write the fact tables as CSV or Parquet files into a folder."""
    from analyser.corpus.export import export_facts

    with _open(args.db) as store:
        written = export_facts(store, args.format, args.out)
    for path in written:
        print(path)
    return 0


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", required=True, metavar="FILE", help="the SQLite store")


def add_ingest_parser(subparsers) -> None:
    """Register ``ingest PATH... --db FILE [-j N] [--engine local|dask] [--scheduler ADDR]``."""
    p = subparsers.add_parser("ingest", help="analyse files and folders into the store")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files and folders (.txt .htm .html .md)")
    _db(p)
    p.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument("--scheduler", metavar="ADDR", help="Dask scheduler address (with --engine dask)")
    p.add_argument("--retry-failed", action="store_true", help="analyse again files that failed before")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)


def add_graph_parser(subparsers) -> None:
    """Register ``graph export`` and ``graph stats``."""
    from analyser.corpus.export import GRAPH_FORMATS

    p = subparsers.add_parser("graph", help="the knowledge graph of the store")
    sub = p.add_subparsers(dest="graph_command", metavar="{export,stats}")
    sub.required = True
    e = sub.add_parser("export", help="write the graph as GraphML, GEXF, JSON or Neo4j CSV")
    _db(e)
    e.add_argument("--format", required=True, choices=GRAPH_FORMATS)
    e.add_argument("--out", required=True, metavar="PATH", help="a file (csv: a folder)")
    e.add_argument("--keywords", type=int, default=10, metavar="K", help="TF-IDF keywords per document")
    e.set_defaults(func=cmd_graph_export)
    s = sub.add_parser("stats", help="node and edge counts per type")
    _db(s)
    s.add_argument("--json", action="store_true", help="print JSON")
    s.set_defaults(func=cmd_graph_stats)


def add_facts_parser(subparsers) -> None:
    """Register ``facts export --db FILE --format csv|parquet --out DIR``."""
    from analyser.corpus.export import FACT_FORMATS

    p = subparsers.add_parser("facts", help="fact tables for pandas or R")
    sub = p.add_subparsers(dest="facts_command", metavar="{export}")
    sub.required = True
    e = sub.add_parser("export", help="write one file per fact table")
    _db(e)
    e.add_argument("--format", required=True, choices=FACT_FORMATS)
    e.add_argument("--out", required=True, metavar="DIR")
    e.set_defaults(func=cmd_facts_export)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n
