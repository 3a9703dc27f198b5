"""Train the quantity-indicator ranker (``analyser/data/indicator_model.json``); a development script.

Annotated documents: every gold file with quantities — the seed gold (``../shared/gold/seed.gold.json``),
the dev golds (``../shared/gold/dev/``) and the project's own (``tests/gold/quantities``,
``tests/gold/holdout_dev``, ``tests/gold/fresh*``); folds are made of documents (two windows of one
document stay together). Each document is analysed with the ranker switched
off, so the rule's indicator of every figure is known; each gold quantity (required, inside the
annotated scope) matched to a predicted one (IoU ≥ 0.5, the shared scorer's matching) gives one group
of candidates (:func:`analyser.extract.quantities.indicator_model.candidates` plus the rule's span),
each labelled 1 when its text passes the scorer's indicator test against the gold indicator (the
characters shared, as sets, are at least half of the larger set, after Simplified folding and without
spaces and punctuation).

Model: ``FeatureHasher(2**15)`` + ``LogisticRegression(C, fit_intercept=False)`` fitted on the
differences of the features of a right and a wrong candidate of one figure (both orders, at most 30
pairs a figure): a pairwise ranker whose score orders a figure's candidates. Evaluation: 5-fold
cross-validation grouped by document: per fold, the indicator accuracy of the rule's span and of the
ranker's choice (where the rule's span is missing or short, the best candidate replaces it when its
score beats the rule span's by ``margin``), over the matched gold figures; the margin is the one with
the best pooled accuracy among those at which no fold does worse than the rules.

Run: ``PYTHONPATH=. .venv/bin/python models/train_indicators.py [--C 0.3]``
(writes the export and ``models/indicator.json``, the card; ``--cv-only`` prints the figures only).
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import pickle
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = 20261207


def shared() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "tools" / "score.py").is_file():
            return base / "shared"
    raise SystemExit("no shared/ folder beside the project")


def scorer():
    spec = importlib.util.spec_from_file_location("shared_score", shared() / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_files() -> list[Path]:
    sh = shared()
    out = [sh / "gold" / "seed.gold.json", *sorted((sh / "gold" / "dev").glob("*.gold.json"))]
    for folder in ("quantities", "holdout_dev", "fresh", "fresh_quantities", "fresh_quantities2", "fresh_quantities3",
                   "fresh_quantities4", "fresh_quantities5", "fresh_quantities6"):
        out += sorted((ROOT / "tests" / "gold" / folder).glob("*.gold.json"))
    return out


def _doc_path(gold: dict, gpath: Path) -> Path:
    p = gold["document"]["path"]
    if p.startswith("tests/"):
        return ROOT / p
    if "shared/" in p:
        return shared() / p.split("shared/", 1)[1]
    if gpath.name == "seed.gold.json":
        return shared() / "seed" / Path(p).name
    return shared() / p


def indicator_ok(S, gold_indicator: str, text: str) -> bool:
    ptxt = S.norm(text)
    for gtxt in {S.norm(gold_indicator), S.norm(S._NOTE.sub("", gold_indicator))}:
        if ptxt and gtxt:
            shared_chars = sum(1 for ch in set(ptxt) if ch in gtxt)
            if shared_chars / max(len(set(ptxt)), len(set(gtxt))) >= 0.5:
                return True
    return False


def collect(S) -> list[dict]:
    """One group per matched gold figure: its candidates' features and labels."""
    from analyser import analyse_file
    from analyser.extract.quantities import indicator_model as im

    captured: list = []
    original = im.rerank

    def capture(src, quantities, model=None, starts=None, firm=()):
        # the firm figures (a noun a list names for each, a handful) are weighed like the others here
        captured.append((src, list(quantities)))
        return list(quantities)

    im.rerank = capture
    groups = []
    try:
        for gpath in gold_files():
            gold = json.loads(gpath.read_text(encoding="utf-8"))
            if not gold.get("quantities"):
                continue
            doc = _doc_path(gold, gpath)
            if not doc.is_file():
                print("missing", doc, file=sys.stderr)
                continue
            captured.clear()
            pred = analyse_file(doc).to_dict(text=True)
            text = pred["document"]["text"]
            if gold.get("document", {}).get("format") == "html":
                S.resolve_occurrences(gold, text)
            body_g = gold["meta"].get("body") or {}
            body = (body_g.get("start", 0), body_g.get("end", 10**12))
            scope = S.gold_scope(gold)
            if scope:
                body = (max(body[0], scope[0]), min(body[1], scope[1]))
            gq = [g for g in S.flag_optional(gold["quantities"], body) if not g["_optional"] and g.get("indicator")]
            pairs_src = [(src, q) for src, qs in captured for q in qs]
            pq = [{"start": q.start, "end": q.end} for _, q in pairs_src]
            for gi, pi in S.match(gq, pq, strict=False):
                src, q = pairs_src[pi]
                assert src.text[q.start:q.end] == text[q.start:q.end]
                groups.append(_group(S, im, src, [q2 for s2, q2 in pairs_src if s2 is src], q, gq[gi], gpath, doc))
    finally:
        im.rerank = original
    return groups


