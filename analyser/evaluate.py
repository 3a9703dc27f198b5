"""Score an analysis against a gold annotation (``python -m analyser eval --gold G [TEXT]``).

The gold format is the one of the project's annotation files: spans are objects with
``surface``, ``start``, ``end`` (or, for web pages, ``surface`` and ``occurrence``: the n-th
occurrence of the surface in the extracted text). Lists scored: ``outline`` (sections by number
and heading; points and items by their marker span), ``quantities``, ``dates``, ``slogans``,
``cited_documents`` and entities (``persons``, ``organizations``, ``places``).

Matching pairs gold and predicted spans one to one, best overlap first. *Exact* matching needs
the same span; *overlap* matching needs an intersection over union of at least one half. Gold
items flagged ``optional`` or lying outside the article body (and, where the gold declares a
``scope`` window, outside it) count on neither side, and neither do predictions that match them
or lie inside them. Attribute accuracies (value, unit, qualifier, indicator, modality, date
value, heading) are taken over the matched, non-optional pairs; modality only where the gold gives
the quantity a role that has one (target; achievement or investment: actual). A predicted
indicator is right when at least half of the distinct characters of the longer of the two are
shared (a gold indicator may end in an annotator's note in brackets, which may be left out).

Examples
--------
>>> pairs = match_spans([(0, 4), (10, 12)], [(1, 4), (20, 22)], min_iou=0.5)
>>> pairs
[(0, 0)]
>>> prf(tp=3, n_gold=4, n_pred=3)["f1"]
0.8571
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import InputError
from .text.normalize import to_simplified

__all__ = ["evaluate", "evaluate_file", "format_report", "match_spans", "prf"]

_STRIP = "。，,、；;：:“”\"'‘’《》「」 \u3000\n"


def _key(s: Any) -> str:
    """Compare surfaces in Simplified script without white space or outer punctuation."""
    if s is None:
        return ""
    return "".join(to_simplified(str(s)).split()).strip(_STRIP)


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if inter > 0 and union > 0 else 0.0


def match_spans(gold: list, pred: list, *, min_iou: float) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold_index, pred_index)``, best overlap first.

    ``gold`` items are a span ``(start, end)`` or a list of acceptable spans; ``min_iou=1``
    asks for exact spans.
    """
    candidates = []
    for gi, g in enumerate(gold):
        alternatives = g if isinstance(g, list) else [g]
        for pi, p in enumerate(pred):
            best = max(_iou(a, p) for a in alternatives)
            if best >= min_iou:
                candidates.append((-best, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def prf(*, tp: int, n_gold: int, n_pred: int) -> dict[str, Any]:
    """Precision, recall and F1 (``None`` where undefined), rounded to four places."""
    p = tp / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else (0.0 if n_gold or n_pred else None)
    rnd = lambda x: None if x is None else round(x, 4)  # noqa: E731
    return {"gold": n_gold, "pred": n_pred, "tp": tp, "precision": rnd(p), "recall": rnd(r), "f1": rnd(f)}


@dataclass
class _GoldItem:
    spans: list[tuple[int, int]]
    optional: bool
    data: dict


def _gold_spans(item: dict) -> list[tuple[int, int]]:
    spans = [(item["start"], item["end"])]
    outer = item.get("outer")
    if isinstance(outer, dict) and "start" in outer:
        spans.append((outer["start"], outer["end"]))
    return spans


def _resolve_occurrences(obj: Any, text: str) -> None:
    """Give ``start``/``end`` to every ``{surface, occurrence}`` span of a web-page gold."""
    if isinstance(obj, dict):
        if "surface" in obj and "occurrence" in obj and "start" not in obj:
            pos = -1
            for _ in range(int(obj["occurrence"]) + 1):
                pos = text.find(obj["surface"], pos + 1)
                if pos < 0:
                    break
            obj["start"], obj["end"] = (pos, pos + len(obj["surface"])) if pos >= 0 else (-1, -1)
            obj["_missing"] = pos < 0
        for v in obj.values():
            _resolve_occurrences(v, text)
    elif isinstance(obj, list):
        for v in obj:
            _resolve_occurrences(v, text)


def _score_list(
    gold: Iterable[dict],
    pred: list[dict],
    window: tuple[int, int],
    *,
    extra_optional: Callable[[dict], bool] = lambda g: False,
    fields: dict[str, Callable[[dict, dict], bool | None]] | None = None,
) -> dict[str, Any]:
    """Exact and overlap P/R/F1 of one fact list, and attribute accuracies over the overlap pairs
    (a field function answering ``None`` leaves that pair out of its accuracy)."""
    items = []
    for g in gold:
        inside = window[0] <= g["start"] and g["end"] <= window[1]
        optional = bool(g.get("optional")) or extra_optional(g) or (not inside and not g.get("_missing"))
        items.append(_GoldItem(_gold_spans(g), optional, g))
    pspans = [(p["start"], p["end"]) for p in pred]
    out: dict[str, Any] = {}
    for mode, threshold in (("exact", 1.0), ("overlap", 0.5)):
        pairs = match_spans([i.spans for i in items], pspans, min_iou=threshold)
        matched_p = {pi for _, pi in pairs}
        tp = sum(1 for gi, _ in pairs if not items[gi].optional)
        dropped = sum(1 for gi, _ in pairs if items[gi].optional)
        optional_spans = [s for i in items if i.optional for s in i.spans]
        dropped += sum(
            1
            for pi, (a, b) in enumerate(pspans)
            if pi not in matched_p and any(x <= a and b <= y for x, y in optional_spans)
        )
        n_gold = sum(1 for i in items if not i.optional)
        out[mode] = prf(tp=tp, n_gold=n_gold, n_pred=len(pspans) - dropped)
        if mode == "overlap" and fields:
            scored = [(items[gi].data, pred[pi]) for gi, pi in pairs if not items[gi].optional]
            for name, ok in fields.items():
                verdicts = [v for v in (ok(g, p) for g, p in scored) if v is not None]
                out[name] = round(sum(verdicts) / len(verdicts), 4) if verdicts else None
    return out


def _num_eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))
    except (TypeError, ValueError):
        return False


