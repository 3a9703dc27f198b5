"""End to end: every fact and token of every real document slices back to its surface."""
from __future__ import annotations

import pytest
from conftest import SEED, analysed, dev_files, shared_or_skip

from analyser import analyse
from analyser.nlp.pipeline import get_nlp


def _walk(nodes):
    for n in nodes:
        yield n
        yield from _walk(n["children"])


def assert_offsets(result: dict, text: str) -> None:
    assert result["document"]["chars"] == len(text)
    for kind in ("quantities", "dates", "slogans", "citations", "entities", "tokens"):
        for fact in result.get(kind, []):
            assert text[fact["start"]:fact["end"]] == fact["text"], (kind, fact)
            for key in ("indicator",):
                span = fact.get(key)
                if isinstance(span, dict):
                    assert text[span["start"]:span["end"]] == span["text"], (kind, key, fact)
            for key in ("parts", "members"):
                for span in fact.get(key) or []:
                    assert text[span["start"]:span["end"]] == span["text"], (kind, key, fact)
    for node in _walk(result["outline"]):
        for key in ("marker", "heading"):
            span = node[key]
            if span is not None:
                assert text[span["start"]:span["end"]] == span["text"], node
        assert 0 <= node["start"] <= node["end"] <= len(text)
    for key in ("title", "issuer", "doc_number"):
        span = result["document"][key]
        if span is not None:
            assert text[span["start"]:span["end"]] == span["text"]
    body = result["document"]["body"]
    assert 0 <= body["start"] <= body["end"] <= len(text)


def test_doc_text_is_the_original() -> None:
    text = "國務院印發《關於推進易地扶貧搬遷的意見》。\n\n  要求:到2020年底完成。"
    doc = get_nlp()(text)
    assert doc.text == text
    names = get_nlp().pipe_names
    assert names[0] == "policy_page", names  # the page (title, body) comes before the extractors that use it
    assert {"policy_outline", "policy_dates", "policy_entities", "policy_citations", "policy_slogans",
            "policy_quantities"} <= set(names), names


def test_analysis_of_traditional_text_points_into_the_original() -> None:
    text = "“十三五”以來,陜西省搬遷群眾24.9萬戶、84.4萬人。"
    result = analyse(text).to_dict(tokens=True)
    assert_offsets(result, text)
    assert result["document"]["script"] == "traditional"
    assert [t["norm"] for t in result["tokens"]][:1] == ["“"]


def test_seed_offsets(seed_text: str) -> None:
    result = analysed(SEED)
    assert result["document"]["text"] == seed_text
    assert_offsets(result, seed_text)


@pytest.mark.parametrize("path", dev_files() or [None], ids=lambda p: p.name if p else "none")
def test_dev_corpus_offsets(path) -> None:
    if path is None:
        shared_or_skip("corpus-real", "dev")
    result = analysed(path)  # analyse_file, shared with the scoring tests
    text = result["document"]["text"]
    assert_offsets(result, text)
    opens_with_salutation = text.lstrip().split("\n", 1)[0].rstrip().endswith(("：", ":"))
    if not opens_with_salutation:  # a speech that starts 各位代表： prints no title of its own
        assert result["document"]["title"] is not None, "a document that prints a title gets it"


# fmt: off
LEXICAL_CASES = [
    "国务院", "。", "，", "一", "十一", "三千万", "拾陆", "壹拾", "二〇二四", "2024", "１２", "²", "+5", "3/4",
    "3.5%", "GDP", "Gdp", "gdp", "PM2.5", "www.gov.cn", "a@b.cn", " ", "\n", "“", "（", "$", "￥", "百分之十",
]
# fmt: on


def test_token_attributes_as_spacy_computes_them() -> None:
    """The pipeline's faster lexical attribute functions give spaCy's values."""
    import spacy

    spacy_getters = spacy.blank("zh").vocab.lex_attr_getters
    ours = get_nlp().vocab.lex_attr_getters
    assert set(ours) == set(spacy_getters)
    for attr, fn in spacy_getters.items():
        assert [ours[attr](w) for w in LEXICAL_CASES] == [fn(w) for w in LEXICAL_CASES], attr
