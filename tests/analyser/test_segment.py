from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyser.text.segment import PolicyTokenizer, get_tokenizer


@pytest.fixture(scope="module")
def tok() -> PolicyTokenizer:
    return get_tokenizer()


# fmt: off
WORD_CASES = [
    ("推进易地扶贫搬迁工作", ["推进", "易地扶贫搬迁", "工作"]),
    ("推進易地扶貧搬遷工作", ["推進", "易地扶貧搬遷", "工作"]),       # Traditional surfaces, same cut
    ("实现两不愁三保障", ["实现", "两不愁三保障"]),
    ("国家发展改革委印发", ["国家发展改革委", "印发"]),
]
# fmt: on


@pytest.mark.parametrize("text,words", WORD_CASES)
def test_policy_vocabulary_kept_whole(tok: PolicyTokenizer, text: str, words: list[str]) -> None:
    assert [t.text for t in tok.tokenize(text)] == words


def test_tokens_carry_norm_and_tag(tok: PolicyTokenizer) -> None:
    tokens = tok.tokenize("國務院召開會議")
    assert tokens[0].text == "國務院" and tokens[0].norm == "国务院" and tokens[0].tag == "nt"
    assert all(t.tag for t in tokens)


def test_private_tokenizer_leaves_global_jieba_alone(tok: PolicyTokenizer) -> None:
    import jieba

    tok.tokenize("两不愁三保障")
    assert "两不愁三保障" not in jieba.dt.FREQ or jieba.dt.FREQ.get("两不愁三保障") == 0


def test_numbers_and_latin_tags(tok: PolicyTokenizer) -> None:
    tags = {t.text: t.tag for t in tok.tokenize("增长6.5% GDP")}
    assert tags["GDP"] == "eng"


TEXT = st.lists(
    st.sampled_from(list("國务院發展改革陜西省１２３ＡＢ％．,:，。、“”\n \t") + ["搬遷", "扶贫", "2024年", "GDP"]),
    max_size=60,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_tokens_tile_the_non_space_text(text: str) -> None:
    tokens = get_tokenizer().tokenize(text)
    pos = 0
    for t in tokens:
        assert text[pos:t.start].strip() == ""  # only white space between tokens
        assert text[t.start:t.end] == t.text and t.text.strip()
        pos = t.end
    assert text[pos:].strip() == ""


def _backends() -> list[str]:
    from analyser.text.segment import _has_rjieba

    return ["jieba", "rjieba"] if _has_rjieba() else ["jieba"]


@pytest.fixture(scope="module")
def by_backend() -> dict[str, PolicyTokenizer]:
    return {b: PolicyTokenizer(backend=b) for b in _backends()}


# fmt: off
BACKEND_CASES = [
    "PM_2.5浓度下降，2026-02-09发布于www.gov.cn，电话0371-61177826。",
    "推进易地扶贫搬迁，C++与3.5%、9:00开会，GDP增长5.2%。",
    "國務院關於印發《“十四五”推進農業農村現代化規劃》的通知",
]
# fmt: on


@pytest.mark.parametrize("text", BACKEND_CASES)
def test_backends_cut_and_tag_alike(by_backend: dict[str, PolicyTokenizer], text: str) -> None:
    results = {b: [(t.start, t.end, t.tag) for t in tok.tokenize(text)] for b, tok in by_backend.items()}
    assert len(set(map(tuple, results.values()))) == 1, results


def test_unknown_latin_runs_split_as_jieba_does(tok: PolicyTokenizer) -> None:
    assert [t.text for t in tok.tokenize("见www.gov.cn和2026-02-09")] == [
        "见", "www", ".", "gov", ".", "cn", "和", "2026", "-", "02", "-", "09"]


def test_unknown_backend_refused() -> None:
    with pytest.raises(ValueError):
        PolicyTokenizer(backend="other")


def test_shipped_unknown_word_tags_are_the_models() -> None:
    from analyser import data
    from analyser.text.segment import OOV_TAGS

    rows = data.table(OOV_TAGS)
    assert len(rows) > 1000
    bare = PolicyTokenizer(oov_table=False)
    sample = rows[:: max(1, len(rows) // 200)]
    assert all(bare.dictionary_tag(w) is None for w, _ in sample)
    assert [bare.tag(w) for w, _ in sample] == [t for _, t in sample]


@pytest.mark.parametrize("word", ["易地扶贫", "晨鸣纸业", "懒政怠政", "稳中", "之源", "三去一降一补", "黔西南州", "一"])
def test_pos_viterbi_finds_jiebas_path(word: str) -> None:
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
    from jieba.posseg.viterbi import viterbi

    from analyser.text.segment import _pos_viterbi

    assert _pos_viterbi(word) == viterbi(word, char_state_tab_P, start_P, trans_P, emit_P)[1]


def test_pos_viterbi_finds_jiebas_path_on_random_words() -> None:
    """Random strings of the model's characters, of others and of punctuation, one to seven long:
    the same path as jieba's own Viterbi (or the same failure)."""
    import random

    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
    from jieba.posseg.viterbi import viterbi

    from analyser.text.segment import _pos_viterbi

    def path(fn, word):
        try:
            return fn(word)
        except ValueError:
            return ValueError

    rng = random.Random(20261207)
    chars = sorted(char_state_tab_P)[::3] + list("的了是在abc1２，。、䶵𠀀")
    words = ["".join(rng.choice(chars) for _ in range(rng.randint(1, 7))) for _ in range(300)]
    assert [path(_pos_viterbi, w) for w in words] == [
        path(lambda x: viterbi(x, char_state_tab_P, start_P, trans_P, emit_P)[1], w) for w in words
    ]


def test_pos_model_tables_are_jiebas() -> None:
    from jieba import posseg

    from analyser.text.segment import _pos_model

    state, start, trans, emit, _ = _pos_model()
    assert (state, start, trans, emit) == (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)


def test_word_frequencies_as_jieba_counts_them(by_backend: dict[str, PolicyTokenizer]) -> None:
    """The frequencies read from jieba's dictionary file are those of jieba's own tokenizer."""
    if "rjieba" not in by_backend:
        pytest.skip("rjieba is not installed")
    mine, jieba_freq = by_backend["rjieba"], by_backend["jieba"]._jieba_tokenizer().FREQ
    sample = list(jieba_freq)[::97] + [w for w, _, _ in mine._user] + ["晨鸣纸业", "钢铁", ""]
    assert [mine.freq(w) for w in sample] == [jieba_freq.get(w, 0) or 0 for w in sample]
