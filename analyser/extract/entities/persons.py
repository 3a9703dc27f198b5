"""Persons: known leaders (``persons.tsv``) and names confirmed by a title or a speech verb.

A bare part-of-speech tag is not evidence enough (jieba tags many ordinary words ``nr``). A
name is taken when it is a known leader of three characters or more; a two-character leader's
name (汪洋, 韩正) also needs a title, 同志, a list of persons or a verb of speech next to it;
any other name (a surname of ``surnames.txt`` plus one or two characters) needs a title before
or after it (组长汪洋, 李克强总理) or a role noun and a verb of speech around it
(搬迁群众王永庆说); a three-character word the segmentation tags as a name is taken when a verb of
speech follows it or when the document names it twice or more. The surface is the name alone,
without its title.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from analyser.data import lines as data_lines
from analyser.data import table as data_table
from analyser.data import words as data_words

from ._lexicon import Lexicon, is_han
from ._words import word_freq

__all__ = ["find_persons", "is_leader"]

#: Words after a name that confirm it (verbs of speech and action in reports, 同志).
_AFTER = (
    "同志", "说", "表示", "指出", "强调", "介绍", "告诉", "感慨", "出席", "主持", "调研", "考察", "参加",
    "讲话", "会见", "作出", "批示", "视察", "看望", "提出", "在", "等",
)
_SPEECH = ("说", "表示", "指出", "强调", "介绍", "告诉", "感慨", "出席", "主持")
#: Role nouns before a name (搬迁群众王永庆说).
_ROLES = (
    "群众", "村民", "居民", "农民", "贫困户", "脱贫户", "党员", "干部", "工人", "职工", "老人", "负责人",
    "记者", "代表", "户主", "村支书", "支书", "第一书记", "大学生", "之一",
)
_BOUNDARY_BEFORE = set("，。；：！？、“”（）\n 　由和与及同向对是请在据")


@lru_cache(maxsize=1)
def _leaders() -> Lexicon:
    return Lexicon({row[0]: row[0] for row in data_table("persons.tsv")})


def is_leader(name: str) -> bool:
    """True for a name of the leaders' list (Simplified).

    >>> is_leader("习近平"), is_leader("王永庆")
    (True, False)
    """
    return name in _leaders().entries


@lru_cache(maxsize=1)
def _titles() -> Lexicon:
    return Lexicon({ln.strip(): ln.strip() for ln in data_lines("person_titles.txt")})


@lru_cache(maxsize=1)
def _after_words() -> Lexicon:
    return Lexicon({w: w for w in _AFTER})


@lru_cache(maxsize=1)
def _roles() -> Lexicon:
    return Lexicon({w: w for w in _ROLES})


@lru_cache(maxsize=1)
def _stopnames() -> frozenset[str]:
    return data_words("person_stopnames.txt")


def _title_at(view: str, i: int) -> str | None:
    found = _titles().longest_at(view, i)
    return found[1] if found else None


def _title_before(view: str, a: int) -> str | None:
    return _titles().ends_at(view, a)


def _surname_len(view: str, a: int) -> int:
    s = data_words("surnames.txt")
    if view[a:a + 2] in s:
        return 2
    return 1 if view[a:a + 1] in s else 0


def _confirmed_after(view: str, b: int) -> bool:
    return _title_at(view, b) is not None or _after_words().longest_at(view, b) is not None


def find_persons(view: str, lo: int, hi: int, tokens: Sequence = ()) -> list[tuple[int, int, str]]:
    """``(start, end, normalized)`` of the persons named in ``view[lo:hi]``.

    ``tokens`` (the pipeline's, with jieba tags) add one more confirmation: a word tagged
    ``nr`` that starts with a surname and is followed by a verb of speech (李明表示).

    >>> v = "李克强总理作出批示，时任国务院副总理汪洋出席会议。搬迁群众王永庆说"
    >>> [v[a:b] for a, b, _ in find_persons(v, 0, len(v))]
    ['李克强', '汪洋', '王永庆']
    """
    out: list[tuple[int, int, str]] = []
    leaders = _leaders()
    taken: set[int] = set()
    for a, b, key, _ in leaders.finditer(view, lo, hi):
        if len(key) >= 3 or _confirmed_after(view, b) or _title_before(view, a) or _in_person_list(view, a, b, leaders):
            out.append((a, b, key))
            taken.update(range(a, b))
    # title + name (组长汪洋, 主任刘琦调研) and name + title (王某某书记): only near a cue word
    for i in _candidate_starts(view, lo, hi):
        if i in taken or not is_han(view[i]):
            continue
        n_sur = _surname_len(view, i)
        if not n_sur:
            continue
        before_title = _title_before(view, i)
        before_role = _roles().ends_at(view, i) if i - lo >= 2 else None
        boundary = i == lo or view[i - 1] in _BOUNDARY_BEFORE
        for length in (n_sur + 2, n_sur + 1):
            b = i + length
            if b > hi or not all(is_han(c) for c in view[i:b]) or any(p in taken for p in range(i, b)):
                continue
            name = view[i:b]
            if _title_at(view, i + n_sur) or any(c in "的了和与及在是为等" for c in name[1:]):
                continue
            if name[:2] in _stopnames() or name in _stopnames():
                continue
            after_title = _title_at(view, b)
            speech = any(view.startswith(w, b) for w in _SPEECH)
            if (before_title and (after_title or _confirmed_after(view, b) or _end(view, b))) or \
               (before_role and speech) or (boundary and after_title and after_title not in ("代表", "委员")):
                out.append((i, b, name))
                taken.update(range(i, b))
                break
    named = [t for t in tokens if t.tag == "nr" and lo <= t.start < t.end <= hi and 2 <= t.end - t.start <= 4]
    recurring = _recurring(view, named)
    for t in named:
        a, b = t.start, t.end
        if any(p in taken for p in range(a, b)):
            continue
        name = view[a:b]
        if not _surname_len(view, a) or name[:2] in _stopnames() or name in _stopnames():
            continue
        if any(view.startswith(w, b) for w in _SPEECH) or name in recurring:
            out.append((a, b, name))
            taken.update(range(a, b))
    out.sort()
    return out


def _recurring(view: str, named: Sequence) -> frozenset[str]:
    """Three-character words tagged as names that the document names twice or more, once at least
    after a clause boundary or a preposition (与吴佩孚有过来往) and once before punctuation or a
    function word (吴佩孚也反对): a full name repeated is a person even without a title. A given name that is an ordinary word (高|水平), a
    name glued to the word before it every time (执业|许可证) or followed by a company's suffix is
    not one; two-character ones (常委, 高明) are too often ordinary words."""
    seen: dict[str, int] = {}
    free_before: set[str] = set()
    free_after: set[str] = set()
    for t in named:
        name = view[t.start:t.end]
        if len(name) != 3 or _surname_len(view, t.start) != 1 or word_freq(name[1:]) >= _COMMON_GIVEN:
            continue
        if name.endswith(_NOT_GIVEN_END) or view.startswith(_COMPANY_AFTER, t.end):
            seen[name] = -99
            continue
        seen[name] = seen.get(name, 0) + 1
        if t.start == 0 or view[t.start - 1] in _BOUNDARY_BEFORE:
            free_before.add(name)
        if t.end >= len(view) or view[t.end] in _FREE_AFTER:
            free_after.add(name)
    return frozenset(n for n, k in seen.items() if k >= 2 and n in free_before and n in free_after)


#: what may follow a repeated name once at least: punctuation or a function word (吴佩孚也反对,
#: 反对了吴佩孚。), not a noun (毛乌素|沙地, 石羊河|流域, 马尼拉|会议) nor a closing quote (“黎从榕”)
_FREE_AFTER = frozenset("，。；：、！？）也有是在说的和与及就都还又已曾对把被将向")
#: a last character that makes the word an event or a body (兰洽会), not a given name
_NOT_GIVEN_END = ("会",)
#: a given name this frequent as a word is an ordinary word (水平, 质量)
_COMMON_GIVEN = 20
_COMPANY_AFTER = ("公司", "集团", "厂", "有限")


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern:
    words = set(_titles().entries) | set(_AFTER) | set(_ROLES)
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))


def _candidate_starts(view: str, lo: int, hi: int) -> list[int]:
    """Offsets where a name could start: right after a cue word, or two to four characters before one."""
    starts: set[int] = set()
    for m in _cue_pattern().finditer(view, lo, hi):
        starts.add(m.end())
        starts.update(range(max(lo, m.start() - 4), m.start() - 1))
    return sorted(p for p in starts if p < hi)


def _end(view: str, b: int) -> bool:
    return b >= len(view) or view[b] in "，。；、！？）\n"


def _in_person_list(view: str, a: int, b: int, leaders: Lexicon) -> bool:
    """True when the name stands in a 、-list next to another known leader (汪洋、韩正、胡春华等)."""
    if b < len(view) and view[b] == "、" and leaders.longest_at(view, b + 1) is not None:
        return True
    return a > 0 and view[a - 1] == "、" and any(
        leaders.longest_at(view, a - 1 - n) is not None for n in (2, 3) if a - 1 - n >= 0
    )