def _group(S, im, src, qs, q, g, gpath, doc_path) -> dict:
    doc = im._Doc(src)
    i = qs.index(q)
    prev_end = qs[i - 1].end if i else 0
    next_start = qs[i + 1].start if i + 1 < len(qs) else len(src.view)
    cands = im.candidates(doc, q, prev_end, next_start)
    rule = q.indicator
    if rule is not None and all((s, e) != (rule.start, rule.end) for s, e, _ in cands):
        cands.append((rule.start, rule.end, "rule"))
    feats = [im.features(doc, q, s, e, side, rule) for s, e, side in cands]
    labels = [int(indicator_ok(S, g["indicator"], src.text[s:e])) for s, e, _ in cands]
    rule_idx = next((k for k, (s, e, _) in enumerate(cands) if rule is not None and (s, e) == (rule.start, rule.end)), None)
    # grouped by the document, not the gold file: two windows of one document stay in one fold
    return {"doc": doc_path.name, "gold_file": f"{gpath.parent.name}/{gpath.name}", "feats": feats, "labels": labels, "rule": rule_idx,
            "rule_ok": int(rule is not None and indicator_ok(S, g["indicator"], rule.text)),
            "gold": g["indicator"], "texts": [src.text[s:e] for s, e, _ in cands], "rule_text": rule.text if rule else None}


def _fit(groups, C, pairs_per_group=30):
    """A pairwise ranker: logistic regression on the differences of the hashed features of a right
    and a wrong candidate of one figure (both orders), no intercept; its score orders candidates."""
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    pipe = make_pipeline(FeatureHasher(2**15, alternate_sign=False),
                         LogisticRegression(C=C, fit_intercept=False, max_iter=5000))
    rng = random.Random(SEED)
    rows_a, rows_b = [], []
    for g in groups:
        pos = [k for k, lab in enumerate(g["labels"]) if lab]
        neg = [k for k, lab in enumerate(g["labels"]) if not lab]
        if not pos or not neg:
            continue
        pairs = [(p, n) for p in pos for n in neg]
        rng.shuffle(pairs)
        X = pipe[0].transform(g["feats"])
        for p, n in pairs[:pairs_per_group]:
            rows_a.append(X[p])
            rows_b.append(X[n])
    A, B = sparse.vstack(rows_a), sparse.vstack(rows_b)
    D = sparse.vstack([A - B, B - A])
    y = np.r_[np.ones(A.shape[0]), np.zeros(A.shape[0])]
    pipe[-1].fit(D, y)
    return pipe


def _choose(scores, rule, margin):
    if not scores:
        return None
    best = max(range(len(scores)), key=scores.__getitem__)
    if rule is None:
        return best
    return best if scores[best] - scores[rule] > margin else rule


def _consulted(g) -> bool:
    """The model is asked only where the rule's span is missing or short (``SHORT_RULE``)."""
    from analyser.extract.quantities.indicator_model import SHORT_RULE

    return g["rule_text"] is None or len(g["rule_text"]) <= SHORT_RULE


