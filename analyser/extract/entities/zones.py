"""Places read from their context: zones named after a place, foreign subdivisions, law titles.

* A place followed by a few words and a zone word (``place_context.txt``: 新区, 示范区, 先行区 …)
  names the zone (渤海新区, 北戴河生命健康产业创新示范区, 海南博鳌乐城国际医疗旅游先行区); a
  port or landform word right after it does too (朝鲜半岛, 黄骅港). The words between may not hold
  another place, a function word, punctuation or a scope word (全国, 第…: 陇南入列全国第一批…
  先行区 describes, it does not name), and the zone's name may not end inside a word. A country
  takes a port or landform word only (朝鲜半岛; not 美丽中国先行区).
* After a foreign country, names ending in a division word are its subdivisions, each after the
  one above it (蒙古国乌兰巴托市松根海尔汗区).
* The state's name opening the title of a law (《中华人民共和国专利法》, or 〈…〉 nested in another
  title) is part of the title.

Examples
--------
>>> from analyser.extract.entities.places import find_places
>>> v = "支持曹妃甸区、渤海新区建设，维护朝鲜半岛和平，与蒙古国乌兰巴托市松根海尔汗区缔结友城。"
>>> [v[m.start:m.end] for m in with_context(v, find_places(v, 0, len(v)), 0, len(v))]
['曹妃甸区', '渤海新区', '朝鲜半岛', '蒙古国', '乌兰巴托市', '松根海尔汗区']
"""
from __future__ import annotations

from analyser.data import groups as data_groups

from ._lexicon import is_han
from ._words import WordBounds
from .places import PlaceMention

__all__ = ["with_context"]

_WORDS = data_groups("place_context.txt")
#: characters a zone's or subdivision's own words never hold (function words)
_STOP = set("的了在和与及或是为对把被将从向由以于等个各每该本这那其之并也都而就所到")
_MAX_BETWEEN = 12
#: words that start a description rather than continue a name (陇南入列全国第一批…先行区)
_SCOPE_WORDS = ("全国", "全省", "全市", "全区", "一批", "首批", "第", "国家级", "省级", "入选", "纳入", "列入")
_FOREIGN_STEM = (2, 6)


def with_context(
    view: str, places: list[PlaceMention], lo: int, hi: int, bounds: WordBounds | None = None
) -> list[PlaceMention]:
    """``places`` with zones extended, foreign subdivisions added and law-title names dropped."""
    starts = {m.start for m in places}
    out: list[PlaceMention] = []
    for m in places:
        if _in_law_title(view, m):
            continue
        zone = _zone(view, m, hi, starts, bounds)
        if zone is not None and zone.start > m.start:
            out.append(m)  # 天津市|滨海新区: the division and the zone after it, two places
        out.append(zone or m)
        if m.kind == "country" and m.normalized != "中国":
            out.extend(_subdivisions(view, m, hi, starts, bounds))
    out.extend(_coordinated(view, out, lo, hi))
    out.sort(key=lambda m: (m.start, m.end))
    kept: list[PlaceMention] = []
    for m in out:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _ends_word(bounds: WordBounds | None, a: int, b: int) -> bool:
    return bounds is None or not bounds.straddles(a, b)


def _zone(view: str, m: PlaceMention, hi: int, starts: set[int], bounds: WordBounds | None) -> PlaceMention | None:
    if m.kind == "deictic" or view.startswith("我", m.start) or m.end >= hi:
        return None  # 我省高质量发展建设…示范区: a deictic place names no zone
    for suffix in sorted(_WORDS["direct"], key=len, reverse=True):
        if view.startswith(suffix, m.end) and _ends_word(bounds, m.start, m.end + len(suffix)):
            return _extended(view, m, m.end + len(suffix))
    if m.kind in ("region", "strait") and view.startswith("地区", m.end) and _ends_word(bounds, m.start, m.end + 2):
        return _extended(view, m, m.end + 2)  # 辽中南地区, 成渝地区, 台湾海峡地区: the region named in full
    if m.kind == "country" or m.kind == "region" and m.normalized.endswith("地区"):
        return None  # 美丽中国先行区, 中西部地区增设自贸试验区: a zone is named after a province, city,
        # county or a region short of a broad 地区
    full = _full_name(view, m)
    j = m.end
    while j < hi and j - m.end <= _MAX_BETWEEN:
        for suffix in sorted(_WORDS["named"], key=len, reverse=True):
            if view.startswith(suffix, j):
                end = j + len(suffix)
                if not (end <= hi and _ends_word(bounds, m.start, end)):
                    return None
                if not full:
                    return _extended(view, m, end)
                if j - m.end < 2 or view.startswith(_NOT_NAMED + _GENERIC, m.end):
                    return None  # 北京市经济技术开发区: no name of its own after the division
                return PlaceMention(m.end, end, view[m.end:end], m.parents + (m.normalized,), "zone", m.division)
        ch = view[j]
        if not is_han(ch) or ch in _STOP or (j > m.end or full) and j in starts or view.startswith(_SCOPE_WORDS, j):
            return None  # after a full name, the next division names the zone (广东省|珠海市横琴新区)
        j += 1
    return None


