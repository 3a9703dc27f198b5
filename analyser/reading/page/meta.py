"""Metadata of a page from its classified lines: labelled values, title, issuer, date, number."""

from __future__ import annotations

import re

from .dates import iso_date
from .lines import (
    _CJK,
    _DATE_LINE,
    _DOCNO,
    _HEADER_KINDS,
    _LABEL,
    _LABEL_OF,
    _MEDIA,
    _ORG_END,
    _SPEAKER,
    _STRIP,
    _VALUE_END,
    _Line,
    _next_nonblank,
    _prev_nonblank,
    _unspace,
)


def labelled_values(lines: list[_Line], upto: int) -> list[tuple[str, int, int]]:
    """``(group, start, end)`` of each labelled value in the header lines ``[0, upto)``."""
    out = []
    for i in range(upto):
        ln = lines[i]
        if ln.kind != "meta":
            continue
        matches = list(_LABEL.finditer(ln.view))
        for k, m in enumerate(matches):
            group = _LABEL_OF[_unspace(m.group("label"))]
            a = m.end()
            b = matches[k + 1].start() if k + 1 < len(matches) else len(ln.view)
            seg = ln.view[a:b]
            lead = len(seg) - len(seg.lstrip(_STRIP))
            seg = seg.strip(_STRIP)
            cut = _VALUE_END.search(seg)
            if cut:
                seg = seg[: cut.start()].rstrip(_STRIP)
            if seg:
                out.append((group, ln.start + a + lead, ln.start + a + lead + len(seg)))
            elif k == len(matches) - 1:
                j = _next_nonblank(lines, i)
                if j is not None and lines[j].kind == "value":
                    out.append((group, lines[j].start, lines[j].end))
    return out


def find_title(lines: list[_Line], view: str, head: int, labels) -> tuple[int, int] | None:
    for group, a, b in labels:
        if group == "title" and _CJK.search(view[a:b]):
            return a, b
    for i in range(min(head + 1, len(lines))):
        if lines[i].kind not in _HEADER_KINDS and i != head:
            continue
        run: list[_Line] = []
        j = _prev_nonblank(lines, i)
        while j is not None and lines[j].kind == "heading" and len(run) < 3:
            cand = lines[j]
            if run and (
                len(cand.view) < 8
                or len(run[0].view) < 8
                or len(cand.view) + sum(len(r.view) for r in run) > 80
            ):
                break
            run.insert(0, cand)
            j = _prev_nonblank(lines, j)
        if run:
            return run[0].start, run[-1].end
    return None


def find_issuer(lines, view, labels, title, body_first: int, body_last: int) -> tuple[int, int] | None:
    media = None
    for group, a, b in labels:
        if group == "issuer":
            if not _MEDIA.search(view[a:b]):
                return a, b
            media = media or (a, b)
    if title:
        m = re.match(r"(.{2,40}?)[ \u3000]*关于", view[title[0] : title[1]])
        if m and _ORG_END.search(m.group(1)):
            return title[0], title[0] + len(m.group(1))
    for ln in lines[:body_first]:
        if ln.kind == "org":
            return ln.start, ln.end
    for ln in lines[:body_first]:
        if ln.kind == "speaker":
            m = _SPEAKER.match(ln.view)
            pos = m.group("pos") if m else ln.view
            return ln.start, ln.start + len(pos)
    start = lines[body_first].start
    m = re.search(
        r"我代表([^，。、；：\s“”]{2,30}?)(?=，|,|向|作(?:工作)?报告|在)", view[start : start + 1500]
    )
    if m:
        return start + m.start(1), start + m.end(1)
    sig = _signature(lines, body_last)
    if sig and sig[0] is not None:
        return sig[0]
    return media


def _signature(lines: list[_Line], body_last: int):
    """``(org span | None, iso date)`` of a signature at the end of the body, or ``None``."""
    for k in range(body_last, max(body_last - 4, -1), -1):
        ln = lines[k]
        if ln.kind == "date" or (ln.kind != "blank" and len(ln.view) <= 20 and _DATE_LINE.fullmatch(ln.view)):
            iso = iso_date(ln.view)
            j = _prev_nonblank(lines, k)
            org = None
            if j is not None and len(lines[j].view) <= 30 and _ORG_END.search(lines[j].view):
                org = (lines[j].start, lines[j].end)
            return (org, iso) if iso else None
    return None


def find_published(lines, view, labels, body_first: int, body_last: int) -> str | None:
    """ISO date: a publication label; a bare or leading date in the header; the signed date
    (成文日期); a dated subtitle; the signature date; a date line just after the body."""
    for group, a, b in labels:
        if group == "published" and (iso := iso_date(view[a:b])):
            return iso
    for ln in lines[:body_first]:  # a bare date line in the page header (site timestamp)
        if ln.kind == "date" and ln.view[:1] not in "（(" and (iso := iso_date(ln.view)):
            return iso
    for ln in lines[:body_first]:  # 2020-03-10 09:00 来源：新华社
        m = _LABEL.search(ln.view) if ln.kind == "meta" else None
        if m and m.start() > 1 and (iso := iso_date(ln.view[: m.start()])):
            return iso
    for group, a, b in labels:
        if group == "written" and (iso := iso_date(view[a:b])):
            return iso
    for ln in lines[:body_first]:
        if ln.kind in ("subtitle", "date") and (iso := iso_date(ln.view)):
            return iso
    sig = _signature(lines, body_last)
    if sig:
        return sig[1]
    seen = 0
    for ln in lines[body_last + 1 :]:  # 完 / 2027年11月8日（星期一）: a press release's issue date
        if ln.kind == "blank" or ln.kind == "chrome" and not iso_date(ln.view):
            continue
        if len(ln.view) <= 30 and (iso := iso_date(ln.view)):
            return iso
        seen += 1
        if seen >= 2:
            break
    return None


def find_doc_number(lines, view, labels, body_first: int) -> tuple[int, int] | None:
    for group, a, b in labels:
        if group == "doc_number" and (m := _DOCNO.search(view, a, b)):
            return m.start(), m.end()
    for ln in lines[: body_first + 1]:
        if ln.kind in ("docno", "meta", "subtitle", "heading", "other") and (m := _DOCNO.search(ln.view)):
            return ln.start + m.start(), ln.start + m.end()
    return None