def _value_ok(g: dict, p: dict) -> bool:
    low, high = g.get("value_low"), g.get("value_high")
    if isinstance(g.get("value_range"), list) and len(g["value_range"]) == 2:
        low, high = g["value_range"]
    if g.get("value") is None and (low is not None or high is not None):
        return _num_eq(low, p.get("lower")) and _num_eq(high, p.get("upper"))
    return _num_eq(g.get("value"), p.get("value"))


def _unit_ok(g: dict, p: dict) -> bool:
    accepted = {_key(g.get("unit")), _key(g.get("counted"))} - {""}
    if any(ch in "个個" for ch in g.get("surface") or ""):
        accepted.add("个")
    return _key(p.get("unit")) in accepted if accepted else not _key(p.get("unit"))


_NOTE = re.compile(r"\s+[(（][^()（）]*[)）]\s*$")
#: gold quantity roles that carry a modality, and the modality they mean
_MODALITY = {"target": "target", "achievement": "actual", "investment": "actual"}


def _indicator_ok(g: dict, p: dict) -> bool:
    ind = p.get("indicator")
    got = _key(ind.get("text") if isinstance(ind, dict) else ind)
    full = g.get("indicator") or ""
    for want in {_key(full), _key(_NOTE.sub("", full))}:
        if got and want:
            shared = sum(1 for ch in set(got) if ch in want)
            if shared / max(len(set(got)), len(set(want))) >= 0.5:
                return True
    return False


def _modality_ok(g: dict, p: dict) -> bool | None:
    want = _MODALITY.get(g.get("role") or "")
    return None if want is None else p.get("modality") == want


def _date_ok(g: dict, p: dict) -> bool:
    gold, got = g.get("iso") or "", p.get("value") or ""
    if got in (g.get("iso_alternatives") or []):
        return True
    if gold.endswith("/.."):
        return got.split("/")[0] == gold.split("/")[0]
    return gold == got


