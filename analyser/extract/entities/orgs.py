"""Organisations: a lexicon of central bodies plus patterns for local and named bodies.

* ``orgs.tsv``: party, state, ministries, commissions, mass organisations … with their short
  forms (发展改革委, 扶贫办, 人民银行); the longest form wins, so 国务院 inside
  国务院扶贫开发领导小组 is not listed on its own, while 国务院副总理 yields 国务院.
* bare 中央 only when a verb follows (中央明确, 中央召开): 中央预算内投资 is not an organisation.
* a division followed by a body (贵州省人民政府, 河南省发展改革委, 中共贵州省委) is one local
  organisation, with the divisions named before it (广东省深圳市人民政府); a bare 省委 / 省政府 /
  自治区党委 is the body of the division the document is about,
  and is skipped when the document is about none (县委书记要… in a national text is generic).
* named teams, institutions and enterprises by suffix (…国家验收组, …领导小组, …交流合作中心,
  鞍山钢铁公司, 海州露天煤矿, 重工业部), their left edge found by walking back over the name to a
  function word, punctuation or a lead-in verb (``org_leadins.txt``); kinds of body
  (污水处理厂, 上市公司) and 、-lists of plant types are not named organisations.
* Hong Kong, Macau and Taiwan bodies (发展局, 社会福利署, 立法院) from ``orgs.tsv``, skipped when
  glued to a preceding name (经济发展局 of a mainland development zone).
* unions, leagues, committees, banks and departments whose name opens with a place or a named
  body (萍乡矿工工会, 呼伦贝尔农村商业银行, 共产国际执行委员会, 武警总部后勤部), or that are quoted
  as a name (“争取民权同盟”); the suffixes are the ``place_body`` group of ``org_suffixes.txt``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analyser.data import groups as data_groups
from analyser.data import lines as data_lines
from analyser.data import table as data_table

from analyser.text.segment import get_tokenizer

from ._lexicon import Lexicon, is_han
from ._words import WordBounds, word_freq

__all__ = ["find_orgs", "org_words", "regional_centre"]

_CUES = data_groups("org_cues.txt")
_SUFFIXES = data_groups("org_suffixes.txt")
_CENTRAL_VERBS = _CUES["central_verbs"]
_LOCAL_BODY = re.compile(
    r"(?:省|市|县|区|州|旗|盟|自治区|自治州|自治县)?"
    r"(?:(?:人民政府|地方政府|政府|党委)(?:办公厅|办公室)?|省委|市委|县委|区委|州委|人大常委会|政协|纪委|监委|"
    rf"(?:{'|'.join(_CUES['sectors'])})(?:{'|'.join(_CUES['sector_bodies'])})|委员会|委(?![托屈婉]))"
)
_OWN_BODY = re.compile(
    r"(?P<level>自治区|自治州|省|市|县|区|州)(?:(?:党委|人民政府|政府)(?:办公厅|办公室)?|委(?![托屈婉员])|人大常委会|人大|政协|纪委)"
)
_GENERIC_BEFORE = set(_CUES["generic_before"])
_TEAM_SUFFIX = _SUFFIXES["team"]
_ENTERPRISE_SUFFIX = _SUFFIXES["enterprise"]
_LEAD_WORDS = "|".join(_CUES["lead_words"])
_LEAD_LIST = tuple(sorted(_LEAD_WORDS.split("|") + ["和", "与", "及"], key=len, reverse=True))
_CONTENT_COMPOUND = ("对", "等")
_LEAD_IN = re.compile(rf".*(?:{_LEAD_WORDS}|和|与|及)")
#: a name opening with one of these keeps its inner 与/和 (国际葡萄与葡萄酒…交流合作中心)
_LEAD_IN_NAMED = re.compile(rf".*(?:{_LEAD_WORDS})(?=国际|中国|中华|全国|亚洲)|.*(?:{_LEAD_WORDS})")
_NAME_OPENERS = _CUES["name_openers"]
_INSTITUTION_SUFFIX = _SUFFIXES["institution"]
#: schools and hospitals are named only when the name opens with a place (兰州大学, 宁夏妇儿医院):
#: 一流大学, 公立医院, 县级医院 are kinds
_PLACE_NAMED_SUFFIX = _SUFFIXES["place_named"]
#: characters that, right after a short name ending in 部 / 局 / 委, make it another word
_NOT_AFTER = dict(zip(_CUES["not_after"][::2], _CUES["not_after"][1::2]))
_STOP = set("，。；：！？、（）()《》\n 　\t0123456789个年吨座万亿千百批级")


@lru_cache(maxsize=1)
def _leadins() -> tuple[frozenset[str], frozenset[str]]:
    """Lead-in words cut from a name's left edge, and generic modifiers of unnamed bodies."""
    groups: dict[str, set[str]] = {"leadin": set(), "generic": set()}
    current = "leadin"
    for ln in data_lines("org_leadins.txt"):
        if ln.startswith("["):
            current = ln.strip("[] ")
            continue
        groups.setdefault(current, set()).update(ln.split())
    return frozenset(groups["leadin"]), frozenset(groups["generic"])


