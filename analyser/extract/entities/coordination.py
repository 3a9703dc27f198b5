"""Names read from their coordination with known names: the other items of a list.

A 、-list that holds a known place lists places (准噶尔、柴达木、塔里木、陕甘宁、四川等陆上沉积盆地;
我国南海、南黄海; 哈尔滨、黑河、绥芬河片区), and a list or a 会同 clause that holds a known
organisation lists organisations (国资委会同财政部、劳动保障部; 国土资源部会同三峡办、地震局).
The gazetteer and the lexicon name one item; the list names the others.

* A place item is a run of Chinese characters between the list's joints (、, and 和, 及 before the
  last item). It is a place when its words are all tagged as place names by the segmentation (南|黄海
  are ``ns``), or, in a list holding two places or more, when it is one word tagged as a proper name
  (柴达木 and 塔里木 are ``nr`` to jieba). The first item may follow a lead-in (正在|准噶尔) and the
  last may run on (绥芬河|片区, 四川|等…): only their name words are kept.
* An organisation item ends with a body word (部, 委, 办, 局, 署 …, ``org_suffixes.txt`` group
  ``listed``), holds three to ten characters and opens with no generic word (有关, 各, 地方 …).

Examples
--------
>>> from analyser.extract.entities.places import find_places
>>> v = "正在准噶尔、柴达木、塔里木、陕甘宁、四川等陆上沉积盆地进行勘探。"
>>> [v[m.start:m.end] for m in coordinated_places(v, find_places(v, 0, len(v)), 0, len(v))]
['准噶尔', '柴达木', '塔里木', '陕甘宁']
>>> v = "国资委会同财政部、劳动保障部提出意见；水利部会同三峡办、地震局研究。"
>>> [v[a:b] for a, b, _ in coordinated_orgs(v, [(0, 3, "国资委"), (5, 8, "财政部"), (19, 22, "水利部")], 0, len(v))]
['劳动保障部', '三峡办', '地震局']
"""
from __future__ import annotations

from analyser.data import groups as data_groups
from analyser.data import words as data_words
from analyser.text.segment import get_tokenizer

from ._lexicon import is_han
from ._words import word_freq
from .places import PlaceMention

__all__ = ["paired_regions", "coordinated_orgs", "coordinated_places"]

#: characters that end a list item wherever they stand (function words)
_STOP = set("的了在和与及或是为对把被将从向由以于等个各每该本这那其之并也都而就所到同")
_PLACE_TAGS = ("ns",)
_NAME_TAGS = ("ns", "nr", "nz", "nrt", "nrfg")
_MAX_ITEM = 10
_NUMERALS = set("一二三四五六七八九十两百千万")
#: the joints after which an organisation is named with the one before it
_ORG_JOINTS = ("会同", "、", "和", "及", "与")
_GENERIC_OPEN = ("有关", "相关", "其他", "其它", "各", "地方", "主管", "省级", "市级", "县级", "上级", "本级", "同级", "该", "所在", "专门")


def _item_right(view: str, k: int, hi: int) -> tuple[int, int]:
    """The run of name characters starting at ``k``."""
    b = k
    while b < hi and b - k < _MAX_ITEM and is_han(view[b]) and view[b] not in _STOP:
        b += 1
    return k, b


def _item_left(view: str, k: int, lo: int) -> tuple[int, int]:
    """The run of name characters ending at ``k``."""
    a = k
    while a > lo and k - a < _MAX_ITEM and is_han(view[a - 1]) and view[a - 1] not in _STOP:
        a -= 1
    return a, k


def _list_around(view: str, a: int, b: int, lo: int, hi: int) -> list[tuple[int, int]]:
    """The items of the 、-list holding ``view[a:b]`` (itself included), left to right; a final
    item after 和 or 及 belongs to the list too."""
    items = [(a, b)]
    k = a
    while k - 1 > lo and view[k - 1] == "、":
        x, y = _item_left(view, k - 1, lo)
        if x == y:
            break
        items.insert(0, (x, y))
        k = x
    k = b
    while k < hi and (view[k] == "、" or view[k] in "和及" and len(items) > 1):
        x, y = _item_right(view, k + 1, hi)
        if x == y:
            break
        items.append((x, y))
        k = y
        if view[x - 1] in "和及":
            break
    return items


