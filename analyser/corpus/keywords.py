"""Corpus-level keywords: TF-IDF over each document's content words.

The words come already segmented (jieba tokens, Simplified, see
:func:`analyser.corpus.store.prepare.document_terms`), so scikit-learn's ``TfidfVectorizer`` runs
with an identity analyzer: no second segmentation, no regex token pattern that would split
Chinese wrongly. Scores use sublinear term frequency and smoothed IDF; a word found in nearly
every document of a large corpus (``发展``, ``工作``) is dropped by ``max_df``.

Examples
--------
>>> tfidf_keywords([["扶贫", "搬迁"], ["就业", "扶贫"], ["扶贫", "教育"]], top=1)
[['搬迁'], ['就业'], ['教育']]
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

__all__ = ["tfidf_keywords", "tfidf_keywords_streamed", "tfidf_scores"]


def _identity(words: list[str]) -> list[str]:
    return words


def tfidf_scores(
    documents: Iterable[Sequence[str]], *, top: int = 10, n: int | None = None
) -> list[list[tuple[str, float]]]:
    """The ``top`` words of each document with their TF-IDF scores, best first.

    ``documents`` may be a generator: it is consumed once, as the sparse matrix is built, so
    a large corpus never needs all its words in memory as lists. ``n`` (the number of
    documents, when ``documents`` has no length) lets very common words be pruned. Ties are
    broken by the word itself, so the result is deterministic.

    >>> tfidf_scores([["甲乙", "丙丁"]], top=2)
    [[('丙丁', 0.7071), ('甲乙', 0.7071)]]
    """
    from sklearn.feature_extraction.text import TfidfVectorizer  # deferred: heavy import

    if n is None and hasattr(documents, "__len__"):
        n = len(documents)  # type: ignore[arg-type]
    max_df = 0.8 if n is not None and n >= 20 else 1.0
    vectorizer = TfidfVectorizer(
        analyzer=_identity, lowercase=False, sublinear_tf=True, smooth_idf=True, max_df=max_df
    )
    try:
        matrix = vectorizer.fit_transform(list(d) for d in documents).tocsr()
    except ValueError:  # no words at all, or every word pruned
        return [[] for _ in range(n or 0)]
    return _best(matrix, vectorizer.get_feature_names_out(), top)


def _best(matrix: Any, vocab: Any, top: int) -> list[list[tuple[str, float]]]:
    """The ``top`` words of each row of a TF-IDF matrix, best first (ties by the word)."""
    import numpy as np

    out = []
    for i in range(matrix.shape[0]):
        a, b = matrix.indptr[i], matrix.indptr[i + 1]
        scores = np.round(matrix.data[a:b], 4)
        cols = matrix.indices[a:b]
        if len(scores) > top:  # keep every word scoring at least the top-th best (ties included)
            cut = np.partition(scores, len(scores) - top)[len(scores) - top]
            keep = scores >= cut
            scores, cols = scores[keep], cols[keep]
        pairs = sorted(((str(vocab[j]), float(v)) for j, v in zip(cols, scores)), key=lambda p: (-p[1], p[0]))
        out.append(pairs[:top])
    return out


def tfidf_keywords(
    documents: Iterable[Sequence[str]], *, top: int = 10, n: int | None = None
) -> list[list[str]]:
    """The ``top`` keywords of each document (see :func:`tfidf_scores`)."""
    return [[w for w, _ in pairs] for pairs in tfidf_scores(documents, top=top, n=n)]


def tfidf_keywords_streamed(
    documents: Callable[[], Iterable[Sequence[str]]], *, top: int = 10, n: int | None = None, chunk: int = 100
) -> Iterator[list[str]]:
    """The keywords of :func:`tfidf_keywords`, one document at a time, in two passes over ``documents()``.

    The first pass counts each word's documents, the second scores ``chunk`` documents at a
    time against these counts (the same vocabulary, IDF and per-document arithmetic as the
    whole-corpus matrix, so the same words): memory grows with the distinct words and the
    chunk (a real-size document's words are a few hundred KB as strings), not with the corpus.

    >>> docs = [["扶贫", "搬迁"], ["就业", "扶贫"], ["扶贫", "教育"]]
    >>> list(tfidf_keywords_streamed(lambda: docs, top=1)) == tfidf_keywords(docs, top=1)
    True
    """
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer  # deferred: heavy import

    df: Counter[str] = Counter()
    count = 0
    for words in documents():
        df.update(set(words))
        count += 1
    n = count if n is None else n
    # as TfidfVectorizer's max_df: words in more than this share of the documents are dropped
    high = (0.8 if n >= 20 else 1.0) * count
    vocab = sorted(w for w, k in df.items() if k <= high)
    if not vocab:
        yield from ([] for _ in range(count))
        return
    freq = np.array([df[w] for w in vocab], dtype=np.float64)
    del df
    freq += 1.0  # smoothed IDF, computed as TfidfTransformer.fit does
    idf = np.full_like(freq, fill_value=count + 1, dtype=np.float64)
    idf /= freq
    np.log(idf, out=idf)
    idf += 1.0
    vectorizer = TfidfVectorizer(
        analyzer=_identity, lowercase=False, sublinear_tf=True, smooth_idf=True,
        vocabulary={w: i for i, w in enumerate(vocab)},
    )  # fmt: skip
    vectorizer.idf_ = idf
    names = np.array(vocab, dtype=object)
    batch: list[list[str]] = []
    for words in documents():
        batch.append(list(words))
        if len(batch) == chunk:
            yield from ([w for w, _ in pairs] for pairs in _best(vectorizer.transform(batch).tocsr(), names, top))
            batch = []
    if batch:
        yield from ([w for w, _ in pairs] for pairs in _best(vectorizer.transform(batch).tocsr(), names, top))
