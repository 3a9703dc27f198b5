"""Score the analyser on every gold of this folder: one row per window and the pooled figures.

The scoring is that of ``../final_check_a/score_final_check.py`` (each document analysed with the
command line of a project folder, converted first where the gold names an OpenCC conversion, scored
with ``shared/tools/score.py``; pooled figures sum ``tp``, ``gold`` and ``pred`` or ``correct`` and
``n`` over the windows; the date kind over the date pairs the scorer matches). The pooled figures are
printed three times: over every window, over the running text (without the enrolment table of
``gov_cn_52_guobanfa_1996_32``, whose 101 cells would outweigh everything else), and over the running
text without the converted copy.

Run from the project: ``python tests/gold/final_check_e/score_final_check_e.py [--project DIR]
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
TABLE = "gov_cn_52_guobanfa_1996_32"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


base = _load("final_check_a_scoring", HERE.parent / "final_check_a" / "score_final_check.py")


def pooled(results: dict[str, dict]) -> str:
    """The pooled lines of the base report (the lines after its per-window table)."""
    lines = base.report(results).splitlines()
    return "\n".join(lines[lines.index("") + 1:])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--project", type=Path, default=base.PROJECT, help="the project folder whose analyser runs")
    ap.add_argument("--python", default=sys.executable, help="the Python that runs it")
    ap.add_argument("--out", type=Path, help="a folder to keep the analyses and the scores in")
    a = ap.parse_args(argv)
    shared = base.shared_folder()
    results = {}
    for path in sorted(HERE.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc, converted = base.document_text(gold, shared)
        analysis = base.analyse_cli(doc, converted, a.project.resolve(), a.python)
        name = path.name[: -len(".gold.json")]
        results[name] = base.score_one(path, shared, analysis)
        if a.out:
            a.out.mkdir(parents=True, exist_ok=True)
            (a.out / f"{name}.json").write_text(json.dumps(analysis, ensure_ascii=False), encoding="utf-8")
            (a.out / f"{name}.score.json").write_text(json.dumps(results[name], ensure_ascii=False, indent=1), encoding="utf-8")
        assert results[name]["offsets"]["wrong"] == 0, name
    print(base.report(results))
    text = {k: v for k, v in results.items() if k != TABLE}
    print("\nRunning text (without the table):\n" + pooled(text))
    print("\nRunning text without the converted copy:\n" + pooled({k: v for k, v in text.items() if ".s2hk" not in k}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
