"""Lines of a page and their kinds; where the article body starts and ends.

See :mod:`analyser.reading.page` for the kinds. Chrome patterns come from ``data/page_chrome.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analyser import data
from analyser.text.docnumbers import DOC_NUMBER
from analyser.text.numerals import CN_NONZERO, SEQUENCE_DIGITS

from .dates import _DATE, iso_date


@lru_cache(maxsize=1)
def _chrome() -> dict[str, re.Pattern]:
    """The chrome patterns by kind; ``footer`` and ``nav`` lines are also split into the
    alternatives anchored at the line's start (``*_start``, tried there only) and the others."""
    groups: dict[str, list[str]] = {"footer": [], "nav": [], "word": []}
    for line in data.lines("page_chrome.txt"):
        kind, _, pattern = line.partition("\t")
        groups[kind].append(pattern)
    out = {k: re.compile("|".join(f"(?:{p})" for p in v)) for k, v in groups.items()}
    for kind in ("footer", "nav"):
        alts = [a for p in groups[kind] for a in _alternatives(p)]
        out[f"{kind}_start"] = re.compile("|".join(f"(?:{a})" for a in alts if a.startswith("^")) or "(?!)")
        out[f"{kind}_any"] = re.compile("|".join(f"(?:{a})" for a in alts if not a.startswith("^")) or "(?!)")
    return out


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (``a|(b|c)d`` -> ``a``, ``(b|c)d``).

    >>> _alternatives(r"^[|]x|y\\|z|(p|q)")
    ['^[|]x', 'y\\\\|z', '(p|q)']
    """
    out, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]" or pattern[i - 1] == "["
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _spaced(label: str) -> str:
    return r"[ \u3000\xa0]*".join(map(re.escape, label))


def _read_labels() -> dict[str, str]:
    """``{label: group}`` from ``data/page_labels.txt``."""
    out = {}
    for line in data.lines("page_labels.txt"):
        group, _, words = line.partition("\t")
        out.update((w, group) for w in words.split())
    return out


_LABEL_OF = _read_labels()
_LABEL = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<label>"
    + "|".join(_spaced(w) for w in sorted(_LABEL_OF, key=len, reverse=True))
    + r")[ \u3000\xa0]*[：:]"
)
# A label the lexicon does not know, in a metadata table row: short, then a tab-separated value.
_TABLE_LABEL = re.compile(r"[\u4e00-\u9fff](?:[ \u3000\xa0]*[\u4e00-\u9fff]){1,5}[ \u3000\xa0]*[：:]\t")
# Where a labelled value ends: a cell break, wide space, a bar or bracket, or the next "label：".
_VALUE_END = re.compile(r"\t|\xa0|[ \u3000]{2,}|[|】\]]|[ \u3000]+(?=[\u4e00-\u9fff]{1,6}[：:])")
_MEDIA = re.compile(
    r"日报|晚报|报社|时报|客户端|新闻|网$|网站|电视台|广播|新华社|杂志|融媒|头条|微信|公众号|APP|App"
)
_ORG_END = re.compile(
    r"(院|厅|部|委|委员会|局|办|办公室|政府|中央|署|司|处|室|中心|联合会|协会|工会|商会|领导小组|办事处|党委|党组)$"
)
_POSITION = r"(?:总理|省长|主席|市长|区长|县长|州长|旗长|盟长|书记|部长|主任|局长|厅长|委员长|秘书长)"
_NAME = r"[\u4e00-\u9fff](?:[ \u3000]*[\u4e00-\u9fff]){1,3}"
_SPEAKER = re.compile(rf"(?P<pos>[\u4e00-\u9fff（）]{{0,24}}?{_POSITION})[ \u3000]+{_NAME}")
_POSITION_ONLY = re.compile(rf"[\u4e00-\u9fff（）]{{0,24}}?{_POSITION}")
_SPACED_NAME = re.compile(r"[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,3}")
_DOCNO = DOC_NUMBER
_DATE_LINE = re.compile(r"[（(]?\s*(?:" + _DATE.pattern + r")(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[）)]?")
_SUBTITLE = re.compile(
    rf"(?:——|—|－－|--)\s*\S.*|[（(].*(?:\d{{4}}年|[{SEQUENCE_DIGITS}]{{4}}年|在.*上).*[）)]"
)
_CAPTION = re.compile(
    r"(?:记者|摄影|通讯员|供图)[ \u3000]*[\u4e00-\u9fff]{2,4}(?:[ \u3000、]+[\u4e00-\u9fff]{2,4})*[ \u3000]*摄?$"
    r"|[ \u3000]摄$"
)
_SALUTATION = re.compile(
    r"(?:各|尊敬的|同志们|女士们|亲爱的|全体).{0,80}[：:]|.{0,80}(?:人民政府|各部门|各部委|各单位|直属机构|各委办局)[，、]?.{0,40}[：:]"
    r"|(?:主席|代理主席|议长)(?:先生|女士)?(?:[、，,].{0,60})?[：:]"  # a Hong Kong speech: 主席： / 主席、各位议员、各位市民：
)
_URL = re.compile(r"https?://|www\.|\.(?:com|net|org|cn)\b")
_NOT_ORG = re.compile(r"关于|的|通知|意见|报告|方案|办法|规定|决定|决议|纲要|规划|要点|细则|条例")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_STRIP = " \t\u3000\xa0\u200b\ufeff\r"


# --------------------------------------------------------------------------- lines


@dataclass
class _Line:
    start: int
    end: int
    view: str
    kind: str = "other"


def split_lines(text: str, view: str) -> list[_Line]:
    out, pos = [], 0
    for raw in view.split("\n"):
        a, b = pos, pos + len(raw)
        pos = b + 1
        while a < b and (view[a] in _STRIP or view[a].isspace()):
            a += 1
        while b > a and (view[b - 1] in _STRIP or view[b - 1].isspace()):
            b -= 1
        out.append(_Line(a, b, view[a:b], "blank" if a == b else "other"))
    return out


def _is_chrome(s: str) -> bool:
    c = _chrome()
    return bool(
        c["word"].fullmatch(s)
        or c["footer_start"].match(s)
        or c["nav_start"].match(s)
        or c["footer_any"].search(s)
        or c["nav_any"].search(s)
        or _URL.search(s)
    )


def _cjk_count(s: str) -> int:
    """How many characters of ``s`` are CJK ideographs (counted in C, without a list of them)."""
    return len(s) - len(_CJK.sub("", s))


def _prose(s: str) -> bool:
    """A line of running text: sentence punctuation (a title may hold one comma, not a full stop)."""
    if len(s) < 20 or _cjk_count(s) < len(s) * 0.5:
        return False
    return bool(re.search(r"[。；！？]", s)) or (s.count("，") >= 2 and len(s) >= 40)


def _heading(s: str) -> bool:
    return (
        2 <= len(s) <= 100
        and len(_CJK.findall(s)) >= 2
        and s[-1] not in "。，；、：:,;"
        and "。" not in s[:-1]
    )


def classify(lines: list[_Line]) -> None:
    for i, ln in enumerate(lines):
        s = ln.view
        if ln.kind == "blank" or ln.kind == "value":
            continue
        label = _meta_label(s)
        if _is_chrome(s) and not (label and _LABEL_OF.get(_unspace(label.group("label"))) != "other"):
            ln.kind = "chrome"
        elif _CAPTION.search(s) and len(s) <= 200:
            ln.kind = "caption"
        elif label or _TABLE_LABEL.match(s):
            ln.kind = "meta"
            if label and label.end() == len(s):  # a bare label: the value is on the next line
                nxt = _next_nonblank(lines, i)
                if nxt is not None and len(lines[nxt].view) <= 60 and not _LABEL.match(lines[nxt].view):
                    lines[nxt].kind = "value"
        elif _DOCNO.fullmatch(s):
            ln.kind = "docno"
        elif _DATE_LINE.fullmatch(s):
            ln.kind = "date"
        elif len(s) <= 100 and "。" not in s and _SUBTITLE.fullmatch(s):
            ln.kind = "subtitle"
        elif len(s) <= 30 and _SPEAKER.fullmatch(s):
            ln.kind = "speaker"
        elif len(s) <= 30 and _POSITION_ONLY.fullmatch(s) and _followed_by_name(lines, i):
            ln.kind = "speaker"
        elif len(s) <= 12 and _SPACED_NAME.fullmatch(s):
            ln.kind = "name"
        elif len(s) <= 120 and _SALUTATION.fullmatch(s):
            ln.kind = "salutation"
        elif _prose(s):
            ln.kind = "prose"
        elif _heading(s) and len(s) <= 80 and iso_date(s):
            ln.kind = "subtitle"  # a dated line: promulgation, date and occasion
        elif _heading(s) and len(s) <= 30 and _ORG_END.search(s) and not _NOT_ORG.search(s):
            ln.kind = "org"
        elif _heading(s):
            ln.kind = "heading"
    # breadcrumb items: lines next to a lone separator line (首页 / > / 要闻)
    for i, ln in enumerate(lines):
        if ln.kind == "chrome" and re.fullmatch(r"[>›»/|]+", ln.view):
            for j in (_prev_nonblank(lines, i), _next_nonblank(lines, i)):
                if j is not None and lines[j].kind in ("heading", "other") and len(lines[j].view) <= 12:
                    lines[j].kind = "chrome"


def _meta_label(s: str) -> re.Match | None:
    """The first known label of a metadata line: at its start (after a bracket), or, in a short
    line without sentences, after white space (``2020-03-10 09:00 来源：新华社``)."""
    m = _LABEL.search(s)
    if m is None:
        return None
    if m.start() <= 1 and s[: m.start()] in ("", "【", "[", "（", "("):
        return m
    if len(s) <= 120 and "。" not in s and s[m.start() - 1] in " \t\u3000\xa0】]|":
        return m
    return None


def _unspace(s: str) -> str:
    return re.sub(r"[ \u3000\xa0]", "", s)


def _next_nonblank(lines: list[_Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j].kind != "blank":
            return j
    return None


def _prev_nonblank(lines: list[_Line], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if lines[j].kind != "blank":
            return j
    return None


def _followed_by_name(lines: list[_Line], i: int) -> bool:
    j = _next_nonblank(lines, i)
    if j is None:
        return False
    s = lines[j].view
    if len(s) <= 12 and re.fullmatch(_NAME, s):
        lines[j].kind = "name"
        return True
    return False


# --------------------------------------------------------------------------- body

_HEADER_KINDS = {"meta", "value", "subtitle", "date", "speaker", "name", "docno", "org"}


_SECTION_HEADING = re.compile(
    rf"\s*(第[{CN_NONZERO}十百零〇]+[章节部分编篇]|[{CN_NONZERO}十]+[、．.]|（[{CN_NONZERO}十]+）)"
)


def _back_over_section_headings(lines: list[_Line], i: int) -> int:
    """A numbered section heading (一、总体要求) just before the first prose line opens the body."""
    first = i
    for k in range(i - 1, -1, -1):
        ln = lines[k]
        if ln.kind == "blank":
            continue
        if ln.kind in ("heading", "other") and _SECTION_HEADING.match(ln.view):
            first = k
            continue
        break
    return first


def body_start(lines: list[_Line], n: int) -> int | None:
    """Index of the first salutation or prose line in the first half of the text (or 4000 characters)."""
    for i, ln in enumerate(lines):
        if ln.start > max(n / 2, 4000) and i > 0:
            break
        if ln.kind in ("salutation", "prose"):
            return _back_over_section_headings(lines, i)
    for i, ln in enumerate(lines):  # no prose: the first line that is not header or chrome
        if ln.kind in ("heading", "other") and i > 0:
            return i
    return None


_TAIL_NOTE = re.compile(r"[（(【\[]?\s*(来源|来自|稿源|编辑|责编|校对|审核|作者|记者)\s*[：:].{0,40}[）)】\]]?")
_DOWNLOAD = re.compile(r"(附件|相关附件|附件下载|文件下载)\s*[：:]?|.{0,60}\.(docx?|pdf|xlsx?|wps|et|zip|rar|ofd)")


def _weak_tail(s: str) -> bool:
    """Lines dropped from the end of the body: widgets, separators, source/editor notes, download links."""
    return (
        _is_chrome(s)
        or (len(_CJK.findall(s)) == 0 and not _DATE_LINE.fullmatch(s))
        or bool(_TAIL_NOTE.fullmatch(s) or _DOWNLOAD.fullmatch(s))
    )


def body_end(lines: list[_Line], first: int, n: int) -> int:
    """Index of the last article line: before the first footer line (in the second half of a
    long body), then back over blank lines, widgets and trailing source or editor notes."""
    stop = len(lines)
    rest = n - lines[first].start
    mid = lines[first].start + (rest / 2 if rest > 6000 else 0)  # short texts: any footer line counts
    footer = _chrome()["footer"]
    for i in range(first + 1, len(lines)):
        ln = lines[i]
        if ln.start >= mid and ln.kind in ("chrome", "other", "heading", "meta") and footer.search(ln.view):
            stop = i
            break
    for i in range(stop - 1, first, -1):
        ln = lines[i]
        if ln.kind != "blank" and not _weak_tail(ln.view):
            return i
    return first