def org_words() -> tuple[frozenset[str], frozenset[str]]:
    """The lead-in words (cut from a name's left edge) and the generic modifiers of unnamed bodies
    (``org_leadins.txt``).

    >>> leadins, generic = org_words()
    >>> "引进" in leadins, "国有" in generic
    (True, True)
    """
    return _leadins()


#: tags of words a name does not hold: verbs, prepositions, conjunctions, pronouns
_CLAUSE_TAGS = frozenset({"p", "c", "r"})


def _after_clause_words(view: str, a: int, s: int) -> int:
    """Where the name before a suffix begins once the words of the clause around it are cut: after
    the last verb, preposition, conjunction or pronoun the segmentation finds in ``view[a:s]``
    (反对以|苏修叛徒集团, 美国纠集|东南亚条约集团, 说什么|刘少奇叛徒集团).

    >>> v = "反对以苏修叛徒集团"
    >>> v[_after_clause_words(v, 0, 7):]
    '苏修叛徒集团'
    """
    tok = get_tokenizer()
    pos, cut = a, a
    for t in tok.tokenize(view[a:s]):
        if tok.dictionary_tag(t.text) is None:  # a guessed word (以苏修, 同以): its leading function characters
            k = 0
            while k < len(t.text) - 1 and tok.dictionary_tag(t.text[k]) in _CLAUSE_TAGS:
                k += 1
            if k and tok.dictionary_tag(t.text[k]) in _CLAUSE_TAGS and k == len(t.text) - 1:
                k += 1
            cut = pos + k if k else cut
        elif t.tag in _CLAUSE_TAGS:
            cut = pos + len(t.text)
        pos += len(t.text)
    return cut


_CLIQUE_WORDS = tuple(sorted(_CUES["clique_words"], key=len, reverse=True))
_NAME_TAGS = ("nr", "ns", "nt")


def _unnamed_clique(stem: str) -> bool:
    """True when the words before 集团 describe a political clique without naming it: once the
    clique words are cut from its end, no person's, place's or quoted name is left
    (反革命阴谋|集团; not 林彪|反党集团, 苏修|叛徒集团, “四人帮”|反党集团).

    >>> _unnamed_clique("反革命阴谋"), _unnamed_clique("林彪反党"), _unnamed_clique("大兴安岭森工")
    (True, False, False)
    """
    rest, cut = stem, False
    while True:
        w = next((w for w in _CLIQUE_WORDS if rest.endswith(w)), None)
        if w is None:
            break
        rest, cut = rest[: -len(w)], True
    if not cut:
        return False
    if rest.endswith("”"):
        return False
    words = get_tokenizer().tokenize(rest)
    return not any(t.tag.startswith(_NAME_TAGS) for t in words)


def _trim_leadins(view: str, a: int, s: int) -> int:
    leadins, _ = _leadins()
    changed = True
    while changed and a < s:
        changed = False
        for w in leadins:
            if view.startswith(w, a) and a + len(w) < s:
                a += len(w)
                changed = True
                break
    return a


