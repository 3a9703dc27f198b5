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
not know (found by the segmentation HMM) are tagged by jieba's character-level POS model, run on
those words only. This keeps tagging close to ``jieba.posseg`` at nearly the speed of plain
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


def _jieba_folder() -> Path:
    """Where the ``jieba`` package lies (found without importing it, which costs a start-up)."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


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


_MIN_FLOAT = -3.14e100  # jieba's floor for an unseen emission
_MIN_INF = float("-inf")  # and its score of an impossible transition


@lru_cache(maxsize=1)
def _pos_model():
    """jieba's character-level POS model, with the states that may precede each state.

    Read from the pickles jieba ships beside ``jieba/posseg`` (the same tables as its modules):
    importing ``jieba.posseg`` would also parse jieba's whole dictionary for a tag table the
    tokenizer already has.
    """
    import pickle

    folder = _jieba_folder() / "posseg"
    tables = []
    for name in ("char_state_tab.p", "prob_start.p", "prob_trans.p", "prob_emit.p"):
        with open(folder / name, "rb") as f:
            tables.append(pickle.load(f))
    char_state_tab_P, start_P, trans_P, emit_P = tables
    into: dict = {y: [] for y in trans_P}
    for y0, nexts in trans_P.items():
        for y in nexts:
            into.setdefault(y, []).append(y0)
    return char_state_tab_P, start_P, trans_P, emit_P, into


def _pos_viterbi(word: str) -> list:
    """The state path ``jieba.posseg.viterbi`` finds for ``word``, by the same sums and tie-breaks.

    jieba scores every pair of states, an impossible transition with minus infinity; here only the
    possible ones are scored, which leaves each maximum (and the state chosen on a tie) unchanged,
    since a finite score always beats minus infinity. Several times faster on unseen words.
    """
    MIN_FLOAT, MIN_INF = _MIN_FLOAT, _MIN_INF
    states, start_p, trans_p, emit_p, into = _pos_model()
    all_states = trans_p.keys()
    V = [{}]
    mem_path = [{}]
    for y in states.get(word[0], all_states):
        V[0][y] = start_p[y] + emit_p[y].get(word[0], MIN_FLOAT)
        mem_path[0][y] = ""
    for t in range(1, len(word)):
        prev_v = V[-1]
        V.append({})
        mem_path.append({})
        prev_states = [x for x in mem_path[t - 1] if len(trans_p[x]) > 0]
        prev_set = set(prev_states)
        expect_next = {y for x in prev_states for y in trans_p[x]}
        obs_states = set(states.get(word[t], all_states)) & expect_next
        if not obs_states:
            obs_states = expect_next if expect_next else all_states
        ch = word[t]
        for y in obs_states:
            emit = emit_p[y].get(ch, MIN_FLOAT)
            froms = [y0 for y0 in into.get(y, ()) if y0 in prev_set]
            if froms:
                prob, state = max((prev_v[y0] + trans_p[y0][y] + emit, y0) for y0 in froms)
            else:  # no possible transition: every score is minus infinity, as in jieba
                prob, state = max((prev_v[y0] + trans_p[y0].get(y, MIN_INF) + emit, y0) for y0 in prev_states)
            V[t][y] = prob
            mem_path[t][y] = state
    _, state = max((V[-1][y], y) for y in mem_path[-1])
    route = [None] * len(word)
    for i in range(len(word) - 1, -1, -1):
        route[i] = state
        state = mem_path[i][state]
    return route


@lru_cache(maxsize=1)
def get_tokenizer() -> PolicyTokenizer:
    """The process-wide tokenizer with the packaged vocabulary, built on first use."""
    return PolicyTokenizer()
