"""Build the date golds of this folder from ``specs/`` with the builder of ``tests/gold/fresh_dates3``
(the ``| s2hk`` / ``| s2tw`` conversions included).

Run: ``python3 tests/gold/fresh_dates4/build_dates4_golds.py`` (needs ``../shared`` and ``opencc``).
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("dates3_builder", HERE.parent / "fresh_dates3" / "build_dates3_golds.py")
builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(builder)  # type: ignore[union-attr]


def main() -> int:
    for spec in sorted((HERE / "specs").glob("*.spec")):
        gold = builder.build(spec)
        out = HERE / (spec.stem + ".gold.json")
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(out.name, gold["counts"], sum(1 for d in gold["dates"] if not d["optional"]), "required")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