@lru_cache(maxsize=1)
def _institution_words() -> dict[str, tuple[str, ...]]:
    """Field words ending the part between the place and 大学 / 学院 (``school``) or 医院 (``hospital``)."""
    groups: dict[str, set[str]] = {}
    current = "school"
    for ln in data_lines("org_institution_words.txt"):
        if ln.startswith("["):
            current = ln.strip("[] ")
            continue
        groups.setdefault(current, set()).update(ln.split())
    return {k: tuple(v) for k, v in groups.items()}


def _place_named_ok(view: str, place_end: int, s: int) -> bool:
    """兰州大学, 昆明理工大学, 宁夏妇儿医院: nothing or a field word between the place and the suffix."""
    rest = view[place_end:s]
    fields = _institution_words().get("hospital" if view.startswith("医院", s) else "school", ())
    return rest == "" or len(rest) <= 8 and rest.endswith(fields)


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    return Lexicon({row[0]: (row[1], row[2]) for row in data_table("orgs.tsv") if len(row) >= 3})


def _left_edge(view: str, s: int, lo: int, limit: int = 14, bounds: WordBounds | None = None) -> int:
    """Walk back from ``s`` over the name (a “quoted” chunk included) to a boundary. A lead-in
    word inside a longer word leads in with that word (作为, 二是), unless it is 对 or 等, whose
    compounds are content words of the name (中央应对疫情工作领导小组, 高等研究院)."""
    a = s
    while a > lo and s - a < limit:
        ch = view[a - 1]
        if ch == "”":
            q = view.rfind("“", max(lo, a - 10), a - 1)
            if q < 0:
                break
            a = q
            continue
        if ch in "-－—–•·・" and a - 2 >= lo and is_han(view[a - 2]):  # 中国—东盟…中心, 大连重工•起重集团公司
            a -= 1
            continue
        if ch in _STOP or not is_han(ch):
            break
        a -= 1
    text = view[a:s]
    while True:
        m = _LEAD_IN.match(text)
        if m and any(o in text[: m.end()] for o in _NAME_OPENERS):
            m = _LEAD_IN_NAMED.match(text)
        if not m:
            return a
        e = m.end()
        w = next(w for w in _LEAD_LIST if text.endswith(w, 0, e))
        if bounds is None or not bounds.straddles(a + e - len(w), a + e):
            return a + e
        if w not in _CONTENT_COMPOUND and not _content_word(view, bounds, a + e - 1):  # 二是, 作为, 就是: the whole word leads in
            return max(a + e, bounds.word_end(a + e - 1))
        text = text[: e - 1] + "\0" + text[e:]  # 中央应对疫情工作领导小组: mask 对, look further left


def _content_word(view: str, bounds: WordBounds, p: int) -> bool:
    """True when the word holding ``p`` is a noun or an adjective of the name (自由 in
    国务院自由贸易试验区…联席会议), not a verb or a particle leading in."""
    a, b = bounds.word_start(p), bounds.word_end(p)
    if b - a < 2:
        return False
    words = get_tokenizer().tokenize(view[a:b])
    return len(words) == 1 and words[0].tag[:1] in ("n", "a", "b", "l", "j")


_FREE_BEFORE = set("由与和及向对经在的是为将把被从等了、，。；：（“《\n ")
_REGION_HEADS = _CUES["region_heads"]


def _glued(view: str, a: int, lo: int, places: list[tuple[int, int]]) -> bool:
    """True when the name at ``a`` continues a preceding name (经济|发展局) rather than opening
    one: a Han character other than a function word, a place or a government name precedes it."""
    if a <= lo or not is_han(view[a - 1]) or view[a - 1] in _FREE_BEFORE:
        return False
    before = view[max(lo, a - 4):a]
    if before.endswith(_REGION_HEADS) or before.endswith(_LEAD_LIST) or any(before.endswith(w) for w in _leadins()[0]):
        return False
    return not any(b == a for _, b in places)


def _opening_place(view: str, a: int, lo: int, place_ends: dict[int, int]) -> int | None:
    """The start of a place (``place_ends``: end -> start) that opens the name glued before ``a``
    (香港|贸易|发展局): at most six Han characters and no function word between; ``None`` without one."""
    for e in range(a - 1, max(lo, a - 7), -1):
        if e in place_ends:
            ok = place_ends[e] >= lo and all(is_han(c) and c not in _FREE_BEFORE for c in view[e:a])
            return place_ends[e] if ok else None
    return None


