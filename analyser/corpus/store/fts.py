"""Full-text search over Chinese: character bigrams in an FTS5 index, hits confirmed in the text.

Chinese has no spaces, so SQLite's tokenizers see a whole clause as one word. The index is built
over *character bigrams* of the Simplified view instead: ``国务院办公厅`` is indexed as
``国务 务院 院办 办公 公厅``. A query of two or more characters becomes the phrase of its bigrams,
which FTS5 matches only when they are consecutive, so ``务院`` and ``国务院办公厅`` both find the
document. Runs of Latin letters and digits are kept as words. A one-character query cannot use
bigrams and is answered by scanning the views.

Bigrams were chosen over jieba words because a query segmented on its own is often cut
differently from the same characters inside a sentence (``扶贫搬迁`` vs ``易地扶贫搬迁工程``);
bigrams need no dictionary and find every substring. Every candidate is then confirmed by
searching the view, which also yields exact offsets for keyword-in-context lines; the view has
the original's length, so view offsets are offsets into the original text.

Examples
--------
>>> bigrams("国务院，办公厅 2024年")
'国务 务院 办公 公厅 2024 年'
>>> fts_query("國務院")
'"国务 务院"'
"""
from __future__ import annotations

import re

from analyser.text.normalize import simplified_view

__all__ = ["bigrams", "find_all", "fts_query", "kwic"]

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"[{_HAN}]+|[0-9A-Za-z]+")


def _grams(view: str) -> list[str]:
    out: list[str] = []
    for m in _RUN.finditer(view):
        run = m.group()
        if not ("\u3400" <= run[0]):
            out.append(run.lower())
        elif len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


def bigrams(view: str) -> str:
    """The indexed form of a (Simplified) text: bigrams of Han runs, words of Latin/digit runs.

    >>> bigrams("扶贫")
    '扶贫'
    """
    return " ".join(_grams(view))


def fts_query(q: str) -> str | None:
    """The FTS5 MATCH expression for a user query, or ``None`` when bigrams cannot serve it.

    The query is converted to the Simplified view first, so a Traditional query finds
    Simplified documents and the reverse. Only runs of two or more Han characters are looked
    up (each as the phrase of its bigrams); Latin letters, digits and lone Han characters are
    left to the confirmation in the text, so the index never misses a substring match.

    >>> fts_query("易地 扶贫")
    '"易地" AND "扶贫"'
    >>> fts_query("A股市场")
    '"股市 市场"'
    >>> fts_query("贫") is None, fts_query("2018") is None
    (True, True)
    """
    parts = []
    for m in _RUN.finditer(simplified_view(q or "")):
        run = m.group()
        if run[0] >= "\u3400" and len(run) > 1:
            parts.append('"' + " ".join(_grams(run)) + '"')
    return " AND ".join(parts) if parts else None


def find_all(view: str, needle: str) -> list[int]:
    """Start offsets of every (non-overlapping) occurrence of ``needle`` in ``view``.

    >>> find_all("扶贫，扶贫", "扶贫")
    [0, 3]
    """
    out = []
    if not needle:
        return out
    i = view.find(needle)
    while i >= 0:
        out.append(i)
        i = view.find(needle, i + len(needle))
    return out


def kwic(text: str, start: int, end: int, width: int = 30) -> dict[str, object]:
    """A keyword-in-context line: ``left``, ``match``, ``right`` from the original text.

    Line breaks in the context are shown as spaces.

    >>> kwic("甲乙丙丁戊", 2, 3, width=1)
    {'start': 2, 'end': 3, 'left': '乙', 'match': '丙', 'right': '丁'}
    """
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return {"start": start, "end": end, "left": left, "match": text[start:end], "right": right}