def _tags(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.tag) for t in get_tokenizer().tokenize(text)]


def _name_part(view: str, a: int, b: int, *, first: bool, last: bool) -> tuple[int, int, bool] | None:
    """The name words of the item ``view[a:b]``: ``(start, end, all_place_words)``. The first item
    drops leading words that are not names (正在|准噶尔); the last keeps its leading name words
    (绥芬河|片区); a middle item must be names throughout."""
    words = _tags(view[a:b])
    names = [tag.startswith(_NAME_TAGS) for _, tag in words]
    i, j = 0, len(words)
    if first:
        while i < j and not names[i]:
            i += 1
    if last:
        k = i
        while k < j and names[k]:
            k += 1
        j = k
    if i >= j or not all(names[i:j]):
        return None
    if any(w[0] in _NUMERALS for w, _ in words[i + 1:j]):
        return None  # 柬埔寨|三国, 深海|三文鱼: a count or a product, not a name
    if i > 0 and (words[i - 1][1][:1] in ("d", "a") or words[i - 1][0].endswith("不")):
        return None  # 很不|安宁: an adjective, not a name
    start = a + sum(len(w) for w, _ in words[:i])
    end = start + sum(len(w) for w, _ in words[i:j])
    place = all(tag.startswith(_PLACE_TAGS) for _, tag in words[i:j])
    if not 2 <= end - start <= 6 or any(w in view[start:end] for w in data_words("place_stopstems.txt")):
        return None  # 城市, 大街, 新建: common nouns
    return start, end, place


def _words_upto(words: list[tuple[str, str]], n: int):
    """The last word ending at character ``n`` of the run, as a one-item iterator."""
    pos = 0
    for w, t in words:
        pos += len(w)
        if pos == n:
            yield w, t
            return


def coordinated_places(view: str, places: list[PlaceMention], lo: int, hi: int) -> list[PlaceMention]:
    """Places named in a 、-list with a known place (see the module's description)."""
    taken = {p for m in places for p in range(m.start, m.end)}
    starts = {m.start: m for m in places}
    out: list[PlaceMention] = []
    seen: set[tuple[int, int]] = set()
    # the lists read so far, from their first item's start to their last item's start: a place
    # before the last item belongs to that list, and walking it again for every member would cost
    # the square of a long list's length (the last item may open a list of its own: 和阿拉伯国家、…)
    read: list[tuple[int, int]] = []
    for m in places:
        if m.kind == "deictic" or not (view[m.end:m.end + 1] == "、" or view[m.start - 1:m.start] == "、"):
            continue
        if any(x <= m.start and m.end <= y for x, y in read[-2:]):
            continue
        items = _list_around(view, m.start, m.end, lo, hi)
        read.append((items[0][0], items[-1][0]))
        if tuple(items) in seen:
            continue
        seen.add(tuple(items))
        known = 0
        found = []
        for n, (a, b) in enumerate(items):
            if any(p in taken for p in range(a, b)):
                known += 1
                continue
            part = _name_part(view, a, b, first=n == 0, last=n == len(items) - 1)
            if part is not None:
                found.append(part)
        places_in_list = known + sum(1 for *_, place in found if place)
        for a, b, place in found:
            if place or places_in_list >= 2 and word_freq(view[a:b]) < 1000:
                out.append(PlaceMention(a, b, view[a:b], (), "listed"))
                taken.update(range(a, b))
    return out


#: the broad regions of China named by a direction (东部, 中西部), bare only when paired with one
#: the lexicon knows (从东部到中西部, 东部、中部和西部地区): alone, 东部 is any area's east
_DIRECTIONS = ("东中西部", "中西部", "东中部", "东西部", "东北", "东部", "中部", "西部")
#: what joins two such regions: a list, a conjunction or 从…到…
_DIRECTION_JOINTS = ("、", "和", "与", "及", "以及", "到", "至", "同", "向")


