"""Persons: known leaders (``persons.tsv``) and names confirmed by a title or a speech verb.

A bare part-of-speech tag is not evidence enough (jieba tags many ordinary words ``nr``). A
name is taken when it is a known leader of three characters or more, or a two-character one the
list marks ``alone`` (列宁: no ordinary word), but not where it opens a doctrine's name
(马克思|列宁主义); any other two-character leader's name (汪洋, 韩正) also needs a title, 同志,
a list of persons or a verb of speech next to it; a name before 代表/委员 needs a verb of
speech after the title too (叶圣陶代表发表了…, not 某某代表国务院);
any other name (a surname of ``surnames.txt`` plus one or two characters) needs a title before
or after it (组长汪洋, 李克强总理) or a role noun and a verb of speech around it
(搬迁群众王永庆说); a three-character word the segmentation tags as a name is taken when a verb of
speech follows it or when the document names it twice or more; the names at the head of a reply
(周桂英代表：, see ``addressees``) are taken too. The surface is the name alone, without its title.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from analyser.data import lines as data_lines
from analyser.data import table as data_table
from analyser.data import words as data_words
from analyser.text.segment import get_tokenizer

from ._lexicon import Lexicon, is_han
from ._words import word_freq
from .addressees import find_addressees
from .places import place_lexicon
from .rosters import roster_persons

__all__ = ["find_persons", "foreign_like", "is_leader", "more_mentions", "titled"]

#: Words after a name that confirm it (verbs of speech and action in reports, 同志).
_AFTER = (
    "同志", "说", "表示", "指出", "强调", "介绍", "告诉", "感慨", "出席", "主持", "调研", "考察", "参加",
    "讲话", "会见", "作出", "批示", "视察", "看望", "提出", "在", "等", "担任", "兼任", "亦",
    "今日", "今天", "昨日", "昨天", "日前", "近日",
)
#: words of thanks after which a name opens (多谢陈克勤议员, in Hong Kong speeches)
_THANKS = ("多谢", "谢谢", "感谢")
_SPEECH = ("说", "表示", "指出", "强调", "介绍", "告诉", "感慨", "出席", "主持")
#: Role nouns before a name (搬迁群众王永庆说).
_ROLES = (
    "群众", "村民", "居民", "农民", "贫困户", "脱贫户", "党员", "干部", "工人", "职工", "老人", "负责人",
    "记者", "代表", "户主", "村支书", "支书", "第一书记", "大学生", "之一", "组员",
)
#: titles that are also verbs (李克强代表国务院): after a name they confirm it only when the
#: person then speaks or writes (叶圣陶代表发表了…, 某某委员指出)
_VERB_TITLES = ("代表", "委员")
_STATES = _SPEECH + ("发表", "提出", "建议", "呼吁", "认为", "写道")
_BOUNDARY_BEFORE = set("，。；：！？、“”（）\n 　由和与及同向对是请在据当被让给跟")


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
def _alone() -> frozenset[str]:
    """Two-character names of ``persons.tsv`` marked ``alone``: no ordinary word (列宁; not 汪洋)."""
    return frozenset(row[0] for row in data_table("persons.tsv") if len(row) > 2 and row[2] == "alone")


#: what turns a name into the name of a doctrine (马克思主义, 列宁主义)
_ISM = "主义"


def _in_doctrine(view: str, b: int, leaders: Lexicon) -> bool:
    """True when the name ending at ``b`` opens a doctrine's name: 主义 follows, or another name
    of the list and 主义 (马克思|列宁主义).

    >>> _in_doctrine("马克思列宁主义", 3, _leaders()), _in_doctrine("马克思说", 3, _leaders())
    (True, False)
    """
    if view.startswith(_ISM, b):
        return True
    found = leaders.longest_at(view, b)
    return found is not None and view.startswith(_ISM, found[0])


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


def titled(view: str, a: int) -> bool:
    """True when a title ends right before ``a`` (行政长官|李家超).

    >>> titled("行政长官李家超在", 4), titled("宗教局局长", 0)
    (True, False)
    """
    return _title_before(view, a) is not None


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
        if _in_doctrine(view, b, leaders):
            continue
        if len(key) >= 3 or key in _alone() or _confirmed_after(view, b) or _title_before(view, a) or _in_person_list(view, a, b, leaders):
            out.append((a, b, key))
            taken.update(range(a, b))
    # the persons addressed at the head of a reply (周桂英、邓明义代表：)
    for a, b, name in find_addressees(view, _head_start(view, lo), hi, _addressee_like):
        if not any(p in taken for p in range(a, b)):
            out.append((a, b, name))
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
        boundary = i == lo or view[i - 1] in _BOUNDARY_BEFORE or view.endswith(_THANKS, lo, i)
        for length in (n_sur + 2, n_sur + 1):
            b = i + length
            if b > hi or not all(is_han(c) for c in view[i:b]) or any(p in taken for p in range(i, b)):
                continue
            name = view[i:b]
            if _title_at(view, i + n_sur) or any(c in "的了和与及在是为等" for c in name[1:]):
                continue
            if name[:2] in _stopnames() or name in _stopnames() or _function_head(name):
                continue
            if length == n_sur + 1 and word_freq(name) and not _name_like(name):
                continue  # 议员|关注: a word of the dictionary, not a given name
            after_title = _title_at(view, b)
            speech = any(view.startswith(w, b) for w in _SPEECH)
            if (before_title and (after_title or _confirmed_after(view, b) or _end(view, b) or view[b:b + 1] in _JOINS and _name_like(name))) or \
               (before_role and (speech or after_title == "同志")) or \
               (boundary and after_title and (after_title not in _VERB_TITLES or _speaks(view, b + len(after_title)))):
                out.append((i, b, name))
                taken.update(range(i, b))
                break
    for a, b in _foreign_before_title(view, lo, hi, taken):  # 米诺尔和佩斯林同志
        out.append((a, b, view[a:b]))
        taken.update(range(a, b))
    for a, b in _dictionary_names_titled(view, lo, hi, tokens, taken):  # 克林顿总统, 总统克林顿
        out.append((a, b, view[a:b]))
        taken.update(range(a, b))
    named = [t for t in tokens if t.tag == "nr" and lo <= t.start < t.end <= hi and 2 <= t.end - t.start <= 4]
    recurring = _recurring(view, named)
    for t in named:
        a, b = t.start, t.end
        if any(p in taken for p in range(a, b)):
            continue
        name = view[a:b]
        if not _surname_len(view, a) or name[:2] in _stopnames() or name in _stopnames():
            continue
        if any(view.startswith(w, b) for w in _SPEECH) or name in recurring or _heading_a_group(view, a, b):
            out.append((a, b, name))
            taken.update(range(a, b))
    for a, b, name in roster_persons(view, lo, hi):
        if not any(p in taken for p in range(a, b)):
            out.append((a, b, name))
            taken.update(range(a, b))
    out.sort()
    return out


def more_mentions(view: str, lo: int, hi: int, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The mentions ``found`` (names already checked against word boundaries) lead to: names in a
    、-list with one of them, and the other mentions of each name in the document.

    >>> v = "粉碎王洪文、张春桥、江青、姚文元反党集团。江青有野心。"
    >>> [v[a:b] for a, b, _ in more_mentions(v, 0, len(v), [(2, 5, "王洪文"), (6, 9, "张春桥")])]
    ['江青', '江青']
    """
    taken = {p for a, b, _ in found for p in range(a, b)}
    listed = _coordinated(view, lo, hi, found, taken)
    listed += _with_pronoun(view, lo, hi, taken)
    again = _named_again(view, lo, hi, [(a, b, n) for a, b, n in found if is_leader(n) or _name_like(n) or foreign_like(n)]
                         + listed, taken)
    # the other mentions found may stand beside a name of their own (陈独秀，米诺尔和佩斯林在内)
    more = _coordinated(view, lo, hi, again, taken)
    return sorted(listed + again + more + _named_again(view, lo, hi, more, taken))


