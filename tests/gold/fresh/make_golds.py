"""Build the fresh gold annotations (``*.gold.json``) from their hand-written specs (``specs/*.spec``).

A spec names every annotated span by its surface and the text around it, so the annotation reads as
text; this script only turns those names into offsets (plain text: ``start``/``end``; web pages:
``surface`` and ``occurrence`` in the visible text, as in the shared dev golds) and fails loudly when
a name is missing or ambiguous.

Spec lines (``#`` starts a comment; fields are separated by `` | ``):

    doc PATH | text|html          the document (PATH relative to the folder holding ``shared/``)
    title SURFACE                 the title (first occurrence)
    body FIRST | LAST             the body: first and last sentence, inclusive
    scope FIRST | LAST            the window where entities and formulations are exhaustive
    section N | TITLE | ANCHOR    a section numbered N whose heading is TITLE; ANCHOR (default
                                  TITLE) is a string that starts at the heading and occurs once
                                  (``\\n`` in it stands for a line break)
    point N | MARKER | HEADING    a point of the last section (or of the document before any)
    item N | MARKER | HEADING     an item of the last section; MARKER+HEADING occurs once, or give
                                  ``| @ ANCHOR`` with an ANCHOR that starts with MARKER
    person|org|place SURFACE [| opt] [| only K,...] [| skip K,...] [| keep]
                                  every occurrence of SURFACE inside the scope (not nested inside a
                                  longer annotated entity), optional if ``opt``; ``only``/``skip``
                                  pick occurrences by their 0-based rank inside the scope;
                                  ``keep`` keeps an occurrence nested in another name
    slogan SURFACE | KIND [| secondary] [| opt] [| only K]
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from visible_text import visible  # noqa: E402


def _root() -> Path:
    for base in [HERE, *HERE.parents]:
        if (base / "shared").is_dir():
            return base
        if (base.parent / "shared").is_dir():
            return base.parent
    raise SystemExit("build.py: no shared/ folder above " + str(HERE))


def _once(text: str, s: str, lo: int = 0, hi: int | None = None) -> int:
    hi = len(text) if hi is None else hi
    i = text.find(s, lo, hi)
    if i < 0:
        raise SystemExit(f"not found: {s!r}")
    if text.find(s, i + 1, hi) >= 0:
        raise SystemExit(f"ambiguous: {s!r}")
    return i


def build(spec: Path) -> dict:
    lines = [ln.split("#", 1)[0].rstrip() if not ln.lstrip().startswith("#") else "" for ln in spec.read_text(encoding="utf-8").splitlines()]
    rows = [[f.strip() for f in ln.split(" | ")] for ln in lines if ln.strip()]
    kind0, *first = rows[0]
    assert kind0.startswith("doc "), "a spec opens with doc"
    path = kind0[4:].strip()
    fmt = first[0] if first else "text"
    src = _root() / path
    text = visible(str(src)) if fmt == "html" else src.read_text(encoding="utf-8")

    def span(start: int, surface: str) -> dict:
        assert text[start:start + len(surface)] == surface
        if fmt == "html":
            occ, pos = 0, -1
            while True:
                pos = text.find(surface, pos + 1)
                if pos == start:
                    break
                occ += 1
            return {"surface": surface, "occurrence": occ}
        return {"surface": surface, "start": start, "end": start + len(surface)}

    gold: dict = {
        "document": {"path": path, "format": fmt, "offsets": "by occurrence in the visible text" if fmt == "html" else "Python str indices, end exclusive"},
        "meta": {}, "outline": {"sections": [], "points": [], "items": []},
        "persons": [], "organizations": [], "places": [], "slogans": [],
        "quantities": [], "dates": [], "cited_documents": [],
        "annotated": ["outline (complete)", "persons, organizations, places and formulations inside the scope"],
    }
    scope = None
    current: dict | None = None
    ents: list[tuple[str, str, list[str]]] = []
    for kind, *f in rows[1:]:
        key, _, arg = kind.partition(" ")
        if key == "title":
            gold["meta"]["title"] = span(text.index(arg), arg)  # its first occurrence
        elif key in ("body", "scope"):
            a = _once(text, arg)
            b = _once(text, f[0])
            sp = {"first_sentence": span(a, arg), "last_sentence": span(b, f[0])}
            if fmt == "text":
                sp.update(start=a, end=b + len(f[0]))
            if key == "body":
                gold["meta"]["body"] = sp
            else:
                gold["scope"] = sp
                scope = (a, b + len(f[0]))
        elif key == "section":
            title = f[0]
            anchor = (f[1] if len(f) > 1 else title).replace("\\n", "\n")  # \n: a line break
            a = _once(text, anchor)
            t = text.find(title, a)
            current = {"number_int": int(arg), "title": span(t, title), "points": [], "items": []}
            gold["outline"]["sections"].append(current)
        elif key in ("point", "item"):
            marker, heading = f[0], f[1]
            if len(f) > 2 and f[2].startswith("@ "):
                a = _once(text, f[2][2:])
            else:  # the marker, then (after any white space) the heading
                hits = [m.start() for m in re.finditer(re.escape(marker) + r"\s*" + re.escape(heading.rstrip("…")), text)]
                if len(hits) != 1:
                    raise SystemExit(f"{len(hits)} places for {marker}{heading}")
                a = hits[0]
            if heading.endswith("…"):  # the heading runs on to the end of its clause
                h = text.find(heading[:-1], a + len(marker))
                stop = min((i for i in (text.find(c, h) for c in "。；：\n") if i > h), default=h + len(heading) - 1)
                heading = text[h:stop]
            h = text.find(heading, a + len(marker)) if heading else -1
            node = {"number_int": int(arg), "marker": span(a, marker),
                    "heading": span(h, heading) if heading else {"surface": ""}}
            (current if current is not None else gold["outline"])[key + "s"].append(node)
        elif key in ("person", "org", "place", "slogan"):
            ents.append((key, arg, f))
        else:
            raise SystemExit(f"unknown spec line: {kind}")
    spans: list[tuple[int, int]] = []
    found: list[tuple[str, int, str, list[str]]] = []
    for key, surface, f in ents:
        lo, hi = scope if scope else (0, len(text))
        hits, pos = [], text.find(surface, lo, hi)
        while pos >= 0:
            hits.append(pos)
            pos = text.find(surface, pos + 1, hi)
        picks = list(range(len(hits)))
        for opt in f:
            if opt.startswith("only "):
                picks = [int(k) for k in opt[5:].split(",")]
            elif opt.startswith("skip "):
                picks = [k for k in picks if k not in {int(x) for x in opt[5:].split(",")}]
        if not hits:
            raise SystemExit(f"{spec.name}: {surface!r} not in scope")
        for k in picks:
            found.append((key, hits[k], surface, f))
            if key != "slogan":
                spans.append((hits[k], hits[k] + len(surface)))
    lists = {"person": "persons", "org": "organizations", "place": "places", "slogan": "slogans"}
    for key, start, surface, f in sorted(found, key=lambda x: x[1]):
        end = start + len(surface)
        if key != "slogan" and "keep" not in f and any(a <= start and end <= b and (a, b) != (start, end) for a, b in spans):
            continue  # nested inside a longer annotated name
        item = span(start, surface)
        item["optional"] = "opt" in f
        if key == "slogan":
            item["kind"] = f[0]
            if "secondary" in f:
                item["tier"] = "secondary"
        gold[lists[key]].append(item)
    return gold


def main() -> int:
    for spec in sorted((HERE / "specs").glob("*.spec")):
        gold = build(spec)
        out = HERE / (spec.stem + ".gold.json")
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        n = {k: len(gold[k]) for k in ("persons", "organizations", "places", "slogans")}
        print(out.name, len(gold["outline"]["sections"]), "sections", n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