class _Spans:
    """Non-overlapping spans with an owner per offset, so overlap tests cost the span's length."""

    def __init__(self) -> None:
        self.spans: dict[int, tuple[int, str]] = {}
        self.owner: dict[int, int] = {}

    def free(self, a: int, b: int) -> bool:
        return not any(p in self.owner for p in range(a, b))

    def add(self, a: int, b: int, norm: str) -> None:
        self.spans[a] = (b, norm)
        for p in range(a, b):
            self.owner[p] = a

    def replace_inner(self, a: int, b: int, norm: str) -> bool:
        """Add ``[a, b)`` unless it cuts across a span; spans inside it are dropped."""
        inner = {self.owner[p] for p in range(a, b) if p in self.owner}
        if any(x < a or self.spans[x][0] > b for x in inner):
            return False
        for x in inner:
            y, _ = self.spans.pop(x)
            for p in range(x, y):
                del self.owner[p]
        self.add(a, b, norm)
        return True

    def drop_inner(self, a: int, b: int) -> None:
        """Remove the spans lying inside ``[a, b)``."""
        for x in {self.owner[p] for p in range(a, b) if p in self.owner}:
            y, _ = self.spans[x]
            if a <= x and y <= b:
                del self.spans[x]
                for p in range(x, y):
                    del self.owner[p]

    def items(self) -> list[tuple[int, int, str]]:
        return sorted((a, b, n) for a, (b, n) in self.spans.items())


