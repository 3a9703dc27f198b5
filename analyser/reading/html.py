"""HTML to its visible text (see :mod:`analyser.reading`)."""

from __future__ import annotations

import re

__all__ = ["html_to_text", "looks_like_html", "HTML_SUFFIXES"]

HTML_SUFFIXES = (".htm", ".html", ".xhtml", ".shtml")

# --------------------------------------------------------------------------- HTML

_HTML_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<br\s*/?>|<p[\s>]|<div[\s>]|<table[\s>]",
    re.I,
)


def looks_like_html(text: str, source: str | None = None) -> bool:
    """True for HTML: an ``.htm``/``.html`` name, or markup found at the head of the content.

    >>> looks_like_html("<div><p>通知</p></div>"), looks_like_html("关于<印发>的通知")
    (True, False)
    """
    if source and source.lower().endswith(HTML_SUFFIXES):
        return True
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and _HTML_SNIFF.search(head):
        return True
    return bool(re.search(r"<!doctype\s+html|<html[\s>]|<body[\s>]", head, re.I))


# Elements whose content is never visible text.
_DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "nav",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "svg",
    "canvas",
    "select",
    "option",
    "button",
    "textarea",
    "map",
}
_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
}
_CELL = {"td", "th"}
_ASCII_WS = re.compile(r"[ \t\n\r\f\v]+")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def _collapse(text: str) -> str:
    """Browser-like white space: ASCII runs to one space; a run holding a line break between two
    CJK characters disappears (source line wrapping inside Chinese text)."""

    def repl(m: re.Match) -> str:
        s = m.string
        a, b = m.start(), m.end()
        if "\n" in m.group() and 0 < a and b < len(s) and _CJK.match(s[a - 1]) and _CJK.match(s[b]):
            return ""
        return " "

    return _ASCII_WS.sub(repl, text)


class _Builder:
    """Accumulates visible text with pending separators (line break > cell tab > space)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = ""  # "", "\t" or "\n"
        self.at_line_start = True

    def sep(self, kind: str) -> None:
        if kind == "\n" or not self.pending:
            self.pending = kind

    def text(self, s: str, *, pre: bool = False) -> None:
        if not s:
            return
        if not pre:
            s = _collapse(s)
            if self.at_line_start or self.pending:
                s = s.lstrip(" ")
            if not s:
                return
        if self.parts and self.pending:
            self._rstrip()
            self.parts.append(self.pending)
            self.at_line_start = self.pending == "\n"
        self.pending = ""
        if not pre and self.parts and s.startswith(" ") and self.parts[-1].endswith((" ", "\n", "\t")):
            s = s.lstrip(" ")
        self.parts.append(s)
        self.at_line_start = s.endswith("\n")

    def _rstrip(self) -> None:
        while self.parts and self.parts[-1].endswith(" "):
            self.parts[-1] = self.parts[-1].rstrip(" ")
            if not self.parts[-1]:
                self.parts.pop()
            else:
                break

    def result(self) -> str:
        self._rstrip()
        return "".join(self.parts)


def html_to_text(html: str) -> str:
    """The visible text of an HTML document or fragment (see the module notes).

    >>> html_to_text("<table><tr><td>发文机关：</td><td>国务院</td></tr></table><p>第一段</p><p>第二<b>段</b></p>")
    '发文机关：\\t国务院\\n第一段\\n第二段'
    >>> html_to_text("<p>A<!-- hidden --> &lt;B&gt;</p><style>p{}</style>")
    'A <B>'
    """
    import lxml.etree
    import lxml.html

    source = html.replace("\x00", "")
    if not source.strip():
        return ""
    try:
        parser = lxml.html.HTMLParser(
            recover=True, encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
        )
        root = lxml.html.document_fromstring(source.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return _crude_strip(source)
    out = _Builder()
    skip_depth = 0
    pre_depth = 0
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower().rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if event == "start":
            if skip_depth or tag in _DROP or not tag:
                skip_depth += 1
                continue
            if tag in _BLOCK:
                out.sep("\n")
            if tag == "pre":
                pre_depth += 1
            out.text(el.text or "", pre=pre_depth > 0)
            continue
        if skip_depth:
            skip_depth -= 1
            if skip_depth == 0 and el is not root:  # the tail of a dropped element is visible
                out.text(el.tail or "", pre=pre_depth > 0)
            continue
        if tag in _BLOCK:
            out.sep("\n")
        elif tag in _CELL:
            out.sep("\t")
        if tag == "pre":
            pre_depth -= 1
        if el is not root:
            out.text(el.tail or "", pre=pre_depth > 0)
    text = out.result().strip("\n\t ")
    if not text:  # the parser gave up (e.g. nesting too deep): fall back to stripping tags
        return _crude_strip(source)
    return text


_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.I | re.S)


def _crude_strip(html: str) -> str:
    import html as htmllib

    text = _TAG.sub("\n", html)
    lines = (_collapse(htmllib.unescape(line)).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
