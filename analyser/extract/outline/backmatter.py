"""Back matter after a document's body: glossaries and notes are not its outline.

A report may end with a glossary (``名词解释`` then ``1.“四上”企业：…``) or endnotes (``注释``
then ``①…`` or ``［1］…``). Their numbering explains words of the text; it is not the document's
outline. The outline stops at a glossary or notes heading standing alone on its line
(``名词解释``, ``注释``, ``注``, ``附注``, ``参考文献``, also with words before them:
``《政府工作报告》有关内容名词注释``, ``附：名词解释``) after which no section marker (一、, 第一章 …)
opens a line: notes under a table inside the body do not end it. Annexes (``附件1`` …) are cut
after a speech (a body opening with its salutation, 各位代表：): a work report's appended lists
(十件民生实事) are not what was said. After the signature of a document (an annex heading a few
lines below a date line: 国务院办公厅⏎2019年1月16日⏎附件) the annex is the outline only when the
main text has none of its own: the annex of a covering letter or reply (印发…的通知, 复函, 批复) is
most of the document (a 方案, a 制度, a report), while the annex of a document that has its own
sections is appended matter (a table of indicators, a list of measures): see
:func:`signed_annex_start`.

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

__all__ = ["back_matter_start", "signed_annex_start"]

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


#: a date line alone (the date under a signature): 2019年1月16日, 二〇〇六年五月二十三日
_DATE_LINE = re.compile(
    r"[ \u3000\xa0\t\ufeff]*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日[ \u3000\xa0\t]*"
)
#: how many non-blank lines may stand between the signature's date and the annex heading
#: (（此件公开发布）, an enclosure list 附件：1.… 2.…)
SIGNATURE_LINES = 4


def signed_annex_start(view: str, lo: int, hi: int) -> int | None:
    """Start of the first annex heading (附件1, 附件：) inside ``view[lo:hi]`` that stands a few
    lines below a date line alone (the signature's date), ``None`` when there is none.

    >>> v = "一、总体要求\\n内容。\\n国务院办公厅\\n2019年1月16日\\n（此件公开发布）\\n附件\\n一、医疗质量\\n"
    >>> v[signed_annex_start(v, 0, len(v)):][:2]
    '附件'
    >>> signed_annex_start("附件1\\n一、甲\\n", 0, 8) is None
    True
    """
    for m in _ANNEX.finditer(view, lo, hi):
        lines = [ln for ln in view[lo:m.start()].split("\n") if ln.strip()][-(SIGNATURE_LINES + 1):]
        if any(_DATE_LINE.fullmatch(ln) for ln in lines):
            return m.start()
    return None
