"""Score the analyser on every gold of this folder: one row per window and the pooled figures.

The scoring is that of ``../final_check_a/score_final_check.py`` (each document analysed with the
command line of a project folder, converted first where the gold names an OpenCC conversion, scored
with ``shared/tools/score.py``; pooled figures sum ``tp``, ``gold`` and ``pred`` or ``correct`` and
``n`` over the windows; the date kind over the date pairs the scorer matches). One figure is added:
the outline restricted to the main text, i.e. the predicted nodes whose marker starts before the end
of the gold's window (the signature, for the pages of this folder), so that nodes found in an annex
after the signature can be told apart from errors in the main text.

Run from the project: ``python tests/gold/final_check_c/score_final_check_c.py [--project DIR]
[--python PY] [--out DIR]`` (needs ``../shared``; ``opencc`` for the converted window). ``--out``
keeps the analyses and the scores.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


base = _load("final_check_a_scoring", HERE.parent / "final_check_a" / "score_final_check.py")


def main_text_outline(path: Path, shared: Path, analysis: dict) -> dict:
    """Outline points + items and sections with the predicted nodes cut at the end of the window."""
    scorer = base.load_scorer(shared)
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = analysis["document"]["text"]
    if gold["document"]["format"] == "html":
        scorer.resolve_occurrences(gold, text)
    end = scorer.gold_scope(gold)[1]
    g_nodes = [{"start": n["marker"]["start"], "end": n["marker"]["end"], "_optional": False}
               for s in [*gold["outline"]["sections"], gold["outline"]]
               for key in ("points", "items") for n in s.get(key, [])]
    p_all = [n for n, _ in scorer.walk(analysis.get("outline") or [])]
    p_nodes = [{"start": n["marker"]["start"], "end": n["marker"]["end"]} for n in p_all
               if n.get("kind") in ("point", "item") and isinstance(n.get("marker"), dict) and n["marker"]["start"] < end]
    res = scorer.prf(g_nodes, p_nodes, strict=True)
    sections = [n for n in p_all if n.get("kind") == "section" and n.get("start", 0) < end]
    res["pred_sections"] = len(sections)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--project", type=Path, default=base.PROJECT, help="the project folder whose analyser runs")
    ap.add_argument("--python", default=sys.executable, help="the Python that runs it")
    ap.add_argument("--out", type=Path, help="a folder to keep the analyses and the scores in")
    a = ap.parse_args(argv)
    shared = base.shared_folder()
    results, main_text = {}, {}
    for path in sorted(HERE.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc, converted = base.document_text(gold, shared)
        analysis = base.analyse_cli(doc, converted, a.project.resolve(), a.python)
        name = path.name[: -len(".gold.json")]
        results[name] = base.score_one(path, shared, analysis)
        if results[name]["has_outline"]:
            main_text[name] = main_text_outline(path, shared, analysis)
        if a.out:
            a.out.mkdir(parents=True, exist_ok=True)
            (a.out / f"{name}.json").write_text(json.dumps(analysis, ensure_ascii=False), encoding="utf-8")
            (a.out / f"{name}.score.json").write_text(json.dumps(results[name], ensure_ascii=False, indent=1), encoding="utf-8")
        assert results[name]["offsets"]["wrong"] == 0, name
    print(base.report(results))
    if main_text:
        tp, g, p = (sum(r[k] for r in main_text.values()) for k in ("tp", "gold", "pred"))
        secs = sum(r["pred_sections"] for r in main_text.values())
        print("outline points + items, main text only: " + base.prf(tp, g, p) + f"; sections predicted there: {secs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
