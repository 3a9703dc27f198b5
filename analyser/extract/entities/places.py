"""Places: administrative divisions with their hierarchy, sub-county places, countries, regions.

Division names come from the packaged gazetteer (:mod:`analyser.extract.entities.gazetteer`); a name written
right after its parent (贵州省望谟县) is resolved inside that parent. Below county level the text
is read by suffix (乡, 镇, 村, 社区, 安置点 …, ``place_suffixes.txt``) only when anchored by a
division: right after it (贵州省望谟县麻山乡打务村) or earlier in the same clause
(贵州省惠水县多民族聚居的明田安置点). In an enumeration of division-prefixed items
(山西省宋家沟村、坊城新村，湖北省伍家台，湖南省矮寨、老洞), the bare items are places too.
``parents`` lists the full names above the place, from the province down.

Besides: countries, deictic names of China (我国, 我们的国家), regions, rivers and world cities
from ``places.tsv``, where a row may name the division above it (the districts of Hong Kong,
the parishes of Macau, the counties and cities of Taiwan, which the gazetteer does not list) and
be "anchored": 东区, 沙田, 九龙 count only once that division is named (香港东区); 我省 / 我区 resolved to the division the document is about (see
:func:`home_divisions`); a township named again without its suffix in the same paragraph
(麻山乡 … 麻山). Short forms that are common words (``place_ambiguous.txt``) need an explicit
parent, and a short form straddling a word of the pipeline's segmentation is dropped.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from analyser.data import groups as data_groups
from analyser.data import table as data_table
from analyser.data import words as data_words
from analyser.text.segment import get_tokenizer

from ._lexicon import Lexicon, is_han
from ._words import WordBounds, word_freq
from .gazetteer import Division, gazetteer

__all__ = ["PlaceMention", "crosses", "find_places", "home_divisions", "place_lexicon"]

#: Characters a place name does not contain (function words, punctuation handled separately).
_STOP_CHARS = set("的了在和与及或是为对把被将从向由以于等个各每该本这那其之并也都而就所到")
_COUNTY_NEXT_STOP = set("级城域委长里志")
_CLAUSE_END = set("，。；：！？\n、（）“”")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    normalized: str
    parents: tuple[str, ...]
    kind: str
    division: Division | None = None


def place_lexicon() -> Lexicon:
    """The names of places the extractor knows (the gazetteer's divisions and ``places.tsv``).

    >>> "北京" in place_lexicon().entries, "普京" in place_lexicon().entries
    (True, False)
    """
    return _lexicon()


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    gz = gazetteer()
    entries: dict[str, tuple] = {}
    for name, divs in gz.names().items():
        entries[name] = ("div", tuple(divs))
    for name, divs in gz.weak_stems().items():
        entries[name] = ("weak", tuple(divs))
    for row in data_table("places.tsv"):
        if len(row) < 3:
            continue
        if row[1] == "-":
            entries[row[0]] = ("block",)
            continue
        parent = gz.lookup(row[3])[0] if len(row) > 3 and gz.lookup(row[3]) else None
        place = ("place", row[1], row[2], parent, len(row) > 4 and row[4] == "anchored")
        if row[0] in entries and entries[row[0]][0] == "div":  # 东区: a division, else the place here
            entries[row[0]] = entries[row[0]] + (place,)
        else:
            entries[row[0]] = place
    return Lexicon(entries)


def _outside_place(value: tuple, last: PlaceMention | None, chained: bool, context: set[str]) -> PlaceMention | None:
    """A place of ``places.tsv`` under a division (湾仔区 under 香港特别行政区) as a mention without
    offsets, or None when it is anchored (东区, 沙田) and its parent is named neither earlier in
    the document nor right before it."""
    _, norm, kind, parent, anchored = value
    if parent is None:
        return PlaceMention(0, 0, norm, (), kind)
    if anchored and not (chained and last is not None and last.division == parent or parent.code in context):
        return None
    return PlaceMention(0, 0, norm, tuple(gazetteer().chain(parent)), kind, parent)


@lru_cache(maxsize=1)
def _suffixes() -> tuple[tuple[str, str], ...]:
    rows = [(r[0], r[1] if len(r) > 1 else "place") for r in data_table("place_suffixes.txt")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def _stem_ok(stem: str) -> bool:
    if not (1 <= len(stem) <= 5) or not all(is_han(c) for c in stem):
        return False
    if any(c in _STOP_CHARS for c in stem):
        return False
    stops = data_words("place_stopstems.txt")
    return not any(s in stem for s in stops)


def _sub_place_at(view: str, i: int, hi: int) -> tuple[int, str] | None:
    """A sub-county place ``stem + suffix`` starting at ``i``: ``(end, kind)``, shortest stem first."""
    for n in range(1, 6):
        if i + n >= hi:
            break
        stem = view[i:i + n]
        if not is_han(stem[-1]):
            break
        for suffix, kind in _suffixes():
            if view.startswith(suffix, i + n) and _stem_ok(stem):
                # 村 inside 村委会 / 镇 inside 镇政府 is the body, not the place
                return i + n + len(suffix), kind
    return None


def _choose(divs: tuple[Division, ...], parent: Division | None, context: set[str]) -> Division | None:
    """The division a name means: inside the explicit parent, else inside (or equal to) a
    division named earlier in the document, else the highest-level one."""
    gz = gazetteer()
    if parent is not None:
        inside = [d for d in divs if gz.is_within(d, parent)]
        if inside:
            return inside[0]
    if len(divs) > 1:
        for d in divs:
            up: Division | None = d
            while up is not None:
                if up.code in context:
                    return d
                up = gz.parent(up)
    return divs[0] if divs else None


def _standalone_ok(key: str, d: Division, view: str, end: int) -> bool:
    gz = gazetteer()
    if key in gz.ambiguous:
        return False
    if d.level == "county":
        if len(key) < 3 or key != d.name and key not in d.aliases:
            return False
        if end < len(view) and view[end] in _COUNTY_NEXT_STOP:
            return False
    return True


def _bare_county_stem(key: str, d: Division) -> bool:
    """海拉尔 for 海拉尔区: a county's name without its suffix (not 威宁县 for 威宁…自治县)."""
    return d.level == "county" and key != d.name and not key.endswith(("县", "旗"))


def _named_around(d: Division, context: set[str]) -> bool:
    """True when ``d`` itself or a division above it was named earlier in the document."""
    gz = gazetteer()
    up: Division | None = d
    while up is not None:
        if up.code in context:
            return True
        up = gz.parent(up)
    return False


def crosses(bounds: WordBounds | None, a: int, b: int) -> bool:
    """True when ``[a, b)`` straddles a word of the segmentation (均衡|水平 for 衡水)."""
    return bounds is not None and bounds.straddles(a, b)


def find_places(view: str, lo: int, hi: int, bounds: WordBounds | None = None) -> list[PlaceMention]:
    """All place mentions in ``view[lo:hi]``, sorted by start.

    >>> v = "贵州省望谟县麻山乡打务村搬迁群众"
    >>> [v[m.start:m.end] for m in find_places(v, 0, len(v))]
    ['贵州省', '望谟县', '麻山乡', '打务村']
    >>> find_places(v, 0, len(v))[-1].parents
    ('贵州省', '黔西南布依族苗族自治州', '望谟县', '麻山乡')
    """
    gz = gazetteer()
    lex = _lexicon()
    out: list[PlaceMention] = []
    context: set[str] = set()  # codes of the divisions named so far
    last: PlaceMention | None = None  # the previous mention, for chains
    starts = lex.starts(view, lo, hi)  # where an entry may start, ascending
    k = 0
    i = lo
    while i < hi:
        chained = last is not None and last.end == i
        if not chained:  # on to the next place an entry may start (none of those between is chained)
            k = bisect.bisect_left(starts, i, k)
            if k == len(starts):
                break
            i = starts[k]
        found = lex.longest_at(view, i, hi)
        if found is not None and found[2][0] == "weak":
            end, key, value = found
            m = _weak_county(view, i, end, value[1], last, chained, context, bounds)
            if m is not None:
                m = _renamed(view, m, hi, bounds)
                end = m.end
                out.append(m)
                i, last = end, m
                continue
            found = None  # 麻山 (a district of 鸡西) in 望谟县麻山乡 is still a township's stem
            if not chained:
                i += 1
                continue
        if found is not None:
            end, key, value = found
            if value[0] == "block":
                i, last = end, None
                continue
            if value[0] == "place" and not chained and end - i <= 2 and crosses(bounds, i, end):
                i += 1
                continue
            if value[0] == "place":
                m = _outside_place(value, last, chained, context)
                if m is not None:
                    m = PlaceMention(i, end, m.normalized, m.parents, m.kind, m.division)
                    out.append(m)
                    if m.division is not None and m.division.code not in context:
                        context.add(m.division.code)  # 沙田区 names Hong Kong
                    i, last = end, m
                    continue
                i += 1
                continue
            parent = last.division if chained and last is not None else None
            d = _choose(value[1], parent, context)
            within = parent is not None and d is not None and gz.is_within(d, parent)
            short = d is not None and key != d.name  # 衡水 (for 衡水市) may straddle words: 均衡|水平
            if d is not None and not within and _bare_county_stem(key, d) and not _named_around(d, context):
                d = None  # 清水河 (a river) is 清水河县 only in a document naming its province or prefecture
            if d is not None and (within or _standalone_ok(key, d, view, end) and not (short and crosses(bounds, i, end))):
                m = _renamed(view, PlaceMention(i, end, d.name, tuple(gz.chain(d)[:-1]), d.level, d), hi, bounds)
                end = m.end
                out.append(m)
                context.add(d.code)
                i, last = end, m
                continue
            alt = value[2] if value[0] == "div" and len(value) > 2 else None
            m = _outside_place(alt, last, chained, context) if alt is not None else None
            if m is not None:  # 香港东区, not 攀枝花市东区
                m = PlaceMention(i, end, m.normalized, m.parents, m.kind, m.division)
                out.append(m)
                i, last = end, m
                continue
        if chained and last is not None and (last.division is not None or last.kind in _SUB_KINDS):
            sub = _sub_place_at(view, i, hi)
            if sub is not None:
                end, kind = sub
                m = PlaceMention(i, end, view[i:end], last.parents + (last.normalized,), kind, last.division)
                out.append(m)
                i, last = end, m
                continue
        i += 1
    out.extend(_list_items(view, out, hi))
    out.extend(_clause_anchored(view, out, lo, hi))
    out.extend(_deictic(view, lo, hi, home_divisions(out)))
    out.extend(_short_mentions(view, out, hi))
    out.sort(key=lambda m: (m.start, m.end))
    return _dedupe(out)


#: division words a county takes when it becomes a city or a district (撤县设市, 撤县设区)
_NEW_STATUS = ("市", "区")


def _renamed(view: str, m: PlaceMention, hi: int, bounds: WordBounds | None) -> PlaceMention:
    """``m`` with the division word the text prints after a county's bare stem when the
    gazetteer knows the county under its former status (宁乡县 printed 宁乡市, 梁平县 printed
    梁平区): the place as printed, named as printed. Not when the word runs on into another
    word (义乌|市场, 宁乡|区域)."""
    d, printed = m.division, view[m.start:m.end]
    if d is None or d.level != "county" or printed == d.name or printed.endswith(("县", "旗", "市", "区")):
        return m
    end = m.end + 1
    if end > hi or view[m.end] not in _NEW_STATUS or view[m.end] == d.name[-1] or crosses(bounds, m.start, end):
        return m
    return PlaceMention(m.start, end, view[m.start:end], m.parents, m.kind, d)


#: a stem this frequent as a word is an ordinary word (和平, 长安, 朝阳) even where its county's
#: province is named
_COMMON_STEM = 100


def _weak_county(
    view: str, i: int, end: int, divs: tuple[Division, ...], last: PlaceMention | None, chained: bool,
    context: set[str], bounds: WordBounds | None,
) -> PlaceMention | None:
    """苍梧 for 苍梧县: a county's two-character stem, taken right after its parent (广西苍梧), or
    in a document that has named its province or prefecture when the stem is also listed with
    another place (苍梧、昭平等, 崇左至凭祥, 合浦至湛江) or the dictionary knows it as a place name
    or not at all. Never when it is an ordinary word (和平, 兴业: frequent in the dictionary), a
    short form listed as a common word, or straddles a word (a list read as such: 昭平等 is not
    昭|平等)."""
    gz = gazetteer()
    key = view[i:end]
    parent = last.division if chained and last is not None else None
    d = _choose(divs, parent, context)
    if d is None or key in gz.ambiguous or word_freq(key) >= _COMMON_STEM:
        return None
    if end < len(view) and view[end] in _COUNTY_NEXT_STOP:
        return None
    up = gz.parent(d)
    within = parent is not None and gz.is_within(d, parent)
    listed = _listed_with_place(view, i, end, d, last)
    if not within and not (up is not None and _named_around(up, context) and (listed or _place_word(key) or _event_after(view, end))):
        return None
    if not within and not listed and crosses(bounds, i, end):
        return None
    return PlaceMention(i, end, d.name, tuple(gz.chain(d)[:-1]), d.level, d)


_LIST_JOINS = "、和与及至到—～-"


def _listed_with_place(view: str, i: int, end: int, d: Division, last: PlaceMention | None) -> bool:
    """True when a division stands right before (崇左至|凭祥) or after (合浦至|湛江, 苍梧、|昭平)
    the stem across a list joint; after it, a stem of a county of the same province counts too."""
    if last is not None and last.division is not None and last.end == i - 1 and view[i - 1] in _LIST_JOINS:
        return True
    if end >= len(view) or view[end] not in _LIST_JOINS:
        return False
    found = _lexicon().longest_at(view, end + 1)
    if found is None or found[2][0] not in ("div", "weak"):
        return False
    province = gazetteer().chain(d)[0]
    return any(gazetteer().chain(o)[0] == province for o in found[2][1])


_EVENT_AFTER = re.compile(r"[0-9０-９.．]*(?:" + "|".join(sorted(data_groups("place_context.txt")["event"], key=len, reverse=True)) + ")")


def _event_after(view: str, end: int) -> bool:
    """True when an event word follows (定日地震, 定日6.8级地震): the stem names where it happened."""
    return _EVENT_AFTER.match(view, end) is not None


def _place_word(key: str) -> bool:
    """True when the dictionary does not know ``key`` or knows it as a place name (南丹, 伊宁)."""
    if not word_freq(key):
        return True
    tokens = get_tokenizer().tokenize(key)
    return len(tokens) == 1 and tokens[0].tag == "ns"


_SUB_KINDS = {"township", "town", "village", "community", "street", "resettlement_site", "zone", "site"}


def _anchor_of(m: PlaceMention) -> tuple[tuple[str, ...], Division | None]:
    return m.parents + (m.normalized,), m.division


def _list_items(view: str, mentions: list[PlaceMention], hi: int) -> list[PlaceMention]:
    """Items of 、-lists continuing a division-anchored place, and bare items of division-prefixed lists."""
    out: list[PlaceMention] = []
    starts = {m.start: m for m in mentions}
    heads = [m for m in mentions if m.division is not None and m.kind in ("province", "prefecture", "county")]
    # count division-prefixed segments to recognise an enumeration of sites
    for m in mentions:
        if m.kind not in _SUB_KINDS and m.division is None:
            continue
        # the head of the chain this mention ends
        j = m.end
        if j < hi and view[j] == "、" and m.kind in _SUB_KINDS:
            parents = m.parents
            k = j
            while k < hi and view[k] == "、":
                sub = _sub_place_at(view, k + 1, hi)
                if sub is None or (k + 1) in starts:
                    break
                end, kind = sub
                out.append(PlaceMention(k + 1, end, view[k + 1:end], parents, kind, m.division))
                k = end
    # bare items: 湖北省伍家台，湖南省矮寨、老洞 — needs two or more division-prefixed segments
    segs = []
    for h in heads:
        seg_end = h.end
        while seg_end < hi and seg_end - h.end <= 20 and view[seg_end] not in "，。；：！？\n":
            seg_end += 1
        if seg_end - h.end > 20:
            continue
        items = view[h.end:seg_end]
        segs.append((h, seg_end, items))
    ok = [s for s in segs if s[2] and all(_bare_ok(x) for x in _trim_last(s[2]).split("、"))]
    # keep runs of two or more consecutive segments (…坊城新村，河南省铭泽社区，湖北省伍家台)
    enum = []
    for k, seg in enumerate(ok):
        prev_adjacent = k > 0 and seg[0].start == ok[k - 1][1] + 1 and view[ok[k - 1][1]] in "，、；"
        next_adjacent = k + 1 < len(ok) and ok[k + 1][0].start == seg[1] + 1 and view[seg[1]] in "，、；"
        if prev_adjacent or next_adjacent:
            enum.append(seg)
    for h, seg_end, items in enum:
        chain_end = h.end
        while chain_end in starts:  # skip sub-places already found after the head
            chain_end = starts[chain_end].end
        k = h.end
        for item in _trim_last(items).split("、"):
            a, b = k, k + len(item)
            k = b + 1
            if a < chain_end or a in starts:
                continue
            out.append(PlaceMention(a, b, item, h.parents + (h.normalized,), "site", h.division))
    return out


def _trim_last(items: str) -> str:
    for tail in ("为代表", "等地", "等"):
        if items.endswith(tail):
            return items[: -len(tail)]
    return items


def _bare_ok(item: str) -> bool:
    return 2 <= len(item) <= 6 and all(is_han(c) for c in item) and not any(c in _STOP_CHARS for c in item)


def _clause_anchored(view: str, mentions: list[PlaceMention], lo: int, hi: int) -> list[PlaceMention]:
    """``stem + suffix`` after a division earlier in the same clause (…惠水县多民族聚居的明田安置点)."""
    out = []
    occupied = {p for m in mentions for p in range(m.start, m.end)}
    divs = sorted((m for m in mentions if m.division is not None), key=lambda m: m.end)
    div_ends = [m.end for m in divs]
    if not divs:
        return out
    for suffix, kind in _suffixes():
        if kind not in ("resettlement_site", "community", "village"):
            continue
        for mm in re.finditer(re.escape(suffix), view[lo:hi]):
            s = lo + mm.start()
            k = bisect.bisect_right(div_ends, s) - 1
            if s in occupied or k < 0 or s - div_ends[k] > 19:
                continue
            a = s
            while a > lo and s - a < 4 and is_han(view[a - 1]) and view[a - 1] not in _STOP_CHARS:
                a -= 1
            stem = view[a:s]
            if len(stem) < 2 or not _stem_ok(stem) or a in occupied:
                continue
            k = bisect.bisect_right(div_ends, a) - 1
            anchor = divs[k] if k >= 0 else None
            if anchor is None or a - anchor.end > 15 or any(c in _CLAUSE_END for c in view[anchor.end:a]):
                continue
            parents, division = _anchor_of(anchor)
            b = s + len(suffix)
            out.append(PlaceMention(a, b, view[a:b], parents, kind, division))
            occupied.update(range(a, b))
    return out


_DEICTIC = re.compile(r"我(省|区|市|县|州|旗|盟)(?![场长委级属内外])")


def home_divisions(mentions: list[PlaceMention]) -> dict[str, Division]:
    """The division a document is about, per last character of its name (省, 区, 市, 县 …): what
    我省, 我区, 省委 refer to. It must be named three times or more, and more often than all the
    other divisions of its kind together (a national report naming 北京 thrice has no home city)."""
    counts: dict[str, dict[str, int]] = {}
    by_code: dict[str, Division] = {}
    for m in mentions:
        d = m.division
        if d is None or m.normalized != d.name:
            continue
        by_code[d.code] = d
        for key in {d.name[-1], d.name[-3:]}:
            counts.setdefault(key, {}).setdefault(d.code, 0)
            counts[key][d.code] += 1
    per_level: dict[str, int] = {}
    for m in mentions:
        if m.division is not None and m.normalized == m.division.name:
            per_level[m.division.level] = per_level.get(m.division.level, 0) + 1
    home = {}
    for k, v in counts.items():
        best = max(v, key=lambda c: (v[c], c))
        if v[best] >= 3 and v[best] * 2 > per_level[by_code[best].level]:  # more than all others
            home[k] = by_code[best]
    return home


def _deictic(view: str, lo: int, hi: int, home: dict[str, Division]) -> list[PlaceMention]:
    """我省, 我区, 我市 …: the document's own division when it names one, else the words themselves."""
    gz = gazetteer()
    out = []
    for m in _DEICTIC.finditer(view, lo, hi):
        d = home.get(m.group(1))
        if d is None:
            out.append(PlaceMention(m.start(), m.end(), m.group(), (), "deictic"))
        else:
            out.append(PlaceMention(m.start(), m.end(), d.name, tuple(gz.chain(d)[:-1]), d.level, d))
    return out


def _short_mentions(view: str, mentions: list[PlaceMention], hi: int) -> list[PlaceMention]:
    """A township named again without its suffix later in the same paragraph (麻山乡 … 在麻山住了八辈子)."""
    out = []
    occupied = {p for m in mentions for p in range(m.start, m.end)}
    for m in mentions:
        if m.kind not in ("township", "town"):
            continue
        name = m.normalized
        suffix = next((sx for sx, _ in _suffixes() if name.endswith(sx)), "")
        stem = name[: len(name) - len(suffix)]
        if len(stem) < 2:
            continue
        line_end = view.find("\n", m.end, hi)
        line_end = hi if line_end < 0 else line_end
        k = view.find(stem, m.end, line_end)
        while k >= 0:
            b = k + len(stem)
            if not view.startswith(suffix, b) and not any(p in occupied for p in range(k, b)):
                out.append(PlaceMention(k, b, name, m.parents, "area", m.division))
                occupied.update(range(k, b))
            k = view.find(stem, b, line_end)
    return out


def _dedupe(ms: list[PlaceMention]) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for m in ms:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
