"""What a quantity is for: its indicator concept, modality (target or result) and binding force.

The one hook :func:`characterise` runs after the indicator, time and place of every quantity are set
(:mod:`analyser.extract.quantities.context`); the rules are in
:mod:`~analyser.extract.quantities.canonical` and :mod:`~analyser.extract.quantities.modality`.

Examples
--------
>>> from analyser.text.source import SourceText
>>> from analyser.extract.quantities import extract_quantities
>>> src = SourceText.from_text("去年国内生产总值增长6.6%。今年发展的主要预期目标是：国内生产总值增长6%—6.5%。",
...                            published="2019-03-05")
>>> [(q.text, q.canonical[0], q.modality, q.time) for q in extract_quantities(src)]
[('6.6%', 'gdp_growth', 'actual', '2018'), ('6%—6.5%', 'gdp_growth', 'target', '2019')]
"""
from __future__ import annotations

from dataclasses import replace

from analyser.facts import Quantity
from analyser.text.source import SourceText

from .canonical import enumeration_concept, match_concept, unit_class
from .modality import binding, modality, section_cues, sentence_start

__all__ = ["characterise"]


def characterise(src: SourceText, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities with ``canonical``, ``modality`` and ``binding`` set."""
    view = src.view
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
        out.append(
            replace(
                q,
                modality=modality(view, q.start, time=q.time, published=src.published, sections=sections),
                binding=binding(view, q.start, q.end),
                canonical=None if concept is None else (concept.id, concept.label),
            )
        )
    return out
