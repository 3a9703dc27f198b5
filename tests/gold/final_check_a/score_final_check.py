"""Score the analyser on every gold of this folder: one row per window and the pooled figures.

For each gold the document is analysed with the command line (``python -m analyser analyse --text``)
of a project folder (default: this project), after converting it with OpenCC where the gold names a
conversion (``document.convert``), and scored with ``shared/tools/score.py``. Pooled figures sum
``tp``, ``gold`` and ``pred`` (F1) or ``correct`` and ``n`` (field accuracies) over the windows.
The date kind, which the shared scorer does not compare, is checked here over the same matched
pairs as the date value. The outline is pooled over the golds that annotate it.

Run from the project: ``python tests/gold/final_check_a/score_final_check.py [--project DIR]
[--out DIR]`` (needs ``../shared``; ``opencc`` for the converted window). ``--out`` keeps the
analyses.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[2]


def shared_folder() -> Path:
    for base in (PROJECT.parent, PROJECT.parent.parent):
        if (base / "shared" / "tools" / "score.py").is_file():
            return base / "shared"
    raise FileNotFoundError("the shared data folder (shared/) is not beside the project")


def load_scorer(shared: Path):
    module = sys.modules.get("shared_score")
    if module is None:
        spec = importlib.util.spec_from_file_location("shared_score", shared / "tools" / "score.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        sys.modules["shared_score"] = module
    return module


def document_text(gold: dict, shared: Path) -> tuple[Path, str | None]:
    """The annotated file, and its converted text when the gold names a conversion."""
    path = gold["document"]["path"]
    doc = PROJECT / path if path.startswith("tests/") else shared / path.split("shared/", 1)[1]
    convert = gold["document"].get("convert")
    if not convert:
        return doc, None
    import opencc

    text = doc.read_text(encoding="utf-8")
    out = opencc.OpenCC(convert).convert(text)
    assert len(out) == len(text), f"{convert} changed the length of {doc}"
    return doc, out


def analyse_cli(doc: Path, converted: str | None, project: Path, python: str) -> dict:
    """The analysis JSON of ``python -m analyser analyse --text`` run in ``project``."""
    with tempfile.TemporaryDirectory() as tmp:
        if converted is not None:
            doc = Path(tmp) / (doc.stem + ".converted" + doc.suffix)
            doc.write_text(converted, encoding="utf-8")
        out = subprocess.run([python, "-m", "analyser", "analyse", "--text", str(doc)], cwd=project,
                             env={**os.environ, "PYTHONPATH": str(project)},
                             check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def date_kinds(scorer, gold: dict, pred: dict) -> tuple[int, int]:
    """(correct, n): the date kind over the matched required gold dates (the scorer's pairs)."""
    scope = scorer.gold_scope(gold)
    body_g = gold["meta"].get("body") or {}
    body = (body_g.get("start", 0), body_g.get("end", 10**12))
    if scope:
        body = (max(body[0], scope[0]), min(body[1], scope[1]))
    gd = scorer.flag_optional(gold.get("dates") or [], body)
    pd = [p for p in pred.get("dates") or [] if not scope or (scope[0] <= p["start"] and p["end"] <= scope[1])]
    pairs = [(gi, pi) for gi, pi in scorer.match(gd, pd, strict=False) if not gd[gi]["_optional"]]
    return sum(1 for gi, pi in pairs if gd[gi].get("kind") == pd[pi].get("kind")), len(pairs)


def score_one(path: Path, shared: Path, analysis: dict) -> dict:
    """The scorer's result for one gold and its analysis, with the date kinds added."""
    scorer = load_scorer(shared)
    gold = json.loads(path.read_text(encoding="utf-8"))
    res = scorer.score(gold, analysis, analysis["document"]["text"])  # resolves the gold's occurrences
    correct, n = date_kinds(scorer, gold, analysis)
    res["dates"]["kind"] = {"correct": correct, "n": n}
    res["has_outline"] = any("outline" in a for a in gold.get("annotated", []))
    if "outline_items" not in res:  # the scorer skips items where the gold has none: predicted ones are errors
        n_items = sum(1 for n, _ in scorer.walk(analysis.get("outline") or []) if n.get("kind") == "item")
        res["outline_items"] = {"tp": 0, "gold": 0, "pred": n_items}
    return res


def pool(results: dict[str, dict]) -> dict:
    sums: dict[str, list[int]] = {}

    def add(key: str, *counts: int) -> None:
        t = sums.setdefault(key, [0] * len(counts))
        for i, c in enumerate(counts):
            t[i] += c

    for res in results.values():
        q = res["quantities"]
        add("quantities_lenient", q["lenient"]["tp"], q["lenient"]["gold"], q["lenient"]["pred"])
        add("quantities_strict", q["strict"]["tp"], q["strict"]["gold"], q["strict"]["pred"])
        for key in ("value", "unit", "qualifier", "indicator", "modality"):
            add(key, q[key]["correct"], q[key]["n"])
        d = res["dates"]
        add("dates", d["tp"], d["gold"], d["pred"])
        add("date_value", d["value"]["correct"], d["value"]["n"])
        add("date_kind", d["kind"]["correct"], d["kind"]["n"])
        if res["has_outline"]:
            for key in ("outline_points", "outline_items"):
                r = res.get(key) or {"tp": 0, "gold": 0, "pred": 0}
                add(key, r["tp"], r["gold"], r["pred"])
            s = res["outline_sections"]
            add("outline_sections", s["found"], s["gold"], s["pred_sections"])
    return sums


def prf(tp: int, gold: int, pred: int) -> str:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp} of {gold} gold, {pred} predicted)"