def _walk(nodes: list[dict]) -> Iterable[dict]:
    for n in nodes or []:
        yield n
        yield from _walk(n.get("children") or [])


def _score_outline(gold: dict, pred: dict) -> dict[str, Any]:
    sections = gold.get("outline", {}).get("sections") or []
    nodes = list(_walk(pred.get("outline") or []))
    found = sum(
        1
        for s in sections
        if any(
            n.get("kind") == "section"
            and n.get("number") == s.get("number_int")
            and _key((n.get("heading") or {}).get("text")) == _key(s["title"]["surface"])
            for n in nodes
        )
    )
    out: dict[str, Any] = {"sections": {"gold": len(sections), "found": found}}
    top = gold.get("outline", {})
    for kind, key in (("point", "points"), ("item", "items")):
        g_nodes = [x for s in sections + [top] for x in s.get(key) or []]
        if not g_nodes and kind == "item":
            continue
        g_spans = [(x["marker"]["start"], x["marker"]["end"]) for x in g_nodes]
        p_nodes = [n for n in nodes if n.get("kind") == kind and isinstance(n.get("marker"), dict)]
        p_spans = [(n["marker"]["start"], n["marker"]["end"]) for n in p_nodes]
        pairs = match_spans(g_spans, p_spans, min_iou=1.0)
        res = prf(tp=len(pairs), n_gold=len(g_spans), n_pred=len(p_spans))
        heads = [
            _key((g_nodes[gi].get("heading") or {}).get("surface")) == _key((p_nodes[pi].get("heading") or {}).get("text"))
            for gi, pi in pairs
        ]
        res["heading_accuracy"] = round(sum(heads) / len(heads), 4) if heads else None
        out[key] = res
    return out


def evaluate(gold: dict, pred: dict, text: str | None = None) -> dict[str, Any]:
    """Score ``pred`` (analysis JSON) against ``gold``; ``text`` is the analysed text."""
    gold = json.loads(json.dumps(gold))  # resolved in place below
    if (gold.get("document") or {}).get("format") == "html":
        text = (pred.get("document") or {}).get("text") or text
        if not text:
            raise InputError("this gold is for a web page: the analysis must include document.text")
        _resolve_occurrences(gold, text)
    meta = gold.get("meta") or {}
    body = meta.get("body") or {}
    window = (body.get("start", 0), body.get("end", 1 << 60))
    scope = gold.get("scope") or {}
    if "start" not in scope:
        first, last = scope.get("first") or scope.get("first_sentence"), scope.get("last") or scope.get("last_sentence")
        if first and last and "start" in first and "start" in last:
            scope = {"start": first["start"], "end": last["end"]}
    if "start" in scope:
        window = (max(window[0], scope["start"]), min(window[1], scope["end"]))

    def within(items: list[dict] | None) -> list[dict]:
        items = list(items or [])
        if "start" not in scope:
            return items
        return [p for p in items if scope["start"] <= p["start"] and p["end"] <= scope["end"]]

    report: dict[str, Any] = {}
    if text is not None:
        wrong = total = 0
        for kind in ("quantities", "dates", "slogans", "citations", "entities"):
            for p in pred.get(kind) or []:
                total += 1
                wrong += text[p["start"]:p["end"]] != p.get("text")
        for node in _walk(pred.get("outline") or []):
            for span in (node.get("marker"), node.get("heading")):
                if isinstance(span, dict):
                    total += 1
                    wrong += text[span["start"]:span["end"]] != span.get("text")
        report["offsets"] = {"checked": total, "wrong": wrong}
    doc = pred.get("document") or {}
    checks = {}
    if (meta.get("title") or {}).get("surface"):
        checks["title"] = _key((doc.get("title") or {}).get("text")) == _key(meta["title"]["surface"])
    if (meta.get("publish_date") or {}).get("iso"):
        checks["published"] = doc.get("published") == meta["publish_date"]["iso"]
    if (meta.get("source") or {}).get("surface"):
        checks["issuer"] = _key((doc.get("issuer") or {}).get("text")) == _key(meta["source"]["surface"])
    if "start" in body:
        got = doc.get("body") or {}
        checks["body_within_20"] = abs(got.get("start", -99) - body["start"]) <= 20 and abs(got.get("end", -99) - body["end"]) <= 20
    report["meta"] = checks
    report["outline"] = _score_outline(gold, pred)
    quantity_fields = {
        "value": _value_ok, "unit": _unit_ok, "qualifier": lambda g, p: g.get("qualifier") == p.get("qualifier"),
        "indicator": _indicator_ok, "modality": _modality_ok,
    }  # fmt: skip
    report["quantities"] = _score_list(
        gold.get("quantities") or [], within(pred.get("quantities")), window, fields=quantity_fields
    )
    report["dates"] = _score_list(gold.get("dates") or [], within(pred.get("dates")), window, fields={"value": _date_ok})
    report["slogans"] = _score_list(
        gold.get("slogans") or [], within(pred.get("slogans")), window,
        extra_optional=lambda g: g.get("category") == "reported_speech" or g.get("tier") == "secondary",
    )
    report["citations"] = _score_list(gold.get("cited_documents") or [], within(pred.get("citations")), window)
    for label, key in (("PERSON", "persons"), ("ORG", "organizations"), ("PLACE", "places")):
        preds = [p for p in within(pred.get("entities")) if p.get("label") == label]
        report[f"entities.{label}"] = _score_list(gold.get(key) or [], preds, window)
    return report


