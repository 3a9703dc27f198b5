"""Build the formulation golds of this folder (``*.gold.json``) from ``specs/*.spec``.

The spec format and the offsets are those of ``../fresh/make_golds.py``, whose ``build`` this reuses:
``python3 tests/gold/fresh_slogans/make_slogan_golds.py`` (needs ``../shared``).
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _builder():
    """``build`` of ``../fresh/make_golds.py``, loaded under its own module name."""
    sys.path.insert(0, str(HERE.parent / "fresh"))  # it imports visible_text beside it
    spec = importlib.util.spec_from_file_location("fresh_make_golds", HERE.parent / "fresh" / "make_golds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build


def main() -> int:
    build = _builder()
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
