"""Build the outline golds of this folder from ``specs/*.spec`` (same spec language as ``../fresh``).

``python3 tests/gold/fresh_outline/outline_golds.py`` (needs ``../shared``).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fresh"))
from make_golds import build


def main() -> int:
    for spec in sorted((HERE / "specs").glob("*.spec")):
        gold = build(spec)
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
