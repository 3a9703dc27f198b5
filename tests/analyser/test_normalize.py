from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyser.text.normalize import detect_script, simplified_view

# fmt: off
VIEW_CASES = [
    ("易地扶貧搬遷", "易地扶贫搬迁"),
    ("陜西省", "陕西省"),                       # variant OpenCC leaves alone
    ("１２３４５６７８９０", "1234567890"),     # full-width digits
    ("ＧＤＰ增長６．５％", "GDP增长6.5%"),        # letters, decimal point, per cent
    ("來源:振興司", "来源：振兴司"),              # ASCII colon in prose
    ("1,100萬", "1,100万"),                    # thousands separator stays
    ("(一) 總體要求", "（一） 总体要求"),          # brackets
    ("10:30開會", "10:30开会"),
    ("著力推進", "着力推进"),
    ("發展、改革;完善", "发展、改革；完善"),
]
# fmt: on


@pytest.mark.parametrize("text,expected", VIEW_CASES)
def test_view(text: str, expected: str) -> None:
    view = simplified_view(text)
    assert view == expected
    assert len(view) == len(text)


# fmt: off
SCRIPT_CASES = [
    ("国务院关于进一步做好稳就业工作的意见", "simplified"),
    ("國務院關於進一步做好穩就業工作的意見", "traditional"),
    ("國務院關於进一步做好稳就业工作的意见", "mixed"),
    ("2024 GDP", "simplified"),
    ("", "simplified"),
]
# fmt: on


@pytest.mark.parametrize("text,expected", SCRIPT_CASES)
def test_detect_script(text: str, expected: str) -> None:
    assert detect_script(text) == expected


MIXED_ALPHABET = st.sampled_from(
    list("國务院發展改革委员會陜西省著力１２３ＡＢ％．,:;()!?，。、；：“”《》\n \u3000\t")
    + ["𠀀", "é", "0", "9", "a"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MIXED_ALPHABET, max_size=80).map("".join))
def test_view_keeps_length(text: str) -> None:
    assert len(simplified_view(text)) == len(text)


def test_seed_view_is_simplified(seed_text: str) -> None:
    view = simplified_view(seed_text)
    assert len(view) == len(seed_text)
    assert "易地扶贫搬迁" in view and "易地扶貧搬遷" not in view
    assert detect_script(seed_text) == "traditional"
