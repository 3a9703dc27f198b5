"""Document numbers (发文字号): 国发〔2018〕39号, 国办发[2019]4号, 深政规〔2020〕第3号.

One pattern for every reader of them: the page metadata (a document's own number), citations (a
cited number), the quantity filters (digits inside a number are no amount) and the graph (cited
numbers matched to stored documents).

>>> m = DOC_NUMBER.search("根据国发〔2018〕39号文件")
>>> m.group(0), m.group("code"), m.group("year"), m.group("num")
('根据国发〔2018〕39号', '根据国发', '2018', '39')
>>> number_key("國發〔2018〕39號"), number_key("深入实施国发[2018]39号")
('国发2018/39', '国发2018/39')
"""
from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["DOC_NUMBER", "NUMBER_TAIL", "find_doc_numbers", "number_key"]

_OPEN = r"[〔\[［【（(]"
_CLOSE = r"[〕\]］】）)]"
#: The year in brackets, the serial number and 号 (what follows the issuer code).
_TAIL = rf"{_OPEN}\s*(?P<year>(?:19|20)\d\d)\s*{_CLOSE}\s*第?\s*(?P<num>\d{{1,5}})\s*号"

#: A document number: issuer code, year in brackets, serial number and 号 (Simplified view).
#: The code is as short as the text allows; callers trim words before it (根据, 印发 …).
DOC_NUMBER = re.compile(rf"(?P<code>[\u4e00-\u9fff]{{1,12}}?)\s*{_TAIL}")
#: The part after the code alone: enough to tell that digits belong to a number.
NUMBER_TAIL = re.compile(_TAIL)


#: The longest issuer code :data:`DOC_NUMBER` takes.
_CODE_MAX = 12


def find_doc_numbers(view: str, lo: int = 0, hi: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``DOC_NUMBER.finditer(view, lo, hi)``, found from their tails.

    A tail (bracketed year, serial number, 号) opens with a bracket and is rare; the code before
    it is at most twelve Chinese characters and white space. Searching :data:`NUMBER_TAIL` first
    and the whole pattern only just before each tail gives the same matches without trying the
    code's twelve lengths at every character of the text.

    >>> [m.group() for m in find_doc_numbers("（一）根据国发〔2018〕39号和国办发〔2019〕4号")]
    ['根据国发〔2018〕39号', '和国办发〔2019〕4号']
    """
    hi = len(view) if hi is None else hi
    pos = lo
    for tail in NUMBER_TAIL.finditer(view, lo, hi):
        a = tail.start()
        while a > pos and view[a - 1].isspace():
            a -= 1
        for m in DOC_NUMBER.finditer(view, max(pos, a - _CODE_MAX), tail.end()):
            yield m
            pos = m.end()


def number_key(text: str | None) -> str:
    """A document number's merge key: the code's last two characters, year and serial number.

    Written forms differ in script, brackets and the words before the code; the key does not.
    """
    if not text:
        return ""
    from .normalize import simplified_view

    m = DOC_NUMBER.search(simplified_view(text))
    return f"{m.group('code')[-2:]}{m.group('year')}/{int(m.group('num'))}" if m else ""
