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
>>> from analyser.text.normalize import simplified_view
>>> info = find_page_info(text, simplified_view(text))
>>> info.title.text, info.issuer.text, info.published, text[info.body[0]:info.body[1]]
('关于做好就业工作的通知', '人社部', '2019-01-05', '各单位：\\n现将有关事项通知如下。')
"""

from __future__ import annotations

from dataclasses import dataclass

from analyser.facts import Span

from .dates import cn_number, iso_date
from .lines import body_end, body_start, classify, split_lines
from .meta import find_doc_number, find_issuer, find_published, find_title, labelled_values

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
    lines = split_lines(text, view)
    classify(lines)
    if not any(ln.kind != "blank" for ln in lines):
        return PageInfo(body=(0, len(text)))
    first = body_start(lines, len(text))
    if first is None:
        first = next(i for i, ln in enumerate(lines) if ln.kind != "blank")
    last = body_end(lines, first, len(text))
    body = (lines[first].start, lines[last].end)
    labels = labelled_values(lines, first)
    title = find_title(lines, view, first, labels)
    issuer = find_issuer(lines, view, labels, title, first, last)
    doc_no = find_doc_number(lines, view, labels, first)

    def span(ab):
        return Span(ab[0], ab[1], text[ab[0] : ab[1]]) if ab else None

    return PageInfo(
        body=body,
        title=span(title),
        issuer=span(issuer),
        published=find_published(lines, view, labels, first, last),
        doc_number=span(doc_no),
    )
