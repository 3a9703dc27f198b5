"""The formulation classifier: features of rule candidates, training, and the shipped artifact.

Rule candidates (:mod:`analyser.extract.slogans.candidates`) are described by shape features (member
count and lengths, a shared frame such as 靠X / X得X / 有X), context cues (按照…的原则), word
classes of the members (verb-object pairs against plain noun lists), reported-speech cues for
quotes, and matches in the packaged lexicon. A logistic regression over hashed features scores
them; candidates at or above the stored threshold are kept, and so is a candidate spelling a known
formulation of the lexicon exactly.

Training (scikit-learn's ``FeatureHasher`` + ``LogisticRegression``) reads the hand annotations
(the seed gold, the dev golds and ``tests/gold/slogans/``), cross-validates by document and writes
the fitted pipeline to ``models/slogans.joblib`` and its coefficients to
``analyser/data/slogans_model.json``, which the package scores with in plain Python
(:mod:`.linear`), without scikit-learn::

    python models/train_slogans.py

Examples
--------
>>> from analyser.extract.slogans.candidates import Candidate
>>> ctx = FeatureContext.build("按照“物理隔离、封闭运行、专款专用”的原则。")
>>> f = featurize(ctx, Candidate(3, 17, "quote", parts=((3, 7), (8, 12), (13, 17)), outer=(2, 18)))
>>> f["n_parts"], f["eq_len"], f["post_cue"]
(3, 1, 1)
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from operator import le
from os.path import commonprefix
from pathlib import Path
from typing import Any

from analyser import data
from analyser.facts import Token

from .base import _JOINERS
from .candidates import NUMERALS, Candidate, numeral_value
from .coined import coined_features
from .lexicon import cue_pattern, cues, known_formulations, known_parts, member_to_family
from .series import COUNTED, series_count, series_features

__all__ = ["ARTIFACT", "MODEL", "FeatureContext", "featurize", "lexicon_override", "load_model", "score_candidates"]

#: The fitted scikit-learn pipeline (training output, kept in ``models/``; read only when no export is there).
ARTIFACT = "slogans.joblib"
#: The exported coefficients the package scores with (``analyser/data/``).
MODEL = "slogans_model.json"
SEED = 20260705
_PRONOUN = re.compile(r"[我你他她咱俺]")
_TAIL_PARTICLE = re.compile(r"[了啊呢吗吧呀哇啦]$")
_DIGIT = re.compile(r"[0-9％%]")
_PLACE_END = set("省市县区州盟旗乡镇村")


@dataclass(frozen=True)
class FeatureContext:
    """What features read: the view, word boundaries and the word at each offset.

    Built once per document; it also holds what every candidate's features look up: the sorted word
    starts and the first letter of each word's tag, so a span's word classes are one slice.
    """

    view: str
    bounds: frozenset[int]
    words: dict[int, tuple[str, str, int]]  # start -> (norm, tag, end)
    starts: list[int] = field(default_factory=list, repr=False, compare=False)  # sorted keys of words
    #: the first letter of each word's tag, in the order of ``starts``; "" when the words overlap
    #: or a tag is empty (then spans are read word by word)
    classes: str = field(default="", repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.starts and self.words:
            starts = sorted(self.words)
            object.__setattr__(self, "starts", starts)
            found = list(map(self.words.__getitem__, starts))
            classes = "".join([w[1][:1] for w in found])
            if len(classes) == len(starts) and all(map(le, [w[2] for w in found], islice(starts, 1, None))):
                object.__setattr__(self, "classes", classes)

    @classmethod
    def build(cls, view: str, tokens: tuple[Token, ...] | list[Token] | None = None) -> FeatureContext:
        """Build from the view and its tokens (segmented here when not given)."""
        if not tokens:
            from analyser.text.segment import get_tokenizer

            tokens = get_tokenizer().tokenize(view, view)
        # comprehensions over the token tuples: several times faster than a loop of set.add calls
        words = {t[0]: (t[3], t[4], t[1]) for t in tokens}  # Token: start, end, text, norm, tag
        bounds = frozenset(words).union([t[1] for t in tokens], (0, len(view)))
        return cls(view, bounds, words)

    def words_in(self, a: int, b: int) -> list[tuple[str, str]]:
        """``(word, tag)`` of the words starting inside ``[a, b)``: from the first word starting at
        or after ``a``, each next one is the first starting at or after the end of the last."""
        out = []
        starts, words = self.starts, self.words
        i = bisect_left(starts, a)
        n = len(starts)
        while i < n:
            pos = starts[i]
            if pos >= b:
                break
            w = words[pos]
            out.append((w[0], w[1]))
            end = w[2]
            i += 1
            if i < n and starts[i] < end:  # a word starting inside the last one (never with jieba's tokens)
                i = bisect_left(starts, end, i)
        return out

    def word_classes(self, a: int, b: int) -> tuple[str, bool, int, bool, str]:
        """What the word-class features read of the span ``[a, b)`` (see :func:`_word_classes`):
        the class (first tag letter) of its first word, whether all its words are nouns, its word
        count, whether it is a verb-object pair, and its first three classes ("x" for no word)."""
        if not self.classes:
            return _word_classes_of([tag for _, tag in self.words_in(a, b)] or ["x"])
        # the words do not overlap: those starting inside [a, b) are one slice of the sorted starts
        seq = self.classes[bisect_left(self.starts, a):bisect_left(self.starts, b)] or "x"
        first = seq[0]
        n = len(seq)
        return first, not seq.strip("nsr"), n, n == 2 and first == "v" and seq[1] in "nv", seq[:3]


def _word_classes_of(t: list[str]) -> tuple[str, bool, int, bool, str]:
    """:meth:`FeatureContext.word_classes` of a list of tags, some of them empty."""
    first = t[0][:1]
    return (first, all(s[:1] in "nsr" for s in t), len(t), len(t) == 2 and first == "v" and t[1][:1] in "nv",
            "".join(s[:1] for s in t[:3]))


def _common_prefix(strs: list[str]) -> int:
    return len(commonprefix(strs)) if strs else 0


def _common_suffix(strs: list[str]) -> int:
    return _common_prefix([s[::-1] for s in strs])


class _View:
    """One candidate as the feature groups read it."""

    __slots__ = ("b0", "c", "ctx", "cue", "equal_lengths", "lens", "n", "parts", "post", "pre", "text")

    def __init__(self, ctx: FeatureContext, c: Candidate, text: str, parts: list[str], lens: list[int],
                 pre: str, post: str, b0: int) -> None:
        self.ctx, self.c, self.text, self.parts, self.lens = ctx, c, text, parts, lens
        self.pre = pre  # the four characters before the candidate (quotes included)
        self.post = post  # the four characters after it
        self.b0 = b0  # where the candidate ends, quotes included
        self.n = n = len(parts)  # the members (the whole text when there are none)
        self.equal_lengths = n > 1 and len(set(lens)) == 1
        self.cue = cue_pattern("before", "$").search(pre)  # the cue word right before the candidate


def featurize(ctx: FeatureContext, c: Candidate) -> dict[str, Any]:
    """Feature dict of one candidate (strings are one-hot encoded by the vectorizer): the groups
    below, in this order."""
    v = ctx.view
    text = v[c.start:c.end]
    parts = [v[a:b] for a, b in c.parts] or [text]
    a0, b0 = c.outer if c.outer else (c.start, c.end)
    x = _View(ctx, c, text, parts, [len(p) for p in parts], v[max(0, a0 - 4):a0], v[b0:b0 + 4], b0)
    f: dict[str, Any] = {}
    for group in _GROUPS:
        group(x, f)
    if c.outer is not None:
        _speech(x, f)
    if c.origin == "numbered":
        _numbered(x, f)
    if c.origin == "coined":
        f.update(coined_features(text, x.pre, x.post))
    return f


def _form(x: _View, f: dict[str, Any]) -> None:
    """How the candidate was found and its shape: member count and lengths, shared ends, digits."""
    c, text, lens, n = x.c, x.text, x.lens, x.n
    size = len(text)
    f["src"] = c.origin
    f["quoted"] = int(c.outer is not None)
    f["in_title"] = int(c.in_title)
    f["n_parts"] = min(n, 8)
    f["log_len"] = math.log1p(size)
    f["len_le4"] = int(size <= 4)
    f["len_gt15"] = int(size > 15)
    f["len_gt30"] = int(size > 30)
    f["eq_len"] = int(x.equal_lengths)
    longest, shortest = max(lens), min(lens)
    f["len_spread"] = (longest - shortest) if n > 1 else 0
    f["max_part"] = min(longest, 12)
    f["min_part"] = min(shortest, 12)
    f["prefix"] = min(_common_prefix(x.parts), 3) if n > 1 else 0
    f["suffix"] = min(_common_suffix(x.parts), 3) if n > 1 else 0
    f["digit"] = int(bool(_DIGIT.search(text)))


def _context(x: _View, f: dict[str, Any]) -> None:
    """The characters around the candidate and the cues there (按照…的原则, …等)."""
    post = x.post
    f["pre1=" + x.pre[-1:]] = 1
    f["post1=" + post[:1]] = 1
    f["pre_cue"] = int(bool(x.cue))
    f["post_cue"] = int(bool(cue_pattern("after", "^").match(x.ctx.view[x.b0:x.b0 + 8])))
    f["post_deng"] = int(post.startswith("等"))
    f["post_de"] = int(post.startswith("的"))


def _lexicon(x: _View, f: dict[str, Any]) -> None:
    """Alignment with word boundaries and matches in the packaged lexicon."""
    c, bounds = x.c, x.ctx.bounds
    f["aligned"] = int(c.start in bounds and c.end in bounds)
    f["parts_aligned"] = sum(1 for a, b in c.parts if a in bounds and b in bounds) / max(1, len(c.parts))
    f["known"] = int(x.text.replace("、", "").replace("，", "") in known_formulations())
    known = known_parts()
    f["known_parts"] = sum(1 for p in x.parts if p in known) / x.n
    f["family_member"] = int(x.text in member_to_family())


def _member_marks(x: _View, f: dict[str, Any]) -> None:
    """Place names among the members, 的 inside, the separators used."""
    f["place_parts"] = sum(1 for p in x.parts if p[-1:] in _PLACE_END) / x.n
    f["de_inside"] = int("的" in x.text)
    f["sep_comma"] = int("，" in x.text)
    f["sep_dun"] = int("、" in x.text)
    # the last member joined by 和/及/与 after 、 (能源、交通、通信和原材料): the way plain lists end
    parts = x.c.parts
    f["joined_last"] = int(len(parts) >= 2 and "、" in x.text and x.ctx.view[parts[-2][1]:parts[-1][0]] in _JOINERS)


def _frame(x: _View, f: dict[str, Any]) -> None:
    """A shared frame at fixed positions of equal-length members: 宜X则X, X得X, 靠X."""
    parts, lens = x.parts, x.lens
    if x.equal_lengths:
        # member shape class: which places the members share (更X: "=_", X有所X: "_==_")
        shape = "".join("=" if len(set(chars)) == 1 else "_" for chars in zip(*parts))
        f["shared_pos"] = shape.count("=") / lens[0]
        f["shape=" + shape] = 1
    many = x.n > 1
    f["all4"] = int(many and all(n == 4 for n in lens))
    f["all3"] = int(many and all(n == 3 for n in lens))


def _by_origin(x: _View, f: dict[str, Any]) -> None:
    """The main shape and cue features again, per way of finding the candidate."""
    src = x.c.origin
    f[src + ":n_parts"] = min(x.n, 8)
    for name in ("eq_len", "pre_cue", "post_cue", "log_len", "prefix", "suffix"):
        f[src + ":" + name] = f[name]


def _cue_word(x: _View, f: dict[str, Any]) -> None:
    """The cue word before the candidate, when longer than one character (坚持, 按照)."""
    m = x.cue
    if m and len(m.group()) > 1:
        f["pre=" + m.group()] = 1


def _word_classes(x: _View, f: dict[str, Any]) -> None:
    """Word classes of the members: verb-object pairs and 4-character phrases against noun lists,
    and syntactic parallelism (members with one coarse word-class sequence: "na" for 系统完备、科学规范)."""
    c, n = x.c, x.n
    classes = [x.ctx.word_classes(a, b) for a, b in c.parts or ((c.start, c.end),)]
    first = [w[0] for w in classes]
    nouns = single = pairs = two = 0  # counts, one pass
    for w in classes:
        if w[1]:
            nouns += 1
        if w[2] == 1:
            single += 1
        elif w[2] == 2:
            two += 1
            if w[3]:
                pairs += 1
    f["verb_first"] = first.count("v") / n
    f["noun_only"] = nouns / n
    f["single_word"] = single / n
    f["adj_first"] = (first.count("a") + first.count("d")) / n
    f["verb_object"] = pairs / n
    f["two_words"] = two / n
    f["first_tag=" + first[0]] = 1
    seqs = [w[4] for w in classes]
    f["tags_parallel"] = int(n > 1 and len(set(seqs)) == 1)
    if n > 1:
        f["tagseq=" + seqs[0]] = 1
    f["frame_tags=" + "".join(sorted(set(first)))] = 1
    if n > 1:
        for p in x.parts:
            f["mlast=" + p[-1:]] = f.get("mlast=" + p[-1:], 0) + 1 / n
            f["mfirst=" + p[:1]] = f.get("mfirst=" + p[:1], 0) + 1 / n


def _recurrence(x: _View, f: dict[str, Any]) -> None:
    """In how many archive documents the wording recurs (:mod:`.series`); quotes and numbered
    formulas are found without it. (Recurrence inside the document is not a feature: a long
    document is analysed a stretch at a time, and a feature may read only a few characters around
    its candidate.)"""
    if x.c.outer is not None or x.c.origin not in COUNTED:
        f.update(series_features(0))
        return
    f.update(series_features(series_count(x.text)))


_GROUPS = (_form, _context, _lexicon, _member_marks, _frame, _by_origin, _cue_word, _word_classes, _recurrence)


def _speech(x: _View, f: dict[str, Any]) -> None:
    """Reported speech in a quotation: pronouns, final particles, a colon or speech verb before it."""
    text, pre = x.text, x.pre
    f["q_pronoun"] = int(bool(_PRONOUN.search(text)))
    f["q_particle"] = int(bool(_TAIL_PARTICLE.search(text)))
    f["q_colon"] = int(pre.endswith(("：", ":")))
    f["q_speech"] = int(any(w in pre for w in cues()["speech"]))
    f["q_commas"] = min(text.count("，"), 4)
    f["q_sentence"] = int(bool(re.search(r"[。！？]", text)))


def _numbered(x: _View, f: dict[str, Any]) -> None:
    """A numbered formula: the count it names, its members listed nearby, its head word."""
    text = x.text
    val = numeral_value(text) or 0
    f["num_value"] = min(val, 10)
    f["num_members"] = int(bool(x.c.members))
    f["num_head"] = int(any(text.endswith(h) for h in cues()["head"]))
    f["num_ge"] = int(bool(re.match(rf"^[{NUMERALS}]个", text)))
    f["num_da"] = int(bool(re.match(rf"^[{NUMERALS}]大", text)))
    f["num_multi"] = int(sum(1 for ch in text if ch in NUMERALS) >= 2)


def _artifact_path() -> Path:
    return data.path(ARTIFACT)


@lru_cache(maxsize=1)
def load_model() -> dict | None:
    """The trained model, loaded once: ``{"linear": LinearModel, "threshold"}`` from the exported
    coefficients, else ``{"pipeline", "threshold", ...}`` from a scikit-learn artifact in
    ``analyser/data/``; None when neither is there.

    An artifact that this scikit-learn cannot read (one pickled by a distant version) gives a
    warning and the rule scores, rather than failing every analysis.
    """
    from .linear import LinearModel

    exported = data.path(MODEL)
    if exported.exists():
        linear = LinearModel.load(exported)
        return {"linear": linear, "threshold": linear.threshold}
    path = _artifact_path()
    if not path.exists():
        return None
    import warnings

    import joblib

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # version notes of close releases
            return joblib.load(path)
    except Exception as exc:  # noqa: BLE001 - any unpickling failure
        warnings.warn(f"the formulation model {path} could not be loaded ({exc}); using rule scores", stacklevel=2)
        return None


def _fallback_score(f: dict[str, Any]) -> float:
    """Rule score used only when no artifact is installed."""
    s = 0.2
    if f["quoted"]:
        s += 0.5 - 0.3 * f.get("q_pronoun", 0) - 0.2 * f.get("q_sentence", 0)
    if f["src"] == "numbered":
        s += 0.2 + 0.2 * f.get("num_members", 0)
    s += 0.2 * f["eq_len"] + 0.15 * f["pre_cue"] + 0.15 * f["post_cue"] + 0.3 * f["known"]
    s -= 0.3 * f["noun_only"] + 0.3 * f["digit"] + 0.3 * f["post_deng"] + 0.3 * f["place_parts"]
    return max(0.0, min(1.0, s))


def score_candidates(ctx: FeatureContext, cands: list[Candidate]) -> tuple[list[float], float]:
    """Probability that each candidate is a formulation, and the keep threshold."""
    if not cands:
        return [], 0.5
    model = load_model()
    if model is not None and "linear" in model:
        # one candidate at a time: the feature dicts of a long document are never all held at once
        linear, probs = model["linear"], []
        for c in cands:
            f = featurize(ctx, c)
            probs.append(lexicon_override([f], linear.probabilities([f]))[0])
        return probs, float(model["threshold"])
    feats = [featurize(ctx, c) for c in cands]
    if model is None:
        return [_fallback_score(f) for f in feats], 0.5
    probs = [float(p) for p in model["pipeline"].predict_proba(feats)[:, 1]]
    return lexicon_override(feats, probs), float(model["threshold"])


def lexicon_override(feats: list[dict[str, Any]], probs: list[float]) -> list[float]:
    """A candidate of parallel or numbered shape spelling a known formulation (four or more
    characters) exactly is kept; bare lexicon matches are left to the classifier."""
    return [1.0 if f["known"] and f["src"] != "lexicon" and f["log_len"] >= math.log1p(4) else p
            for f, p in zip(feats, probs)]
