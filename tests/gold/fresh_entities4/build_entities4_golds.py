"""Build the golds of this folder (``*.gold.json``) from ``specs/*.spec``: persons, organisations and
places, exhaustive inside each spec's ``scope``.

The spec format and the builder are those of ``../fresh/make_golds.py``. Two windows are also
annotated on a Traditional copy (``TRADITIONAL`` below): the document's text (a web page's visible
text) converted with OpenCC ``s2tw`` or ``s2hk``, written to ``texts/NAME.CONFIG.txt``; the conversion
keeps every offset (checked by ``../fresh_entdates/build_entdates_golds.py``, whose copying is reused),
so the copy's gold is the Simplified gold with its spans resolved to offsets and its surfaces read
from the copy.

Run: ``python3 tests/gold/fresh_entities4/build_entities4_golds.py`` (needs ``../shared`` and ``opencc``).
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fresh"))
from make_golds import build  # noqa: E402

#: windows also annotated on an OpenCC copy: name -> configuration
TRADITIONAL = {"cpc_15_congress_1997": "s2tw", "gwr_2004_state_council": "s2hk"}


def _entdates():
    spec = importlib.util.spec_from_file_location("entdates_builder", HERE.parent / "fresh_entdates" / "build_entdates_golds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _write(path: Path, gold: dict) -> None:
    gold.setdefault("cited_documents", [])
    gold.setdefault("dates", [])
    path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n = {k: sum(1 for x in gold[k] if not x.get("optional")) for k in ("persons", "organizations", "places")}
    print(path.name, "required:", n)


def main() -> int:
    entdates = _entdates()
    for spec in sorted((HERE / "specs").glob("*.spec")):
        gold = build(spec)
        gold["annotated"] = ["persons, organizations and places inside the scope"]
        _write(HERE / (spec.stem + ".gold.json"), gold)
        if spec.stem in TRADITIONAL:
            config = TRADITIONAL[spec.stem]
            copy = entdates.traditional(gold, spec.stem, config)
            # the copy's text lives in this folder, not in ../fresh_entdates
            src = entdates.HERE / "texts" / f"{spec.stem}.{config}.txt"
            dst = HERE / "texts" / src.name
            dst.parent.mkdir(exist_ok=True)
            dst.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
            src.unlink()
            copy["document"]["path"] = f"tests/gold/fresh_entities4/texts/{src.name}"
            _write(HERE / f"{spec.stem}.{config}.gold.json", copy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
