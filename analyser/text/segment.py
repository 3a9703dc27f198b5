"""Word segmentation and part-of-speech tags with a private jieba tokenizer.

The tokenizer never touches jieba's process-wide default instance: it owns a ``jieba.Tokenizer``
with the project's policy vocabulary (``analyser/data/user_dict.txt``) added to it. It segments
the Simplified *view* line by line (long documents are processed in paragraph chunks) and maps
every word back to the original text, which has the same length.

Tags come from jieba's dictionary (the tags ``jieba.posseg`` uses); words that the dictionary does
not know (found by the segmentation HMM) are tagged by jieba's character-level POS model, run on
those words only. This keeps tagging close to ``jieba.posseg`` at nearly the speed of plain
segmentation.

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
from functools import lru_cache
from pathlib import Path

from analyser import data
from analyser.facts import Token

from .normalize import simplified_view

__all__ = ["PolicyTokenizer", "get_tokenizer", "USER_DICT"]

USER_DICT = "user_dict.txt"

_NUMERIC = re.compile(r"^[0-9.,%]+$")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9.+#&_-]*$")
_HAN = re.compile(r"[\u4e00-\u9fff]")


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
    """

    def __init__(self, user_dict: str | Path | None = None, *, hmm: bool = True) -> None:
        import jieba
        import jieba.posseg

        logging.getLogger("jieba").setLevel(logging.WARNING)
        jieba.setLogLevel(logging.WARNING)
        self._tk = jieba.Tokenizer()
        self._tk.initialize()
        self._pos = jieba.posseg.POSTokenizer(self._tk)
        self._tags: dict[str, str] = self._pos.word_tag_tab
        for word, freq, tag in _read_user_dict(Path(user_dict) if user_dict else None):
            self._tk.add_word(word, freq, tag)
            if tag:
                self._tags[word] = tag
        self._hmm = hmm
        self._oov_cache: dict[str, str] = {}

    def _oov_tag(self, word: str) -> str:
        tag = self._oov_cache.get(word)
        if tag is None:
            tag = self._oov_cache[word] = self._model_tag(word)
        return tag

    def _model_tag(self, word: str) -> str:
        if _NUMERIC.match(word):
            return "m"
        if _LATIN.match(word):
            return "eng"
        if not _HAN.search(word):
            return "x"
        from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
        from jieba.posseg.viterbi import viterbi

        _, states = viterbi(word, char_state_tab_P, start_P, trans_P, emit_P)
        return states[0][1] if states else "x"

    def tag(self, word: str) -> str:
        """jieba's POS tag for ``word`` (dictionary first, else the character model).

        >>> PolicyTokenizer().tag("国务院")
        'nt'
        """
        if word.isspace():
            return "x"
        tag = self._tags.get(word)
        return tag if tag is not None else self._oov_tag(word)

    def freq(self, word: str) -> int:
        """How often the dictionary counts ``word`` as one word (0 when it is no word).

        >>> PolicyTokenizer().freq("钢铁") > 100, PolicyTokenizer().freq("晨鸣纸业")
        (True, 0)
        """
        return self._tk.FREQ.get(word, 0) or 0

    def words(self, view: str) -> list[tuple[str, int, int]]:
        """``(word, start, end)`` for every piece of ``view``, white space included; pieces tile it."""
        out: list[tuple[str, int, int]] = []
        cut = self._tk.cut
        pos = 0
        for line in view.split("\n"):
            if line:
                for w in cut(line, HMM=self._hmm):
                    out.append((w, pos, pos + len(w)))
                    pos += len(w)
            if pos < len(view):  # the line break itself
                out.append(("\n", pos, pos + 1))
                pos += 1
        return out

    def tokenize(self, text: str, view: str | None = None) -> list[Token]:
        """Tokens of ``text`` (white space left out); ``view`` is its Simplified view if known."""
        if view is None:
            view = simplified_view(text)
        tokens = []
        for w, a, b in self.words(view):
            if w.isspace():
                continue
            tokens.append(Token(a, b, text[a:b], w, self.tag(w)))
        return tokens


@lru_cache(maxsize=1)
def get_tokenizer() -> PolicyTokenizer:
    """The process-wide tokenizer with the packaged vocabulary, built on first use."""
    return PolicyTokenizer()
