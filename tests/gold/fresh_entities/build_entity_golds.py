"""Build the entity golds (``*.gold.json``) of a folder from its specs (``specs/*.spec``).

The spec format and the builder are those of ``tests/gold/fresh/make_golds.py``; this script only
points it at a folder of entity specs, this one unless others are named:
``python3 tests/gold/fresh_entities/build_entity_golds.py [FOLDER ...]`` (needs ``../shared``), e.g.
``tests/gold/fresh_entities2`` and ``tests/gold/fresh_entities3``.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fresh"))
from make_golds import build


def build_folder(folder: Path) -> None:
    for spec in sorted((folder / "specs").glob("*.spec")):
        gold = build(spec)
        gold["annotated"] = ["persons, organizations and places inside the scope"]
        out = folder / (spec.stem + ".gold.json")
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        n = {k: len(gold[k]) for k in ("persons", "organizations", "places")}
        print(out.name, n)


def main(argv: list[str] | None = None) -> int:
    folders = [Path(a) for a in (sys.argv[1:] if argv is None else argv)] or [HERE]
    for folder in folders:
        build_folder(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
