"""Contract-shaped analyses for corpus tests, built without the pipeline.

``fake_analysis_json(text)`` finds a few facts with simple patterns (quoted formulations, 《…》
titles, numbers with units, years, listed place names, 一、 sections) and returns a dict shaped
like the analysis JSON, with ``document.text``; ``fake_analysis(text)`` is the same as an
:class:`~analyser.facts.Analysis`. ``fake_analyse(path)`` does the same for a file
and is importable by worker processes (``corpus_fakes:fake_analyse``). A file containing
``BROKEN`` raises; one containing ``CRASH`` kills its worker process; one containing
``UNSTORABLE`` gives a value the store cannot hold.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import time
from pathlib import Path

from analyser.errors import InputError
from analyser.facts import Analysis, Quantity
from analyser.text.normalize import simplified_view

PLACES = {"贵州": ["贵州省"], "黔西南州": ["贵州省", "黔西南布依族苗族自治州"], "北京": ["北京市"]}


def _span(text: str, a: int, b: int) -> dict:
    return {"text": text[a:b], "start": a, "end": b}


def fake_analysis_json(text: str, source: str | None = None) -> dict:
    view = simplified_view(text)
    first = re.match(r"\s*([^\n]+)", text)
    title = _span(text, first.start(1), first.end(1)) if first else None
    issuer = None
    m = re.search(r"来源：([^\s，。]+)", view)
    if m:
        issuer = _span(text, m.start(1), m.end(1))
    published = None
    m = re.search(r"日期：(\d{4}-\d\d-\d\d)", view)
    if m:
        published = m.group(1)
    outline = []
    for m in re.finditer(r"(?m)^([一二三四五])、([^\n]*)", view):
        outline.append(
            {"kind": "section", "level": 1, "marker": _span(text, m.start(1), m.end(1) + 1),
             "number": "一二三四五".index(m.group(1)) + 1, "heading": _span(text, m.start(2), m.end(2)),
             "start": m.start(), "end": m.end(), "children": []}
        )  # fmt: skip
    quantities = []
    for m in re.finditer(r"(\d+(?:\.\d+)?)(万)?(元|人|个|亩)", view):
        value = float(m.group(1)) * (10000 if m.group(2) else 1)
        ind = re.search(r"([\u4e00-\u9fff]{2,4})(?:达到|为|超过)$", view[max(0, m.start() - 8) : m.start()])
        indicator = None
        if ind:
            off = max(0, m.start() - 8)
            indicator = _span(text, off + ind.start(1), off + ind.end(1))
        quantities.append(
            {**_span(text, m.start(), m.end()), "value": value, "unit": m.group(3), "qualifier": "exact",
             "lower": None, "upper": None, "indicator": indicator, "time": published[:4] if published else None,
             "place": "贵州" if "贵州" in view else None}
        )  # fmt: skip
    dates = [
        {**_span(text, m.start(), m.end()), "value": m.group(1), "kind": "year"}
        for m in re.finditer(r"(\d{4})年", view)
    ]
    slogans = []
    for m in re.finditer(r"“([^”]{2,12})”", view):
        norm = m.group(1)
        slogans.append(
            {**_span(text, m.start(1), m.end(1)), "kind": "quoted", "parts": [], "members": [],
             "normalized": norm, "family": norm[:2]}
        )  # fmt: skip
    citations = [
        {**_span(text, m.start(), m.end()), "title": text[m.start(1) : m.end(1)], "normalized": m.group(1),
         "doc_type": None, "doc_number": None}
        for m in re.finditer(r"《([^》]+)》", view)
    ]  # fmt: skip
    entities = []
    for name, parents in PLACES.items():
        for i in [m.start() for m in re.finditer(name, view)]:
            entities.append(
                {**_span(text, i, i + len(name)), "label": "PLACE", "normalized": parents[-1],
                 "parents": parents[:-1]}
            )  # fmt: skip
    for m in re.finditer("国务院", view):
        entities.append({**_span(text, m.start(), m.end()), "label": "ORG", "normalized": "国务院", "parents": []})
    entities.sort(key=lambda e: e["start"])
    tokens = [
        {**_span(text, m.start(), m.end()), "norm": m.group(), "tag": "n"}
        for m in re.finditer(r"[\u4e00-\u9fff]{2}", view)
    ]
    return {
        "schema": "policy-analyser/analysis@1",
        "document": {
            "id": hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], "source": source,
            "encoding": "utf-8", "format": "text", "script": "simplified", "chars": len(text),
            "title": title, "issuer": issuer, "published": published, "doc_number": None,
            "body": {"start": 0, "end": len(text)}, "text": text,
        },
        "outline": outline, "quantities": quantities, "dates": dates, "slogans": slogans,
        "citations": citations, "entities": entities, "tokens": tokens,
    }  # fmt: skip


def fake_analysis(text: str, source: str | None = None) -> Analysis:
    return Analysis.from_dict(fake_analysis_json(text, source))


def fake_analyse(path: str) -> Analysis:
    text = Path(path).read_text(encoding="utf-8")
    delay = float(os.environ.get("FAKE_ANALYSE_DELAY", "0"))
    if delay:
        time.sleep(delay)
    if "BROKEN" in text:
        raise InputError(f"{path}: cannot make sense of this file")
    if "CRASH" in text:
        os._exit(3)
    analysis = fake_analysis(text, source=path)
    if "UNSTORABLE" in text:  # a value SQLite cannot hold
        odd = Quantity(0, 1, text[:1], value={"not": "a number"}, unit=None)  # type: ignore[arg-type]
        analysis = dataclasses.replace(analysis, quantities=(odd,))
    return analysis


def write_corpus(folder: Path, n: int, *, prefix: str = "doc") -> list[Path]:
    """``n`` small distinct documents in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"{prefix}{i:03d}.txt"
        p.write_text(
            f"关于第{i}项工作的通知\n来源：国务院 日期：20{10 + i % 10}-03-0{1 + i % 9}\n"
            f"一、总体要求\n坚持“精准扶贫”，贵州投入{100 + i}万元，帮扶{i + 1}人。\n",
            encoding="utf-8",
        )
        out.append(p)
    return out
