"""Chinese administrative divisions: provinces, prefectures and counties with their hierarchy.

The data ship in ``analyser/data/divisions.tsv`` (derived once from the ``adcodes.csv`` table of
the cpca package by :func:`build_divisions_tsv`; see the file's header), so nothing is read from
cpca or the network at run time. Each row is one division: its 12-digit code, its Simplified
name, its level, its parent's code and the short forms it is written with (广西 for
广西壮族自治区, 黔西南州 for 黔西南布依族苗族自治州, 昭通 for 昭通市, 海拉尔 for 海拉尔区).

Short forms that are also common words (大同, 安康, 日照 …) are listed in
``analyser/data/place_ambiguous.txt`` and never matched on their own.

Examples
--------
>>> gz = gazetteer()
>>> [d.name for d in gz.lookup("望谟县")]
['望谟县']
>>> gz.chain(gz.lookup("望谟县")[0])
['贵州省', '黔西南布依族苗族自治州', '望谟县']
>>> gz.lookup("广西")[0].name
'广西壮族自治区'
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from analyser.data import lines

__all__ = ["Division", "Gazetteer", "build_divisions_tsv", "gazetteer", "strip_ethnic"]

Level = Literal["province", "prefecture", "county"]
LEVEL_RANK = {"province": 1, "prefecture": 2, "county": 3}

#: Placeholder rows of the code table that are not places.
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division of the dataset."""

    code: str
    name: str
    level: Level
    parent: str | None
    aliases: tuple[str, ...] = ()

    @property
    def rank(self) -> int:
        """1 for a province, 2 for a prefecture, 3 for a county."""
        return LEVEL_RANK[self.level]


def _read_lines(name: str) -> list[str]:
    """Data lines of ``name`` without their trailing ``# …`` remarks."""
    return [ln.split("#", 1)[0].strip() for ln in lines(name)]


