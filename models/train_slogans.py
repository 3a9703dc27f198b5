"""Training of the formulation classifier: ``python models/train_slogans.py [--repo DIR] [--shared DIR]``.

A development script beside the model card; the package only loads and scores the artifact
(:mod:`analyser.extract.slogans.model`).

Annotated documents: the seed gold (``../shared/gold/seed.gold.json``), the dev golds
(``../shared/gold/dev/*.gold.json``) and the project's own annotations
(``tests/gold/slogans/*.gold.json``, same ``slogans`` format) and the fresh annotations of archive
documents (``tests/gold/fresh/`` and ``tests/gold/fresh_slogans/``, formulations inside a window). Each candidate inside an annotated
scope is labelled 1 when it overlaps a gold formulation with intersection-over-union ≥ 0.5
(reported speech excluded), else 0. A candidate matching the secondary (rhetorical) tier is a
positive of weight ``--secondary-weight`` (0.3), and of weight 0 where that tier was listed liberally
(``fresh_slogans``). Cross-validation holds out whole documents.
"""
from __future__ import annotations

import hashlib
import json
import math
import platform
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyser.extract.slogans.candidates import Candidate, generate

__all__ = ["AnnotatedDoc", "load_annotations", "repo_root", "train"]


def repo_root() -> Path:
    """The repository holding this script (``models/`` -> root)."""
    return Path(__file__).resolve().parents[1]


@dataclass
class AnnotatedDoc:
    name: str
    text: str
    gold: list[dict]  # {"start", "end", "optional", "negative"}
    scope: tuple[int, int]
    #: whether the secondary tier counts as positive (its annotation lists only rhetorical formulas);
    #: False where the annotators listed it liberally, as spans not to penalise (fresh_slogans)
    secondary_positive: bool = True
    #: whether the document is one of the archive's (its own candidates are then counted in
    #: ``slogan_series.txt``, and training takes that document off the count)
    in_archive: bool = False
    #: whether bare coined formulations (新发展理念 standing alone) were annotated: the sets made since
    #: that convention; elsewhere (the seed, the dev files) they were left out by convention, so the
    #: ``coined`` candidates there are scored but not trained on
    coined_annotated: bool = False