#: surnames that are also function words (和, 向, 于 …): followed by a frequent word they are the
#: word before it (中央委员和其他同志, 向毛主席), not a name
_FUNCTION_SURNAMES = frozenset("和向于同高从将把为")


def _function_head(name: str) -> bool:
    """True for 和其他, 向毛, 高举毛: a function-word surname followed by an ordinary word."""
    if name[0] not in _FUNCTION_SURNAMES:
        return False
    if len(name) >= 3 and word_freq(name[:2]) >= _COMMON_GIVEN:  # 高举|毛, 和其|他
        return True
    # 和|其他, 向|毛; 高 is above all a surname: 高建国, 高明 stay names
    return name[0] != "高" and word_freq(name[1:]) >= _COMMON_GIVEN


def _name_like(name: str) -> bool:
    """A surname and one or two characters, no function word, title or listed non-name, that the
    dictionary either does not know or knows as a person's name (关系, 万岁, 党委 are words)."""
    n_sur = _surname_len(name, 0)
    if _function_head(name) or _title_at(name, n_sur) is not None:
        return False
    if word_freq(name):
        tokens = get_tokenizer().tokenize(name)
        if len(tokens) != 1 or not tokens[0].tag.startswith("nr"):
            return False
    return (
        bool(n_sur) and n_sur + 1 <= len(name) <= n_sur + 2 and all(is_han(c) for c in name)
        and not any(c in "的了和与及在是为等" for c in name[1:])
        and name[:2] not in _stopnames() and name not in _stopnames()
    )


