"""Build the golds of this folder (``*.gold.json``) from ``specs/*.spec``: persons, organisations,
places, cited documents and dates, exhaustive inside each spec's ``scope``.

A spec mixes the line kinds of two earlier builders, and this script hands each part to its own:

* ``doc``, ``scope``, ``person``/``org``/``place``, ``cite`` and ``docno`` lines:
  ``../final_check_b/build_final_check_b_golds.py`` (itself ``../fresh/make_golds.py`` plus the
  cited documents);
* ``d`` lines (with the spec's ``doc`` and ``scope``): ``../fresh_quantities/build_golds.py``.

Two windows are also annotated on a Traditional copy (``TRADITIONAL`` below): the visible text of the
page converted with OpenCC (``s2hk`` or ``s2tw``), written to ``texts/NAME.CONFIG.txt``. The
conversion keeps every offset (checked here), so the copy's gold is the Simplified gold with its spans
resolved to offsets and its surfaces read from the copy.

Run: ``python3 tests/gold/fresh_entdates/build_entdates_golds.py`` (needs ``../shared`` and ``opencc``).
"""
from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fresh"))
from visible_text import visible

#: windows also annotated on an OpenCC copy of their visible text: name -> configuration
TRADITIONAL = {"gov_cn_6_guobanfa_2019_3": "s2hk", "gov_cn_44_guohan_2006_132": "s2tw"}


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


entity_builder = _load("final_check_b_builder", HERE.parent / "final_check_b" / "build_final_check_b_golds.py")
date_builder = _load("fresh_quantities_builder", HERE.parent / "fresh_quantities" / "build_golds.py")


def _part(name: str, lines: list[str]) -> Path:
    folder = Path(tempfile.mkdtemp())
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def build(spec: Path) -> dict:
    lines = spec.read_text(encoding="utf-8").splitlines()
    head = [ln for ln in lines if ln.startswith(("doc ", "scope "))]
    dates = [ln for ln in lines if ln.startswith("d ")]
    gold = entity_builder.build_with_citations(_part(spec.name, [ln for ln in lines if not ln.startswith("d ")]))
    dgold = date_builder.build(_part(spec.name, [*head, "annotated dates", *dates]))
    gold["dates"] = dgold["dates"]
    gold["annotated"] = ["persons, organizations, places, cited documents and dates inside the scope"]
    return gold


def _source_text(gold: dict) -> str:
    path = entity_builder._root() / gold["document"]["path"]
    return visible(str(path)) if gold["document"]["format"] == "html" else path.read_text(encoding="utf-8")


def traditional(gold: dict, name: str, config: str) -> dict:
    """The gold of ``name`` on the OpenCC copy of its visible text: offsets kept, surfaces converted."""
    import opencc  # type: ignore

    text = _source_text(gold)
    copy = opencc.OpenCC(config).convert(text)
    if len(copy) != len(text):
        raise SystemExit(f"{config} changed the length of {name}: {len(text)} -> {len(copy)}")
    out = HERE / "texts" / f"{name}.{config}.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text(copy, encoding="utf-8")
    gold = json.loads(json.dumps(gold))

    def walk(obj):
        if isinstance(obj, dict):
            if "surface" in obj and "occurrence" in obj:
                pos = -1
                for _ in range(int(obj.pop("occurrence")) + 1):
                    pos = text.find(obj["surface"], pos + 1)
                assert pos >= 0, obj
                obj["start"], obj["end"] = pos, pos + len(obj["surface"])
            if "surface" in obj and "start" in obj:
                obj["surface"] = copy[obj["start"]:obj["end"]]
            for v in obj.values():
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    walk(gold)
    sc = gold["scope"]
    sc["start"], sc["end"] = sc["first_sentence"]["start"], sc["last_sentence"]["end"]
    gold["document"] = {"path": f"tests/gold/fresh_entdates/texts/{name}.{config}.txt", "format": "text",
                        "offsets": "Python str indices, end exclusive", "convert": config,
                        "converted_from": gold["document"]["path"]}
    return gold


def _write(path: Path, gold: dict) -> None:
    path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n = {k: sum(1 for x in gold[k] if not x.get("optional")) for k in ("persons", "organizations", "places", "cited_documents", "dates")}
    print(path.name, "required:", n)


def main() -> int:
    for spec in sorted((HERE / "specs").glob("*.spec")):
        gold = build(spec)
        _write(HERE / (spec.stem + ".gold.json"), gold)
        if spec.stem in TRADITIONAL:
            config = TRADITIONAL[spec.stem]
            _write(HERE / f"{spec.stem}.{config}.gold.json", traditional(gold, spec.stem, config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