def find_orgs(
    view: str,
    lo: int,
    hi: int,
    places: list[tuple[int, int]] = (),
    bounds: WordBounds | None = None,
    home: dict | None = None,
) -> list[tuple[int, int, str]]:
    """``(start, end, normalized)`` of the organisations named in ``view[lo:hi]``.

    ``places`` are the place spans already found, used for local bodies (贵州省人民政府);
    ``bounds`` (word boundaries) veto short forms that straddle a word (集中|办 for 中办);
    ``home`` maps 省, 区, 市 … to the document's own division, naming 省委, 省政府.

    >>> v = "国务院召开会议，时任国务院副总理、国务院扶贫开发领导小组组长出席。中央预算内投资"
    >>> [v[a:b] for a, b, _ in find_orgs(v, 0, len(v))]
    ['国务院', '国务院', '国务院扶贫开发领导小组']
    """
    spans = _Spans()
    lex = _lexicon()
    central: list[tuple[int, int]] = []
    party_ends: dict[int, tuple[int, str]] = {}
    place_ends = {b: a for a, b in places}
    for a, b, key, (canon, _typ) in lex.finditer(view, lo, hi):
        if canon == "-" or (view[b:b + 1] in _NOT_AFTER.get(key[-1], "") and not _word_of_its_own(bounds, b)):
            continue  # 教育部门, 建设部署, 能源局面: a sector or another word, not the body
        if _typ.startswith("region_"):
            if _glued(view, a, lo, places):
                p = _opening_place(view, a, lo, place_ends)
                if p is not None and spans.free(p, b):  # 香港贸易|发展局: a body named after its place
                    spans.add(p, b, view[p:b])
                continue  # 经济发展局: the end of a longer (mainland) name, not Hong Kong's 发展局
        elif len(key) <= 3 and bounds is not None and bounds.straddles(a, b):
            continue  # a short form straddling a word boundary
        rest = canon[len(key):] if canon.startswith(key) else ""
        if rest and view.startswith(rest, b) and b + len(rest) <= hi:
            b = b + len(rest)  # 中国国家铁路集团|有限公司: the text spells the full name on
        if _typ == "party_central" and key.startswith("中央") and a in party_ends:
            a, canon = party_ends[a][0], party_ends[a][1] + key  # 国民党中央委员会: that party's organ
        if canon.startswith("国家") and not key.startswith("国家") and view.startswith("国家", a - 2) and a - 2 >= lo:
            a -= 2  # 国家|中医药局: the short form written with the 国家 its full name opens with
        if canon.endswith("委员会") and key.endswith(("委员会", "常委会")):
            y = _EDITION.search(view, max(lo, a - 8), a)
            if y and y.end() == a and y.group().startswith("第"):
                a = y.start()  # 第十四届中央委员会: an elected body named with its term
                if _typ == "party_central" and a in party_ends:  # 中国共产党第八届中央委员会
                    a, canon = party_ends[a][0], canon
        spans.add(a, b, canon)
        if _typ == "party":
            party_ends[b] = (a, canon)
        if _typ in _LOCAL_COUNTERPART:
            central.append((a, b))
    # a central body's local counterpart named after the document's own level (自治区国资委)
    for a, b in central:
        _own_counterpart(view, lo, a, b, spans, home or {})
    # local bodies: a place, then the body (河南省发展改革委, 贵州省人民政府)
    for a0, b0 in sorted(places):
        m = _LOCAL_BODY.match(view, b0, hi)
        if m:
            while a0 in place_ends and a0 - place_ends[a0] >= 2:  # 广东省深圳市人民政府: the province named first
                a0 = place_ends[a0]
            a0 = a0 - 2 if view[a0 - 2:a0] == "中共" else a0
            spans.replace_inner(a0, m.end(), view[a0:m.end()])
    # a body of the document's own division (省委, 省政府, 自治区党委): 各省政府 and 省级 are generic
    for m in _OWN_BODY.finditer(view, lo, hi):
        a, b = m.span()
        if view[a - 1:a] in _GENERIC_BEFORE or not spans.free(a, a + 1):
            continue
        if view[a - 1:a] == "、" and view[a - 2:a - 1] in _GENERIC_BEFORE:  # 省、区、市党委: every level
            continue
        level = m.group("level")
        d = (home or {}).get(level if len(level) == 3 else level[-1]) or _home_above(home or {}, level)
        if d is None:  # 县委书记要… in a document naming no county: any county's committee
            spans.drop_inner(a, b)  # nor is 人大常委会 of 省人大常委会 a body of its own then
            continue
        spans.replace_inner(a, b, d.name + view[a + len(level):b])
    # bare 中央 with a verb
    for m in re.finditer("中央", view[lo:hi]):
        a, b = lo + m.start(), lo + m.end()
        if spans.free(a, b) and any(view.startswith(v, b) for v in _CENTRAL_VERBS):
            spans.add(a, b, "中国共产党中央委员会")
    # named teams and enterprises by suffix
    place_starts = {a: b for a, b in places}
    by_suffix: set[int] = set()
    for suffixes, min_stem in ((_TEAM_SUFFIX, 2), (_INSTITUTION_SUFFIX, 4), (_SUFFIXES["training"], 3), (_ENTERPRISE_SUFFIX, 4),
                              (_SUFFIXES["ministry"], 1), (_PLACE_NAMED_SUFFIX, 99)):
        pattern = re.compile("|".join(sorted(map(re.escape, suffixes), key=len, reverse=True)))
        for m in pattern.finditer(view, lo, hi):
            s, b = m.start(), m.end()
            if not spans.free(s, s + 1) or bounds is not None and bounds.word_end(b - 1) > b and not _then_postposition(view, bounds, b):
                continue  # 厂|址: the suffix begins a longer word
            edge = _left_edge(view, s, lo, bounds=bounds)
            if s - edge >= 14:  # the walk stopped at its limit: a known body opening the name ends it
                edge = next((k for k in range(max(lo, s - 24), min(s, edge + 3)) if k in spans.spans and spans.spans[k][0] <= s
                             and not any(c in _STOP or not is_han(c) for c in view[k:s])), edge)
            # a name found by suffix before this one ends the walk (庄河电厂属|港口电厂)
            edge = next((p + 1 for p in range(s - 1, edge - 1, -1) if p in spans.owner and spans.owner[p] in by_suffix), edge)
            if suffixes is _ENTERPRISE_SUFFIX:  # 庄河电厂属|港口电厂: another plant's name ends the walk
                edge = max([e.end() for e in pattern.finditer(view, edge, s)], default=edge)
            a = _trim_leadins(view, edge, s)
            a = _after_leadin_head(view, a, s, spans, place_starts)
            if a not in place_starts and a not in spans.spans and not view.startswith(tuple(_NAME_OPENERS), a):
                a = _after_clause_words(view, a, s)  # not 国际葡萄与葡萄酒…中心: an opener keeps 与
            stem = view[a:s]
            if view.startswith("集团", s) and _unnamed_clique(stem):
                continue  # 反革命阴谋集团: a description, not a name
            starts_with_place = a in place_starts
            if stem in _leadins()[0] or _generic_in(view, a, s, bounds, named=starts_with_place or a in spans.spans):
                continue  # a verb and the bare suffix (联系|指挥部), or a kind of body (污水处理厂)
            if not starts_with_place and a not in spans.spans and _determined(view, lo, a):
                continue  # 成立相应的|应急工作指挥部: each province's own body, not a named one
            brand = suffixes is _ENTERPRISE_SUFFIX and _brand_company(view, edge, a, s, bounds)
            if len(stem) < min_stem and not (starts_with_place and len(stem) >= 2) and not brand:
                continue
            if suffixes is _PLACE_NAMED_SUFFIX and not (starts_with_place and _place_named_ok(view, place_starts[a], s)):
                continue
            if suffixes is _ENTERPRISE_SUFFIX and not starts_with_place and not brand and "、" in (view[a - 1:a], view[b:b + 1]):
                continue  # a list of kinds of plant (汽车制造厂、拖拉机制造厂), not named enterprises
            if spans.replace_inner(a, b, view[a:b]):
                by_suffix.add(a)
    for a, b in _named_bodies(view, lo, hi, place_starts, spans, bounds):
        spans.replace_inner(a, b, view[a:b])
    out = spans.items()
    return out