#: how many lines before the body a reply's address may stand (the address, the opening sentence)
_HEAD_LINES = 2


def _head_start(view: str, lo: int) -> int:
    """The start of the few lines before ``lo`` when ``lo`` starts a line (else ``lo``): a reply's
    body may begin after the line addressing it and the opening sentence (周桂英等代表：\\n你们
    提出的建议收悉，现答复如下：).

    >>> v = "国办函〔2006〕71号\\n周桂英等代表：\\n你们提出的建议收悉，现答复如下：\\n随着"
    >>> v[_head_start(v, v.index("随着")):]
    '周桂英等代表：\\n你们提出的建议收悉，现答复如下：\\n随着'
    """
    if lo <= 0 or view[lo - 1] not in "\n\r":
        return lo
    k = lo
    for _ in range(_HEAD_LINES):
        while k > 0 and view[k - 1] in "\n\r \t\u3000":
            k -= 1
        if k <= 0:
            return 0
        k = view.rfind("\n", 0, k) + 1
    return k


def _addressee_like(name: str) -> bool:
    """A name shaped like one (``_name_like``) that the segmentation does not read as one other
    word (曾任 is an adverb): the address frame has no title to confirm it.

    >>> _addressee_like("邓明义"), _addressee_like("曾任"), _addressee_like("各位")
    (True, False, False)
    """
    if not _name_like(name):
        return False
    tokens = get_tokenizer().tokenize(name)
    return not (len(tokens) == 1 and not tokens[0].tag.startswith("nr"))


def _coordinated(view: str, lo: int, hi: int, found: list, taken: set[int]) -> list[tuple[int, int, str]]:
    """Names in a 、-list with a confirmed name (王洪文、张春桥、江青、姚文元): every item of the
    list must be shaped like a name, ending at the next 、 or at a non-name character."""
    out: list[tuple[int, int, str]] = []
    ends = {a: b for a, b, _ in found}
    starts = {b: a for a, b, _ in found}
    for a, b, _ in sorted(found):
        k = b
        while k < hi and view[k] == "、":  # items after the confirmed name
            item = ends.get(k + 1) or _item_at(view, k + 1, hi, taken)
            if item is None:
                break
            if k + 1 not in ends:
                out.append((k + 1, item, view[k + 1:item]))
                taken.update(range(k + 1, item))
            k = item
        if view[k:k + 1] in _JOINS:  # 陈独秀和米诺尔: one name after a conjunction
            item = _item_at(view, k + 1, hi, taken) or _foreign_item_at(view, k + 1, hi, taken)
            if item is not None and k + 1 not in ends:
                out.append((k + 1, item, view[k + 1:item]))
                taken.update(range(k + 1, item))
        if a - 1 > lo and view[a - 1] in _JOINS:  # ，米诺尔和佩斯林: one name before it, after a clause boundary
            start = next((a - 1 - n for n in (4, 3, 2) if a - 1 - n >= lo and view[a - 2 - n] in _CLAUSE_BOUNDARY
                          and (_name_like(view[a - 1 - n:a - 1]) or foreign_like(view[a - 1 - n:a - 1]))
                          and not any(p in taken for p in range(a - 1 - n, a - 1))), None)
            if start is not None:
                out.append((start, a - 1, view[start:a - 1]))
                taken.update(range(start, a - 1))
        k = a
        while k > lo and view[k - 1] == "、":  # items before it
            start = starts.get(k - 1)
            if start is None:
                start = next((k - 1 - n for n in (3, 2) if k - 1 - n >= lo and _item_at(view, k - 1 - n, k - 1, taken) == k - 1
                              and (k - 1 - n == lo or not is_han(view[k - 2 - n]) or view[k - 2 - n] in "、和与及把对由同向将")), None)
                if start is None:
                    break
                out.append((start, k - 1, view[start:k - 1]))
                taken.update(range(start, k - 1))
            k = start
    return out


