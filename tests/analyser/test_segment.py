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