def _cell(x: dict) -> str:
    return f"{x['correct']}/{x['n']}" if x["n"] else "-"


def _f1(r: dict) -> str:
    return "-" if r["f1"] is None else f"{r['f1']:.2f}"


def report(results: dict[str, dict]) -> str:
    rows = [("| window | quantities F1 lenient (tp/gold/pred) | strict | value | unit | qualifier | indicator | modality "
             "| dates F1 (tp/gold/pred) | date value | date kind | outline points+items (tp/gold/pred) | sections found/gold (pred) |"),
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, res in sorted(results.items()):
        q, d = res["quantities"], res["dates"]
        ql = q["lenient"]
        outline = sections = "-"
        if res["has_outline"]:
            pi = [res.get(k) or {"tp": 0, "gold": 0, "pred": 0} for k in ("outline_points", "outline_items")]
            outline = f"{sum(r['tp'] for r in pi)}/{sum(r['gold'] for r in pi)}/{sum(r['pred'] for r in pi)}"
            s = res["outline_sections"]
            sections = f"{s['found']}/{s['gold']} ({s['pred_sections']})"
        rows.append(
            f"| {name} | {_f1(ql)} ({ql['tp']}/{ql['gold']}/{ql['pred']}) | {_f1(q['strict'])} | {_cell(q['value'])} | {_cell(q['unit'])} "
            f"| {_cell(q['qualifier'])} | {_cell(q['indicator'])} | {_cell(q['modality'])} | {_f1(d)} ({d['tp']}/{d['gold']}/{d['pred']}) "
            f"| {_cell(d['value'])} | {_cell(d['kind'])} | {outline} | {sections} |")
    sums = pool(results)
    rows.append("")
    rows.append("quantities lenient: " + prf(*sums["quantities_lenient"]))
    rows.append("quantities strict: " + prf(*sums["quantities_strict"]))
    rows.append("; ".join(f"{k} {c}/{n} = {c / n:.3f}" for k in ("value", "unit", "qualifier", "indicator", "modality")
                          for c, n in [sums[k]] if n))
    rows.append("dates: " + prf(*sums["dates"]))
    rows.append("; ".join(f"{k} {c}/{n} = {c / n:.3f}" for k in ("date_value", "date_kind") for c, n in [sums[k]] if n))
    if "outline_points" in sums:
        tp, g, p = (a + b for a, b in zip(sums["outline_points"], sums["outline_items"]))
        rows.append("outline points + items: " + prf(tp, g, p))
        f, g, p = sums["outline_sections"]
        rows.append(f"outline sections: {f} of {g} found ({p} predicted)")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--project", type=Path, default=PROJECT, help="the project folder whose analyser runs")
    ap.add_argument("--python", default=sys.executable, help="the Python that runs it")
    ap.add_argument("--out", type=Path, help="a folder to keep the analyses and the scores in")
    a = ap.parse_args(argv)
    shared = shared_folder()
    results = {}
    for path in sorted(HERE.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc, converted = document_text(gold, shared)
        analysis = analyse_cli(doc, converted, a.project.resolve(), a.python)
        name = path.name[: -len(".gold.json")]
        results[name] = score_one(path, shared, analysis)
        if a.out:
            a.out.mkdir(parents=True, exist_ok=True)
            (a.out / f"{name}.json").write_text(json.dumps(analysis, ensure_ascii=False), encoding="utf-8")
            (a.out / f"{name}.score.json").write_text(json.dumps(results[name], ensure_ascii=False, indent=1), encoding="utf-8")
        assert results[name]["offsets"]["wrong"] == 0, name
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
