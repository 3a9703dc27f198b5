"""Build the date golds of this folder from ``specs/``: the builder of ``tests/gold/fresh_quantities``,
plus two things it does not do.

* A spec whose ``doc`` line names a third field (``| s2hk`` or ``| s2tw``) annotates the document as
  converted to Traditional script by OpenCC with that configuration. The spec is written against the
  Simplified text; the conversion keeps every offset (checked here), so the gold keeps the offsets and
  carries the converted surfaces, and ``document.convert`` names the configuration.
* A ``doc`` path under ``tests/`` is a text written for this set and kept in ``texts/``; it is read
  from the project, not from ``shared/``.

Run: ``python3 tests/gold/fresh_dates3/build_dates3_golds.py`` (needs ``../shared`` and ``opencc``).
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[2]
_spec = importlib.util.spec_from_file_location("fresh_builder", HERE.parent / "fresh_quantities" / "build_golds.py")
builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(builder)  # type: ignore[union-attr]


def _doc_line(spec: Path) -> list[str]:
    for ln in spec.read_text(encoding="utf-8").splitlines():
        if ln.startswith("doc "):
            return [f.strip() for f in ln[4:].split(" | ")]
    raise SystemExit(f"{spec.name}: no doc line")


def build(spec: Path) -> dict:
    path, *rest = _doc_line(spec)
    shared_root = builder._root
    if path.startswith("tests/"):
        builder._root = lambda: PROJECT
    try:
        gold = builder.build(spec)
    finally:
        builder._root = shared_root
    convert = rest[1] if len(rest) > 1 else None
    if convert:
        import opencc

        cc = opencc.OpenCC(convert)
        text = (builder._root() / path).read_text(encoding="utf-8")
        converted = cc.convert(text)
        assert len(converted) == len(text), f"{convert} changed the length of {path}"
        gold["document"]["convert"] = convert
        for item in [*gold["dates"], *gold["scope"].values(), *gold["meta"]["body"].values()]:
            if isinstance(item, dict) and "surface" in item:
                item["surface"] = converted[item["start"]:item["end"]]
    return gold


def main() -> int:
    for spec in sorted((HERE / "specs").glob("*.spec")):
        gold = build(spec)
        out = HERE / (spec.stem + ".gold.json")
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(out.name, gold["counts"], sum(1 for d in gold["dates"] if not d["optional"]), "required")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