def _resolve(item: dict, text: str) -> tuple[int, int] | None:
    if item.get("start") is not None and item.get("end") is not None:
        return int(item["start"]), int(item["end"])
    occ = item.get("occurrence")
    if occ is None:
        return None
    pos = -1
    for _ in range(int(occ) + 1):
        pos = text.find(item["surface"], pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(item["surface"])


def _scope(g: dict, text: str) -> tuple[int, int]:
    body = (g.get("meta") or {}).get("body") or {}
    a, b = body.get("start", 0), body.get("end", len(text))
    sc = g.get("scope") or {}
    if "start" in sc and "end" in sc:
        return max(a, sc["start"]), min(b, sc["end"])
    first, last = sc.get("first_sentence") or sc.get("first"), sc.get("last_sentence") or sc.get("last")
    if first and last:
        x, y = _resolve(first, text), _resolve(last, text)
        if x and y:
            return x[0], y[1]
    return a, b


def _doc(name: str, text: str, g: dict) -> AnnotatedDoc:
    gold = []
    for s in g.get("slogans") or []:
        span = _resolve(s, text)
        if span is None:
            continue
        gold.append({
            "start": span[0], "end": span[1],
            "negative": s.get("category") == "reported_speech",
            "optional": bool(s.get("optional")) or s.get("tier") == "secondary",
            "secondary": s.get("tier") == "secondary",
            "outer": (s["outer"]["start"], s["outer"]["end"]) if isinstance(s.get("outer"), dict)
            and s["outer"].get("start") is not None else None,
        })
    return AnnotatedDoc(name, text, gold, _scope(g, text))


def load_annotations(repo: Path | None = None, shared: Path | None = None) -> list[AnnotatedDoc]:
    """Every annotated document available (the shared golds are skipped when absent)."""
    from analyser.reading import read_path

    repo = repo or repo_root()
    shared = shared or (repo / ".." / "shared")
    docs = []
    seed = shared / "gold" / "seed.gold.json"
    if seed.exists():
        g = json.loads(seed.read_text(encoding="utf-8"))
        text = read_path(shared / "seed" / "000_29490935b5bb2ea4.txt").text
        docs.append(_doc("seed", text, g))
    golds = sorted((shared / "gold" / "dev").glob("*.gold.json")) if (shared / "gold" / "dev").exists() else []
    golds += sorted((repo / "tests" / "gold" / "slogans").glob("*.gold.json"))
    seen = set()
    for path in golds:
        name = path.name[: -len(".gold.json")]
        if name in seen:
            continue
        seen.add(name)
        src = shared / "corpus-real" / "dev" / name
        if not src.exists():
            continue
        g = json.loads(path.read_text(encoding="utf-8"))
        docs.append(_doc(name, read_path(src).text, g))
    # fresh annotations of archive documents (formulations inside a window): the gold names its file
    for folder in ("fresh", "fresh_slogans", "fresh_slogans2", "fresh_slogans3", "fresh_slogans4", "final_check_b"):
        for path in sorted((repo / "tests" / "gold" / folder).glob("*.gold.json")):
            g = json.loads(path.read_text(encoding="utf-8"))
            src = shared.parent / g["document"]["path"]
            name = path.name[: -len(".gold.json")]
            if ".s2hk" in name or not src.exists() or not g.get("slogans"):  # a script copy of another window
                continue
            if name in seen:  # another window of a document already read: named by its folder too
                name = f"{name}@{folder}"
            seen.add(name)
            doc = _doc(name, read_path(src).text, g)
            doc.secondary_positive = folder not in ("fresh_slogans", "fresh_slogans2", "fresh_slogans3", "fresh_slogans4",
                                                   "final_check_b")
            doc.in_archive = "/archive/" in g["document"]["path"]
            doc.coined_annotated = folder != "fresh"
            docs.append(doc)
    return docs


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def label(doc: AnnotatedDoc, cands: list[Candidate], *, secondary: int | None = 1) -> list[tuple[Candidate, int]]:
    """Candidates inside the scope with their 0/1 labels; a candidate matching a secondary-tier
    (rhetorical) parallel gets ``secondary`` (None: left out of training)."""
    out = []
    a, b = doc.scope
    for c in cands:
        if not (a <= c.start and c.end <= b):
            continue
        y = 0
        for g in doc.gold:
            spans = [(g["start"], g["end"])] + ([g["outer"]] if g["outer"] else [])
            if any(_iou((c.start, c.end), s) >= 0.5 for s in spans):
                y = 0 if g["negative"] else (secondary if g.get("secondary") else 1)
                break
        if y is not None:
            out.append((c, y))
    return out


def _doc_scores(doc: AnnotatedDoc, kept: list[Candidate]) -> tuple[int, int, int]:
    """(tp, n_pred, n_gold) with score.py's conventions: optional gold counts on neither side."""
    gold = [g for g in doc.gold if doc.scope[0] <= g["start"] and g["end"] <= doc.scope[1]]
    used: set[int] = set()
    tp = dropped = 0
    for c in kept:
        best, bi = 0.0, -1
        for i, g in enumerate(gold):
            if i in used:
                continue
            spans = [(g["start"], g["end"])] + ([g["outer"]] if g["outer"] else [])
            v = max(_iou((c.start, c.end), s) for s in spans)
            if v > best:
                best, bi = v, i
        if best >= 0.5:
            used.add(bi)
            if gold[bi]["optional"] or gold[bi]["negative"]:
                dropped += 1
            else:
                tp += 1
        elif any(g["optional"] and g["start"] <= c.start and c.end <= g["end"] for g in gold):
            dropped += 1
    n_gold = sum(1 for g in gold if not (g["optional"] or g["negative"]))
    return tp, len(kept) - dropped, n_gold


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | None]:
    if n_gold == 0:  # nothing scorable (only optional gold): precision/recall are undefined
        return {"p": None, "r": None, "f1": None, "pred": n_pred}
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _select(view: str, cands: list[Candidate], probs: list[float], threshold: float) -> list[Candidate]:
    from analyser.extract.slogans import select

    return select(view, cands, probs, threshold)


def _make_pipeline(seed: int):
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    # hashing (2**15 slots) encodes feature dicts like a DictVectorizer, several times faster
    return make_pipeline(FeatureHasher(n_features=2**15, alternate_sign=False),
                         LogisticRegression(C=0.5, max_iter=3000, class_weight="balanced", random_state=seed))


