"""Word segmentation and part-of-speech tags with a private jieba tokenizer.

The tokenizer never touches jieba's process-wide default instance: it owns a tokenizer with
jieba's dictionary and the project's policy vocabulary (``analyser/data/user_dict.txt``) added to
it. It segments the Simplified *view* line by line (long documents are processed in paragraph
chunks) and maps every word back to the original text, which has the same length.

Segmentation runs on ``rjieba`` (a binding of jieba-rs: jieba's dictionary, directed acyclic graph,
dynamic programming and HMM, compiled) where its wheel is installed, else on ``jieba`` itself. The
two agree on word boundaries except for runs of Latin letters, digits and ``-._`` that are no
dictionary word (``2026-02-09``, ``www.gov.cn``): jieba splits them at the punctuation, and so does
the tokenizer after ``rjieba`` (``backend`` chooses one explicitly).

Tags come from jieba's dictionary (the tags ``jieba.posseg`` uses); words that the dictionary does
not know (found by the segmentation HMM) are tagged by jieba's character-level POS model
(:mod:`.posmodel`), run on those words only. This keeps tagging close to ``jieba.posseg`` at nearly the speed of plain
segmentation. The model's tags of the unknown words met in the real archive are shipped
(``analyser/data/oov_tags.tsv``, built by ``models/build_oov_tags.py``), so most unseen text needs
no model run at all.

Examples
--------
>>> tok = PolicyTokenizer()
>>> [t.text for t in tok.tokenize("推進易地扶貧搬遷。")]
['推進', '易地扶貧搬遷', '。']
>>> [t.norm for t in tok.tokenize("推進易地扶貧搬遷。")]
['推进', '易地扶贫搬迁', '。']
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import lru_cache, partial
from itertools import accumulate, compress, islice
from operator import not_
from pathlib import Path
from typing import NamedTuple

from analyser import data
from analyser.facts import Token

from .normalize import simplified_view
from .posmodel import jieba_folder as _jieba_folder
from .posmodel import pos_model as _pos_model  # noqa: F401  (the model's tables, as jieba reads them)
from .posmodel import pos_viterbi as _pos_viterbi

__all__ = ["USER_DICT", "PolicyTokenizer", "Segmentation", "get_tokenizer"]

USER_DICT = "user_dict.txt"
OOV_TAGS = "oov_tags.tsv"

_NUMERIC = re.compile(r"^[0-9.,%]+$")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9.+#&_-]*$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: How jieba splits a run of Latin letters, digits and ``+#&._%-`` it does not know, and the runs
#: it would split at all (those that are not one piece already, as 2026 or 3.5% are).
_ASCII_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_ASCII_SPLIT = re.compile(r"(?![a-zA-Z0-9]+(?:\.\d+)?%?\Z)[a-zA-Z0-9+#&._%-]{2,}")


#: Token from a ``(start, end, text, norm, tag)`` tuple, without a Python-level call per token.
_TOKEN = partial(tuple.__new__, Token)


class _Tags(dict):
    """word -> tag: the dictionary's tags, and those of other words as ``unknown`` finds them.

    A word the dictionary lacks is tagged once by ``unknown`` and kept beside the dictionary's
    words (``guessed`` names them), so tagging a list of words is one ``map`` over
    ``__getitem__`` without a Python call per word met before.
    """

    __slots__ = ("guessed", "unknown")

    def __init__(self, tags: dict[str, str], unknown) -> None:
        super().__init__(tags)
        self.unknown = unknown
        self.guessed: set[str] = set()

    def __missing__(self, word: str) -> str:
        tag = self[word] = self.unknown(word)
        self.guessed.add(word)
        return tag

    def known(self, word: str) -> str | None:
        """The dictionary's tag of ``word``; None when the dictionary lacks it."""
        return None if word in self.guessed else self.get(word)

    def forget(self) -> None:
        """Drop the tags of the words the dictionary lacks."""
        for word in self.guessed:
            del self[word]
        self.guessed = set()