#: types of central bodies that have a counterpart at each level (省国资委, 自治区发展改革委)
_LOCAL_COUNTERPART = frozenset({"ministry", "government"})
_LEVELS = ("自治区", "自治州", "省", "市", "县", "区", "州", "旗", "盟")


#: words of place after a noun (养成所中: in the school)
_POSTPOSITIONS = frozenset("中内里上外")


def _then_postposition(view: str, bounds: WordBounds, b: int) -> bool:
    """True when the word the segmentation runs past a suffix is a guess of it and a postposition
    (宣传员养成|所中): the suffix still ends the name there (厂址, a word of the dictionary, does not).
    """
    e = bounds.word_end(b - 1)
    return e == b + 1 and view[b] in _POSTPOSITIONS and word_freq(view[bounds.word_start(b - 1):e]) == 0


def _word_of_its_own(bounds: WordBounds | None, b: int) -> bool:
    """True when the segmentation starts a word at ``b`` that the dictionary counts more often than
    the name's last character with the next (财政部|落实, not 部落; 自然资源部|门要 stays 部门).

    >>> v = "请财政部落实文件"
    >>> _word_of_its_own(WordBounds(v), 4), _word_of_its_own(WordBounds("教育部门"), 3)
    (True, False)
    """
    if bounds is None or bounds.word_start(b) != b:
        return False
    e = bounds.word_end(b)
    return e > b + 1 and word_freq(bounds.view[b:e]) > word_freq(bounds.view[b - 1:b + 1])


def _own_counterpart(view: str, lo: int, a: int, b: int, spans: _Spans, home: dict) -> None:
    """``自治区国资委``, ``省发展改革委``: a level word glued before a central body's short name names
    that body of the document's own division (its full name is the division's name and the body's
    surface); 各省国资委 and a document about no such division (a national text) are left alone."""
    level = next((w for w in _LEVELS if view.startswith(w, a - len(w)) and a - len(w) >= lo), None)
    if level is None or view.startswith(("国务院", "国家", "中央", "中国"), a):
        return
    k = a - len(level)
    before = view[k - 1:k] if k > lo else ""
    if before in _GENERIC_BEFORE or is_han(before) and before not in _FREE_BEFORE:
        return  # 各省国资委, 全区…; 经济开发区国资委 continues a longer name
    d = home.get(level if len(level) == 3 else level[-1]) or _home_above(home, level)
    if d is None or not spans.free(k, a):
        return
    spans.replace_inner(k, b, d.name + view[a:b])


