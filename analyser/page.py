"""Find the article inside page chrome, and its metadata: title, issuer, date, document number.

Works line by line on the Simplified view (so Traditional labels such as 來源/發布日期 match),
and returns spans into the original text. Each stripped line gets one kind:

``chrome``  navigation, widgets, previous/next links, copyright, licence (``data/page_chrome.txt``);
``caption`` a photo caption (…记者 王鼎 摄);
``meta``    a labelled line (来源：/发布日期：/发文机关：/标　　题：…), ``value`` the value line after a bare label;
``subtitle`` ——2019年3月5日在…会议上, （2026年1月27日在…）; ``date`` a line holding only a date;
``speaker`` 国务院总理 李克强, 省长　王予波; ``name`` a letter-spaced name (习　近　平);
``docno``   国发〔2018〕39号 alone; ``salutation`` 各位代表：, addressees …直属机构：;
``prose``   a sentence-bearing line; ``heading`` a title-like line; ``other``.

The body runs from the first salutation or prose line (in the first half of the text) to the last
article line before the footer (the first footer line in the second half of the body, then back
over widget lines and trailing source notes). The title is the title cell of a metadata table,
else the run of heading lines (joined when long enough: titles broken over two lines) just before
the first header line (meta, subtitle, speaker …) that has one.

Examples
--------
>>> text = "首页 > 政策\\n关于做好就业工作的通知\\n来源：人社部 发布日期：2019/1/5\\n各单位：\\n现将有关事项通知如下。\\n上一篇：无"
>>> from analyser.normalize import simplified_view
>>> info = find_page_info(text, simplified_view(text))
>>> info.title.text, info.issuer.text, info.published, text[info.body[0]:info.body[1]]
('关于做好就业工作的通知', '人社部', '2019-01-05', '各单位：\\n现将有关事项通知如下。')
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .facts import Span

__all__ = ["PageInfo", "find_page_info", "iso_date", "cn_number"]


@dataclass(frozen=True)
class PageInfo:
    """Where the article is and what the page says about it.

    Attributes
    ----------
    body : ``(start, end)`` of the article proper, without site header and footer.
    title, issuer, doc_number : spans of the original text, or ``None``.
    published : ISO ``YYYY-MM-DD`` or ``None``.
    """

    body: tuple[int, int]
    title: Span | None = None
    issuer: Span | None = None
    published: str | None = None
    doc_number: Span | None = None


# --------------------------------------------------------------------------- dates

_DIGIT = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DATE = re.compile(
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)(?:\s*日)?"
    r"|(?P<cy>[〇○零Ｏ一二三四五六七八九]{4})年(?P<cm>[一二三四五六七八九十]{1,2})月(?P<cd>[一二三四五六七八九十]{1,3})日"
    r"|民国(?P<ry>\d{1,3}|[〇零一二三四五六七八九十百]{1,5})年(?P<rm>\d{1,2}|[一二三四五六七八九十]{1,2})月"
    r"(?P<rd>\d{1,2}|[一二三四五六七八九十]{1,3})日"
)


def cn_number(s: str) -> int | None:
    """Value of a small Chinese numeral (0–99).

    >>> [cn_number(x) for x in ("九", "十", "十二", "二十", "二十七", "")]
    [9, 10, 12, 20, 27, None]
    """
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _DIGIT.get(tens) if tens else 1
        o = _DIGIT.get(ones) if ones else 0
        return None if t is None or o is None else t * 10 + o
    return _DIGIT.get(s) if len(s) == 1 else None


def _small(s: str) -> int:
    return int(s) if s.isdigit() else (cn_number(s) or 0)


def _roc_year(s: str) -> int | None:
    """民国 year: Arabic (116), digit by digit (一一六) or with 百/十 (一百一十六)."""
    if s.isdigit():
        return int(s)
    if "百" in s:
        h, _, rest = s.partition("百")
        hv = _DIGIT.get(h, None) if h else 1
        rest = rest.lstrip("零〇")
        rv = (cn_number(rest) if rest else 0) if rest != "十" else 10
        return None if hv is None or rv is None else hv * 100 + rv
    if "十" in s:
        return cn_number(s)
    digits = [_DIGIT.get(c) for c in s]
    return None if None in digits else int("".join(map(str, digits)))


def iso_date(s: str) -> str | None:
    """The first complete calendar date in ``s`` (half-width digits) as ISO ``YYYY-MM-DD``.

    >>> iso_date("2021/7/5"), iso_date("2019年01月14日"), iso_date("——二〇二六年一月二十七日在")
    ('2021-07-05', '2019-01-14', '2026-01-27')
    >>> iso_date("2026-02-09 09:45:30"), iso_date("2019年13月1日")
    ('2026-02-09', None)
    >>> iso_date("中华民国一一六年五月二日"), iso_date("民国一百一十六年5月2日"), iso_date("民国116年5月2日")
    ('2027-05-02', '2027-05-02', '2027-05-02')
    """
    for m in _DATE.finditer(s):
        if m.group("y"):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        elif m.group("ry"):  # Republic of China calendar: year 1 = 1912
            y = 1911 + (_roc_year(m.group("ry")) or -2000)
            mo, d = _small(m.group("rm")), _small(m.group("rd"))
        else:
            y = int("".join(str(_DIGIT[c]) for c in m.group("cy")))
            mo, d = cn_number(m.group("cm")) or 0, cn_number(m.group("cd")) or 0
        try:
            if 1000 <= y <= 2999:
                return _dt.date(y, mo, d).isoformat()
        except ValueError:
            continue
    return None


# --------------------------------------------------------------------------- lexicons


@lru_cache(maxsize=1)
def _chrome() -> dict[str, re.Pattern]:
    groups: dict[str, list[str]] = {"footer": [], "nav": [], "word": []}
    path = Path(__file__).parent / "data" / "page_chrome.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, _, pattern = line.partition("\t")
            groups[kind].append(pattern)
    return {k: re.compile("|".join(f"(?:{p})" for p in v)) for k, v in groups.items()}


def _spaced(label: str) -> str:
    return r"[ \u3000\xa0]*".join(map(re.escape, label))


_LABEL_GROUPS = {
    "issuer": "发文机关 发布机构 发文单位 发布单位 制发机关 发文机构 发布部门 来源单位 信息来源 文章来源 稿件来源 来源",
    "issuer_media": "",
    "published": "发布日期 发布时间 发表时间 发文日期 公开日期 更新时间 上传时间 印发日期 时间 日期",
    "written": "成文日期 成文时间 签发日期",
    "doc_number": "发文字号 文件编号 文号",
    "title": "标题 文件名称 题名 名称",
    "other": "索引号 主题分类 主题词 体裁分类 组配分类 信息分类 分类 点击次数 点击数 浏览次数 阅读量 阅读次数 "
    "访问量 浏览量 作者 责任编辑 编辑 有效性 生效日期 废止日期 公开方式 公开范围 所属机构 公文种类 文种 "
    "主送机关 抄送机关 关键词 主题 实施日期 时效 状态",
}
_LABEL_OF = {w: g for g, ws in _LABEL_GROUPS.items() for w in ws.split()}
_LABEL = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<label>"
    + "|".join(_spaced(w) for w in sorted(_LABEL_OF, key=len, reverse=True))
    + r")[ \u3000\xa0]*[：:]"
)
# A label the lexicon does not know, in a metadata table row: short, then a tab-separated value.
_TABLE_LABEL = re.compile(r"[\u4e00-\u9fff](?:[ \u3000\xa0]*[\u4e00-\u9fff]){1,5}[ \u3000\xa0]*[：:]\t")
# Where a labelled value ends: a cell break, wide space, a bar or bracket, or the next "label：".
_VALUE_END = re.compile(r"\t|\xa0|[ \u3000]{2,}|[|】\]]|[ \u3000]+(?=[\u4e00-\u9fff]{1,6}[：:])")
_MEDIA = re.compile(r"日报|晚报|报社|时报|客户端|新闻|网$|网站|电视台|广播|新华社|杂志|融媒|头条|微信|公众号|APP|App")
_ORG_END = re.compile(r"(院|厅|部|委|委员会|局|办|办公室|政府|中央|署|司|处|室|中心|联合会|协会|工会|商会|领导小组|办事处|党委|党组)$")
_POSITION = r"(?:总理|省长|主席|市长|区长|县长|州长|旗长|盟长|书记|部长|主任|局长|厅长|委员长|秘书长)"
_NAME = r"[\u4e00-\u9fff](?:[ \u3000]*[\u4e00-\u9fff]){1,3}"
_SPEAKER = re.compile(rf"(?P<pos>[\u4e00-\u9fff（）]{{0,24}}?{_POSITION})[ \u3000]+{_NAME}")
_POSITION_ONLY = re.compile(rf"[\u4e00-\u9fff（）]{{0,24}}?{_POSITION}")
_SPACED_NAME = re.compile(r"[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,3}")
_DOCNO = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［（(【]\s*\d{4}\s*[〕\]］）)】]\s*\d{1,5}\s*号")
_DATE_LINE = re.compile(r"[（(]?\s*(?:" + _DATE.pattern + r")(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[）)]?")
_SUBTITLE = re.compile(r"(?:——|—|－－|--)\s*\S.*|[（(].*(?:\d{4}年|[〇○零一二三四五六七八九]{4}年|在.*上).*[）)]")
_CAPTION = re.compile(r"(?:记者|摄影|通讯员|供图)[ \u3000]*[\u4e00-\u9fff]{2,4}(?:[ \u3000、]+[\u4e00-\u9fff]{2,4})*[ \u3000]*摄?$|[ \u3000]摄$")
_SALUTATION = re.compile(r"(?:各|尊敬的|同志们|女士们|亲爱的|全体).{0,80}[：:]|.{0,80}(?:人民政府|各部门|各部委|各单位|直属机构|各委办局)[，、]?.{0,40}[：:]")
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


def _lines(text: str, view: str) -> list[_Line]:
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
    return bool(c["word"].fullmatch(s) or c["footer"].search(s) or c["nav"].search(s) or _URL.search(s))


def _prose(s: str) -> bool:
    """A line of running text: sentence punctuation (a title may hold one comma, not a full stop)."""
    if len(s) < 20 or len(_CJK.findall(s)) < len(s) * 0.5:
        return False
    return bool(re.search(r"[。；！？]", s)) or (s.count("，") >= 2 and len(s) >= 40)


def _heading(s: str) -> bool:
    return (
        2 <= len(s) <= 100
        and len(_CJK.findall(s)) >= 2
        and s[-1] not in "。，；、：:,;"
        and "。" not in s[:-1]
    )


def _classify(lines: list[_Line]) -> None:
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


def _body_start(lines: list[_Line], n: int) -> int | None:
    """Index of the first salutation or prose line in the first half of the text (or 4000 characters)."""
    for i, ln in enumerate(lines):
        if ln.start > max(n / 2, 4000) and i > 0:
            break
        if ln.kind in ("salutation", "prose"):
            return i
    for i, ln in enumerate(lines):  # no prose: the first line that is not header or chrome
        if ln.kind in ("heading", "other") and i > 0:
            return i
    return None


def _weak_tail(s: str) -> bool:
    """Lines dropped from the end of the body: widgets, separators, trailing source/editor notes."""
    return (
        _is_chrome(s)
        or len(_CJK.findall(s)) == 0
        or bool(re.fullmatch(r"[（(【\[]?\s*(来源|来自|稿源|编辑|责编|校对|审核|作者|记者)\s*[：:].{0,40}[）)】\]]?", s))
    )


def _body_end(lines: list[_Line], first: int, n: int) -> int:
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


# --------------------------------------------------------------------------- metadata


def _labelled(lines: list[_Line], upto: int) -> list[tuple[str, int, int]]:
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


def _title(lines: list[_Line], view: str, head: int, labels) -> tuple[int, int] | None:
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
            if run and (len(cand.view) < 8 or len(run[0].view) < 8 or len(cand.view) + sum(len(r.view) for r in run) > 80):
                break
            run.insert(0, cand)
            j = _prev_nonblank(lines, j)
        if run:
            return run[0].start, run[-1].end
    return None


def _issuer(lines, view, labels, title, body_first: int, body_last: int) -> tuple[int, int] | None:
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
    m = re.search(r"我代表([^，。、；：\s“”]{2,30}?)(?=，|,|向|作(?:工作)?报告|在)", view[start : start + 1500])
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


def _published(lines, view, labels, body_first: int, body_last: int) -> str | None:
    for want in ("published",):
        for group, a, b in labels:
            if group == want and (iso := iso_date(view[a:b])):
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
    return sig[1] if sig else None


def _doc_number(lines, view, labels, body_first: int) -> tuple[int, int] | None:
    for group, a, b in labels:
        if group == "doc_number" and (m := _DOCNO.search(view, a, b)):
            return m.start(), m.end()
    for ln in lines[: body_first + 1]:
        if ln.kind in ("docno", "meta", "subtitle", "heading", "other") and (m := _DOCNO.search(ln.view)):
            return ln.start + m.start(), ln.start + m.end()
    return None


def find_page_info(text: str, view: str) -> PageInfo:
    """Locate the article body and read the page's metadata.

    Parameters
    ----------
    text : the decoded document text.
    view : ``simplified_view(text)`` (same length); it is searched, spans come from ``text``.

    >>> t = "政府工作报告\\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\\n国务院总理　李　强\\n各位代表：\\n现在，我代表国务院，向大会报告政府工作。"
    >>> info = find_page_info(t, t)
    >>> info.title.text, info.issuer.text, info.published, t[info.body[0]:info.body[0] + 5]
    ('政府工作报告', '国务院总理', '2024-03-05', '各位代表：')
    """
    if len(view) != len(text):
        raise ValueError("the view must have the text's length")
    lines = _lines(text, view)
    _classify(lines)
    if not any(ln.kind != "blank" for ln in lines):
        return PageInfo(body=(0, len(text)))
    first = _body_start(lines, len(text))
    if first is None:
        first = next(i for i, ln in enumerate(lines) if ln.kind != "blank")
    last = _body_end(lines, first, len(text))
    body = (lines[first].start, lines[last].end)
    labels = _labelled(lines, first)
    title = _title(lines, view, first, labels)
    issuer = _issuer(lines, view, labels, title, first, last)
    doc_no = _doc_number(lines, view, labels, first)

    def span(ab):
        return Span(ab[0], ab[1], text[ab[0] : ab[1]]) if ab else None

    return PageInfo(
        body=body,
        title=span(title),
        issuer=span(issuer),
        published=_published(lines, view, labels, first, last),
        doc_number=span(doc_no),
    )
