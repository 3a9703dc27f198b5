"""Build ``analyser/data/oov_tags.tsv``: the POS tags of words that jieba's dictionary lacks.

The tokenizer tags a word missing from jieba's dictionary (one the segmentation HMM joined) with
jieba's character-level POS model, a Viterbi search of a few milliseconds per word. This script
segments the real archive (``../shared/corpus-real/archive``, leaving out every document that the
manifest marks as also in another set) and stores the model's tag of each such word seen at least
``--min-count`` times (default 1), so the tokenizer looks them up instead; the tags are those the model gives,
so analyses are unchanged.

Run: ``.venv/bin/python models/build_oov_tags.py [--min-count 1]``.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT.parent / "shared")
OUT = ROOT / "analyser" / "data" / "oov_tags.tsv"


def archive_files() -> list[Path]:
    """The archive documents that are in no other set (``also_in`` empty)."""
    folder = SHARED / "corpus-real" / "archive"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [folder / e["filename"] for e in manifest if not e.get("also_in") and (folder / e["filename"]).is_file()]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-count", type=int, default=1)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from analyser.reading import read_path
    from analyser.text.normalize import simplified_view
    from analyser.text.segment import PolicyTokenizer

    files = archive_files()
    if not files:
        print(f"error: no archive under {SHARED}", file=sys.stderr)
        return 2
    tok = PolicyTokenizer(oov_table=False)
    counts: Counter[str] = Counter()
    for path in files:
        for w, _, _ in tok.iter_words(simplified_view(read_path(path).text)):
            if not w.isspace() and tok.dictionary_tag(w) is None:
                counts[w] += 1
    rows = sorted((w, tok.tag(w)) for w, n in counts.items() if n >= args.min_count)
    head = [
        "# POS tags of words missing from jieba's dictionary, as jieba's character-level POS model",
        "# (jieba.posseg, Viterbi) tags them; words seen at least "
        f"{args.min_count} times in {len(files)} documents of the real archive",
        "# (corpus-real/archive, those in no other set). Built by models/build_oov_tags.py.",
    ]
    OUT.write_text("\n".join(head + [f"{w}\t{t}" for w, t in rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} words from {len(files)} documents written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
