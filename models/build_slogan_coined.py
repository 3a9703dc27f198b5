"""Build ``analyser/data/slogan_coined.txt``: fixed formulations the archive repeats inside policy frames.

A coined line of policy (新发展理念, 以经济建设为中心, 科教兴国战略, 全面建成小康社会) is seldom
quoted: documents print it bare, as the object of a small set of verbs (坚持, 贯彻, 落实, 实施, 推进,
树立, 奉行, 践行, 构建 …), in the frames 以X为中心/主线/纲 and 全面建成X, or listed bare after a quoted
term (“一国两制”、“港人治港”、高度自治). What makes it a fixed formulation rather than an ad-hoc object is
that the same wording fills a frame in many documents of several years and names a line of policy by
its shape. This script reads the real archive (``../shared/corpus-real/archive``, leaving out every
document the manifest marks as also in another set), takes every Han phrase of 3–12 characters that
fills a frame, and keeps those found in at least ``--min-docs`` documents (default 4) of at least
``--min-years`` distinct years (default 3) whose head word names a doctrine or a line (理念, 格局, 观,
原则, 战略, 方针, 道路, 方略, 总基调, 外交政策), whose frame is 以X为中心/纲 or 全面建成X, or that were listed after a
quote. Objects without such a shape (改革开放, 扩大内需, 党的民族政策) are ordinary policy words.

The classifier, not this list, decides whether a bare mention is a formulation
(:mod:`analyser.extract.slogans.coined` gives it the candidates, these counts and the frame around
each mention).

Run: ``.venv/bin/python models/build_slogan_coined.py [--min-docs 4] [--min-years 3]``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT.parent / "shared")
OUT = ROOT / "analyser" / "data" / "slogan_coined.txt"

#: verbs whose object is a line of policy
VERBS = "|".join(sorted(
    "坚持 贯彻 贯彻落实 全面贯彻 落实 实施 深入实施 推进 树立 牢固树立 奉行 践行 遵循 构建 加快构建 执行".split(),
    key=len, reverse=True))
#: the end of an object: punctuation, a conjunction, 的 or 并
_END = r"(?=[，。；、：,;）]|和|与|的|并|$)"
_FRAMES = (
    re.compile(rf"(?:{VERBS})([\u4e00-\u9fff]{{3,12}}?){_END}"),
    # a named line with 的 inside (坚持独立自主的和平外交政策 has its head word 政策 after 的)
    re.compile(rf"(?:{VERBS})([\u4e00-\u9fff]{{2,6}}的[\u4e00-\u9fff]{{2,8}}?(?:理念|方针|原则|战略|道路|外交政策)){_END}"),
    re.compile(r"(以[\u4e00-\u9fff]{2,10}?为(?:中心|主线|纲))"),
    re.compile(rf"(全面建成[\u4e00-\u9fff]{{2,10}}?){_END}"),
    # listed bare after a quoted term (“一国两制”、“港人治港”、高度自治的方针)
    re.compile(r"”、([\u4e00-\u9fff]{2,8}?)(?=[，。；、”]|的|和|$)"),
)
_LISTED = len(_FRAMES) - 1
#: a phrase opening with a function word, a frame verb or a fragment of one is no formulation
_BAD_OPEN = re.compile(r"^(?:的|和|与|及|对|为|在|把|将|走|不移|不懈|更加|实施|执行|落实|奉行|贯彻|完善|党的|党对)")
_PLAN = re.compile(r"^(?:十[一二三四五六七八九]?|[一二三四五六七八九])五")
#: the shape of a named line of policy: a head word (新发展理念, 新发展格局, 总体国家安全观,
#: 一个中国原则, 科教兴国战略, 稳中求进工作总基调), or the frames 以X为中心 and 全面建成X
_DOCTRINE = re.compile(r"(?:理念|格局|观|原则|战略|方针|道路|方略|总基调|外交政策)$|^以.+为(?:中心|主线|纲)$|^全面建成")


def archive_entries() -> list[tuple[Path, str]]:
    """The archive documents in no other set (``also_in`` empty), with their year."""
    folder = SHARED / "corpus-real" / "archive"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [(folder / e["filename"], str(e.get("date") or "")[:4]) for e in manifest
            if not e.get("also_in") and (folder / e["filename"]).is_file()]


def framed(view: str) -> dict[str, bool]:
    """The phrases filling a frame in one document (Simplified view), each with whether it was
    found listed after a quote."""
    out: dict[str, bool] = {}
    for k, frame in enumerate(_FRAMES):
        for m in frame.finditer(view):
            phrase = m.group(1)
            if _PLAN.match(phrase) or _BAD_OPEN.match(phrase) or phrase.endswith(("的", "地")):
                continue
            out[phrase] = out.get(phrase, False) or k == _LISTED
    return out


def learn(docs: list[tuple[str, str]], min_docs: int, min_years: int) -> list[tuple[str, int, int]]:
    """``(phrase, documents, distinct years)`` of the phrases filling a frame, most documents first."""
    where: dict[str, set[int]] = defaultdict(set)
    years: dict[str, set[str]] = defaultdict(set)
    listed: set[str] = set()
    for i, (view, year) in enumerate(docs):
        for phrase, after_quote in framed(view).items():
            where[phrase].add(i)
            years[phrase].add(year)
            if after_quote:
                listed.add(phrase)
    rows = [(p, len(d), len(years[p])) for p, d in where.items()
            if len(d) >= min_docs and len(years[p]) >= min_years and (p in listed or _DOCTRINE.search(p))]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-docs", type=int, default=4)
    ap.add_argument("--min-years", type=int, default=3)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from analyser.reading import read_path
    from analyser.text.normalize import simplified_view

    entries = archive_entries()
    if not entries:
        print(f"error: no archive under {SHARED}", file=sys.stderr)
        return 2
    rows = learn([(simplified_view(read_path(p).text), y) for p, y in entries], args.min_docs, args.min_years)
    head = [
        "# Fixed formulations (Simplified) the real archive repeats inside policy frames (坚持/贯彻/实施… X,",
        f"# 以X为中心, 全面建成X, listed after a quote): found in at least {args.min_docs} of {len(entries)} documents",
        f"# (corpus-real/archive, those in no other set) of at least {args.min_years} distinct years, with the shape of a",
        "# named line of policy. Candidates for the classifier (analyser/extract/slogans/coined.py).",
        "# Built by models/build_slogan_coined.py; do not edit by hand. Columns: phrase, documents, years.",
    ]
    OUT.write_text("\n".join(head + [f"{t}\t{n}\t{y}" for t, n, y in rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} phrases from {len(entries)} documents written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
