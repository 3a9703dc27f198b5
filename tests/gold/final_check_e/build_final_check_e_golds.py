"""Build the golds of this folder from ``specs/*.spec``: quantities, dates and (for the web pages)
the complete outline, in the format ``shared/tools/score.py`` reads.

The spec language is that of ``../final_check_a`` (``doc``, ``scope``, ``q`` and ``d`` lines for the
quantities and dates of the window; ``section``, ``point`` and ``item`` lines for the outline; a third
field ``| s2hk`` on the ``doc`` line for a copy converted with OpenCC), and its builder does the work,
failing on any missing or ambiguous anchor. One line is added here:

    outline complete    the outline of the whole document is annotated, also when the spec names no
                        node (a page with no numbered division: predicted nodes are errors)

Run: ``python tests/gold/final_check_e/build_final_check_e_golds.py`` (needs ``../shared``, and
``opencc`` for the converted window).
"""
from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


builder = _load("final_check_a_builder", HERE.parent / "final_check_a" / "build_final_check_golds.py")
OUTLINE_NOTE = "outline (complete, the whole document)"


def build(spec: Path) -> dict:
    lines = spec.read_text(encoding="utf-8").splitlines()
    complete = any(ln.strip() == "outline complete" for ln in lines)
    with tempfile.NamedTemporaryFile("w", suffix=".spec", delete=False, encoding="utf-8") as tmp:
        tmp.write("\n".join(ln for ln in lines if ln.strip() != "outline complete") + "\n")
    try:
        gold = builder.build(Path(tmp.name))
    finally:
        Path(tmp.name).unlink()
    if complete and OUTLINE_NOTE not in gold["annotated"]:
        gold["annotated"].append(OUTLINE_NOTE)
    return gold


def main() -> int:
    for spec in sorted((HERE / "specs").glob("*.spec")):
        gold = build(spec)
        out = HERE / (spec.stem + ".gold.json")
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        o = gold["outline"]
        n_nodes = sum(len(s["points"]) + len(s["items"]) for s in o["sections"]) + len(o["points"]) + len(o["items"])
        req = {k: sum(1 for x in gold[k] if not x["optional"]) for k in ("quantities", "dates")}
        has = "outline" if OUTLINE_NOTE in gold["annotated"] else "no outline"
        print(f"{out.name}: {gold['counts']} required {req}; {has}: {len(o['sections'])} sections, {n_nodes} points/items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
