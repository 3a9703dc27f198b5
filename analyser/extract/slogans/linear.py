"""The formulation classifier at run time: feature hashing and a logistic model in plain Python.

Training uses scikit-learn (``FeatureHasher`` + ``LogisticRegression``, see ``models/``); the
package scores with the exported coefficients alone, so an analysis never imports scikit-learn
(seconds at start) nor unpickles one of its objects. The export (``analyser/data/slogans_model.json``)
holds the hashing parameters, the intercept, the keep threshold and the non-zero coefficients by
slot; :func:`murmurhash3_32` computes the slot of a feature name exactly as scikit-learn does
(MurmurHash3, x86 32-bit, seed 0, on the UTF-8 bytes; slot ``abs(hash) % n_features``).

Examples
--------
>>> murmurhash3_32("src=quote"), murmurhash3_32("")
(-1632577769, 0)
>>> m = LinearModel(n_features=8, intercept=-1.0, weights={murmurhash3_32("a") % 8: 2.0})
>>> round(m.probabilities([{"a": 1}, {}])[0], 6), round(m.probabilities([{}])[0], 6)
(0.731059, 0.268941)
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["LinearModel", "export_pipeline", "murmurhash3_32"]

FORMAT = "policy-analyser/linear-model@1"
_C1, _C2, _MASK = 0xCC9E2D51, 0x1B873593, 0xFFFFFFFF


def murmurhash3_32(key: str, seed: int = 0) -> int:
    """MurmurHash3 (x86, 32-bit) of the UTF-8 bytes of ``key``, as a signed 32-bit integer."""
    data = key.encode("utf-8")
    n = len(data)
    h = seed & _MASK
    end = n - n % 4
    for i in range(0, end, 4):
        k = (data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24) * _C1 & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        h ^= k * _C2 & _MASK
        h = ((h << 13) | (h >> 19)) & _MASK
        h = (h * 5 + 0xE6546B64) & _MASK
    k = 0
    rest = n & 3
    if rest == 3:
        k ^= data[end + 2] << 16
    if rest >= 2:
        k ^= data[end + 1] << 8
    if rest >= 1:
        k ^= data[end]
        k = k * _C1 & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        h ^= k * _C2 & _MASK
    h ^= n
    h ^= h >> 16
    h = h * 0x85EBCA6B & _MASK
    h ^= h >> 13
    h = h * 0xC2B2AE35 & _MASK
    h ^= h >> 16
    return h - (1 << 32) if h & 0x80000000 else h


@dataclass
class LinearModel:
    """A logistic model over hashed feature dicts (string values one-hot as ``name=value``)."""

    n_features: int
    intercept: float
    weights: dict[int, float]
    alternate_sign: bool = False
    threshold: float = 0.5
    source: str = ""
    _slots: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)
    _signed: dict[str, float] = field(default_factory=dict, repr=False)

    def slot(self, name: str) -> tuple[int, int]:
        """``(slot, sign)`` of a feature name (remembered: a document repeats its names)."""
        found = self._slots.get(name)
        if found is None:
            h = murmurhash3_32(name)
            n = self.n_features
            index = (2147483647 - (n - 1)) % n if h == -2147483648 else abs(h) % n
            sign = -1 if self.alternate_sign and h < 0 else 1
            found = self._slots[name] = (index, sign)
        return found

    def signed_weight(self, name: str) -> float:
        """The coefficient of the slot of ``name`` times its sign (0.0 for a slot without one)."""
        w = self._signed.get(name)
        if w is None:
            index, sign = self.slot(name)
            w = self._signed[name] = self.weights.get(index, 0.0) * sign
        return w

    def decision(self, feats: Mapping[str, Any]) -> float:
        """The linear score of one feature dict (features with value 0 add nothing)."""
        total = 0.0
        signed, weight = self._signed, self.signed_weight
        for name, value in feats.items():
            if value.__class__ is str:
                name, value = name + "=" + value, 1.0
            elif not value:
                continue
            w = signed.get(name)
            if w is None:
                w = weight(name)
            if w:
                total += w * value  # an int is converted exactly, as float() would
        return total + self.intercept

    def probabilities(self, feats: Iterable[Mapping[str, Any]]) -> list[float]:
        """The probability of the positive class for each feature dict."""
        out = []
        for f in feats:
            z = self.decision(f)
            out.append(1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z)))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "source": self.source,
            "hashing": {"function": "murmurhash3_32", "seed": 0, "n_features": self.n_features,
                        "alternate_sign": self.alternate_sign},
            "intercept": self.intercept,
            "threshold": self.threshold,
            "weights": {str(i): w for i, w in sorted(self.weights.items())},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LinearModel:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} file")
        hashing = data["hashing"]
        return cls(
            n_features=int(hashing["n_features"]),
            intercept=float(data["intercept"]),
            weights={int(i): float(w) for i, w in data["weights"].items()},
            alternate_sign=bool(hashing["alternate_sign"]),
            threshold=float(data["threshold"]),
            source=str(data.get("source", "")),
        )

    @classmethod
    def load(cls, path: str | Path) -> LinearModel:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def export_pipeline(pipeline, threshold: float, source: str = "") -> LinearModel:
    """The :class:`LinearModel` of a fitted ``FeatureHasher`` + ``LogisticRegression`` pipeline."""
    hasher, logistic = pipeline[0], pipeline[-1]
    coef = logistic.coef_[0]
    return LinearModel(
        n_features=int(hasher.n_features),
        intercept=float(logistic.intercept_[0]),
        weights={int(i): float(coef[i]) for i in coef.nonzero()[0]},
        alternate_sign=bool(hasher.alternate_sign),
        threshold=float(threshold),
        source=source,
    )
