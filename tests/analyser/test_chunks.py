"""Long documents segmented in stretches: the same facts and tokens as the whole text gives."""
from __future__ import annotations

import pickle
from itertools import pairwise

import pytest

from analyser import analyse
from analyser.facts import Token
from analyser.nlp.chunks import CHUNKS_KEY, TokenTable, line_chunks, make_doc
from analyser.nlp.keys import doc_tokens
from analyser.nlp.pipeline import get_nlp
from analyser.reading import read_path
from analyser.text.document import token_ends, token_starts
from tests.conftest import ROOT, dev_files

SAMPLES = sorted((ROOT / "corpus" / "samples").iterdir())

# fmt: off
LETTER = (
    "国务院关于推进易地扶贫搬迁工作的通知\n"
    "国发〔2016〕12号\n"
    "一、总体要求\n"
    "坚持“搬得出、稳得住、有事做、能致富”的目标，今年完成搬迁280万人。\n"
    "（一）基本原则。坚持群众自愿、积极稳妥。\n"
    "（二）主要目标。到2020年，搬迁1000万人，“十三五”时期建设安置住房。\n"
    "二、重点任务\n"
    "（三）建设安置住房。做到“阳光搬迁”“廉洁搬迁”，人均住房面积不超过25平方米。\n"
    "（四）发展后续产业。确保搬得出、稳得住、能致富，去年完成投资800亿元。\n"
    "三、保障措施\n"
    "（五）加强组织领导。李克强总理强调，贵州省、云南省要落实“两不愁三保障”。\n"
    "（六）强化资金支持。按照《国务院关于打赢脱贫攻坚战的决定》执行，五年来完成搬迁。\n"
    "国务院\n"
    "2016年9月20日\n"
)
# fmt: on


def _same(a, b) -> None:
    for kind in ("outline", "quantities", "dates", "slogans", "citations", "entities"):
        assert getattr(a, kind) == getattr(b, kind), kind
    assert a.tokens == b.tokens
    assert a.to_dict(tokens=True, text=True) == b.to_dict(tokens=True, text=True)


def test_line_chunks_tile_the_text_and_end_after_line_breaks():
    text = "一二三\n四五\n\n六七八九十一二\n十三"
    for size in (1, 3, 5, 8, 100):
        chunks = line_chunks(text, size)
        assert chunks[0][0] == 0 and chunks[-1][1] == len(text)
        assert all(b == c for (_, b), (c, _) in pairwise(chunks))
        assert all(text[b - 1] == "\n" for _, b in chunks[:-1])
    assert line_chunks("一行没有换行", 2) == [(0, 6)]  # a line longer than the size is one stretch
    assert line_chunks("", 5) == []


def test_token_table_reads_back_as_the_tuple_it_holds():
    tokens = (Token(0, 3, "國務院", "国务院", "nt"), Token(3, 5, "印發", "印发", "v"), Token(6, 9, "國務院", "国务院", "nt"))
    table = TokenTable(tokens)
    assert table == tokens and tokens == table and list(table) == list(tokens)
    assert len(table) == 3 and table.words == 2 and bool(table) and not TokenTable()
    assert table[1] == tokens[1] and table[-1] == tokens[-1] and table[1:] == tokens[1:]
    assert table.between(3, 9) == (Token(0, 2, "印發", "印发", "v"), Token(3, 6, "國務院", "国务院", "nt"))
    assert hash(table) == hash(tokens)
    assert pickle.loads(pickle.dumps(table)) == tokens
    with pytest.raises(IndexError):
        table[3]


