"""Build the gold annotations of this folder (``*.gold.json``) from ``specs/*.spec``.

The spec format is that of ``../fresh/make_golds.py`` (whose builder does the work), with two more
line kinds for cited documents:

    cite TITLE [| opt] [| only K,...]   every 《TITLE》 inside the scope (white space allowed between
                                        the brackets and the title); the span is the text between
                                        the brackets, ``outer`` the bracketed form
    docno NUMBER [| opt] [| only K,...] a document number standing on its own (not right after a
                                        cited title), spanned as printed

A spec named ``NAME.s2hk.spec`` is the spec of ``NAME`` applied to the OpenCC ``s2hk`` copy of its
text (``texts/NAME.s2hk.txt``, written here; the conversion keeps the length, so the offsets of the
Simplified gold hold): its gold is the Simplified gold with the document path changed.

``python3 tests/gold/final_check_b/build_final_check_b_golds.py`` (needs ``../shared``; the s2hk copy needs OpenCC).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fresh"))
from make_golds import _root, build
from visible_text import visible

#: windows also annotated on their OpenCC s2hk copy (Traditional script, Hong Kong forms)
S2HK = ("gwr_2007_state_council",)


class _Spec:
    """A spec's text under its file name, as ``make_golds.build`` reads it."""

    def __init__(self, name: str, text: str) -> None:
        self.name, self._text = name, text

    def read_text(self, encoding: str = "utf-8") -> str:
        return self._text


def _picks(opts: list[str], n: int) -> list[int]:
    picks = list(range(n))
    for o in opts:
        if o.startswith("only "):
            picks = [int(k) for k in o[5:].split(",")]
    return picks


def build_with_citations(spec: Path) -> dict:
    lines = spec.read_text(encoding="utf-8").splitlines()
    cites = [ln for ln in lines if ln.startswith(("cite ", "docno "))]
    rest = [ln for ln in lines if not ln.startswith(("cite ", "docno "))]
    gold = build(_Spec(spec.name, "\n".join(rest) + "\n"))
    path, fmt = gold["document"]["path"], gold["document"]["format"]
    src = _root() / path
    text = visible(str(src)) if fmt == "html" else src.read_text(encoding="utf-8")
    sc = gold["scope"]
    if fmt == "text":
        lo, hi = sc["start"], sc["end"]
    else:  # the scope's sentences occur once in the visible text
        lo = text.index(sc["first_sentence"]["surface"])
        last = sc["last_sentence"]["surface"]
        hi = text.index(last) + len(last)

    def where(s: str, start: int) -> dict:
        if fmt == "html":
            return {"surface": s, "occurrence": text.count(s, 0, start) if len(s) == 1 else _occ(text, s, start)}
        return {"surface": s, "start": start, "end": start + len(s)}

    out = []
    for ln in cites:
        kind, _, rest_ = ln.partition(" ")
        body = rest_.split("#", 1)[0].rstrip()
        arg, *opts = [f.strip() for f in body.split(" | ")]
        if kind == "cite":
            hits = [m for m in re.finditer(r"《(\s*" + re.escape(arg) + r"\s*)》", text[lo:hi])]
        else:
            hits = [m for m in re.finditer(re.escape(arg), text[lo:hi])]
        if not hits:
            raise SystemExit(f"{spec.name}: {arg!r} not in scope")
        for k in _picks(opts, len(hits)):
            m = hits[k]
            if kind == "cite":
                a, b = lo + m.start(1), lo + m.end(1)
                item = where(text[a:b], a)
                item["outer"] = where(text[a - 1:b + 1], a - 1)
            else:
                item = where(m.group(), lo + m.start())
            item["optional"] = "opt" in opts
            out.append((lo + m.start(), item))
    gold["cited_documents"] = [item for _, item in sorted(out, key=lambda x: x[0])]
    gold["annotated"] = ["persons, organizations, places, formulations and cited documents inside the scope"]
    return gold


def _occ(text: str, s: str, start: int) -> int:
    occ, pos = 0, -1
    while True:
        pos = text.find(s, pos + 1)
        if pos == start:
            return occ
        occ += 1


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
    gold = build_with_citations(HERE / "specs" / f"{name}.spec")

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
    gold["document"].update(path=f"tests/gold/final_check_b/texts/{name}.s2hk.txt", convert="s2hk")
    return gold


def main() -> int:
    for spec in sorted((HERE / "specs").glob("*.spec")):
        gold = build_with_citations(spec)
        (HERE / (spec.stem + ".gold.json")).write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        n = {k: len(gold[k]) for k in ("persons", "organizations", "places", "slogans", "cited_documents")}
        print(spec.stem, n)
    for name in S2HK:
        gold = s2hk_gold(name)
        (HERE / f"{name}.s2hk.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{name}.s2hk", gold["document"]["path"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
