"""Build the gold annotations of this folder (``*.gold.json``) from ``specs/*.spec``.

The spec format is that of ``../final_check_b`` (the builder of ``../fresh/make_golds.py`` plus
``cite``/``docno`` lines for cited documents, whose builder does the work), with the members of a
formulation added:

    slogan SURFACE | KIND [| secondary] [| opt] [| only K] [| parts A/B/C] [| members A/B/C]

``parts``: the members of a parallel formula, each found inside the formulation's surface, in order;
without it a formulation whose surface holds 、，, or ； is split there (its quotation marks left out).
``members``: the items a numbered formula counts, when the window lists them; each is the first
occurrence in the scope after the formulation, else the last one before it.

A spec named ``NAME.spec`` listed in ``S2HK`` is also applied to the OpenCC ``s2hk`` copy of its text
(``texts/NAME.s2hk.txt``, written here; the conversion keeps the length, which is checked, so the
offsets of the Simplified gold hold): that gold is ``NAME.s2hk.gold.json``.

``python3 tests/gold/final_check_d/build_final_check_d_golds.py`` (needs ``../shared``; the s2hk copy
needs OpenCC).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fresh"))
sys.path.insert(0, str(HERE.parent / "final_check_b"))
from build_final_check_b_golds import build_with_citations
from make_golds import _root
from visible_text import visible

#: windows also annotated on their OpenCC s2hk copy (Traditional script, Hong Kong forms)
S2HK = ("gwr_2000_state_council_b",)

_SPLIT = re.compile(r"[、，,；]")
_QUOTES = "“”「」‘’\""


def _text(gold: dict) -> str:
    src = _root() / gold["document"]["path"]
    return visible(str(src)) if gold["document"]["format"] == "html" else src.read_text(encoding="utf-8")


def _start(item: dict, text: str) -> int:
    if "start" in item:
        return item["start"]
    pos = -1
    for _ in range(item["occurrence"] + 1):
        pos = text.find(item["surface"], pos + 1)
    return pos


def _span(text: str, start: int, surface: str, html: bool) -> dict:
    assert text[start:start + len(surface)] == surface, (surface, start)
    if html:
        return {"surface": surface, "occurrence": text.count(surface, 0, start) if len(surface) == 1 else _occ(text, surface, start)}
    return {"surface": surface, "start": start, "end": start + len(surface)}


def _occ(text: str, s: str, start: int) -> int:
    occ, pos = 0, -1
    while True:
        pos = text.find(s, pos + 1)
        if pos == start:
            return occ
        occ += 1


def _slogan_options(spec: Path) -> list[tuple[str, list[str]]]:
    """(surface, options) of every slogan line, in spec order."""
    out = []
    for ln in spec.read_text(encoding="utf-8").splitlines():
        if ln.startswith("slogan "):
            body = ln.split("#", 1)[0].rstrip()
            surface, *opts = [f.strip() for f in body[7:].split(" | ")]
            out.append((surface, opts))
    return out


def add_members(gold: dict, spec: Path) -> dict:
    """Fill ``parts`` (parallel members) and ``members`` (numbered members) of the formulations."""
    text = _text(gold)
    html = gold["document"]["format"] == "html"
    sc = gold["scope"]
    lo = sc["start"] if "start" in sc else text.index(sc["first_sentence"]["surface"])
    hi = sc["end"] if "end" in sc else text.index(sc["last_sentence"]["surface"]) + len(sc["last_sentence"]["surface"])
    options = {}
    for surface, opts in _slogan_options(spec):
        options.setdefault(surface, []).append(opts)
    for item in gold["slogans"]:
        opts = options[item["surface"]][0]
        start = _start(item, text)
        inner = item["surface"].strip(_QUOTES)
        base = start + item["surface"].index(inner)
        given = next((o[6:].split("/") for o in opts if o.startswith("parts ")), None)
        names = given if given is not None else [p for p in _SPLIT.split(inner) if p]
        parts, at = [], 0
        if given is not None or len(names) > 1:
            for name in names:
                k = inner.find(name, at)
                if k < 0:
                    raise SystemExit(f"{spec.name}: part {name!r} not in {inner!r}")
                parts.append(_span(text, base + k, name, html))
                at = k + len(name)
        item["parts"] = parts
        listed = next((o[8:].split("/") for o in opts if o.startswith("members ")), None)
        if listed:
            members = []
            for name in listed:
                k = text.find(name, start, hi)
                k = k if k >= 0 else text.rfind(name, lo, start)
                if k < 0:
                    raise SystemExit(f"{spec.name}: member {name!r} not in scope")
                members.append(_span(text, k, name, html))
            item["members"] = members
    return gold


def build_gold(spec: Path) -> dict:
    gold = add_members(build_with_citations(spec), spec)
    gold["annotated"] = ["persons, organizations, places, formulations (with their members) and cited documents inside the scope"]
    return gold


def s2hk_copy(name: str) -> Path:
    """The OpenCC s2hk copy of a plain-text document, checked to keep the length."""
    import opencc  # type: ignore

    spec = HERE / "specs" / f"{name}.spec"
    doc = next(ln for ln in spec.read_text(encoding="utf-8").splitlines() if ln.startswith("doc "))
    path = doc[4:].split(" | ")[0].strip()
    text = (_root() / path).read_text(encoding="utf-8")
    hk = opencc.OpenCC("s2hk").convert(text)
    if len(hk) != len(text):
        raise SystemExit(f"s2hk changed the length of {name}: {len(text)} -> {len(hk)}")
    out = HERE / "texts" / f"{name}.s2hk.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text(hk, encoding="utf-8")
    return out


def s2hk_gold(name: str) -> dict:
    """The gold of ``name`` on its s2hk copy: the same offsets, surfaces read from the copy."""
    hk = s2hk_copy(name).read_text(encoding="utf-8")
    gold = build_gold(HERE / "specs" / f"{name}.spec")

    def walk(obj):
        if isinstance(obj, dict):
            if "surface" in obj and "start" in obj:
                obj["surface"] = hk[obj["start"]:obj["end"]]
            for v in obj.values():
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    walk(gold)
    gold["document"].update(path=f"tests/gold/final_check_d/texts/{name}.s2hk.txt", convert="s2hk")
    return gold


def _write(name: str, gold: dict) -> None:
    (HERE / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> int:
    for spec in sorted((HERE / "specs").glob("*.spec")):
        gold = build_gold(spec)
        _write(spec.stem, gold)
        n = {k: len(gold[k]) for k in ("persons", "organizations", "places", "slogans", "cited_documents")}
        print(spec.stem, n)
    for name in S2HK:
        gold = s2hk_gold(name)
        _write(f"{name}.s2hk", gold)
        print(f"{name}.s2hk", gold["document"]["path"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