def _find_text(gold_path: Path, gold: dict) -> Path | None:
    rel = (gold.get("document") or {}).get("path") or ""
    if not rel:
        return None
    for base in (gold_path.parent, *gold_path.parents, Path.cwd()):
        for candidate in (base / rel, base / Path(rel).name):
            if candidate.is_file():
                return candidate
    return None


def evaluate_file(gold_path: str | Path, text_path: str | Path | None = None) -> dict[str, Any]:
    """Analyse the gold's document (or ``text_path``) and score it against the gold file."""
    from .nlp.analysis import analyse_file

    gold_path = Path(gold_path)
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{gold_path}: cannot read the gold file ({exc})") from None
    path = Path(text_path) if text_path else _find_text(gold_path, gold)
    if path is None:
        raise InputError(f"{gold_path}: name the document to analyse (the gold's path was not found)")
    analysis = analyse_file(path)
    report = evaluate(gold, analysis.to_dict(text=True), analysis.text)
    report["document"] = str(path)
    return report


def format_report(report: dict[str, Any]) -> str:
    """A table of the report: one line per category."""

    def f(x: Any) -> str:
        return "  n/a" if x is None else f"{x:.3f}"

    lines = [f"document         {report.get('document', '-')}"]
    if "offsets" in report:
        lines.append(f"offsets          {report['offsets']['wrong']} wrong of {report['offsets']['checked']}")
    lines.append("meta             " + " ".join(f"{k}={'ok' if v else 'NO'}" for k, v in report["meta"].items()))
    o = report["outline"]
    lines.append(f"outline sections {o['sections']['found']}/{o['sections']['gold']}")
    for key in ("points", "items"):
        if key in o:
            r = o[key]
            lines.append(f"outline {key:<8} P {f(r['precision'])} R {f(r['recall'])} F1 {f(r['f1'])}  heading {f(r['heading_accuracy'])}")
    for key, r in report.items():
        if key in ("document", "offsets", "meta", "outline"):
            continue
        extra = "  ".join(f"{k} {f(v)}" for k, v in r.items() if k not in ("exact", "overlap"))
        ov, ex = r["overlap"], r["exact"]
        lines.append(
            f"{key:<16} P {f(ov['precision'])} R {f(ov['recall'])} F1 {f(ov['f1'])}  exact F1 {f(ex['f1'])}  {extra}".rstrip()
        )
    return "\n".join(lines)
