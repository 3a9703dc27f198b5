"""Regular expressions rewritten so that ``re`` skips ahead: the same matches as written."""
from __future__ import annotations

import random
import re

import pytest

from analyser import data
from analyser.text.firstchars import alternation, first_chars, guarded, hoisted

# fmt: off
PATTERNS = [
    ["预期目标", "力争", "(?<!超)计划", "(?<![主重需必只纲摘概])要(?![求素点])", "到\\d{4}年", "左右的?(?:目标|水平)"],
    ["比上年末?", "[较比]上年", "同比"],
    ["(?<=a)b", "(?<![ab])c+", "d", "(?<!x|y)ez"],
    ["^首\\s*页", "版权所有", "(?<!\\d)\\d{3}"],
    ["a?b", "(?<!a)(?:b|c)d"],
]
# fmt: on


def _spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("patterns", PATTERNS)
def test_rewritten_alternations_find_the_same_matches(patterns: list[str]) -> None:
    rng = random.Random(len(patterns))
    chars = "".join(sorted(set("".join(patterns)) - set("()?<!=[]^\\{}|+*:"))) + "12345 \n超主到年"
    texts = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    joined = "|".join(f"(?:{p})" for p in patterns)
    for text in texts:
        assert _spans(alternation(patterns), text) == _spans(joined, text), text
        assert _spans(guarded(joined), text) == _spans(joined, text), text
    for p in patterns:
        assert all(_spans(hoisted(p), t) == _spans(p, t) for t in texts[:500]), p


def test_the_modality_cues_skip_ahead_and_match_as_written() -> None:
    kinds: dict[str, list[str]] = {}
    for kind, pattern in data.table("modality_cues.txt"):
        kinds.setdefault(kind, []).append(pattern)
    text = "比上年增长6%，超计划完成，为了明年目标，较上年末，去年已经实现了，主要目标是力争到2025年达到"
    for patterns in kinds.values():
        written = "|".join(f"(?:{p})" for p in patterns)
        assert _spans(alternation(patterns), text * 3) == _spans(written, text * 3)
    assert "(?<" not in alternation(kinds["target"]).split("|")[0]


def test_first_characters_cannot_always_be_told() -> None:
    assert first_chars("(?<!超)计划|力争") == "[计力]"
    assert first_chars(".a") is None and first_chars("(?i)ab") is None and first_chars("") is None
    assert guarded("力争|确保") == "力争|确保"  # re skips ahead by itself
    assert hoisted("(?<=a)b*") == "(?<=a)b*"  # the character after the lookbehind is optional