def paired_regions(view: str, places: list[PlaceMention], lo: int, hi: int) -> list[PlaceMention]:
    """Bare direction regions (东部, 中部) joined to a region the lexicon found whose name opens with a
    direction (中西部, 西部地区), on either side; the bare one names the region of the same stem.

    >>> from analyser.extract.entities.places import find_places
    >>> v = "从东部到中西部，东部、中部和西部地区，该县东部和城区"
    >>> [v[m.start:m.end] for m in paired_regions(v, find_places(v, 0, len(v)), 0, len(v))]
    ['东部', '东部', '中部']
    """
    taken = {p for m in places for p in range(m.start, m.end)}
    anchors = [m for m in places if m.kind == "region" and view.startswith(_DIRECTIONS, m.start)]
    out: list[PlaceMention] = []

    def walk(k: int, step: int) -> None:
        while True:
            if step < 0:
                j = next((j for j in _DIRECTION_JOINTS if view.endswith(j, lo, k)), None)
                if j is None:
                    return
                e = k - len(j)
                d = next((d for d in _DIRECTIONS if view.endswith(d, lo, e)), None)
                if d is None:
                    return
                a, b = e - len(d), e
            else:
                j = next((j for j in _DIRECTION_JOINTS if view.startswith(j, k, hi)), None)
                if j is None:
                    return
                a = k + len(j)
                d = next((d for d in _DIRECTIONS if view.startswith(d, a, hi)), None)
                if d is None or view.startswith(("地区", "地"), a + len(d)):
                    return  # 西部地区 is the lexicon's own
                b = a + len(d)
            if any(p in taken for p in range(a, b)):
                return
            out.append(PlaceMention(a, b, d + "地区", (), "region"))
            taken.update(range(a, b))
            k = a if step < 0 else b

    for m in anchors:
        walk(m.start, -1)
        walk(m.end, 1)
    return sorted(out, key=lambda m: m.start)


def coordinated_orgs(
    view: str, orgs: list[tuple[int, int, str]], lo: int, hi: int, taken: set[int] = frozenset()
) -> list[tuple[int, int, str]]:
    """Organisations named after a known one across a joint (会同, 、, 和, 及, 与), each item ending
    with a body word (see the module's description); ``taken`` holds the offsets of other entities."""
    from .orgs import org_words

    suffixes = tuple(sorted(data_groups("org_suffixes.txt")["listed"], key=len, reverse=True))
    generic = org_words()[1]
    used = {p for a, b, _ in orgs for p in range(a, b)} | set(taken)
    ends = sorted(b for _, b, _ in orgs)
    out: list[tuple[int, int, str]] = []
    queue = list(ends)
    while queue:
        k = queue.pop(0)
        joint = next((j for j in _ORG_JOINTS if view.startswith(j, k)), None)
        if joint is None:
            continue
        a, b = _item_right(view, k + len(joint), hi)
        if len(joint) == 1 and joint != "、" and _tags(view[k:b])[0][0] != joint:
            continue  # 及时, 和谐, 与会: the joint is part of a word
        # the longest prefix of the run that ends with a body word and is followed by a joint,
        # punctuation or a verb of the clause (提出, 研究): try the ends from the longest
        best = None
        if not view.startswith(_GENERIC_OPEN, a):
            cuts = {a}
            for w, _tag in _tags(view[a:b]):
                cuts.add(max(cuts) + len(w))
            words = _tags(view[a:b])
            best = next((e for e in sorted(cuts, reverse=True) if e - a >= 3 and view[a:e].endswith(suffixes)), None)
            if best is not None:
                last, tag = next((w, t) for w, t in _words_upto(words, best - a))
                if len(last) > 1 and (tag.startswith("v") or last in data_words("org_not_bodies.txt")):
                    best = None  # 政府高质量|承办, 革命|干部: a verb or a common noun, not a body
        if best is None or any(p in used for p in range(a, best)) or best - a > _MAX_ITEM:
            continue
        if any(g in view[a:best] for g in generic):
            continue  # 上层反动集团, 国有企业: a kind of body
        out.append((a, best, view[a:best]))
        used.update(range(a, best))
        queue.append(best)
    return sorted(out)
