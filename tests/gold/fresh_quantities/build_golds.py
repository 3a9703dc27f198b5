"""Build the quantity, date and citation golds (``*.gold.json``) from their hand-written specs.

A spec names every annotated span by its surface inside the annotated window (``scope``); this script
only turns those names into offsets (plain text: ``start``/``end``; web pages: ``surface`` and
``occurrence`` in the visible text, as in the shared dev golds) and fails loudly when a name is
missing or ambiguous. Run: ``python3 tests/gold/fresh_quantities/build_golds.py [FOLDER]`` (needs
``../shared``); FOLDER holds a ``specs/`` folder (default: this one) and receives the golds.

Spec lines (``#`` starts a comment; fields are separated by `` | ``):

    doc PATH | text|html        the document (PATH relative to the folder holding ``shared/``, or
                                to the project for a text kept with the golds: ``tests/…``)
    scope FIRST | LAST          the annotated window: its first and last sentence, inclusive
    annotated WHAT              (optional) the categories annotated, when not all three ("dates")
    q SURFACE | VALUE | UNIT | QUALIFIER | ROLE | INDICATOR [| key=value ...]
                                a quantity; VALUE ``-`` with ``lo=``/``hi=`` for a range (QUALIFIER ``range``); keys:
                                at=K (K-th occurrence in the window, 0-based), marker=, time=,
                                place=, counted=, opt (borderline: neither reward nor penalty)
    d SURFACE | ISO | KIND [| at=K] [| alt=ISO,ISO] [| opt]
                                a date or time expression (ISO ``-`` when not normalisable;
                                ``alt``: other values equally right, 2019-12 for 2019年12月底)
    c TITLE [| at=K] [| opt]    a cited document, by its title inside 《》

An occurrence nested inside a longer annotated span of the same category is not counted when
ranking occurrences, so ``一九八三年`` and ``一九八三年六月`` can both be named.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fresh"))
from visible_text import visible  # noqa: E402

ROLES = {"achievement", "investment", "target", "count", "ratio", "other"}
QUALIFIERS = {"exact", "approx", "lower_bound", "upper_bound", "range"}


def _root() -> Path:
    for base in [HERE, *HERE.parents]:
        if (base / "shared").is_dir():
            return base
        if (base.parent / "shared").is_dir():
            return base.parent
    raise SystemExit("build_golds.py: no shared/ folder above " + str(HERE))


def _once(text: str, s: str) -> int:
    i = text.find(s)
    if i < 0:
        raise SystemExit(f"not found: {s!r}")
    if text.find(s, i + 1) >= 0:
        raise SystemExit(f"ambiguous: {s!r}")
    return i


def _num(s: str):
    if s in ("-", ""):
        return None
    v = float(s)
    return int(v) if v.is_integer() and "." not in s else v


def build(spec: Path) -> dict:
    rows = []
    for ln in spec.read_text(encoding="utf-8").splitlines():
        ln = ln.split("  #", 1)[0].rstrip()
        if ln.strip() and not ln.lstrip().startswith("#"):
            rows.append([f.strip() for f in ln.split(" | ")])
    head, *first = rows[0]
    assert head.startswith("doc "), "a spec opens with doc"
    path = head[4:].strip()
    fmt = first[0] if first else "text"
    src = (HERE.parents[2] if path.startswith("tests/") else _root()) / path
    text = visible(str(src)) if fmt == "html" else src.read_text(encoding="utf-8")
    kind, *f = rows[1]
    assert kind.startswith("scope "), "the second line is the scope"
    a, b = _once(text, kind[6:]), _once(text, f[0])
    lo, hi = a, b + len(f[0])

    def span(start: int, surface: str) -> dict:
        assert text[start:start + len(surface)] == surface
        if fmt == "html":
            return {"surface": surface, "occurrence": _occ(surface, start)}
        return {"surface": surface, "start": start, "end": start + len(surface)}

    def _occ(surface: str, start: int) -> int:
        occ, pos = 0, text.find(surface)
        while pos != start:
            occ, pos = occ + 1, text.find(surface, pos + 1)
        return occ

    scope = {"first_sentence": span(a, kind[6:]), "last_sentence": span(b, f[0])}
    if fmt == "text":
        scope.update(start=lo, end=hi)
    gold = {
        "document": {"path": path, "format": fmt, "offsets": "by occurrence in the visible text" if fmt == "html" else "Python str indices, end exclusive"},
        "meta": {"body": dict(scope)}, "scope": scope, "outline": {"sections": [], "points": [], "items": []},
        "persons": [], "organizations": [], "places": [], "slogans": [],
        "quantities": [], "dates": [], "cited_documents": [],
        "annotated": ["quantities, dates and cited documents inside the scope (exhaustive)"],
    }
    body_rows = rows[2:]
    if body_rows and body_rows[0][0].startswith("annotated "):  # what the spec covers, when not all three
        gold["annotated"] = [body_rows[0][0][len("annotated "):] + " inside the scope (exhaustive)"]
        body_rows = body_rows[1:]
    lines = [(r[0].split(" ", 1)[0], r[0].split(" ", 1)[1], r[1:]) for r in body_rows]
    for key, _, _ in lines:
        if key not in ("q", "d", "c"):
            raise SystemExit(f"{spec.name}: unknown spec line {key!r}")
    names = {"q": "quantities", "d": "dates", "c": "cited documents"}
    kinds = [names[k] for k in names if any(key == k for key, _, _ in lines)]
    if kinds == ["quantities"]:  # a spec of quantities only does not claim the other categories
        gold["annotated"] = [", ".join(kinds) + " inside the scope (exhaustive)"]

    def hits(surface: str) -> list[int]:
        out, pos = [], text.find(surface, lo, hi)
        while pos >= 0:
            if pos + len(surface) <= hi:
                out.append(pos)
            pos = text.find(surface, pos + 1, hi)
        return out

    for cat in ("q", "d", "c"):
        mine = [(s, f) for k, s, f in lines if k == cat]
        all_spans = [(p, p + len(s)) for s, _ in mine for p in hits(s)]
        for s, f in mine:
            opts = dict(x.split("=", 1) if "=" in x else (x, "1") for x in f if "=" in x or x == "opt")
            ps = [p for p in hits(s) if not any(x <= p and p + len(s) <= y and y - x > len(s) for x, y in all_spans)]
            if not ps:
                raise SystemExit(f"{spec.name}: {s!r} not in scope")
            if "at" in opts:
                ps = [ps[int(k)] for k in opts["at"].split(",")]
            elif len(ps) > 1:
                raise SystemExit(f"{spec.name}: {s!r} occurs {len(ps)} times in scope: give at=")
            for p in ps:
                item = span(p, s)
                if cat == "q":
                    value, unit, qual, role, indicator = f[0], f[1], f[2], f[3], f[4]
                    assert qual in QUALIFIERS and role in ROLES, (s, qual, role)
                    item.update(value=_num(value), unit=unit, qualifier=qual, qualifier_marker=opts.get("marker"),
                                indicator=indicator, time=opts.get("time"), place=opts.get("place"), role=role,
                                optional="opt" in opts)
                    if "lo" in opts or "hi" in opts:
                        item["value_range"] = [_num(opts.get("lo", "-")), _num(opts.get("hi", "-"))]
                    if "counted" in opts:
                        item["counted"] = opts["counted"]
                    gold["quantities"].append(item)
                elif cat == "d":
                    item.update(iso=None if f[0] == "-" else f[0], kind=f[1], optional="opt" in opts)
                    if "alt" in opts:
                        item["iso_alternatives"] = opts["alt"].split(",")
                    gold["dates"].append(item)
                else:
                    outer = text[p - 1:p + len(s) + 1]
                    if outer[:1] == "《" and outer[-1:] == "》":
                        item["outer"] = span(p - 1, outer)
                    item["optional"] = "opt" in opts
                    gold["cited_documents"].append(item)
    for k in ("quantities", "dates", "cited_documents"):
        key = (lambda x: x["start"]) if fmt == "text" else (lambda x: text.find(x["surface"]) + x["occurrence"])
        gold[k].sort(key=key)
    gold["counts"] = {k: len(gold[k]) for k in ("quantities", "dates", "cited_documents")}
    return gold


def main(argv: list[str]) -> int:
    folder = Path(argv[0]).resolve() if argv else HERE
    for spec in sorted((folder / "specs").glob("*.spec")):
        gold = build(spec)
        out = folder / (spec.stem + ".gold.json")
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(out.name, gold["counts"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