def _after_leadin_head(view: str, a: int, s: int, spans: _Spans, place_starts: dict[int, int]) -> int:
    """The start of a known body or place inside ``view[a:s]`` right after a lead-in word (其职能并入|
    国务院…联席会议): the name opens there; else ``a``."""
    leadins = _leadins()[0]
    for k in range(a + 1, s):
        if (k in spans.spans or k in place_starts) and any(view.endswith(w, a, k) for w in leadins):
            return k
    return a


def _home_above(home: dict, level: str):
    """The division named ``level`` (自治区, 省, 市 …) above the document's own lower division: a
    district's report says 自治区党委 for the region holding the district."""
    from .gazetteer import gazetteer

    gz = gazetteer()
    for d in sorted(home.values(), key=lambda d: -d.rank):
        up = gz.parent(d)
        while up is not None:
            if up.name.endswith(level) and up.rank < d.rank:
                return up
            up = gz.parent(up)
    return None


_NOT_IN_NAME = frozenset(_CUES["not_in_name"])
#: a brand this frequent as a word is an ordinary word (保险公司, 物流公司), not a company's name
_COMMON_BRAND = 100


def _brand_company(view: str, edge: int, a: int, s: int, bounds: WordBounds | None) -> bool:
    """晨鸣公司, 麦福劳公司: a short brand of two or three characters before 公司 that opens a
    list item or a clause or follows a lead-in verb (关停晨鸣公司), and is no ordinary word."""
    stem = view[a:s]
    if not 2 <= len(stem) <= 3 or not view.startswith("公司", s) or word_freq(stem) >= _COMMON_BRAND:
        return False
    if bounds is not None and bounds.straddles(a, s):
        return False
    return a > edge or a == 0 or view[a - 1] in "、，。；：\n（“与和同跟向对"
_PLACE_BODY = re.compile("|".join(sorted(map(re.escape, _SUFFIXES["place_body"]), key=len, reverse=True)))


def _named_bodies(
    view: str, lo: int, hi: int, place_starts: dict[int, int], spans: _Spans, bounds: WordBounds | None
) -> list[tuple[int, int]]:
    """Unions, leagues, committees, banks and departments named after a place or a body
    (萍乡矿工工会, 呼伦贝尔农村商业银行, 共产国际执行委员会, 武警总部后勤部) or quoted as a
    name (“争取民权同盟”); 村民委员会, 商业银行 and 各级工会 open with neither and are kinds."""
    out = []
    for m in _PLACE_BODY.finditer(view, lo, hi):
        s, b = m.start(), m.end()
        if not spans.free(s, b):
            continue
        quoted = view[b:b + 1] == "”"
        a = _left_edge(view, s, lo, limit=18, bounds=bounds)
        if quoted:
            q = view.rfind("“", max(lo, s - 12), s)
            if q < 0 or any(c in "，。；：、”" for c in view[q + 1:s]):
                continue
            a = q + 1
        else:
            edge, a = a, _trim_leadins(view, a, s)
            # a lead-in word never cuts into a named head (荣获|全国友协…联合会: 全国 leads in elsewhere)
            a = next((k for k in range(edge, a) if k in place_starts or k in spans.spans), a)
        if s - a < 2:
            continue
        if bounds is not None and bounds.straddles(a, b):
            continue  # a word runs across the name's edge (银行|业): not this body's name
        head_end = place_starts.get(a) or (spans.spans[a][0] if a in spans.spans else None)
        if head_end is not None:  # 立法会议员关注|香港金融管理局: a verb before a later place ends the walk there
            k = next((k for k in range(s - 1, head_end, -1) if k in place_starts and _has_verb(view[head_end:k])), None)
            if k is not None:
                a, head_end = k, place_starts[k]
        opens = head_end is not None and head_end <= s and not _function_word_in(view, head_end, s, bounds)
        if quoted or opens:
            y = _EDITION.search(view, max(lo, a - 8), a)
            out.append((y.start() if y and y.end() == a else a, b))
    return out


