"""Build ``analyser/data/slogan_series.txt``: the wordings of unquoted formulation candidates and the
number of archive documents in which each was found.

Reads the real archive (``../shared/corpus-real/archive``, leaving out every document the manifest
marks as also in another set), finds the candidates of every document as the extractor does (the
Simplified view, the tokenizer's word boundaries, :func:`analyser.extract.slogans.candidates.generate`)
and counts, for each unquoted candidate found by shape (lists, clause runs, joined and compact
members), the documents holding it. Wordings found in at least ``--min-docs`` documents (default 2)
are written. Training subtracts a document's own count for the archive documents it learns from.

Run: ``.venv/bin/python models/build_slogan_series.py [--min-docs 2]``.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "models"))
from build_slogan_terms import archive_files  # noqa: E402

OUT = ROOT / "analyser" / "data" / "slogan_series.txt"


def doc_keys(text: str) -> set[str]:
    """The wordings of the counted candidates of one document."""
    from analyser.extract.slogans.candidates import generate
    from analyser.extract.slogans.model import FeatureContext
    from analyser.extract.slogans.series import COUNTED, series_key
    from analyser.text.normalize import simplified_view

    ctx = FeatureContext.build(simplified_view(text))
    return {series_key(ctx.view[c.start:c.end]) for c in generate(ctx.view, set(ctx.bounds))
            if c.origin in COUNTED and c.outer is None}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-docs", type=int, default=2)
    args = ap.parse_args(argv)
    from analyser.reading import read_path

    files = archive_files()
    docs: Counter[str] = Counter()
    for f in files:
        docs.update(doc_keys(read_path(f).text))
    rows = sorted(((k, n) for k, n in docs.items() if n >= args.min_docs), key=lambda r: (-r[1], r[0]))
    head = [
        "# Wordings of unquoted formulation candidates (lists, clause runs, joined and compact members) and the",
        f"# number of documents of the real archive holding each: corpus-real/archive, the {len(files)} documents in no",
        f"# other set, wordings found in at least {args.min_docs}. Separators unified (，read as 、).",
        "# Built by models/build_slogan_series.py; do not edit by hand. Columns: wording, documents.",
    ]
    OUT.write_text("\n".join(head + [f"{k}\t{n}" for k, n in rows]) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} wordings from {len(files)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
