"""Snapshot of the analysis JSON of the dev corpus and the seed, to show that a change keeps the facts.

``save DIR`` writes one ``NAME.json`` per document (the full analysis JSON, tokens included) and
``hashes.txt`` (SHA-256 of each document's canonical JSON without its tokens: the facts alone, so
the list holds with either segmentation backend); ``compare DIR`` analyses the documents again and
prints, per document, ``same`` or the parts that differ (tokens included) with the first
differing entry. ``hashes`` prints the hash list only (the form kept in
``tests/fixtures/facts_snapshot.sha256``).

Run: ``.venv/bin/python benchmarks/facts_snapshot.py save /tmp/facts-before`` before a change,
``.venv/bin/python benchmarks/facts_snapshot.py compare /tmp/facts-before`` after it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT.parent / "shared")


def documents() -> list[Path]:
    """The seed and the dev-corpus documents (empty where the shared folder is absent)."""
    seed = sorted((SHARED / "seed").glob("*.txt"))
    dev = sorted(p for p in (SHARED / "corpus-real" / "dev").glob("dev*") if p.is_file())
    return seed + dev


def analysis_json(path: Path, *, tokens: bool = True) -> dict:
    """The analysis of ``path`` as the contract's JSON, with its tokens unless told otherwise."""
    from analyser import analyse_file

    data = analyse_file(path).to_dict(tokens=tokens)
    data["document"].pop("source", None)  # where the file lies is no fact
    return data


def canonical(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(data: dict) -> str:
    return hashlib.sha256(canonical(data).encode("utf-8")).hexdigest()


def hash_lines(paths: list[Path]) -> list[str]:
    return [f"{digest(analysis_json(p, tokens=False))}  {p.name}" for p in paths]


def first_difference(before: list, after: list) -> str:
    for i, (a, b) in enumerate(zip(before, after)):
        if a != b:
            return f"#{i}: {canonical(a)[:200]}\n      -> {canonical(b)[:200]}"
    return f"{len(before)} entries -> {len(after)}"


def compare(folder: Path, paths: list[Path]) -> int:
    changed = 0
    for p in paths:
        old_path = folder / f"{p.name}.json"
        if not old_path.exists():
            print(f"{p.name}: no snapshot")
            continue
        old = json.loads(old_path.read_text(encoding="utf-8"))
        new = analysis_json(p)
        if old == new:
            print(f"{p.name}: same")
            continue
        changed += 1
        for kind in sorted(set(old) | set(new)):
            if old.get(kind) != new.get(kind):
                a, b = old.get(kind), new.get(kind)
                if isinstance(a, list) and isinstance(b, list):
                    print(f"{p.name}: {kind} differs {first_difference(a, b)}")
                else:
                    print(f"{p.name}: {kind} differs")
    print(f"{changed} of {len(paths)} documents differ")
    return 1 if changed else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("save", "compare", "hashes"))
    ap.add_argument("folder", type=Path, nargs="?")
    args = ap.parse_args(argv)
    paths = documents()
    if not paths:
        print(f"error: no documents under {SHARED}", file=sys.stderr)
        return 2
    if args.action == "hashes":
        print("\n".join(hash_lines(paths)))
        return 0
    if args.folder is None:
        print("error: save and compare need a folder", file=sys.stderr)
        return 2
    if args.action == "compare":
        return compare(args.folder, paths)
    args.folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for p in paths:
        data = analysis_json(p)
        (args.folder / f"{p.name}.json").write_text(canonical(data), encoding="utf-8")
        data.pop("tokens", None)
        lines.append(f"{digest(data)}  {p.name}")
    (args.folder / "hashes.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(paths)} documents written to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
