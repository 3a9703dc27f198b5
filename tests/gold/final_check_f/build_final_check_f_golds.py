"""Build the gold annotations of this folder (``*.gold.json``) from ``specs/*.spec``.

The spec format is that of ``../final_check_b`` (the builder of ``../fresh/make_golds.py`` plus
``cite``/``docno`` lines for cited documents), whose builder does the work. One difference: a cited
title printed with white space (line breaks) between it and its brackets is spanned without that
white space (the title as printed); the bracketed form stays acceptable as ``outer``.

A spec named ``NAME.spec`` listed in ``S2TW`` is also applied to the OpenCC ``s2tw`` copy of its
text (``texts/NAME.s2tw.txt``, written here; the conversion keeps the length, which is checked, so
the offsets of the Simplified gold hold): that gold is ``NAME.s2tw.gold.json``.

``python3 tests/gold/final_check_f/build_final_check_f_golds.py`` (needs ``../shared``; the s2tw copy
needs OpenCC).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fresh"))
sys.path.insert(0, str(HERE.parent / "final_check_b"))
from build_final_check_b_golds import build_with_citations
from make_golds import _root

#: windows also annotated on their OpenCC s2tw copy (Traditional script, Taiwan forms)
S2TW = ("gwr_1981_state_council_a",)


def _trim_titles(gold: dict) -> dict:
    """Span a cited title without the white space between it and its brackets."""
    for item in gold["cited_documents"]:
        s = item["surface"]
        lead, trail = len(s) - len(s.lstrip()), len(s) - len(s.rstrip())
        if not (lead or trail):
            continue
        if "start" not in item:
            raise SystemExit(f"white space inside the brackets of {s!r} on a web page: not handled")
        item["start"] += lead
        item["end"] -= trail
        item["surface"] = s.strip()
    return gold


def build_gold(spec: Path) -> dict:
    return _trim_titles(build_with_citations(spec))


def _doc_path(name: str) -> str:
    spec = HERE / "specs" / f"{name}.spec"
    doc = next(ln for ln in spec.read_text(encoding="utf-8").splitlines() if ln.startswith("doc "))
    return doc[4:].split(" | ")[0].strip()


def s2tw_copy(name: str) -> Path:
    """The OpenCC s2tw copy of a plain-text document, checked to keep the length."""
    import opencc  # type: ignore

    text = (_root() / _doc_path(name)).read_text(encoding="utf-8")
    tw = opencc.OpenCC("s2tw").convert(text)
    if len(tw) != len(text):
        raise SystemExit(f"s2tw changed the length of {name}: {len(text)} -> {len(tw)}")
    out = HERE / "texts" / f"{name}.s2tw.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text(tw, encoding="utf-8")
    return out


def s2tw_gold(name: str) -> dict:
    """The gold of ``name`` on its s2tw copy: the same offsets, surfaces read from the copy."""
    tw = s2tw_copy(name).read_text(encoding="utf-8")
    gold = build_gold(HERE / "specs" / f"{name}.spec")

    def walk(obj):
        if isinstance(obj, dict):
            if "surface" in obj and "start" in obj:
                obj["surface"] = tw[obj["start"]:obj["end"]]
            for v in obj.values():
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    walk(gold)
    gold["document"].update(path=f"tests/gold/final_check_f/texts/{name}.s2tw.txt", convert="s2tw")
    return gold


def _write(name: str, gold: dict) -> None:
    (HERE / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> int:
    for spec in sorted((HERE / "specs").glob("*.spec")):
        gold = build_gold(spec)
        _write(spec.stem, gold)
        n = {k: len(gold[k]) for k in ("persons", "organizations", "places", "slogans", "cited_documents")}
        print(spec.stem, n)
    for name in S2TW:
        if (HERE / "specs" / f"{name}.spec").exists():
            gold = s2tw_gold(name)
            _write(f"{name}.s2tw", gold)
            print(f"{name}.s2tw", gold["document"]["path"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
