"""Build the formulation golds of this folder (``*.gold.json``) from ``specs/*.spec``.

The spec format and the offsets are those of ``../fresh/make_golds.py``, whose ``build`` this reuses:
``python3 tests/gold/fresh_slogans/make_golds.py`` (needs ``../shared``).
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
        gold["annotated"] = ["formulations inside the scope"]
        out = HERE / (spec.stem + ".gold.json")
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        core = sum(1 for s in gold["slogans"] if not s["optional"] and s.get("tier") != "secondary")
        print(out.name, len(gold["slogans"]), "formulations,", core, "core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
