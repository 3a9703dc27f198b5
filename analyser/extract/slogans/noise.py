"""Noise among the formulations kept by the classifier: counts, plan periods, amounts, lists of
things and quoted names of bodies.

* a count: a numeral, a measure word and a generic counted noun or none (八个方面, 十个国家,
  40条), unquoted and not a known formula of ``slogan_lexicon.txt`` (三个代表 stays; 八项行动,
  naming a programme, stays);
* an unquoted plan period (十三五, 十四五): a date, not a formulation (a quoted “十三五” is listed,
  as the conventions of the shared gold and its variant groups have it);
* a list of amounts (100元、150元): every member holds a number and a unit;
* a list of things (长城、长征、黄河; 磷、煤、锰、氟): unquoted, three members or more, each a
  plain noun phrase, sharing neither their first nor their last character, half of them names or
  all single characters (创新、协调、绿色、开放、共享 holds verbs; 获得感、幸福感、安全感 share 感;
  政策、要素、平台、机制 and 数字中国、智慧社会 are concepts: all stay);
* a quoted name of a body (“争取民权同盟”; not “管委会+运营公司”), or a quoted single character
  (“多”和“快”).

The vocabulary is in ``slogan_noise.txt``.

Examples
--------
>>> is_noise("十个国家", [], quoted=False), is_noise("三个代表", [], quoted=False)
(True, False)
>>> is_noise("长城、长征、黄河", ["长城", "长征", "黄河"], quoted=False)
True
>>> is_noise("创新、协调、绿色、开放、共享", ["创新", "协调", "绿色", "开放", "共享"], quoted=False)
False
>>> is_noise("争取民权同盟", [], quoted=True), is_noise("十三五", [], quoted=False)
(True, True)
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from analyser.data import groups as data_groups
from analyser.data import lines as data_lines
from analyser.text.segment import get_tokenizer

__all__ = ["drop_noise", "is_noise"]

_WORDS = data_groups("slogan_noise.txt")
_NUMERAL = r"[0-9０-９一二三四五六七八九十百千万两]+"
_COUNT = re.compile(rf"^{_NUMERAL}(?:{'|'.join(sorted(_WORDS['measures'], key=len, reverse=True))})(?P<noun>[\u4e00-\u9fff]{{0,6}})$")
_PLAN = re.compile(r"^(?:十[一二三四五六七八九]|[一二三四五六七八九])五$")
_AMOUNT = re.compile(rf"{_NUMERAL}(?:\.\d+)?(?:{'|'.join(sorted(map(re.escape, _WORDS['units']), key=len, reverse=True))})")


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    out = set()
    for ln in data_lines("slogan_lexicon.txt"):
        out.add(ln)
        out.update(ln.split("、"))
    return frozenset(out)


def is_noise(text: str, parts: list[str], quoted: bool) -> bool:
    """True when a kept formulation with this text (Simplified) and these members is noise."""
    if text in _known():
        return False
    if quoted:
        name = all("\u4e00" <= ch <= "\u9fff" for ch in text) and text.endswith(_WORDS["body_suffixes"])
        return len(text) == 1 or name
    if _PLAN.match(text):
        return True
    m = _COUNT.match(text)
    # the counted noun alone, or a two-character one opening a longer noun (十个方面重点任务)
    if m and (m.group("noun") in _WORDS["count_nouns"] + ("",) or m.group("noun")[:2] in _WORDS["count_nouns"]):
        return True
    if len(parts) >= 2 and all(_AMOUNT.search(p) for p in parts):
        return True
    if len(parts) < 3 or _shared_affix(parts) or not all(_is_noun(p) for p in parts):
        return False
    # things: names (长城、长征、黄河) or single characters (磷、煤、锰、氟), not concepts (政策、要素)
    return all(len(p) == 1 for p in parts) or 2 * sum(_is_name(p) for p in parts) >= len(parts)


def _is_name(part: str) -> bool:
    tokens = get_tokenizer().tokenize(part)
    return len(tokens) == 1 and tokens[0].tag in _WORDS["name_tags"]


def _shared_affix(parts: list[str]) -> bool:
    """Members sharing their first or last character (获得感、幸福感、安全感; 有标准、有网络) are
    the parallel members of a formula even when they are nouns."""
    return len({p[:1] for p in parts}) == 1 or len({p[-1:] for p in parts}) == 1


def _is_noun(part: str) -> bool:
    """A plain noun phrase: every word a noun or a name (优质|钢材, 长城), not a quality word
    (规范性, 动态化, 获得感) nor a phrase with a verb (懂|农业, 科技|是|第一|生产力)."""
    if part.endswith(_WORDS["quality_endings"]):
        return False
    tokens = get_tokenizer().tokenize(part)
    return bool(tokens) and all(t.tag in _WORDS["noun_tags"] for t in tokens)


def drop_noise(view: str, cands: Iterable) -> Iterator:
    """The candidates (``start``, ``end``, ``parts``, ``quoted``) of ``view`` that are not noise."""
    for c in cands:
        parts = [view[a:b] for a, b in c.parts]
        if not is_noise(view[c.start:c.end], parts, c.quoted):
            yield c
