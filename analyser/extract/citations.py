"""Cited documents: 《…》 titles and document numbers such as 国发〔2018〕39号.

A citation's span is the title *inside* the outer 《》 (nested 〈〉 or 《》 and line breaks
inside are kept). Its ``doc_type`` is the longest document type the title ends with
(``analyser/data/doc_types.txt``; 指导意见, 工作方案, 规划, 问答 …), a trailing （试行）/（草案）
being ignored. A document number right after the title (《…》（国办发〔2018〕129号）) is attached as
``doc_number``; a document number elsewhere is a citation of its own, spanning the number.
A short title that abbreviates an earlier one (《纲要草案》 after 《…规划纲要（草案）》,
《意见》 after 《关于…的指导意见》) gets ``refers_to``, the earlier title's ``normalized`` key, when
exactly one earlier title fits.

Only the article body (``src.body``) is searched: site chrome and the document's own header
are not citations.

Examples
--------
>>> from analyser.text.document import DocumentText
>>> src = DocumentText.from_text("印發《關于進一步加大易地扶貧搬遷后續扶持工作力度的指導意見》（發改振興〔2019〕1156號）。")
>>> c = extract_citations(src)[0]
>>> c.text[:4], c.doc_type, c.doc_number
('關于進一', '指导意见', '发改振兴〔2019〕1156号')
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from analyser import data
from analyser.facts import Citation
from analyser.text.docnumbers import DOC_NUMBER, find_doc_numbers
from analyser.text.document import DocumentText
from analyser.text.numerals import CN_NONZERO, CN_ZEROS

__all__ = ["DOC_NUMBER", "doc_type_of", "extract_citations", "normalize_doc_number"]

_MAX_TITLE = 200

#: Words that end the issuer code on the left (根据国发… -> 国发…).
_CODE_STOP = re.compile(
    r".*(?:根据|按照|依据|参照|参见|详见|对照|贯彻|落实|执行|印发|转发|关于|通过|文件|以及|见|和|及|与|或|的|在|为|是|以|经|由|、)"
)
#: Issuer names that contain a stop word of their own (中华人民共和国 has 和).
_ISSUER_WITH_STOP = re.compile(r"中华人民共和国|中共中央办公厅|国务院办公厅")
_TRAILING_NOTE = re.compile(r"[（(][^（）()]{1,12}[）)]\s*$")
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\"": "“", "「": "“", "」": "”", "『": "“", "』": "”", "〈": "《", "〉": "》"})


@lru_cache(maxsize=1)
def _doc_types() -> tuple[tuple[str, str], ...]:
    """``(form, type)`` pairs, longest form first."""
    pairs = {}
    for ln in data.lines("doc_types.txt"):
        form, _, typ = ln.strip().partition("\t")
        pairs[form] = typ.strip() or form
    return tuple(sorted(pairs.items(), key=lambda p: len(p[0]), reverse=True))


def doc_type_of(title: str) -> str | None:
    """The document type a (Simplified) title ends with, or None.

    >>> doc_type_of("国民经济和社会发展第十三个五年规划纲要（草案）")
    '规划纲要'
    >>> doc_type_of("新时期易地扶贫搬迁工作百问百答")
    '问答'
    >>> doc_type_of("人民日报") is None
    True
    """
    t = _SPACE.sub("", title)
    for _ in range(2):
        t2 = _TRAILING_NOTE.sub("", t)
        if t2 == t or not t2:
            break
        t = t2
    t = t.rstrip("”\"’'")
    for form, typ in _doc_types():
        if t.endswith(form):
            return typ
    return None


def normalize_doc_number(code: str, year: str, num: str) -> str:
    """The canonical form of a document number: ``code〔year〕num号``.

    >>> normalize_doc_number("国办发", "2018", "129")
    '国办发〔2018〕129号'
    """
    return f"{code}〔{year}〕{int(num)}号"


def _normalize_title(view_title: str) -> str:
    return _SPACE.sub("", view_title).translate(_QUOTES)


_TITLE = re.compile(rf"《(?:[^《》]|《[^《》]{{0,{_MAX_TITLE}}}》){{1,{_MAX_TITLE}}}》")


def _bracket_spans(view: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of the outermost 《…》 pairs in ``view[lo:hi]`` (one level of nesting)."""
    return [(m.start(), m.end() - 1) for m in _TITLE.finditer(view, lo, hi)]


