"""What a quantity is for: its indicator concept, modality (target or result) and binding force.

The one hook :func:`characterise` runs after the indicator, time and place of every quantity are set
(:mod:`analyser.extract.quantities.context`); the rules are in
:mod:`~analyser.extract.quantities.canonical` and :mod:`~analyser.extract.quantities.modality`.

Examples
--------
>>> from analyser.text.document import DocumentText
>>> from analyser.extract.quantities import extract_quantities
>>> src = DocumentText.from_text("去年国内生产总值增长6.6%。今年发展的主要预期目标是：国内生产总值增长6%—6.5%。",
...                            published="2019-03-05")
>>> [(q.text, q.canonical[0], q.modality, q.time) for q in extract_quantities(src)]
[('6.6%', 'gdp_growth', 'actual', '2018'), ('6%—6.5%', 'gdp_growth', 'target', '2019')]
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from analyser.facts import Quantity
from analyser.text.document import DocumentText

from .canonical import enumeration_concept, match_concept, unit_class
from .modality import binding, modality, section_cues, sentence_start

__all__ = ["characterise"]

_GOAL_LIST = re.compile(r"主要预期目标|主要目标")


def _dated(date_starts: Sequence[int], a: int, b: int) -> bool:
    i = bisect.bisect_left(date_starts, a)
    return i < len(date_starts) and date_starts[i] < b


def characterise(src: DocumentText, quantities: list[Quantity], date_starts: Sequence[int] = ()) -> list[Quantity]:
    """The quantities with ``canonical``, ``modality`` and ``binding`` set.

    ``date_starts`` (sorted starts of the document's dates) tells whether a figure's sentence
    dates it: a goal list without a date of its own (今年发展的主要预期目标是：…, in a document
    whose date is known) sets targets for the document's year, whatever the paragraph's lead says.
    """
    view = src.view
    pub_year = src.published[:4] if src.published and src.published[:4].isdigit() else None
    out = []
    sections = section_cues(view) if quantities else None
    seen_pct: set[int] = set()  # sentences whose first percentage has been seen
    for q in quantities:
        ind = q.indicator.text if q.indicator is not None else None
        concept = match_concept(ind, q.unit)
        s0 = sentence_start(view, q.start)
        first_pct = unit_class(q.unit) == "pct" and s0 not in seen_pct
        if unit_class(q.unit) == "pct":
            seen_pct.add(s0)
        if concept is None:
            concept = enumeration_concept(view, s0, q.start, ind, q.unit, first_pct)
        time = q.time
        if pub_year and _GOAL_LIST.search(view, s0, q.start) and not _dated(date_starts, s0, q.start):
            time = pub_year
        out.append(
            replace(
                q,
                time=time,
                modality=modality(view, q.start, time=time, published=src.published, sections=sections, sentence=s0),
                binding=binding(view, q.start, q.end, sentence=s0),
                canonical=None if concept is None else (concept.id, concept.label),
            )
        )
    return out
