"""Document numbers found from their tails are exactly those a scan of the whole text finds."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analyser.extract.citations import DECREE_NUMBER, _decree_numbers
from analyser.text.docnumbers import DOC_NUMBER, find_doc_numbers

PIECES = list("国发办令第号〔〕[]（）( 　\n文件和根据主席39") + [
    "2019", "2018", "令第", "第十", "〔2018〕", "（2019）", "39号", " 〔2020〕第5号",
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.data())
def test_same_matches_as_a_full_scan(text: str, data) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert [m.span() for m in find_doc_numbers(text, lo, hi)] == [m.span() for m in DOC_NUMBER.finditer(text, lo, hi)]
    assert [m.span() for m in _decree_numbers(text, lo, hi)] == [m.span() for m in DECREE_NUMBER.finditer(text, lo, hi)]


def test_numbers_in_a_sentence() -> None:
    text = "根据国发〔2018〕39号和国务院令第708号，国办发 [2019] 4号"
    assert [m.group() for m in find_doc_numbers(text)] == ["根据国发〔2018〕39号", "国办发 [2019] 4号"]
    assert [m.group() for m in _decree_numbers(text, 0, len(text))] == ["号和国务院令第708号"]  # the code is trimmed later