def test_a_segmentation_added_to_a_table_gives_its_tokens_and_offset_columns():
    tokenizer = get_nlp().tokenizer.tokenizer
    text = "國務院印發《通知》。\n\n  推進 易地扶貧搬迁 2024年\n"
    seg = tokenizer.segment(text)
    table, expected = TokenTable(), TokenTable()
    table.add_segmentation(seg, offset=7)
    table.add_segmentation(seg, offset=7 + len(text))
    expected.extend(seg.tokens(), offset=7)
    expected.extend(seg.tokens(), offset=7 + len(text))
    assert table == expected and table.words == expected.words
    assert list(token_starts(table)) == [t.start for t in expected] == token_starts(tuple(expected))
    assert list(token_ends(table)) == [t.end for t in expected] == token_ends(tuple(expected))
    table.starts[0] = 1  # a copy: the table keeps its offsets
    assert table[0].start == 7


def test_a_long_text_gets_a_doc_without_spacy_tokens():
    nlp = get_nlp()
    doc = make_doc(nlp, LETTER, chunked_above=200)
    assert len(doc) == 0 and len(doc.user_data[CHUNKS_KEY]) > 3
    whole = make_doc(nlp, LETTER)
    assert len(whole) > 0 and CHUNKS_KEY not in whole.user_data
    assert doc_tokens(doc) == doc_tokens(whole)


def test_document_wide_facts_are_those_of_the_whole_text():
    # stretches of about 60 characters: the outline runs across them, the date the letter closes
    # with dates its 今年 and 五年来, a formulation met again later keeps the family of its first
    # variant, the paired quotes keep one family
    whole, chunked = analyse(LETTER), analyse(LETTER, chunked_above=240)
    _same(whole, chunked)
    assert [n.number for n in chunked.outline] == [1, 2, 3]
    assert [c.number for c in chunked.outline[2].children] == [5, 6]
    assert {d.text: d.value for d in chunked.dates}["今年"] == "2016"
    families = {s.text: s.family for s in chunked.slogans}
    assert families["搬得出、稳得住、能致富"] == "搬得出、稳得住、有事做、能致富"
    assert families["阳光搬迁"] == families["廉洁搬迁"]


@pytest.mark.parametrize("share", [1, 3, 40])
def test_a_document_just_above_the_threshold_gives_the_same_analysis(share):
    texts = [read_path(p).text for p in SAMPLES]
    text = "\n\n".join(texts * 3)
    above = len(text) // share - 1  # one to 40 stretches a quarter of the threshold long
    _same(analyse(text), analyse(text, chunked_above=above))


def test_published_date_reaches_a_chunked_analysis():
    a = analyse(LETTER.replace("2016年9月20日\n", ""), published="2017-03-05", chunked_above=240)
    assert {d.text: d.value for d in a.dates}["今年"] == "2017"
    assert a.document.published == "2017-03-05"


def test_dev_documents_joined_give_the_same_analysis_in_stretches():
    files = dev_files()
    if not files:
        pytest.skip("the dev corpus of ../shared is not beside the project")
    text = "\n\n".join(read_path(p).text for p in files)  # some 270,000 characters
    _same(analyse(text), analyse(text, chunked_above=len(text) // 10))


def test_analyse_builds_no_spacy_tokens_and_finds_the_same_facts():
    """``analyse`` runs the components on a Doc without spaCy tokens; the pipeline run on a full
    spaCy Doc (``nlp(text)``) keeps the same facts and tokens, and spans for displaCy."""
    from analyser.nlp.chunks import run_pipeline
    from analyser.nlp.keys import get_facts

    nlp = get_nlp()
    bare = make_doc(nlp, LETTER, spacy_tokens=False)
    assert len(bare) == 0 and CHUNKS_KEY not in bare.user_data
    full = nlp(LETTER)
    assert len(full) > 0 and doc_tokens(bare) == doc_tokens(full)
    bare = run_pipeline(nlp, bare)
    for kind in ("outline", "quantities", "dates", "slogans", "citations", "entities"):
        assert get_facts(bare, kind) == get_facts(full, kind), kind
        assert list(bare.spans[kind]) == [] and (list(full.spans[kind]) or kind == "citations")
    facts = analyse(LETTER)
    assert list(facts.quantities) == get_facts(full, "quantities") and facts.tokens == doc_tokens(full)