#: words opening a zone's description rather than its own name (北京市经济技术开发区)
_GENERIC = ("经济", "现代", "高新", "综合", "保税", "自由贸易", "自贸", "产业", "工业", "开发")


def _full_name(view: str, m: PlaceMention) -> bool:
    """True when ``m`` is a division printed with its division word (天津市, 广东省): a zone
    named after it is a place of its own (天津市|滨海新区, as 河北省|邢台市), while one named after a
    short name is one span (上海浦东新区, 渤海新区; 郑州航空港区: 州 is part of 郑州市's name)."""
    d, printed = m.division, view[m.start:m.end]
    return d is not None and m.kind != "zone" and printed[-1:] in _DIVISION_WORDS and printed[-1] == d.name[-1]


_DIVISION_WORDS = set("省市县区州盟旗")


def _coordinated(view: str, places: list[PlaceMention], lo: int, hi: int) -> list[PlaceMention]:
    """Zones in a 、-list with a zone named after a place (甘泉堡经济技术开发区、上库高新技术产业开发区、
    石河子经济技术开发区): the other items ending in a zone word are zones too, though their names
    open with no known place. An item is a run of Chinese characters without function words,
    two to ten characters before its zone word; lead-in verbs are cut (推进|甘泉堡…)."""
    from .orgs import org_words

    leadins = org_words()[0]
    suffixes = sorted(_WORDS["named"], key=len, reverse=True)
    taken = {p for m in places for p in range(m.start, m.end)}
    out: list[PlaceMention] = []
    for m in [m for m in places if m.kind == "zone"]:
        for step in (-1, 1):
            k = m.start - 1 if step < 0 else m.end
            while lo < k < hi and view[k] == "、":
                item = _item(view, k, step, lo, hi, suffixes, leadins)
                if item is None or any(p in taken for p in range(*item)):
                    break
                out.append(PlaceMention(item[0], item[1], view[item[0]:item[1]], m.parents, "zone"))
                taken.update(range(*item))
                k = item[0] - 1 if step < 0 else item[1]
    return out


def _item(view: str, k: int, step: int, lo: int, hi: int, suffixes: list[str], leadins) -> tuple[int, int] | None:
    """The 、-list item before (``step`` -1) or after (+1) the 、 at ``k``, if it ends in a zone word."""
    a = b = k + 1 if step > 0 else k
    if step < 0:
        while a > lo and is_han(view[a - 1]) and view[a - 1] not in _STOP and k - a < 16:
            a -= 1
    else:
        while b < hi and is_han(view[b]) and view[b] not in _STOP and b - k < 16:
            b += 1
    suffix = next((x for x in suffixes if view.startswith(x, b - len(x))), None)
    if suffix is None:
        return None
    changed = True
    while changed:
        changed = False
        for w in leadins:
            if view.startswith(w, a) and b - len(suffix) - a - len(w) >= 2:
                a += len(w)
                changed = True
    stem = b - len(suffix) - a
    if not 2 <= stem <= 10 or view.startswith(_SCOPE_WORDS + _NOT_NAMED, a):
        return None
    if any(w in view[a + 1:b - len(suffix)] for w in leadins if len(w) > 1):
        return None  # 云梦创建国家…示范区: a clause, not a name
    return a, b


#: words opening a kind of zone rather than a named one (国家数字贸易示范区, 省级开发区)
_NOT_NAMED = ("国家", "省级", "市级", "县级", "国际")


def _extended(view: str, m: PlaceMention, end: int) -> PlaceMention:
    return PlaceMention(m.start, end, view[m.start:end], m.parents + (m.normalized,), "zone", m.division)


def _subdivisions(view: str, m: PlaceMention, hi: int, starts: set[int], bounds: WordBounds | None) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    parents = (m.normalized,)
    i = m.end
    while i < hi and i not in starts:
        found = None
        for n in range(_FOREIGN_STEM[0], _FOREIGN_STEM[1] + 1):
            stem = view[i:i + n]
            if len(stem) < n or not all(is_han(c) and c not in _STOP for c in stem):
                break
            if view[i + n:i + n + 1] in _WORDS["foreign"] and _ends_word(bounds, i, i + n + 1):
                found = i + n + 1
                break
        if found is None:
            break
        out.append(PlaceMention(i, found, view[i:found], parents, "foreign_division"))
        parents = parents + (view[i:found],)
        i = found
    return out


def _in_law_title(view: str, m: PlaceMention) -> bool:
    opening = view[m.start - 1:m.start]
    if m.kind != "country" or opening not in ("《", "〈"):  # 〈〉: a title nested in another
        return False
    close = view.find("》" if opening == "《" else "〉", m.end, m.end + 60)
    title = "".join(view[m.end:close].split()) if close > 0 else ""  # 《中华人民共和国 公司法 》
    for tail in ("（试行）", "（草案）", "（修订）", "（修正）"):
        title = title.removesuffix(tail)
    return title.endswith(_WORDS["law_titles"])