class Segmentation(NamedTuple):
    """A text cut into pieces that tile it: words, white space and line breaks.

    ``norms[i]`` is a piece of the Simplified view, ``surfaces[i]`` the same characters of the
    original text (the same string where they are equal), ``offsets[i]``/``offsets[i + 1]`` its
    start and end, ``tags[i]`` its POS tag (``x`` for white space).
    """

    surfaces: list[str]
    norms: list[str]
    offsets: list[int]
    tags: list[str]

    def tokens(self) -> tuple[Token, ...]:
        """The :class:`~analyser.facts.Token` of every piece that is not white space."""
        offsets, norms = self.offsets, self.norms
        rows = zip(offsets, islice(offsets, 1, None), self.surfaces, norms, self.tags)
        return tuple(map(_TOKEN, compress(rows, map(not_, map(str.isspace, norms)))))


def _has_rjieba() -> bool:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return False
    return True


def _jieba_dictionary() -> tuple[dict[str, str], dict[str, str]]:
    """The POS tag (what ``jieba.posseg`` reads) and the frequency, as written, of every word of
    jieba's dictionary (``dict.txt``: ``word freq tag`` per line)."""
    fields = (_jieba_folder() / "dict.txt").read_bytes().decode("utf-8").split()
    words = fields[0::3]
    return dict(zip(words, fields[2::3])), dict(zip(words, fields[1::3]))


def _read_user_dict(path: Path | None) -> list[tuple[str, int | None, str | None]]:
    if path is None:
        text = data.read_text(USER_DICT)
    else:
        text = Path(path).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        entries.append((word, freq, tag))
    return entries


