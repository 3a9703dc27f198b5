"""Entities: persons, organisations and places, with Simplified canonical names.

``extract_entities(src)`` reads the Simplified view of the article body (``src.body``) and
returns :class:`~analyser.facts.Entity` facts whose surfaces come from the original text.
Organisations win over the places and persons nested in them (鞍山 in 鞍山钢铁公司, 中国 in
中国共产党); a person's surface is the name without its title. Zones named after a place, a
foreign country's subdivisions and the state's name in a law's title are read from the context
of the places found (:mod:`.zones`). When the pipeline has segmented
the text (``src.tokens``; else a local jieba segmentation), a short name that straddles a
word is not taken (衡水 in 均衡|水平, 重庆 in 隆重庆祝). Short company names without a suffix
come from what the sentence says of them (:mod:`.companies`: 晨鸣纸业、华润雪花等企业,
韩国晓星…等外资项目, 百瑞源荣获中国质量奖).

Examples
--------
>>> from analyser.text.document import DocumentText
>>> src = DocumentText.from_text("貴州省望謨縣麻山鄉打務村搬遷群眾王永慶說，感謝黨中央。")
>>> [(e.text, e.label, e.normalized) for e in extract_entities(src)][:2]
[('貴州省', 'PLACE', '贵州省'), ('望謨縣', 'PLACE', '望谟县')]
>>> [e.parents for e in extract_entities(src) if e.text == "打務村"]
[('贵州省', '黔西南布依族苗族自治州', '望谟县', '麻山乡')]
"""
from __future__ import annotations

from analyser.facts import Entity
from analyser.text.document import DocumentText

from ._words import WordBounds
from .aliases import with_aliases
from .coordination import coordinated_orgs, coordinated_places, paired_regions
from .landforms import landform_places
from .companies import find_award_companies, find_listed_companies
from .orgs import find_orgs, org_words, regional_centre
from .persons import find_persons, foreign_like, is_leader, more_mentions, titled
from .places import PlaceMention, find_places, home_divisions
from .rosters import roster_units
from .zones import with_context

__all__ = ["extract_entities"]


def extract_entities(src: DocumentText) -> list[Entity]:
    """Find persons, organisations and places in the body of ``src``.

    Parameters
    ----------
    src : DocumentText
        The prepared document (``view`` is searched, ``body`` bounds the search).

    Returns
    -------
    list of Entity
        Sorted by start; ``text == src.text[start:end]``; ``parents`` for places lists the
        divisions above, from the province down.

    Examples
    --------
    >>> from analyser.text.document import DocumentText
    >>> src = DocumentText.from_text("李克强总理作出批示。国家发展改革委联合有关部门印发通知。")
    >>> [(e.text, e.label, e.normalized) for e in extract_entities(src)]
    [('李克强', 'PERSON', '李克强'), ('国家发展改革委', 'ORG', '国家发展和改革委员会')]
    """
    view = src.view
    lo, hi = max(0, src.body[0]), min(len(view), src.body[1])
    if lo >= hi:
        return []
    bounds = WordBounds(view, src.tokens)
    named = find_places(view, lo, hi, bounds)
    places = with_context(view, named, lo, hi, bounds)
    places = places + coordinated_places(view, places, lo, hi)
    places = places + paired_regions(view, places, lo, hi)
    occupied = {q for m in places for q in range(m.start, m.end)}
    places += [PlaceMention(a, b, view[a:b], (), "landform") for a, b in landform_places(view, lo, hi, occupied)]
    places.sort(key=lambda m: (m.start, m.end))
    place_spans = [(p.start, p.end) for p in places]
    orgs = find_orgs(view, lo, hi, place_spans, bounds, home_divisions(named))
    taken = {q for a, b, _ in orgs for q in range(a, b)}
    leadins, generic = org_words()
    companies = find_listed_companies(view, lo, hi, place_spans, leadins, generic)
    for a, b in companies + find_award_companies(view, lo, hi, place_spans, generic):
        if not any(q in taken for q in range(a, b)):
            orgs.append((a, b, view[a:b]))
    placed = {q for a, b in place_spans for q in range(a, b)}
    for a, b in roster_units(view, lo, hi):  # 国务院 in 国务院副秘书长; 北京市副市长 names a place
        if not any(q in taken or q in placed for q in range(a, b)):
            orgs.append((a, b, view[a:b]))
    orgs = regional_centre(view, with_aliases(view, lo, hi, orgs, placed))
    orgs = sorted(orgs + coordinated_orgs(view, orgs, lo, hi, placed))
    # a leader's full name stays even inside one long word (习近平新时代中国特色社会主义思想)
    # (a transliterated name is no word of the dictionary: only the dictionary's own words split it)
    persons = [(a, b, n) for a, b, n in find_persons(view, lo, hi, src.tokens)
               if b - a >= 3 and is_leader(n) or not _split(bounds, a, b, n, titled(view, a))]
    persons += [(a, b, n) for a, b, n in more_mentions(view, lo, hi, persons) if not _split(bounds, a, b, n)]
    in_org = {p for a, b, _ in orgs for p in range(a, b)}
    out: list[Entity] = []
    for a, b, norm in orgs:
        out.append(Entity(a, b, src.text[a:b], "ORG", norm))
    in_place = set()
    for p in places:
        if p.start not in in_org:  # orgs never cut across a place: 鞍山 in 鞍山钢铁公司 is inside
            out.append(Entity(p.start, p.end, src.text[p.start:p.end], "PLACE", p.normalized, p.parents))
        in_place.update(range(p.start, p.end))
    for a, b, norm in persons:
        if not any(q in in_org or q in in_place for q in range(a, b)):
            out.append(Entity(a, b, src.text[a:b], "PERSON", norm))
    out.sort(key=lambda e: (e.start, e.end, e.label))
    return out


def _split(bounds: WordBounds, a: int, b: int, name: str, titled: bool = False) -> bool:
    """True when a word of the segmentation cuts across the name ``[a, b)``; for a transliterated
    name (佩斯林) or a name right after a title (行政长官李家超在, segmented 李家|超在), only a word
    the dictionary knows well (和佩斯 is a stray entry, 超在 a guess)."""
    return bounds.straddles_word(a, b) if titled or foreign_like(name) else bounds.straddles(a, b)
