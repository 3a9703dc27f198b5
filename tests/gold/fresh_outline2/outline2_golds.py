"""Build the outline golds of this folder from ``specs/*.spec`` (same spec language as ``../fresh``).

A spec whose document lies under ``texts/`` (texts written for this folder) names it relative to this
folder; the others name an archive document under ``shared/``.

``python3 tests/gold/fresh_outline2/outline2_golds.py`` (needs ``../shared`` for the archive documents).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fresh"))
import make_golds  # noqa: E402


def _build(spec: Path) -> dict:
    lines = [ln for ln in spec.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    local = lines[0].startswith("doc texts/")
    if not local:
        return make_golds.build(spec)
    shared_root = make_golds._root
    make_golds._root = lambda: HERE  # the text's path is relative to this folder
    try:
        return make_golds.build(spec)
    finally:
        make_golds._root = shared_root


def main() -> int:
    for spec in sorted((HERE / "specs").glob("*.spec")):
        gold = _build(spec)
        gold["annotated"] = ["outline (complete)"]
        out = HERE / (spec.stem + ".gold.json")
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        o = gold["outline"]
        n_points = len(o["points"]) + sum(len(s["points"]) for s in o["sections"])
        n_items = len(o["items"]) + sum(len(s["items"]) for s in o["sections"])
        print(out.name, len(o["sections"]), "sections", n_points, "points", n_items, "items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
