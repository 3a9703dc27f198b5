"""jieba's character-level POS model (the HMM of ``jieba.posseg``), for the words its dictionary lacks.

:func:`pos_viterbi` finds the state path ``jieba.posseg.viterbi`` finds, by the same sums and
tie-breaks, one step per character over NumPy arrays of the model (states in sorted order, the
transitions as one matrix) rather than a Python loop over pairs of states. The tokenizer
(:mod:`analyser.text.segment`) tags an unknown word with the part of speech of its first state.

Examples
--------
>>> [tag for _, tag in pos_viterbi("黔西南州")]
['ns', 'ns', 'ns', 'ns']
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy

__all__ = ["jieba_folder", "pos_model", "pos_viterbi"]

MIN_FLOAT = -3.14e100  # jieba's floor for an unseen emission
MIN_INF = float("-inf")  # and its score of an impossible transition


def jieba_folder() -> Path:
    """Where the ``jieba`` package lies (found without importing it, which costs a start-up)."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def pos_model():
    """jieba's character-level POS model, with the states that may precede each state.

    Read from the pickles jieba ships beside ``jieba/posseg`` (the same tables as its modules):
    importing ``jieba.posseg`` would also parse jieba's whole dictionary for a tag table the
    tokenizer already has.
    """
    import pickle

    folder = jieba_folder() / "posseg"
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


class _Arrays:
    """The model as arrays over the states in sorted order (a larger index is a larger state, as
    jieba's ``max`` over ``(score, state)`` breaks ties)."""

    def __init__(self) -> None:
        states, start_p, trans_p, emit_p, _ = pos_model()
        self.names = names = sorted(trans_p)
        self.index = index = {s: i for i, s in enumerate(names)}
        n = len(names)
        self.trans = numpy.full((n, n), MIN_INF)
        self.possible = numpy.zeros((n, n), dtype=bool)
        for y0, nexts in trans_p.items():
            for y, p in nexts.items():
                self.trans[index[y0], index[y]] = p
                self.possible[index[y0], index[y]] = True
        self.moves = self.possible.any(axis=1)  # states with a transition out
        self.start = numpy.array([start_p[s] for s in names])
        self.floor = numpy.full(n, MIN_INF)  # no score yet
        self.everywhere = numpy.ones(n, dtype=bool)
        self._emit_p = [emit_p[s] for s in names]
        self._states = states
        # the tables in array form, a character's row filled when the character first comes
        self._allowed: dict[str, numpy.ndarray] = {}
        self._emission: dict[str, numpy.ndarray] = {}

    def allowed(self, ch: str) -> numpy.ndarray:
        """The states the table allows for ``ch`` (every state for a character it lacks), as a mask."""
        mask = self._allowed.get(ch)
        if mask is None:
            listed = self._states.get(ch)
            if listed is None:
                return self.everywhere
            mask = numpy.zeros(len(self.names), dtype=bool)
            mask[[self.index[s] for s in listed]] = True
            self._allowed[ch] = mask
        return mask

    def emission(self, ch: str) -> numpy.ndarray:
        """The emission score of ``ch`` in every state."""
        row = self._emission.get(ch)
        if row is None:
            row = self._emission[ch] = numpy.array([e.get(ch, MIN_FLOAT) for e in self._emit_p])
        return row


@lru_cache(maxsize=1)
def _arrays() -> _Arrays:
    return _Arrays()


def pos_viterbi(word: str) -> list:
    """The state path ``jieba.posseg.viterbi`` finds for ``word``, by the same sums and tie-breaks.

    jieba scores every pair of states, an impossible transition with minus infinity. Every state
    scored at a step has a possible transition from the last step's states (jieba keeps only the
    states that the last ones may lead to), so each maximum is finite and the same over the
    possible pairs as over all; ties go to the larger state, as ``max`` over ``(score, state)``
    gives them. Each sum adds in jieba's order: the last score, the transition, the emission.
    """
    m = _arrays()
    present = m.allowed(word[0])
    at = present.nonzero()[0]
    v = m.floor.copy()
    v[at] = m.start[at] + m.emission(word[0])[at]
    back = []
    for ch in word[1:]:
        prev = present & m.moves
        pi = prev.nonzero()[0]
        if not len(pi):
            raise ValueError(f"no state of the POS model follows {word!r}")  # jieba's max() of nothing
        expect = m.possible[pi].any(axis=0)
        obs = m.allowed(ch) & expect
        oi = obs.nonzero()[0]
        if not len(oi):
            obs, oi = expect, expect.nonzero()[0]
        scores = v[pi][:, None] + m.trans[pi[:, None], oi] + m.emission(ch)[oi]
        best = len(pi) - 1 - scores[::-1].argmax(axis=0)  # the last maximum: the larger state on a tie
        step = numpy.empty(len(m.names), dtype=numpy.intp)
        step[oi] = pi[best]
        back.append(step)
        v = m.floor.copy()
        v[oi] = scores[best, numpy.arange(len(oi))]
        present = obs
    at = present.nonzero()[0]
    state = int(at[len(at) - 1 - v[at][::-1].argmax()])
    route = [m.names[state]]
    for step in reversed(back):
        state = int(step[state])
        route.append(m.names[state])
    route.reverse()
    return route