#: conjunctions joining two names (米诺尔和佩斯林)
_JOINS = frozenset("和与及")
#: characters that end a clause or a list before a name
_CLAUSE_BOUNDARY = frozenset("，。；：、！？（“\n")
#: personal pronouns a list of names may end with (谭平山、谭植棠和我), and the characters that make
#: the pronoun the head of another word (我国, 我们, 我省, 他们)
_PRONOUNS = frozenset("我他她")
_NOT_PRONOUN_AFTER = frozenset("们国省市区县州党军方部局院校厂司乡镇村")


@lru_cache(maxsize=1)
def _foreign_chars() -> frozenset[str]:
    return frozenset("".join(data_words("transliteration_chars.txt")))


def foreign_like(name: str) -> bool:
    """Two to four characters of the transliteration table that make no common word (佩斯林, 米诺尔;
    not 海南).

    >>> foreign_like("佩斯林"), foreign_like("海南"), foreign_like("同志")
    (True, False, False)
    """
    return 2 <= len(name) <= 4 and all(c in _foreign_chars() for c in name) and word_freq(name) < _COMMON_GIVEN


def _foreign_before_title(view: str, lo: int, hi: int, taken: set[int]) -> list[tuple[int, int]]:
    """Foreign names before 同志 or a title (佩斯林同志): the whole run of transliteration characters
    before the word, opening at a clause boundary or a conjunction.

    >>> v = "只有米诺尔和佩斯林同志是共产主义者。全体同志"
    >>> [v[a:b] for a, b in _foreign_before_title(v, 0, len(v), set())]
    ['佩斯林']
    """
    out: list[tuple[int, int]] = []
    chars = _foreign_chars()
    for m in _titles_pattern().finditer(view, lo, hi):
        b = m.start()
        a = b
        while a > lo and b - a <= 4 and view[a - 1] in chars:
            a -= 1
        if b - a < 2 or b - a > 4 or any(p in taken for p in range(a, b)):
            continue
        if (a == lo or view[a - 1] in _BOUNDARY_BEFORE) and foreign_like(view[a:b]):
            out.append((a, b))
    return out


#: tags the segmentation's dictionary gives to persons' names (克林顿 nr, 戈尔巴乔夫 nrt)
_NAME_TAGS = ("nr", "nrt")


def _dictionary_names_titled(view: str, lo: int, hi: int, tokens: Sequence, taken: set[int]) -> list[tuple[int, int]]:
    """Names the segmentation's dictionary knows as persons' (a word tagged ``nr``/``nrt``, foreign
    ones without a Chinese surname: 克林顿, 叶利钦, 戈尔巴乔夫) right after or right before a title
    (美国总统克林顿, 与克林顿总统): the title confirms the tag. A word of the dictionary is a whole word,
    so no transliteration table is needed. The word must also end at punctuation, a title, a verb or
    a function word: the segmentation cuts unknown names short (董事长王士|永受到).

    >>> from analyser.text.segment import get_tokenizer
    >>> v = "江泽民主席与克林顿总统会晤。总统叶利钦访华。同布什总统会晤，俄罗斯总统普京访华。"
    >>> [v[a:b] for a, b in _dictionary_names_titled(v, 0, len(v), get_tokenizer().tokenize(v), set())]
    ['江泽民', '克林顿', '叶利钦', '布什', '普京']
    """
    out: list[tuple[int, int]] = []
    prev = None
    titles = _titles()
    title_ends = titles.last_chars()
    for t in tokens:
        a, b, tag = t.start, t.end, t.tag
        one_before, prev = prev, t
        if not lo <= a < b <= hi:
            continue
        if tag in _NAME_TAGS:
            title = None
        else:
            title = titles.ends_at(view, b) if view[b - 1] in title_ends else None
            if title is None and tag not in _OTHER_PROPER:
                continue  # most words: neither a name's tag nor a title at their end
        if any(p in taken for p in range(a, b)):
            continue
        if title is not None and 2 <= b - len(title) - a <= 5:  # 布什总统: one word of the dictionary
            head = get_tokenizer().tokenize(view[a:b - len(title)])
            if len(head) != 1 or head[0].tag not in _NAME_TAGS:
                continue
            b, tag = b - len(title), head[0].tag
        elif tag not in _NAME_TAGS and (tag not in _OTHER_PROPER or _known_place(view[a:b])):
            continue  # 总理|北京: a place the gazetteer knows stays a place
        if not 2 <= b - a <= 5:
            continue
        if one_before is not None and one_before.end == a and one_before.end - one_before.start == 1 \
                and _surname_len(view, a - 1) == 1 and b - a == 2:
            a -= 1  # 警察|彭|宝林同志: a surname the segmentation left on its own opens the name
        name = view[a:b]
        if not all(is_han(c) for c in name) or name in _stopnames() or name[:2] in _stopnames():
            continue
        if len(name) == 2 and name[0] == name[1]:
            continue  # 殷殷, 谆谆: a reduplicated adverb, not a given name
        if word_freq(name) >= _COMMON_TAGGED and not is_leader(name):
            continue  # 明白, 阳光, 卫星: words this frequent are ordinary words whatever their tag
        before, after = _title_before(view, a), _title_at(view, b)
        if after is not None and not _word_ends(view, b, b + len(after)):
            after = None  # 领导人|员, 首脑会议: the title runs on into another word
        if tag not in _NAME_TAGS and not (before in _HEAD_TITLES and _after_a_country(view, a - len(before))):
            continue  # 俄罗斯总统普京 (ns), 朝鲜领导人金正日 (nz): a head of a state or body named before
        if view.startswith("当局", b) and tag in _NAME_TAGS:
            after = "当局"  # 陈水扁当局: the authorities a leader heads
        if before in _GROUP_TITLES or after in _GROUP_TITLES:
            continue  # 代表, 委员: a deputy's title also follows a place or a body (全国人大|代表)
        if not (after or _end(view, b) or _clause_goes_on(view, b)):
            continue  # 董事长王士|永受到: the segmentation cuts unknown names short; a name needs a clear end
        if (before or after) and (before or after == "同志" or a == lo or view[a - 1] in _BOUNDARY_BEFORE):
            out.append((a, b))
    return out


