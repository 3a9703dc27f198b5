"""Build the outline golds of this folder from ``specs/*.spec`` (same spec language as ``../fresh``).

A spec whose document lies under ``texts/`` (texts written or converted for this folder) names it
relative to this folder; the others name an archive document under ``shared/``. A text converted to
Traditional script with OpenCC ``s2hk`` (``texts/NAME.s2hk.txt``, one character for one) takes the
gold of its Simplified original ``specs/NAME.spec``: the same offsets, the surfaces read from the
converted text.

``python3 tests/gold/fresh_outline3/outline3_golds.py`` (needs ``../shared`` for the archive documents).
"""
from __future__ import annotations

import copy
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


def _converted(gold: dict, converted: Path) -> dict:
    """The gold of a one-to-one script conversion: the same offsets, the converted surfaces."""
    text = converted.read_text(encoding="utf-8")
    out = copy.deepcopy(gold)
    out["document"]["path"] = converted.relative_to(HERE).as_posix()

    def fix(node):
        if isinstance(node, dict):
            if "start" in node and "end" in node and "surface" in node:
                assert len(node["surface"]) == node["end"] - node["start"]
                node["surface"] = text[node["start"]:node["end"]]
            for v in node.values():
                fix(v)
        elif isinstance(node, list):
            for v in node:
                fix(v)

    fix(out)
    return out


def _write(name: str, gold: dict) -> None:
    gold["annotated"] = ["outline (complete)"]
    out = HERE / (name + ".gold.json")
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    o = gold["outline"]
    n_points = len(o["points"]) + sum(len(s["points"]) for s in o["sections"])
    n_items = len(o["items"]) + sum(len(s["items"]) for s in o["sections"])
    print(out.name, len(o["sections"]), "sections", n_points, "points", n_items, "items")


def main() -> int:
    for spec in sorted((HERE / "specs").glob("*.spec")):
        gold = _build(spec)
        _write(spec.stem, gold)
        converted = HERE / "texts" / (spec.stem + ".s2hk.txt")
        if converted.exists():
            _write(spec.stem + ".s2hk", _converted(gold, converted))
    return 0


if __name__ == "__main__":
    sys.exit(main())