def _determined(view: str, lo: int, a: int) -> bool:
    """True when a determiner of the kind (``org_cues.txt`` ``generic_determiners``: 相应的, 同级,
    本级 …) stands right before ``a``: the body is one of a kind at each place, not a named one.

    >>> _determined("成立相应的应急工作指挥部", 0, 5), _determined("成立国家应急工作指挥部", 0, 2)
    (True, False)
    """
    return any(view.endswith(w, lo, a) for w in _CUES["generic_determiners"])


def _generic_in(view: str, a: int, s: int, bounds: WordBounds | None, *, named: bool) -> bool:
    """True when a generic modifier (``org_leadins.txt``: 上市, 污水, 侵略 …) makes ``view[a:s]`` a
    kind of body. In a name opening with a place or a named body, a modifier inside a longer word
    that ends before the suffix is part of the name (中国—东盟国家人工智能应用合作中心)."""
    for g in _leadins()[1]:
        k = view.find(g, a, s)
        while k >= 0:
            if not named or bounds is None:
                return True
            inside = bounds.straddles(k, k + len(g)) or bounds.word_end(k + len(g) - 1) > k + len(g)
            if not inside or bounds.word_end(k + len(g) - 1) > s:  # a word of its own, or 上市公司
                return True
            k = view.find(g, k + 1, s)
    return False


#: conjunctions and particles that end a name wherever they stand (全国人民代表大会及其常务委员会)
_NEVER_IN_NAME = frozenset("的和与及或并")


def _has_verb(text: str) -> bool:
    """True when the segmentation reads a verb in ``text`` (议员|关注).

    >>> _has_verb("议员关注"), _has_verb("")
    (True, False)
    """
    return any(t.tag.startswith("v") for t in get_tokenizer().tokenize(text)) if text else False


def _function_word_in(view: str, a: int, b: int, bounds: WordBounds | None) -> bool:
    """True when ``view[a:b]`` holds a function word standing alone (上海|也有这种|联合会); inside a
    word it is part of the name (首都 in 北京奥运会首都国际机场协调委员会)."""
    for p in range(a, b):
        if view[p] in _NEVER_IN_NAME or view[p] in _NOT_IN_NAME and (bounds is None or bounds.word_end(p) == p + 1 and not bounds.straddles(p, p + 1)):
            return True
    return False


#: the year or edition opening the name of a body set up for an event (2008年北京奥运会…委员会,
#: 第十一届全运会组委会), kept with the name when it stands right before it
_EDITION = re.compile(r"(?<![0-9０-９])(?:[0-9０-９]{4}年|第[0-9０-９一二三四五六七八九十百]{1,4}届)")


#: the five branches of government named in Taiwan's documents
_TAIWAN_BODIES = frozenset({"行政院", "立法院", "司法院", "考试院", "监察院"})


@lru_cache(maxsize=1)
def _region_bodies() -> frozenset[str]:
    return frozenset(canon for canon, typ in _lexicon().entries.values() if typ.startswith("region_"))


def regional_centre(view: str, orgs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``orgs`` with 中央政府 renamed in Hong Kong, Macau and Taiwan documents: a document naming
    bodies of those governments (立法会, 特区政府, 行政院 …) more often than the State Council means
    by 中央政府 the Central People's Government (Hong Kong, Macau) or the central government of
    Taiwan's own authorities, not 国务院 as in mainland documents.

    >>> v = "立法会通过议案，特区政府将与中央政府保持沟通。"
    >>> regional_centre(v, [(0, 3, "立法会"), (8, 12, "特别行政区政府"), (14, 18, "国务院")])[-1]
    (14, 18, '中央人民政府')
    """
    region = [n for _, _, n in orgs if n in _region_bodies()]
    state_council = sum(1 for a, b, n in orgs if n == "国务院" and view[a:b] != "中央政府")
    if len(region) <= state_council:
        return orgs
    taiwan = sum(1 for n in region if n in _TAIWAN_BODIES) * 2 > len(region)
    name = "中央政府" if taiwan else "中央人民政府"
    return [(a, b, name if view[a:b] == "中央政府" else n) for a, b, n in orgs]