def cross_validate(groups, C, margins, folds=5):
    docs = sorted({g["doc"] for g in groups})
    random.Random(SEED).shuffle(docs)
    fold_of = {d: k % folds for k, d in enumerate(docs)}
    decisions = []  # (group, scores) out of fold
    for k in range(folds):
        train = [g for g in groups if fold_of[g["doc"]] != k]
        test = [g for g in groups if fold_of[g["doc"]] == k]
        if not test:
            continue
        pipe = _fit(train, C)
        for g in test:
            decisions.append((g, list(pipe.decision_function(g["feats"])) if g["feats"] else [], k))
    out = {"rule": sum(g["rule_ok"] for g in groups) / len(groups), "n": len(groups),
           "oracle": sum(max(g["labels"], default=0) for g in groups) / len(groups), "margins": {}}
    for m in margins:
        ok = 0
        per_fold = {}
        for g, sc, k in decisions:
            c = _choose(sc, g["rule"], m) if _consulted(g) else g["rule"]
            hit = int(c is not None and g["labels"][c] == 1)
            ok += hit
            per_fold.setdefault(k, [0, 0, 0])
            per_fold[k][0] += hit
            per_fold[k][1] += g["rule_ok"]
            per_fold[k][2] += 1
        out["margins"][m] = {"accuracy": ok / len(decisions),
                             "folds": {k: {"model": v[0] / v[2], "rule": v[1] / v[2], "n": v[2]} for k, v in sorted(per_fold.items())}}
    return out, decisions


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--margin", type=float, default=None, help="fixed margin (default: the best in CV)")
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--cache", help="keep the collected candidates in this file (development)")
    ap.add_argument("--dump", help="write the out-of-fold errors to this file")
    args = ap.parse_args(argv)
    S = scorer()
    if args.cache and Path(args.cache).exists():
        groups = pickle.loads(Path(args.cache).read_bytes())
    else:
        groups = collect(S)
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(groups))
    margins = [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0]
    cv, decisions = cross_validate(groups, args.C, margins)
    print(f"{cv['n']} figures in {len({g['doc'] for g in groups})} documents; rule {cv['rule']:.3f}; "
          f"oracle of the candidates {cv['oracle']:.3f}")
    for m, r in cv["margins"].items():
        print(f"margin {m}: cross-validated accuracy {r['accuracy']:.3f}")
    # the best pooled accuracy among the margins at which no fold does worse than the rules (ties:
    # the smaller margin); every margin when none is that safe
    safe = [m for m in margins if all(f["model"] >= f["rule"] for f in cv["margins"][m]["folds"].values())] or margins
    margin = args.margin if args.margin is not None else max(
        safe, key=lambda m: (round(cv["margins"][m]["accuracy"], 3), -m))
    print("margin", margin)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for g, sc, _ in decisions:
                c = _choose(sc, g["rule"], margin) if _consulted(g) else g["rule"]
                mine = g["texts"][c] if c is not None else None
                fh.write(f"{g['doc']}\tgold={g['gold']}\trule={g['rule_text']}({g['rule_ok']})\tmodel={mine}"
                         f"({int(c is not None and g['labels'][c] == 1)})\n")
    if args.cv_only:
        return 0
    from analyser.extract.quantities.indicator_model import SHORT_RULE
    from analyser.extract.slogans.linear import export_pipeline

    pipe = _fit(groups, args.C)
    model = export_pipeline(pipe, threshold=margin,
                            source="exported by models/train_indicators.py (scikit-learn); see models/README.md")
    out = ROOT / "analyser" / "data" / "indicator_model.json"
    out.write_text(json.dumps(model.to_dict(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    import sklearn

    card = {
        "name": "indicator", "task": "rank candidate spans naming what a quantity measures",
        "artifact": "analyser/data/indicator_model.json",
        "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
        "model": f"FeatureHasher(2**15, alternate_sign=False) + LogisticRegression(C={args.C}, fit_intercept=False), "
                 "fitted on feature differences of right and wrong candidates of one figure (pairwise ranking)",
        "consulted_when": f"the rule's span is missing or at most {SHORT_RULE} characters long",
        "random_seed": SEED,
        "versions": {"python": sys.version.split()[0], "scikit-learn": sklearn.__version__},
        "training_command": "PYTHONPATH=. .venv/bin/python models/train_indicators.py" + (f" --C {args.C}" if args.C != 0.3 else ""),
        "data": {"documents": sorted({g["doc"] for g in groups}), "gold_files": sorted({g["gold_file"] for g in groups}), "figures": len(groups),
                 "candidates": sum(len(g["labels"]) for g in groups),
                 "positives": sum(sum(g["labels"]) for g in groups)},
        "margin": margin,
        "cross_validation": {"folds": 5, "grouped_by": "document", "rule_accuracy": round(cv["rule"], 4),
                             "oracle": round(cv["oracle"], 4),
                             "by_margin": {str(m): round(r["accuracy"], 4) for m, r in cv["margins"].items()},
                             "folds_at_margin": cv["margins"][margin]["folds"]},
    }
    (ROOT / "models" / "indicator.json").write_text(json.dumps(card, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("wrote", out.relative_to(ROOT), "and models/indicator.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
