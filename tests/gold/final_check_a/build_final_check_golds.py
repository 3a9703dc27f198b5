"""Build the golds of this folder from ``specs/*.spec``: quantities, dates and (where the spec has
outline lines) the complete outline of a document, in the format ``shared/tools/score.py`` reads.

A spec mixes the two spec languages of the earlier fresh folders and this script hands each part to
its builder, which turns names into offsets and fails on any missing or ambiguous anchor:

* ``doc``, ``scope``, ``annotated``, ``q`` and ``d`` lines: ``../fresh_quantities/build_golds.py``
  (quantities and dates, exhaustive inside the ``scope`` window);
* ``title``, ``body``, ``section``, ``point`` and ``item`` lines: ``../fresh/make_golds.py`` (the
  outline of the whole document).

A ``doc`` line with a third field (``| s2hk``) annotates the document converted to Traditional script
with that OpenCC configuration, as ``../fresh_dates3`` does: the spec is written on the Simplified
text, the conversion keeps every offset (checked here), and the gold carries the converted surfaces
and ``document.convert``.

Run: ``python tests/gold/final_check_a/build_final_check_golds.py`` (needs ``../shared``; ``opencc``
for a converted spec).
"""
from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTLINE_KEYS = ("title", "body", "section", "point", "item")


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


quantities_builder = _load("fresh_quantities_builder", HERE.parent / "fresh_quantities" / "build_golds.py")
outline_builder = _load("fresh_outline_builder", HERE.parent / "fresh" / "make_golds.py")


def _part(lines: list[str], keep) -> Path:
    with tempfile.NamedTemporaryFile("w", suffix=".spec", delete=False, encoding="utf-8") as tmp:
        tmp.write("\n".join(ln for ln in lines if keep(ln)) + "\n")
    return Path(tmp.name)


def _key(line: str) -> str:
    return line.strip().split(" ", 1)[0]


def build(spec: Path) -> dict:
    lines = spec.read_text(encoding="utf-8").splitlines()
    rows = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    doc_fields = [f.strip() for f in rows[0][4:].split("  #", 1)[0].split(" | ")]
    convert = doc_fields[2] if len(doc_fields) > 2 else None
    has_outline = any(_key(ln) in OUTLINE_KEYS for ln in rows)
    qspec = _part(lines, lambda ln: _key(ln) not in OUTLINE_KEYS)
    try:
        gold = quantities_builder.build(qspec)
    finally:
        qspec.unlink()
    gold["annotated"] = ["quantities and dates inside the scope (exhaustive)"]
    if has_outline:
        ospec = _part(lines, lambda ln: _key(ln) in ("doc", *OUTLINE_KEYS) or ln.lstrip().startswith("#"))
        try:
            outline = outline_builder.build(ospec)
        finally:
            ospec.unlink()
        gold["outline"] = outline["outline"]
        gold["annotated"].append("outline (complete, the whole document)")
    if convert:
        import opencc

        path = gold["document"]["path"]
        text = (quantities_builder._root() / path).read_text(encoding="utf-8")
        converted = opencc.OpenCC(convert).convert(text)
        assert len(converted) == len(text), f"{convert} changed the length of {path}"
        gold["document"]["convert"] = convert
        for item in [*gold["quantities"], *gold["dates"], *gold["scope"].values(), *gold["meta"]["body"].values()]:
            if isinstance(item, dict) and "surface" in item:
                item["surface"] = converted[item["start"]:item["end"]]
    return gold


def main() -> int:
    for spec in sorted((HERE / "specs").glob("*.spec")):
        gold = build(spec)
        out = HERE / (spec.stem + ".gold.json")
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        o = gold["outline"]
        n_nodes = sum(len(s["points"]) + len(s["items"]) for s in o["sections"]) + len(o["points"]) + len(o["items"])
        req = {k: sum(1 for x in gold[k] if not x["optional"]) for k in ("quantities", "dates")}
        print(f"{out.name}: {gold['counts']} required {req}; outline {len(o['sections'])} sections, {n_nodes} points/items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