def _word_ends(view: str, b: int, e: int) -> bool:
    """True when the segmentation of the text from ``b`` ends a word at ``e`` (总统|访华, not 领导人员)."""
    k = b
    for w in get_tokenizer().tokenize(view[b:e + 4]):
        k += len(w.text)
        if k >= e:
            return k == e
    return True


def _after_a_country(view: str, k: int) -> bool:
    """True when a place the gazetteer knows or 联合国 ends at ``k`` (俄罗斯|总统, 联合国|秘书长)."""
    return place_lexicon().ends_at(view, k) is not None or view.endswith("联合国", 0, k)


def _known_place(word: str) -> bool:
    return word in place_lexicon().entries


#: a word tagged a name by the segmentation this frequent is an ordinary word (明白 10875, 阳光 3451),
#: unless a leader of ``persons.tsv`` (毛泽东); foreign leaders' names stay below (布什 708, 陈水扁 800)
_COMMON_TAGGED = 3000
#: tags of proper nouns other than persons' names (普京 ns, 金正日 nz)
_OTHER_PROPER = ("ns", "nz")
#: titles of heads of state, government or an international body, after which a proper noun the
#: segmentation tags a place or another name is a person (总统|普京, 秘书长|安南, 领导人|金正日)
_HEAD_TITLES = frozenset({"总统", "首相", "总理", "国王", "女王", "秘书长", "领导人", "行政长官", "特首"})


def _clause_goes_on(view: str, b: int) -> bool:
    """True when the word after ``b`` is a verb, a preposition, a conjunction or a particle (克林顿|访华,
    叶利钦|在), not the rest of a name (王士|永受到).

    >>> _clause_goes_on("克林顿访华", 3), _clause_goes_on("王士永受到", 2)
    (True, False)
    """
    words = get_tokenizer().tokenize(view[b:b + 6])
    return bool(words) and words[0].tag[:1] in ("v", "p", "c", "u") and words[0].text not in ("中",)


#: titles that also follow a body or a place (人大代表, 政协委员), too weak to confirm a tag alone
_GROUP_TITLES = frozenset({"代表", "委员"})
#: 以…为代表 / 为首 / 为核心: the one who heads a group (以李登辉为代表的…势力)
_HEADS = ("为代表", "为首", "为核心")


def _heading_a_group(view: str, a: int, b: int) -> bool:
    """True when the name stands in 以…为代表/为首/为核心 (以李登辉为代表的台湾分裂势力).

    >>> v = "打击以李登辉为代表的分裂势力"
    >>> _heading_a_group(v, 3, 6), _heading_a_group("以上为代表", 1, 2)
    (True, False)
    """
    return view[a - 1:a] == "以" and any(view.startswith(w, b) for w in _HEADS) and b - a >= 2 and _surname_len(view, a) > 0


