"""The packaged data files, read through one loader with one comment rule.

Every file in this folder opens with ``#`` lines that give its source and format. A line whose
first non-blank character is ``#`` is a comment; blank lines are skipped; trailing white space
(and a stray ``\\r``) is dropped. Files are read once per process.

>>> lines("doc_types.txt")[0]
'指导意见'
>>> ("亩", "area") in table("units.txt")
True
>>> groups("org_suffixes.txt")["ministry"]
('工业部',)
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["path", "read_text", "lines", "words", "table", "groups"]


def path(name: str) -> Path:
    """The file ``name`` of this folder, as a filesystem path (for binary artifacts)."""
    return Path(str(resources.files(__name__).joinpath(name)))


@cache
def read_text(name: str) -> str:
    """The whole text of ``name`` (UTF-8)."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


@cache
def lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of ``name``, without trailing white space."""
    return tuple(
        ln.rstrip() for ln in read_text(name).splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    )


@cache
def words(name: str) -> frozenset[str]:
    """The white-space separated words of ``name``."""
    return frozenset(w for ln in lines(name) for w in ln.split())


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated rows of ``name``, each field stripped."""
    return tuple(tuple(f.strip() for f in ln.split("\t")) for ln in lines(name))


@cache
def groups(name: str) -> dict[str, tuple[str, ...]]:
    """The words of ``name`` by group: a ``[group]`` line opens a group, the white-space separated
    words of the lines after it belong to it (in file order)."""
    out: dict[str, list[str]] = {}
    current = ""
    for ln in lines(name):
        if ln.startswith("[") and ln.endswith("]"):
            current = ln[1:-1].strip()
            out.setdefault(current, [])
            continue
        out.setdefault(current, []).extend(ln.split())
    return {k: tuple(v) for k, v in out.items()}
