"""Back matter after a document's body: glossaries and notes are not its outline.

A report may end with a glossary (``名词解释`` then ``1.“四上”企业：…``) or endnotes (``注释``
then ``①…`` or ``［1］…``). Their numbering explains words of the text; it is not the document's
outline. The outline stops at a glossary or notes heading standing alone on its line
(``名词解释``, ``注释``, ``注``, ``附注``, ``参考文献``, also with words before them:
``《政府工作报告》有关内容名词注释``, ``附：名词解释``) after which no section marker (一、, 第一章 …)
opens a line: notes under a table inside the body do not end it. Annexes (``附件1`` …) are cut only
after a speech (a body opening with its salutation, 各位代表：): a work report's appended lists
(十件民生实事) are not what was said; elsewhere an annex is part of the document, and in a covering
notice (印发…的通知) it is most of it.

Examples
--------
>>> from analyser.extract.outline.markers import line_candidates
>>> v = "一、回顾\\n内容。\\n二、任务\\n内容。\\n附件1\\n一、提高低保标准\\n附件2\\n名词解释\\n1.甲：乙。"
>>> cut = back_matter_start(v, 0, len(v), line_candidates(v))
>>> v[cut:cut + 4]
'名词解释'
>>> w = "一、回顾\\n注：\\n1.单位：万元。\\n二、任务\\n内容。"
>>> back_matter_start(w, 0, len(w), line_candidates(w)) == len(w)
True

"""
from __future__ import annotations

import re

from .markers import SECTION_FAMILIES, Candidate

__all__ = ["back_matter_start"]

_GLOSSARY = re.compile(
    r"(?m)^[ \u3000\xa0\t\ufeff]*(?:附[：:]?)?"
    r"(?:[^\n。！？；，]{0,20}?(?:名词解释|名词注释|名词解读|注释|注解|附注|参考文献)|注)[：:]?[ \u3000\xa0\t]*$"
)


#: an annex heading alone on its line (附件1, 附件：, 附录二)
_ANNEX = re.compile(r"(?m)^[ \u3000\xa0\t\ufeff]*(?:附件|附录|附表)[0-9０-９一二三四五六七八九十]{0,3}[：:]?[ \u3000\xa0\t]*$")
#: the salutation a speech opens with (各位代表：, 同志们：, 主席女士、各位议员：)
_SALUTATION = re.compile(r"[ \u3000\xa0\t\ufeff]*[^。，；\n]{0,16}(?:代表|同志|议员|委员|先生|女士|朋友|主席)们?[：:！!][ \u3000\xa0\t]*(?:\n|$)")


def back_matter_start(view: str, lo: int, hi: int, lines: list[Candidate]) -> int:
    """Where the glossary or notes after the body of ``view[lo:hi]`` start (``hi`` when none);
    ``lines`` are the line-marker candidates of the view. In a speech (a body that opens with
    its salutation, 各位代表：) an annex after it is back matter too (附件1 十件民生实事)."""
    if _SALUTATION.match(view, lo):
        a = _ANNEX.search(view, lo, hi)
        if a is not None:
            hi = a.start()
    m = _GLOSSARY.search(view, lo, hi)
    if m is None:
        return hi
    last_section = max((c.marker[0] for c in lines if c.family in SECTION_FAMILIES), default=-1)
    if m.start() < last_section:
        m = _GLOSSARY.search(view, last_section + 1, hi)
    return hi if m is None else m.start()