class PolicyTokenizer:
    """Segments and tags Chinese text; tokens carry offsets into the original text.

    Parameters
    ----------
    user_dict : path of an extra dictionary (``word [freq] [tag]`` per line) instead of the
        packaged policy vocabulary; ``None`` uses the packaged one.
    hmm : let jieba's HMM join characters into words it does not know (default True).
    backend : ``"rjieba"``, ``"jieba"`` or ``"auto"`` (rjieba when installed, else jieba).
    oov_table : look the tags of unknown words up in the shipped table before running the model.
    """

    def __init__(
        self, user_dict: str | Path | None = None, *, hmm: bool = True, backend: str = "auto", oov_table: bool = True
    ) -> None:
        if backend == "auto":
            backend = "rjieba" if _has_rjieba() else "jieba"
        if backend not in ("rjieba", "jieba"):
            raise ValueError(f"unknown tokenizer backend {backend!r}")
        self.backend = backend
        self._user = _read_user_dict(Path(user_dict) if user_dict else None)
        self._hmm = hmm
        self._shipped: dict[str, str] = dict(data.table(OOV_TAGS)) if oov_table else {}
        self._jieba = None  # jieba's own tokenizer: the segmenter of the jieba backend
        #: word -> frequency (jieba's ``FREQ`` for the words it counts) when jieba is not loaded
        self._freqs: dict[str, str | int] | None = None
        if backend == "rjieba":
            import rjieba

            self._rj = rjieba.Jieba()
            for word, freq, tag in self._user:
                self._rj.add_word(word, freq, tag)
            tags, freqs = _jieba_dictionary()
            self._tags = _Tags(tags, self._unknown_tag)
            if all(freq is not None for _, freq, _ in self._user):  # else jieba guesses them
                freqs.update((word, freq) for word, freq, _ in self._user)
                self._freqs = freqs
        else:
            import jieba.posseg

            self._tags = _Tags(jieba.posseg.POSTokenizer(self._jieba_tokenizer()).word_tag_tab, self._unknown_tag)
        for word, _, tag in self._user:
            if tag:
                self._tags[word] = tag

    def _jieba_tokenizer(self):
        """jieba's tokenizer with the vocabulary added (built on first use)."""
        if self._jieba is None:
            import jieba

            logging.getLogger("jieba").setLevel(logging.WARNING)
            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.initialize()
            for word, freq, tag in self._user:
                tk.add_word(word, freq, tag)
            self._jieba = tk
        return self._jieba

    def _unknown_tag(self, word: str) -> str:
        """The tag of a word the dictionary lacks: ``x`` for white space (the dictionary's words
        hold none: its lines are split at white space), else the shipped table's, else the model's."""
        if word.isspace():
            return "x"
        tag = self._shipped.get(word)
        return tag if tag is not None else self._model_tag(word)

    def _model_tag(self, word: str) -> str:
        if _NUMERIC.match(word):
            return "m"
        if _LATIN.match(word):
            return "eng"
        if not _HAN.search(word):
            return "x"
        states = _pos_viterbi(word)
        return states[0][1] if states else "x"

    def forget_unknown_words(self) -> None:
        """Drop the tags of unknown words computed so far (the shipped table stays), as if no text
        had been seen: what a benchmark of unseen text starts from."""
        self._tags.forget()

    def dictionary_tag(self, word: str) -> str | None:
        """The tag jieba's dictionary (or the user dictionary) gives ``word``; None for an unknown word."""
        return self._tags.known(word)

    def tag(self, word: str) -> str:
        """jieba's POS tag for ``word`` (dictionary first, else the character model).

        >>> PolicyTokenizer().tag("国务院")
        'nt'
        """
        return self._tags[word]

    def freq(self, word: str) -> int:
        """How often the dictionary counts ``word`` as one word (0 when it is no word).

        >>> PolicyTokenizer().freq("钢铁") > 100, PolicyTokenizer().freq("晨鸣纸业")
        (True, 0)
        """
        if self._freqs is not None:
            return int(self._freqs.get(word, 0))
        return self._jieba_tokenizer().FREQ.get(word, 0) or 0

    def _cut(self):
        """The function that cuts one line into words."""
        if self.backend == "jieba":
            tk, hmm = self._jieba_tokenizer(), self._hmm
            return lambda line: list(tk.cut(line, HMM=hmm))
        rj, hmm, split, tags = self._rj, self._hmm, _ASCII_SPLIT.fullmatch, self._tags

        def cut(line: str) -> list[str]:
            words = rj.cut(line, hmm)
            if not any(map(split, filter(str.isascii, words))):
                return words
            out = []
            for w in words:
                if split(w) and tags.known(w) is None and not rj.has_word(w):
                    out.extend(x for x in _ASCII_SKIP.split(w) if x)  # as jieba splits an unknown run
                else:
                    out.append(w)
            return out

        return cut

    def segment(self, text: str, view: str | None = None) -> Segmentation:
        """Cut ``text`` (through ``view``, its Simplified view, computed when not given) into pieces.

        >>> seg = PolicyTokenizer().segment("推進扶貧。\\n好")
        >>> seg.surfaces, seg.norms, seg.offsets, seg.tags
        (['推進', '扶貧', '。', '\\n', '好'], ['推进', '扶贫', '。', '\\n', '好'], [0, 2, 4, 5, 6, 7], ['v', 'v', 'x', 'x', 'a'])
        """
        if view is None:
            view = simplified_view(text)
        cut = self._cut()
        norms: list[str] = []
        if text == view:
            for line in view.split("\n"):
                if line:
                    norms.extend(cut(line))
                norms.append("\n")
            if norms:
                norms.pop()  # no line break after the last line
            surfaces = norms
        else:
            surfaces = []
            for tline, vline in zip(text.split("\n"), view.split("\n")):
                if vline:
                    words = cut(vline)
                    norms.extend(words)
                    if tline == vline:
                        surfaces.extend(words)
                    else:
                        pos = 0
                        for w in words:
                            end = pos + len(w)
                            s = tline[pos:end]
                            surfaces.append(w if s == w else s)
                            pos = end
                norms.append("\n")
                surfaces.append("\n")
            if norms:
                norms.pop()
                surfaces.pop()
        offsets = list(accumulate(map(len, norms), initial=0))
        return Segmentation(surfaces, norms, offsets, list(map(self._tags.__getitem__, norms)))

    def words(self, view: str) -> list[tuple[str, int, int]]:
        """``(word, start, end)`` for every piece of ``view``, white space included; pieces tile it."""
        return list(self.iter_words(view))

    def iter_words(self, view: str) -> Iterator[tuple[str, int, int]]:
        """The pieces of :meth:`words` one line at a time (a long text is never held twice)."""
        cut = self._cut()
        pos, n = 0, len(view)
        while pos < n:
            nl = view.find("\n", pos)
            end = n if nl < 0 else nl
            if end > pos:
                for w in cut(view[pos:end]):
                    yield w, pos, pos + len(w)
                    pos += len(w)
            if pos < n:  # the line break itself
                yield "\n", pos, pos + 1
                pos += 1

    def tokenize(self, text: str, view: str | None = None) -> list[Token]:
        """Tokens of ``text`` (white space left out); ``view`` is its Simplified view if known."""
        return list(self.segment(text, view).tokens())


@lru_cache(maxsize=1)
def get_tokenizer() -> PolicyTokenizer:
    """The process-wide tokenizer with the packaged vocabulary, built on first use."""
    return PolicyTokenizer()
