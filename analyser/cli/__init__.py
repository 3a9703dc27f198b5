"""The command line: ``python -m analyser COMMAND ...`` (also installed as ``policy-analyser``).

Commands: ``analyse`` (JSON of one or more documents, or ``--format summary``: a readable
plain-text view), ``eval`` (score against a gold file),
``ingest`` (batch into the SQLite store), ``graph`` (export and statistics of the knowledge
graph), ``facts`` (fact tables for pandas/R), ``serve`` (the HTTP API and explorer).

Exit status: 0 on success, 2 on bad usage or bad input (one line on stderr, no traceback),
1 on an unexpected internal failure (one line on stderr as well).
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Sequence

from analyser.errors import AnalyserError

if TYPE_CHECKING:  # pragma: no cover
    from analyser.facts import Token

__all__ = ["main", "build_parser"]


def _fail(message: str, status: int = 2) -> int:
    print(f"error: {message}", file=sys.stderr)
    return status


SERVE_EPILOG = """\
environment settings (read when the server starts):
  POLICY_ANALYSER_WRITE_TOKEN        bearer token that enables POST /documents (send it as
                                     "Authorization: Bearer TOKEN"); unset: the API is read-only
                                     and the store must exist
  POLICY_ANALYSER_CORS_ORIGINS       comma-separated origins allowed to call the API from a
                                     browser page of another site (default: none, CORS off)
  POLICY_ANALYSER_MAX_BODY           largest request body in bytes (default 2000000)
  POLICY_ANALYSER_ANALYSE_TIMEOUT    seconds one POST /analyse may take (default 30)
  POLICY_ANALYSER_LOAD_TIMEOUT       extra seconds for loading the pipeline the first time (default 180)
  POLICY_ANALYSER_ANALYSE_WORKERS    analyses running at once (default 1)
  POLICY_ANALYSER_RESPONSE_CACHE_MB  memory for cached read responses in MB; 0 turns the cache off
                                     (default 64)
  POLICY_ANALYSER_EXPORT_MAX_ITEMS   largest graph (nodes + edges) /graph/export gives without the
                                     write token (larger: 413); 0: exports need the token
                                     (default 1000000)
  POLICY_ANALYSER_HEADER_TIMEOUT     seconds a client may take to send its request line and
                                     headers (default 10)
  POLICY_ANALYSER_BODY_TIMEOUT       seconds a client may take to send its request body (default 30)
  POLICY_ANALYSER_KEEPALIVE_TIMEOUT  seconds an idle keep-alive connection stays open (default 5)
  POLICY_ANALYSER_DB                 the store of an app started by uvicorn itself
                                     (uvicorn --factory api.main:create_app); serve takes --db

example: POLICY_ANALYSER_WRITE_TOKEN=s3cret python -m analyser serve --db policy.db --port 8000
"""


def _count(raw: str) -> int:
    """A whole number of at least 1 (argparse type)."""
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {raw!r}")
    return value


def _analyse_one(path: str, args: argparse.Namespace) -> tuple[dict, Sequence[Token] | None]:
    """The analysis JSON of ``path`` without its tokens, and the tokens when ``--tokens`` asks for them."""
    from analyser.nlp.analysis import analyse_bytes, analyse_file

    if path == "-":
        data = sys.stdin.buffer.read()
        analysis = analyse_bytes(data, source="-", html=True if args.html else None)
    else:
        analysis = analyse_file(path)
    if analysis.document.decode_errors is not None:
        print(f"warning: {path}: {analysis.document.decode_errors.describe()}", file=sys.stderr)
    if args.format == "summary":
        return analysis.to_dict(), None
    return analysis.to_dict(text=args.text), analysis.tokens if args.tokens else None


def cmd_analyse(args: argparse.Namespace) -> int:
    """Analyse each PATH and print (or write) its JSON; JSON Lines for several paths."""
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    status = written = 0
    try:
        several = len(args.paths) > 1
        for path in args.paths:
            try:
                result, tokens = _analyse_one(path, args)
            except AnalyserError as exc:
                print(f"error: {exc}", file=sys.stderr)
                status = 2
                if several and args.format == "json":
                    out.write(json.dumps({"source": path, "error": str(exc)}, ensure_ascii=False) + "\n")
                continue
            if args.format == "summary":
                from .summary import format_summary

                out.write(("\n" if written else "") + format_summary(result, top=args.top) + "\n")
            else:  # the tokens a batch at a time: a long document's token list is most of its JSON
                from .jsonout import json_pieces

                out.writelines(json_pieces(result, tokens, indent=None if several else 1))
                out.write("\n")
            out.flush()
            written += 1
    finally:
        if args.out:
            out.close()
    return status


def cmd_eval(args: argparse.Namespace) -> int:
    """Score the analysis of TEXT (default: the gold's own document) against a gold file."""
    from analyser.evaluate import evaluate_file, format_report

    report = evaluate_file(args.gold, args.text)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(format_report(report))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the HTTP API and the explorer page over the store."""
    from api.server import serve

    return serve(args.db, host=args.host, port=args.port, workers=args.workers)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="python -m analyser",
        description="Facts with provenance from Chinese government policy documents.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("analyse", help="analyse documents and print their JSON")
    p.add_argument("paths", nargs="+", metavar="PATH", help="text or HTML files; - reads stdin")
    p.add_argument("--tokens", action="store_true", help="add the token list")
    p.add_argument("--text", action="store_true", help="add the decoded text (document.text)")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of printing")
    p.add_argument("--html", action="store_true", help="treat stdin as HTML")
    p.add_argument(
        "--format", choices=("json", "summary"), default="json",
        help="json: the analysis JSON of the contract (default); summary: a readable plain-text view "
        "(title, date, issuer, fact counts, outline tree, top quantities and formulations)",
    )  # fmt: skip
    p.add_argument("--top", type=_count, default=10, metavar="N", help="rows per table of the summary (default 10)")
    p.set_defaults(func=cmd_analyse)

    p = sub.add_parser("eval", help="score the analysis against a gold annotation")
    p.add_argument("--gold", required=True, metavar="GOLD.json")
    p.add_argument("text", nargs="?", metavar="TEXT", help="the document (default: the gold's own)")
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    p.set_defaults(func=cmd_eval)

    try:
        from . import corpus as corpus_cli
    except ImportError:  # pragma: no cover - the corpus commands are optional in a minimal install
        corpus_cli = None
    if corpus_cli is not None:
        for name in ("add_ingest_parser", "add_graph_parser", "add_facts_parser"):
            if hasattr(corpus_cli, name):
                getattr(corpus_cli, name)(sub)

    p = sub.add_parser(
        "serve", help="serve the HTTP API and the explorer",
        description="Serve the HTTP API (/docs, /redoc) and the browser explorer (/) over a store.",
        epilog=SERVE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    p.add_argument("--db", required=True, metavar="FILE", help="the SQLite store")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="server processes sharing the port (default 1; more than one: read-only)")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except AnalyserError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        return 0
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc))
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        return _fail(f"internal error ({type(exc).__name__}): {exc}", 1)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