def _code_start(view: str, m: re.Match) -> int:
    """Left edge of the issuer code, cutting lead-in words (根据国发… -> 国发…)."""
    a = m.start("code")
    code = view[a:m.end("code")]
    issuer = _ISSUER_WITH_STOP.search(code)
    if issuer:  # the issuer starts the code; what precedes it is lead-in (以中华人民共和国主席令…)
        return a + issuer.start()
    stop = _CODE_STOP.match(code)
    if stop and stop.end() < len(code):
        a += stop.end()
    return a


#: A decree number: 国务院令第708号, 中华人民共和国主席令第十号.
DECREE_NUMBER = re.compile(
    rf"(?P<code>[\u4e00-\u9fff]{{2,12}}?)令\s*第\s*(?P<num>\d{{1,4}}|[{CN_ZEROS}{CN_NONZERO}十百]{{1,6}})\s*号"
)


def _decree_numbers(view: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The matches of ``DECREE_NUMBER.finditer(view, lo, hi)``, tried only at the twelve
    characters before each 令 (the longest code), rather than at every character."""
    pos = lo
    i = view.find("令", lo, hi)
    while i >= 0:
        for p in range(max(pos, i - 12), i):
            m = DECREE_NUMBER.match(view, p, hi)
            if m:
                yield m
                pos = m.end()
                break
        i = view.find("令", max(i + 1, pos), hi)


def _doc_numbers(view: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    out = []
    for m in find_doc_numbers(view, lo, hi):
        a = _code_start(view, m)
        code = view[a:m.end("code")]
        if not code:
            continue
        out.append((a, m.end(), normalize_doc_number(code, m.group("year"), m.group("num"))))
    for m in _decree_numbers(view, lo, hi):
        a = _code_start(view, m)
        code = view[a:m.end("code")]
        if len(code) < 2:
            continue
        out.append((a, m.end(), f"{code}令第{m.group('num')}号"))
    out.sort()
    return out


_NUMBER_LABEL = re.compile(r"(?:发文字号|文号|字号|编号)[：:\s　]*$")


def _alone_on_line(view: str, a: int, b: int) -> bool:
    """True for the document's own number: alone on its line, or after a 发文字号： label."""
    line_start = view.rfind("\n", 0, a) + 1
    line_end = view.find("\n", b)
    line_end = len(view) if line_end < 0 else line_end
    before = view[line_start:a]
    if _NUMBER_LABEL.search(before):
        return True
    return not before.strip(" 　\xa0\t（(") and not view[b:line_end].strip(" 　\xa0\t）)")


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _refers_to(title: str, doc_type: str | None, earlier: list[tuple[str, str | None]]) -> str | None:
    """The normalized title of the one earlier, longer citation a short title abbreviates."""
    if len(title) > 8:
        return None
    cands = {
        norm
        for norm, typ in earlier
        if len(norm) > len(title) + 2
        and (_subsequence(title, norm) or (doc_type is not None and title == doc_type and typ == doc_type))
    }
    if len(cands) == 1:
        return cands.pop()
    return None


_ANAPHOR = re.compile(r"(?:该|上述|前述|这一|这个|此)")


def _short_references(view: str, lo: int, hi: int, found: list[Citation]) -> list[Citation]:
    """该意见, 上述方案 …: a reference to the one earlier citation of that type (本意见 is the document itself)."""
    types = sorted({t for _, t in _doc_types()}, key=len, reverse=True)
    out = []
    for m in _ANAPHOR.finditer(view, lo, hi):
        typ = next((t for t in types if view.startswith(t, m.end())), None)
        if typ is None:
            continue
        earlier = {c.normalized for c in found if c.end <= m.start() and c.doc_type and c.doc_type.endswith(typ)}
        if len(earlier) != 1:
            continue
        b = m.end() + len(typ)
        out.append(Citation(m.start(), b, "", "", earlier.pop(), typ, None, None))
    return out


def extract_citations(src: DocumentText, *, short_references: bool = False) -> list[Citation]:
    """Find the documents ``src`` cites: 《…》 titles and standalone document numbers.

    Parameters
    ----------
    src : DocumentText
        The prepared document; its ``view`` is searched and ``body`` bounds the search.

    short_references : bool
        Also return anaphoric references (该意见, 上述方案) to the one earlier citation of that
        type, with ``refers_to`` set and an empty ``title`` (off by default: they are mentions
        of a document already cited, not citations of their own).

    Returns
    -------
    list of Citation
        Sorted by start; ``text == src.text[start:end]``.

    Examples
    --------
    >>> from analyser.text.document import DocumentText
    >>> src = DocumentText.from_text("根据国办发〔2018〕129号文件和《全国“十三五”易地扶贫\\n搬迁规划》，制定本方案。")
    >>> [(c.text, c.doc_type, c.doc_number) for c in extract_citations(src)]
    [('国办发〔2018〕129号', None, '国办发〔2018〕129号'), ('全国“十三五”易地扶贫\\n搬迁规划', '规划', None)]
    """
    view = src.view
    lo, hi = src.body
    lo, hi = max(0, lo), min(len(view), hi)
    if lo >= hi:
        return []
    titles = _bracket_spans(view, lo, hi)
    numbers = _doc_numbers(view, lo, hi)
    used_numbers: set[int] = set()
    out = _title_citations(src, titles, numbers, used_numbers)
    out.extend(_number_citations(src, titles, numbers, used_numbers))
    if short_references:
        for c in _short_references(view, lo, hi, out):
            out.append(Citation(c.start, c.end, src.text[c.start:c.end], "", c.normalized, c.doc_type,
                                None, refers_to=c.normalized))
    out.sort(key=lambda c: (c.start, c.end))
    return out


def _title_citations(src: DocumentText, titles, numbers, used_numbers: set[int]) -> list[Citation]:
    """A citation per 《…》 title, with the document number printed right after it; the numbers
    taken (after a title or inside one) are added to ``used_numbers``."""
    view = src.view
    number_starts = [n[0] for n in numbers]
    out: list[Citation] = []
    earlier: list[tuple[str, str | None]] = []
    for open_, close in titles:
        a, b = open_ + 1, close
        while a < b and view[a].isspace():
            a += 1
        while b > a and view[b - 1].isspace():
            b -= 1
        title_view = _normalize_title(view[a:b])
        doc_type = doc_type_of(title_view)
        number = None
        k = bisect.bisect_left(number_starts, open_)
        while k < len(numbers) and numbers[k][0] <= close + 3:
            na, nb, norm = numbers[k]
            gap = view[close + 1:na]
            if na > close and all(ch in "（(〔[ 　" for ch in gap):
                number = norm
                used_numbers.add(k)
                break
            if nb <= close:  # a number inside the title names the cited document
                used_numbers.add(k)
            k += 1
        refers = _refers_to(title_view, doc_type, earlier)
        if doc_type is None and refers is not None:
            doc_type = next(typ for norm, typ in earlier if norm == refers)
        earlier.append((title_view, doc_type))
        out.append(
            Citation(
                start=a,
                end=b,
                text=src.text[a:b],
                title=_SPACE.sub("", src.text[a:b]),
                normalized=title_view,
                doc_type=doc_type,
                doc_number=number,
                refers_to=refers,
            )
        )
    return out


def _number_citations(src: DocumentText, titles, numbers, used_numbers: set[int]) -> list[Citation]:
    """A citation per document number standing on its own (not after or inside a title, not the
    document's own number alone on a header line)."""
    view = src.view
    opens = [o for o, _ in titles]
    out = []
    for k, (na, nb, norm) in enumerate(numbers):
        t = bisect.bisect_left(opens, na) - 1
        if k in used_numbers or (t >= 0 and na < titles[t][1]):
            continue
        if _alone_on_line(view, na, nb):  # the document's own number, printed in its header
            continue
        out.append(
            Citation(start=na, end=nb, text=src.text[na:nb], title="", normalized=norm,
                     doc_type=None, doc_number=norm)
        )
    return out
