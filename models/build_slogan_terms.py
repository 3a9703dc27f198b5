"""Build ``analyser/data/slogan_terms.txt``: coined terms the archive quotes, to find where they recur alone.

A short coined term (一国两制, 放管服, 三步走, 走出去) is printed in quotation marks where a document
introduces it and bare where it recurs. This script reads the real archive
(``../shared/corpus-real/archive``, leaving out every document the manifest marks as also in another
set), counts for each quoted Han term of 3–10 characters the documents that quote it and the share
of its occurrences that are quoted, and keeps the terms quoted in at least ``--min-docs`` documents
(default 3) with a quoted share of at least ``--min-share`` (default 0.5): a word the corpus mostly
prints bare (社会主义, 自由, 热点) is an ordinary word that some document happened to quote. Plan
periods (十五, 九五) are dates, not terms, and are left out.

Run: ``.venv/bin/python models/build_slogan_terms.py [--min-docs 3] [--min-share 0.5]``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT.parent / "shared")
OUT = ROOT / "analyser" / "data" / "slogan_terms.txt"
_QUOTED = re.compile(r"“([\u4e00-\u9fff]{3,10})”")
_PLAN = re.compile(r"^(?:十[一二三四五六七八九]?|[一二三四五六七八九])五$")


def archive_files() -> list[Path]:
    """The archive documents that are in no other set (``also_in`` empty)."""
    folder = SHARED / "corpus-real" / "archive"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [folder / e["filename"] for e in manifest if not e.get("also_in") and (folder / e["filename"]).is_file()]


def learn(views: list[str], min_docs: int, min_share: float) -> list[tuple[str, int, float]]:
    """``(term, documents quoting it, quoted share of its occurrences)``, most documents first."""
    docs: Counter[str] = Counter()
    quoted: Counter[str] = Counter()
    for v in views:
        found = [m.group(1) for m in _QUOTED.finditer(v)]
        quoted.update(found)
        docs.update(set(found))
    rows = []
    for term, n in docs.items():
        if n < min_docs or _PLAN.match(term):
            continue
        share = quoted[term] / sum(v.count(term) for v in views)
        if share >= min_share:
            rows.append((term, n, round(share, 2)))
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-docs", type=int, default=3)
    ap.add_argument("--min-share", type=float, default=0.5)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from analyser.reading import read_path
    from analyser.text.normalize import simplified_view

    files = archive_files()
    if not files:
        print(f"error: no archive under {SHARED}", file=sys.stderr)
        return 2
    rows = learn([simplified_view(read_path(p).text) for p in files], args.min_docs, args.min_share)
    head = [
        ("# Coined terms (Simplified) that the real archive prints in quotation marks: quoted in at least "
         f"{args.min_docs} of {len(files)} documents"),
        f"# (corpus-real/archive, those in no other set), at least {args.min_share:.0%} of their occurrences quoted.",
        "# Where one recurs bare, it is a formulation (analyser/extract/slogans/terms.py).",
        "# Built by models/build_slogan_terms.py; do not edit by hand. Columns: term, documents, quoted share.",
    ]
    OUT.write_text("\n".join(head + [f"{t}\t{n}\t{s}" for t, n, s in rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} terms from {len(files)} documents written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
