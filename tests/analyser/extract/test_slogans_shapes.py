"""Formulations found through their shape: quotes whose marks stand on lines of their own, nested
quotes, clauses linked by a shared verb or modal, numbered names and what is no numbered name."""
from __future__ import annotations

import pytest

from analyser.extract.slogans import extract_slogans
from analyser.extract.slogans.runs import linked_parallel
from analyser.text.document import DocumentText


def texts(text: str) -> list[str]:
    src = DocumentText.from_text(text)
    out = extract_slogans(src)
    assert all(src.text[s.start:s.end] == s.text for s in out)
    return [s.text for s in out]


# fmt: off
FOUND = [
    ("全党一定要牢记关于“\n深挖洞、广积粮、不称霸\n”的教导，保持高度警惕。", "深挖洞、广积粮、不称霸"),
    ("真正做到管而不死，活而不乱，提高经济效益。", "管而不死，活而不乱"),
    ("缺乏经验，因此态度要积极，步骤要稳妥。每项改革都要认真调查研究。", "态度要积极，步骤要稳妥"),
    ("事实表明，国家要独立，民族要解放，人民要革命，是国际形势的主流。", "国家要独立，民族要解放，人民要革命"),
    ("坚持和平共处五项原则，发展同各国的友好关系。", "和平共处五项原则"),
    ("认真贯彻十条经济建设方针，提高经济效益。", "十条经济建设方针"),
]
NOT_FOUND = [
    ("同志们！十大以来，我们党在对外工作中取得了成就。", "十大以来"),
    ("国际形势大好，是大好，不是中好，也不是小好。", "不是中好，也不是小好"),
    ("他们要闹事，要政变了。", "要闹事，要政变了"),
]
# fmt: on


@pytest.mark.parametrize("text, surface", FOUND)
def test_found(text: str, surface: str) -> None:
    assert surface in texts(text)


@pytest.mark.parametrize("text, surface", NOT_FOUND)
def test_not_found(text: str, surface: str) -> None:
    assert surface not in texts(text)


def test_nested_quote_is_kept_with_its_quote() -> None:
    found = texts("他说是‘民主派’就是‘走资派’，又批评了“打倒‘走资派’”的口号。")
    assert "走资派" in found


@pytest.mark.parametrize("parts, expected", [
    (["教育是基础", "法制是保证", "监督是关键"], True),
    (["一靠教育", "二靠制度"], True),
    (["发展新观念", "进入新境界"], False),  # a shared modifier, not a link
    (["只有权利", "没有义务"], False),  # a contrast opened by adverbs
    (["国家要独立", "国家要解放"], False),  # one subject
])
def test_linked_parallel(parts: list[str], expected: bool) -> None:
    assert linked_parallel(parts) is expected