@lru_cache(maxsize=1)
def _titles_pattern() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, _titles().entries), key=len, reverse=True)))


def _foreign_item_at(view: str, i: int, hi: int, taken: set[int]) -> int | None:
    """The end of a foreign name starting at ``i`` and ending before punctuation, 同志 or a title."""
    for n in (4, 3, 2):
        b = i + n
        if b <= hi and foreign_like(view[i:b]) and not any(p in taken for p in range(i, b)) \
                and (b == hi or not is_han(view[b]) or view[b] in "和与及在" or _title_at(view, b)):
            return b
    return None


def _with_pronoun(view: str, lo: int, hi: int, taken: set[int]) -> list[tuple[int, int, str]]:
    """Names in a list closed by a personal pronoun (谭平山、谭植棠和我拒绝加入): each item shaped like
    a name, the first opening at a clause boundary.

    >>> v = "由于观点不一致，谭平山、谭植棠和我拒绝加入。"
    >>> [n for _, _, n in _with_pronoun(v, 0, len(v), set())]
    ['谭平山', '谭植棠']
    """
    out: list[tuple[int, int, str]] = []
    for m in re.finditer("[和与及同]([我他她])", view[lo:hi]):
        j, p = lo + m.start(), lo + m.end()
        if view[p:p + 1] in _NOT_PRONOUN_AFTER:
            continue
        items: list[tuple[int, int]] = []
        end = j
        while True:
            start = next((end - n for n in (3, 2) if end - n >= lo and _name_like(view[end - n:end])
                          and not any(q in taken for q in range(end - n, end))
                          and (end - n == lo or view[end - n - 1] in _CLAUSE_BOUNDARY)), None)
            if start is None:
                break
            items.append((start, end))
            if start - 1 < lo or view[start - 1] != "、":
                break
            end = start - 1
        if items and (items[-1][0] == lo or view[items[-1][0] - 1] in _CLAUSE_BOUNDARY - {"、"}):
            for a, b in reversed(items):
                out.append((a, b, view[a:b]))
                taken.update(range(a, b))
    return out


def _item_at(view: str, i: int, hi: int, taken: set[int]) -> int | None:
    """The end of a name-shaped list item starting at ``i``: two to four characters followed by
    、, punctuation or a word confirming a name (姚文元出席); 姚文元反党集团 ends no item."""
    for n in (2, 3, 4):
        b = i + n
        if b > hi or any(p in taken for p in range(i, b)):
            continue
        if _name_like(view[i:b]) and (b == hi or view[b] == "、" or view[b] in _JOINS or not is_han(view[b]) or _confirmed_after(view, b)):
            return b
    return None


#: words after a name that make it the name of a doctrine (马克思主义, 马克思列宁主义), not a mention
_DOCTRINE = ("主义", "列宁主义", "思想", "理论", "学说")


def _named_again(view: str, lo: int, hi: int, found: list, taken: set[int]) -> list[tuple[int, int, str]]:
    """Later and earlier mentions of a name the document has confirmed once (江青 … 江青有野心): the
    same characters are the same person. Word boundaries are checked by the caller."""
    names = {view[a:b]: norm for a, b, norm in found if b - a >= 2 and "\u3000" not in view[a:b]}
    names.update({norm: norm for _, _, norm in found if len(norm) >= 2})
    out: list[tuple[int, int, str]] = []
    for name, norm in sorted(names.items(), key=lambda kv: -len(kv[0])):
        k = view.find(name, lo, hi)
        while k >= 0:
            b = k + len(name)
            if not any(p in taken for p in range(k, b)) and not view.startswith(_DOCTRINE, b):
                out.append((k, b, norm))
                taken.update(range(k, b))
            k = view.find(name, b, hi)
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


def _speaks(view: str, i: int) -> bool:
    """True when a verb of speech or of stating a view opens at ``i`` (叶圣陶代表|发表了)."""
    return view.startswith(_STATES, i)


def _end(view: str, b: int) -> bool:
    return b >= len(view) or view[b] in "，。；、！？）\n"


def _in_person_list(view: str, a: int, b: int, leaders: Lexicon) -> bool:
    """True when the name stands in a 、-list next to another known leader (汪洋、韩正、胡春华等)."""
    if b < len(view) and view[b] == "、" and leaders.longest_at(view, b + 1) is not None:
        return True
    return a > 0 and view[a - 1] == "、" and any(
        leaders.longest_at(view, a - 1 - n) is not None for n in (2, 3) if a - 1 - n >= 0
    )