def train(repo: str | Path | None = None, shared: str | Path | None = None, *,
          secondary_weight: float = 0.3, threshold: float | None = None, folds: int = 0) -> dict[str, Any]:
    """Train on all annotations, cross-validate by document, write the artifact and the model card.

    ``threshold`` fixes the keep threshold; by default it is the lowest threshold whose
    cross-validated F1 is within 0.005 of the best."""
    repo = Path(repo) if repo else repo_root()
    docs = load_annotations(repo, Path(shared) if shared else None)
    if len(docs) < 2:
        raise SystemExit("need at least two annotated documents (is ../shared present?)")
    table = _candidate_table(docs, secondary_weight)
    fold_probs = _held_out_probabilities(table, folds)
    by_threshold = {t: _threshold_scores(docs, table, fold_probs, t) for t in _THRESHOLDS}
    # the lowest threshold within 0.005 of the best F1: on a tie, prefer recall
    top = max(by_threshold[t]["f1"] or 0.0 for t in _THRESHOLDS)
    cv_t = min(t for t in _THRESHOLDS if (by_threshold[t]["f1"] or 0.0) >= top - 0.005)
    best_t = cv_t if threshold is None else threshold
    if best_t not in by_threshold:
        by_threshold[best_t] = _threshold_scores(docs, table, fold_probs, best_t)
    final = _fit(table.X, table.y, table.w)
    data_path = _write_artifact(repo, final, best_t)
    card = _model_card(repo, docs, table, data_path, best_t, by_threshold, fold_probs, folds)
    card["secondary_weight"] = secondary_weight
    card["threshold_rule"] = ("fixed by --threshold" if threshold is not None else
                              "lowest threshold within 0.005 of the best cross-validated F1")
    card["threshold_by_cv"] = cv_t
    card["training_command"] = "python models/train_slogans.py" + (
        f" --secondary-weight {secondary_weight}" if secondary_weight != 0.3 else "") + (
        f" --threshold {threshold}" if threshold is not None else "") + (f" --folds {folds}" if folds > 1 else "")
    (repo / "models" / "slogans.json").write_text(json.dumps(card, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    from analyser.extract.slogans.model import load_model

    load_model.cache_clear()
    return card


#: Decision thresholds tried in cross-validation: 0.30, 0.35, … 0.80.
_THRESHOLDS = [round(0.3 + 0.05 * i, 2) for i in range(11)]


@dataclass
class _CandidateTable:
    """The candidates of every document with their features and labels."""

    views: list[str]  # each document's Simplified view
    candidates: list[list[Candidate]]  # per document
    features: list[list[dict]]  # per document, aligned with ``candidates``
    labels: list[list[int]]  # per document, aligned with ``candidates``
    weights: list[list[float]]  # per document: training weight of each candidate (0: left out)
    names: list[str] = field(default_factory=list)  # per document: its name (name@folder: another window)

    @property
    def X(self) -> list[dict]:
        return [f for feats in self.features for f in feats]

    @property
    def y(self) -> list[int]:
        return [v for labels in self.labels for v in labels]

    @property
    def w(self) -> list[float]:
        return [v for weights in self.weights for v in weights]


#: label :func:`label` gives a candidate matching the secondary tier, before it is weighted
_SECONDARY = 2


def _candidate_table(docs: list[AnnotatedDoc], secondary_weight: float = 0.3) -> _CandidateTable:
    """Generate, label, weight and featurize the candidates of every document. A candidate
    matching the secondary tier is a positive of weight ``secondary_weight`` (0 where the tier was
    listed liberally: scored, but not trained on)."""
    from analyser.extract.slogans.model import FeatureContext, featurize
    from analyser.extract.slogans.coined import coined_counts
    from analyser.extract.slogans.series import series_count, series_features
    from analyser.text.normalize import simplified_view
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # the miner beside this script
    from build_slogan_coined import framed as _framed

    table = _CandidateTable([], [], [], [], [])
    for doc in docs:
        ctx = FeatureContext.build(simplified_view(doc.text))
        labelled = label(doc, generate(ctx.view, set(ctx.bounds)), secondary=_SECONDARY)
        sec_w = secondary_weight if doc.secondary_positive else 0.0
        table.views.append(ctx.view)
        table.names.append(doc.name)
        table.candidates.append([c for c, _ in labelled])
        feats = [featurize(ctx, c) for c, _ in labelled]
        if doc.in_archive:  # the archive count holds this document: count the others only, and
            # as the file does (a wording in fewer than two other documents counts 0)
            for (c, _), f in zip(labelled, feats):
                if f["series_docs"]:
                    others = series_count(ctx.view[c.start:c.end]) - 1
                    f.update(series_features(others if others >= 2 else 0))
        table.features.append(feats)
        if doc.in_archive:  # likewise the coined list's document counts
            framed = _framed(ctx.view)
            for (c, _), f in zip(labelled, feats):
                phrase = ctx.view[c.start:c.end]
                if c.origin == "coined" and phrase in framed and phrase in coined_counts():
                    docs, years = coined_counts()[phrase]
                    f["coined_docs"] = math.log1p(docs - 1)
        table.labels.append([min(y, 1) for _, y in labelled])
        # a bare coined mention is trained on where the annotation lists such mentions, and not
        # where it matches an optional term (annotated as neither right nor wrong)
        table.weights.append([0.0 if c.origin == "coined" and (not doc.coined_annotated or _optional_match(doc, c))
                              else sec_w if y == _SECONDARY else 1.0 for c, y in labelled])
    return table


def _optional_match(doc: AnnotatedDoc, c: Candidate) -> bool:
    """Whether ``c`` matches an optional gold formulation (a generic long term: 以人民为中心)."""
    return any(g["optional"] and not g.get("secondary") and _iou((c.start, c.end), (g["start"], g["end"])) >= 0.5
               for g in doc.gold)


def _fit(X: list[dict], y: list[int], w: list[float]):
    """The pipeline fitted on the rows of non-zero weight."""
    from analyser.extract.slogans.model import SEED

    rows = [i for i, v in enumerate(w) if v > 0]
    return _make_pipeline(SEED).fit([X[i] for i in rows], [y[i] for i in rows],
                                    logisticregression__sample_weight=[w[i] for i in rows])


def _held_out_probabilities(table: _CandidateTable, folds: int = 0) -> list[list[float]]:
    """Every document's candidates scored by a model that never saw it: leave one document out,
    or with ``folds`` > 1 that many groups of whole documents (document i in group i mod folds; the
    windows of one document count as one document)."""
    from analyser.extract.slogans.model import lexicon_override

    n = len(table.features)
    # the windows of one document (name@folder) stay in one group
    keys = list(dict.fromkeys(d.split("@")[0] for d in table.names))
    of = [keys.index(d.split("@")[0]) for d in table.names]
    m = len(keys) if folds < 2 else min(folds, len(keys))
    groups = [[i for i in range(n) if of[i] % m == k] for k in range(m)]
    out: list[list[float]] = [[] for _ in range(n)]
    for held in groups:
        skip = set(held)
        X = [f for dj, fs in enumerate(table.features) if dj not in skip for f in fs]
        y = [v for dj, ls in enumerate(table.labels) if dj not in skip for v in ls]
        w = [v for dj, ws in enumerate(table.weights) if dj not in skip for v in ws]
        model = _fit(X, y, w)
        for di in held:
            feats = table.features[di]
            out[di] = lexicon_override(feats, [float(p) for p in model.predict_proba(feats)[:, 1]]) if feats else []
    return out


def _threshold_scores(docs, table: _CandidateTable, probs: list[list[float]], t: float) -> dict:
    """Micro precision, recall and F1 over all documents at threshold ``t``."""
    tot = [0, 0, 0]
    for di, doc in enumerate(docs):
        kept = _select(table.views[di], table.candidates[di], probs[di], t)
        for k, v in enumerate(_doc_scores(doc, kept)):
            tot[k] += v
    return _prf(*tot)


def _write_artifact(repo: Path, pipeline, threshold: float) -> Path:
    """The fitted pipeline beside the card and its export in the package's data folder; the
    export's path."""
    import joblib
    import sklearn

    from analyser.extract.slogans.model import ARTIFACT

    artifact = {"pipeline": pipeline, "threshold": threshold, "sklearn": sklearn.__version__}
    models = repo / "models"
    models.mkdir(exist_ok=True)
    joblib.dump(artifact, models / ARTIFACT)
    return export(artifact, repo)


def export(artifact: dict, repo: Path) -> Path:
    """Write the coefficients of a fitted artifact to ``analyser/data/slogans_model.json``."""
    from analyser.extract.slogans.linear import export_pipeline
    from analyser.extract.slogans.model import MODEL

    source = ("exported by models/train_slogans.py from models/slogans.joblib "
              f"(scikit-learn {artifact.get('sklearn', '?')}); see models/README.md")
    linear = export_pipeline(artifact["pipeline"], artifact["threshold"], source)
    path = repo / "analyser" / "data" / MODEL
    path.write_text(json.dumps(linear.to_dict(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return path


def _model_card(repo, docs, table: _CandidateTable, data_path: Path, best_t: float, by_threshold, probs, folds: int = 0) -> dict:
    """The model card: data, versions, threshold and the cross-validated figures."""
    import joblib
    import sklearn

    from analyser.extract.slogans.model import ARTIFACT, MODEL, SEED

    per_doc_scores = {}
    cand_tp = cand_fp = cand_fn = 0
    for di, doc in enumerate(docs):
        kept = _select(table.views[di], table.candidates[di], probs[di], best_t)
        counts = _doc_scores(doc, kept)
        per_doc_scores[doc.name] = dict(_prf(*counts), tp=counts[0], pred=counts[1], gold=counts[2])
        for p, yy, ww in zip(probs[di], table.labels[di], table.weights[di]):
            if ww == 0:
                continue
            cand_tp += int(p >= best_t and yy == 1)
            cand_fp += int(p >= best_t and yy == 0)
            cand_fn += int(p < best_t and yy == 1)
    y = table.y
    return {
        "name": "slogans",
        "task": "keep or drop rule candidates of official formulations (提法)",
        "artifact": f"analyser/data/{MODEL} (the coefficients the package scores with, no scikit-learn at run "
                    f"time); models/{ARTIFACT} is the fitted scikit-learn pipeline they were exported from",
        "sha256": hashlib.sha256(data_path.read_bytes()).hexdigest(),
        "model": "FeatureHasher(2**15, alternate_sign=False) + LogisticRegression(C=0.5, class_weight=balanced), "
                 "secondary-tier positives down-weighted",
        "random_seed": SEED,
        "versions": {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
                     "joblib": joblib.__version__},
        "training_command": "python models/train_slogans.py",
        "data": {
            "documents": [{"name": d.name, "scope": list(d.scope), "gold": len(d.gold),
                           "source": next((f"tests/gold/{f}" for f in ("slogans", "fresh", "fresh_slogans", "fresh_slogans2", "fresh_slogans3", "final_check_b")
                                           if (repo / "tests" / "gold" / f / f"{d.name}.gold.json").exists()),
                                          "../shared/gold")} for d in docs],
            "candidates": sum(1 for v in table.w if v > 0), "positives": sum(1 for v, ww in zip(y, table.w) if v and ww > 0),
            "secondary_positives": sum(1 for v, ww in zip(y, table.w) if v and 0 < ww < 1),
        },
        "threshold": best_t,
        "cross_validation": {
            "scheme": "leave one document out (grouped by document)" if folds < 2 else
                      f"{folds} groups of whole documents (document i in group i mod {folds})",
            "scoring": "lenient (IoU >= 0.5) against the gold in each document's scope; optional and "
                       "secondary-tier gold count on neither side, as in the shared scorer",
            "micro": by_threshold[best_t],
            "per_document": per_doc_scores,
            "candidate_level": _prf(cand_tp, cand_tp + cand_fp, cand_tp + cand_fn),
            "by_threshold": {str(t): v for t, v in by_threshold.items()},
        },
    }


def main(argv: list[str] | None = None) -> int:
    """Train, cross-validate by document, and write the artifact, its export and the card."""
    import argparse

    ap = argparse.ArgumentParser(prog="python models/train_slogans.py", description=__doc__.split("\n")[0])
    ap.add_argument("--repo", default=None, help="repository root (default: the folder above this script)")
    ap.add_argument("--shared", default=None, help="the shared folder with gold/ and corpus-real/")
    ap.add_argument("--secondary-weight", type=float, default=0.3,
                    help="training weight of candidates matching the secondary (rhetorical) tier (default 0.3)")
    ap.add_argument("--threshold", type=float, default=None,
                    help="fix the keep threshold (default: the lowest within 0.005 of the best cross-validated F1)")
    ap.add_argument("--folds", type=int, default=0,
                    help="cross-validate on this many groups of whole documents (default 0: leave one document out)")
    ap.add_argument("--export-only", action="store_true",
                    help="export models/slogans.joblib to analyser/data/slogans_model.json without training")
    args = ap.parse_args(argv)
    if args.export_only:
        import joblib

        repo = Path(args.repo) if args.repo else repo_root()
        path = export(joblib.load(repo / "models" / "slogans.joblib"), repo)
        print(f"wrote {path}")
        return 0
    card = train(repo=args.repo, shared=args.shared, secondary_weight=args.secondary_weight, threshold=args.threshold,
                 folds=args.folds)
    print(json.dumps(card["cross_validation"], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
