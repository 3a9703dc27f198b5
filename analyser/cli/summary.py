"""A readable plain-text view of one analysis: ``python -m analyser analyse --format summary``.

The JSON of the contract stays the default output; the summary is for a person at a terminal:
the document's title, date, issuer and number, how many facts of each kind were found, the outline
as an indented tree of markers and headings, the first quantities that measure something (indicator,
value with thousands separators, unit, qualifier, as printed) and the formulations mentioned most.
Columns are aligned for Chinese text (wide characters count two cells).

Examples
--------
>>> print(format_value(80000000000), format_value(7.5), format_value(None))
80,000,000,000 7.5 —
>>> width("人均住房面积 m2")
15
>>> pad("面积", 6) + "|"
'面积  |'
"""
from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Any

__all__ = ["format_summary", "format_value", "pad", "width"]

#: outline lines shown before the rest is counted instead
MAX_OUTLINE_LINES = 60
_KINDS = (("quantities", "quantities"), ("dates", "dates"), ("slogans", "formulations"), ("citations", "citations"))
_QUALIFIER = {"approx": "about", "lower_bound": "at least", "upper_bound": "at most", "range": "range"}


def width(text: str) -> int:
    """Terminal cells of ``text``: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, cells: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``cells`` terminal cells (cut with … when longer)."""
    text = clip(text, cells)
    fill = " " * max(0, cells - width(text))
    return fill + text if right else text + fill


def clip(text: str, cells: int) -> str:
    """``text`` cut to at most ``cells`` terminal cells, ending in … when cut."""
    if width(text) <= cells:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > cells - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def format_value(value: Any) -> str:
    """A number with thousands separators and no trailing zeros; — when absent."""
    if value is None:
        return "—"
    if isinstance(value, (int, float)) and float(value).is_integer():
        return f"{int(value):,}"
    if isinstance(value, float) and math.isfinite(value):
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    return str(value)


def _span(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("text") or "")
    return "" if value is None else str(value)


def _file_name(source: str) -> str:
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def _quantity_value(q: dict) -> str:
    if q.get("value") is None and (q.get("lower") is not None or q.get("upper") is not None):
        return f"{format_value(q.get('lower'))}–{format_value(q.get('upper'))}"
    return format_value(q.get("value"))


def _walk(nodes: Iterable[dict], depth: int = 0) -> Iterable[tuple[dict, int]]:
    for node in nodes or []:
        yield node, depth
        yield from _walk(node.get("children") or [], depth + 1)


def _table(headers: list[str], rows: list[list[str]], widths: list[int], right: set[int] = frozenset()) -> list[str]:
    cells = [min(w, max([width(h)] + [width(r[i]) for r in rows])) for i, (h, w) in enumerate(zip(headers, widths))]

    def line(values: list[str]) -> str:
        return "  " + "  ".join(pad(v, c, right=i in right) for i, (v, c) in enumerate(zip(values, cells))).rstrip()

    return [line(headers), "  " + "  ".join("-" * c for c in cells)] + [line(r) for r in rows]


def format_summary(result: dict, *, top: int = 10) -> str:
    """The plain-text summary of an analysis JSON (``Analysis.to_dict()``); ``top`` rows per table."""
    doc = result.get("document") or {}
    title = _span(doc.get("title"))
    source = doc.get("source") or "-"
    lines = [
        f"Title      {title or '(untitled) ' + _file_name(source)}",
        f"Date       {doc.get('published') or '—'}",
        f"Issuer     {_span(doc.get('issuer')) or '—'}",
        f"Number     {_span(doc.get('doc_number')) or '—'}",
        f"Source     {source} ({doc.get('script') or '?'}, {format_value(doc.get('chars'))} characters,"
        f" {doc.get('encoding') or '?'} {doc.get('format') or ''})".rstrip(),
    ]

    nodes = list(_walk(result.get("outline") or []))
    entities = Counter(e.get("label") for e in result.get("entities") or [])
    counts = [f"outline {len(nodes)}"] + [f"{name} {len(result.get(key) or [])}" for key, name in _KINDS]
    counts.append(
        f"entities {sum(entities.values())} ("
        + ", ".join(f"{label} {entities.get(label, 0)}" for label in ("PERSON", "ORG", "PLACE"))
        + ")"
    )
    lines += ["", "Facts      " + " · ".join(counts)]

    lines += ["", "Outline"]
    if not nodes:
        lines.append("  (no outline found)")
    for node, depth in nodes[:MAX_OUTLINE_LINES]:
        marker, heading = _span(node.get("marker")), _span(node.get("heading"))
        lines.append("  " + "  " * depth + clip(f"{marker}{heading}" if heading else marker or node.get("kind", ""), 70))
    if len(nodes) > MAX_OUTLINE_LINES:
        lines.append(f"  … {len(nodes) - MAX_OUTLINE_LINES} more outline entries")

    quantities = result.get("quantities") or []
    measured = [q for q in quantities if _span(q.get("indicator"))]
    chosen = (measured + [q for q in quantities if not _span(q.get("indicator"))])[:top]
    chosen.sort(key=lambda q: q.get("start", 0))
    lines += ["", f"Quantities (first {len(chosen)} of {len(quantities)}, those with an indicator first)"]
    if chosen:
        rows = [
            [_span(q.get("indicator")) or "—", _quantity_value(q), q.get("unit") or "",
             _QUALIFIER.get(q.get("qualifier") or "", q.get("qualifier") or ""), q.get("time") or "", q.get("text") or ""]
            for q in chosen
        ]  # fmt: skip
        lines += _table(["indicator", "value", "unit", "qualifier", "time", "as printed"], rows, [34, 18, 8, 9, 10, 20], {1})
    else:
        lines.append("  (none)")

    groups: dict[str, list[dict]] = {}
    for s in result.get("slogans") or []:
        groups.setdefault(s.get("normalized") or s.get("text") or "", []).append(s)
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0].get("start", 0)))[:top]
    lines += ["", f"Formulations (top {len(ranked)} of {len(groups)} by mentions)"]
    if ranked:
        rows = [[str(len(found)), name, found[0].get("kind") or ""] for name, found in ranked]
        lines += _table(["mentions", "formulation", "kind"], rows, [8, 50, 9], {0})
    else:
        lines.append("  (none)")
    return "\n".join(lines)
