"""Build the entity golds of this folder (``*.gold.json``) from their specs (``specs/*.spec``).

The spec format and the builder are those of ``tests/gold/fresh/make_golds.py``; this script only
points it at this folder: ``python3 tests/gold/fresh_entities2/build_entity_golds2.py`` (needs ``../shared``).
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
        gold["annotated"] = ["persons, organizations and places inside the scope"]
        out = HERE / (spec.stem + ".gold.json")
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        n = {k: len(gold[k]) for k in ("persons", "organizations", "places")}
        print(out.name, n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