def strip_ethnic(stem: str, ethnic: Iterable[str]) -> str:
    """Drop the names of ethnic groups at the end of ``stem`` (布依族苗族, 蒙古 …).

    >>> strip_ethnic("黔西南布依族苗族", ["布依族", "苗族", "布依", "苗"])
    '黔西南'
    """
    groups = sorted(set(ethnic), key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for g in groups:
            if len(stem) > len(g) + 1 and stem.endswith(g):
                stem = stem[: -len(g)]
                changed = True
                break
    return stem


def _aliases(name: str, level: str, ethnic: list[str]) -> list[str]:
    out: list[str] = []
    if level == "province":
        for suffix in ("特别行政区", "自治区", "省", "市"):
            if name.endswith(suffix):
                out.append(strip_ethnic(name[: -len(suffix)], ethnic))
                break
    elif level == "prefecture":
        if name.endswith("自治州"):
            stem = strip_ethnic(name[:-3], ethnic)
            out.extend((stem + "州", stem))
        elif name.endswith("地区") and len(name) > 3:
            out.append(name[:-2])
        elif name.endswith("盟") and len(name) > 2 or name.endswith("市") and len(name) > 2:
            out.append(name[:-1])
    else:
        for suffix, short in (("自治县", "县"), ("自治旗", "旗")):
            if name.endswith(suffix):
                out.append(strip_ethnic(name[: -len(suffix)], ethnic) + short)
                break
        else:
            # 海拉尔区 -> 海拉尔, 满洲里市 -> 满洲里: three characters or more, and not the stem of a
            # new area (浦东新区) or a mining district (井陉矿区)
            stem = name[:-1]
            if name[-1] in "区县市旗" and len(stem) >= 3 and not stem.endswith(("新", "矿", "族", "自治")):
                out.append(stem)
    return [a for a in out if a and a != name and len(a) >= 2]


def build_divisions_tsv(adcodes_csv: str | Path, nations_csv: str | Path, out: str | Path, *, date: str) -> int:
    """Derive ``divisions.tsv`` from cpca's ``adcodes.csv`` and ``56_nations.csv``; returns rows written.

    Run once by hand when the source table changes, e.g.::

        import cpca, pathlib
        res = pathlib.Path(cpca.__file__).parent / "resources"
        build_divisions_tsv(res / "adcodes.csv", res / "56_nations.csv",
                            "analyser/data/divisions.tsv", date="2026-11-29")
    """
    ethnic = [ln.strip() for ln in Path(nations_csv).read_text(encoding="utf-8").splitlines() if ln.strip()]
    ethnic += [e[:-1] for e in ethnic if e.endswith("族") and len(e) > 2]
    rows = []
    with open(adcodes_csv, encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            code, name = rec["adcode"], rec["name"].strip()
            if name in _PLACEHOLDERS:
                continue
            if code[2:] == "0" * 10:
                level, parent = "province", ""
            elif code[4:] == "0" * 8:
                level, parent = "prefecture", code[:2] + "0" * 10
            else:
                level, parent = "county", code[:4] + "0" * 8
            rows.append((code, name, level, parent))
    codes = {r[0] for r in rows}
    lines = [
        "# Chinese administrative divisions (province, prefecture, county), Simplified names.",
        ("# Source: adcodes.csv and 56_nations.csv of the cpca package 0.5.5 (PyPI), derived on "
        f"{date} by analyser.extract.entities.gazetteer.build_divisions_tsv."),
        "# Columns: code, name, level, parent code (a county directly under a province points to",
        "# the province), short forms (comma separated, derived by rule: suffix and ethnic names removed).",
    ]
    for code, name, level, parent in sorted(rows):
        if parent and parent not in codes:
            parent = code[:2] + "0" * 10
        aliases = ",".join(_aliases(name, level, ethnic))
        lines.append(f"{code}\t{name}\t{level}\t{parent}\t{aliases}")
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


class Gazetteer:
    """Look-ups over the divisions: by name or short form, parents, and children."""

    def __init__(self, divisions: Iterable[Division], ambiguous: Iterable[str] = ()) -> None:
        self.by_code: dict[str, Division] = {}
        self.by_name: dict[str, list[Division]] = {}
        #: two-character stems of three-character counties (苍梧 for 苍梧县, 伊宁 for 伊宁市):
        #: too often ordinary words to stand alone, they name the county only in context
        self.weak: dict[str, list[Division]] = {}
        self.ambiguous = frozenset(ambiguous)
        for d in divisions:
            self.by_code[d.code] = d
            for key in (d.name, *d.aliases):
                self.by_name.setdefault(key, []).append(d)
            if d.level == "county" and len(d.name) == 3 and d.name[-1] in "县市区旗" and d.name[1] not in "新矿":
                self.weak.setdefault(d.name[:2], []).append(d)
        for key in [k for k in self.weak if k in self.by_name]:
            del self.weak[key]
        for found in [*self.by_name.values(), *self.weak.values()]:
            found.sort(key=lambda d: (d.rank, d.code))

    def lookup(self, name: str) -> list[Division]:
        """Divisions written ``name`` (full name or short form), highest level first."""
        return list(self.by_name.get(name, ()))

    def parent(self, d: Division) -> Division | None:
        """The division directly above ``d``."""
        return self.by_code.get(d.parent) if d.parent else None

    def chain(self, d: Division) -> list[str]:
        """Full names from the province down to ``d`` itself."""
        out = [d.name]
        p = self.parent(d)
        while p is not None:
            out.append(p.name)
            p = self.parent(p)
        return out[::-1]

    def is_within(self, d: Division, ancestor: Division) -> bool:
        """True when ``ancestor`` lies above ``d`` in the hierarchy."""
        p = self.parent(d)
        while p is not None:
            if p.code == ancestor.code:
                return True
            p = self.parent(p)
        return False

    def weak_stems(self) -> dict[str, list[Division]]:
        """Two-character county stems that name the county only where the text names a division
        above it (苍梧 in a report naming 广西)."""
        return self.weak

    def names(self) -> dict[str, list[Division]]:
        """Every written form (full and short) with the divisions it names."""
        return self.by_name


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The packaged gazetteer (loaded once per process)."""
    divisions = []
    for line in _read_lines("divisions.tsv"):
        parts = line.split("\t")
        code, name, level, parent = parts[:4]
        aliases = tuple(a for a in (parts[4].split(",") if len(parts) > 4 else []) if a)
        divisions.append(Division(code, name, level, parent or None, aliases))  # type: ignore[arg-type]
    return Gazetteer(divisions, _read_lines("place_ambiguous.txt"))
