"""Build ``analyser/data/slogan_coined.txt``: fixed formulations the archive repeats inside policy frames.

A coined line of policy (新发展理念, 以经济建设为中心, 总体国家安全观, 一个中国原则) is
seldom quoted: documents print it bare, as the object of a small set of verbs (坚持, 贯彻, 落实,
实施, 树立, 奉行, 构建 …) or in the frame 以X为中心/主线/主题. What makes it a fixed formulation
rather than an ad-hoc object is that the same wording fills the frame in many documents of several
years. This script reads the real archive (``../shared/corpus-real/archive``, leaving out every
document the manifest marks as also in another set), takes every Han phrase of 3–10 characters
that fills one of the frames (the object runs from the verb to the next punctuation mark or 和/与/
的/并; a member listed bare after a quoted term counts too: “港人治港”、高度自治), and keeps those
found in at least ``--min-docs`` documents (default 4) of at least ``--min-years`` distinct years
(default 3) that name a doctrine by their head word (理念, 格局, 观, 原则; 以X为中心): objects
without one (改革开放, 扩大内需, 党的民族政策) are ordinary policy words. The classifier, not
this list, decides whether a bare mention is a formulation (:mod:`analyser.extract.slogans.coined`); the list gives it the candidates
and the counts.

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
VERBS = "|".join(sorted("坚持 贯彻 贯彻落实 贯彻执行 落实 实施 深入实施 树立 牢固树立 奉行 坚定不移地奉行 遵循 构建 加快构建 执行 推行 确立 践行 弘扬".split(), key=len, reverse=True))
#: a phrase opening with a function word, a verb of the frames or a fragment of one is no formulation
_BAD_OPEN = re.compile(rf"^(?:的|和|与|及|对|为|在|把|将|不移|不懈|更加|实施|执行|落实|奉行|贯彻|完善|积极$)")
_FRAMES = (
    re.compile(rf"(?:{VERBS})([\u4e00-\u9fff]{{3,10}}?)(?=[，。；、：,;]|和|与|的|并|$)"),
    re.compile(r"(以[\u4e00-\u9fff]{2,10}?为(?:中心|主线|主题|核心|根本|重点|纲))"),
    # listed bare after a quoted term (“一国两制”、“港人治港”、高度自治的方针)
    re.compile(r"”、([\u4e00-\u9fff]{2,8}?)(?=[，。；、”]|的|和|$)"),
)
_PLAN = re.compile(r"^(?:十[一二三四五六七八九]?|[一二三四五六七八九])五")
#: the shape of a named doctrine: a head word naming a line of thought (新发展理念, 新发展格局,
#: 科学发展观, 一个中国原则) or the frame 以X为中心; a member listed after a quote needs none
#: (高度自治). Objects without one (改革开放, 社会主义, 扩大内需, 党的民族政策)
#: are ordinary policy words, not formulations of their own.
_DOCTRINE = re.compile(r"(?:理念|格局|观|原则)$|^以.+为(?:中心|主线|纲)$")


def archive_entries() -> list[tuple[Path, str]]:
    """The archive documents in no other set (``also_in`` empty), with their year."""
    folder = SHARED / "corpus-real" / "archive"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [(folder / e["filename"], str(e.get("date") or "")[:4]) for e in manifest
            if not e.get("also_in") and (folder / e["filename"]).is_file()]


def learn(docs: list[tuple[str, str]], min_docs: int, min_years: int) -> list[tuple[str, int, int]]:
    """``(phrase, documents, distinct years)`` of the phrases filling a frame, most documents first."""
    where: dict[str, set[int]] = defaultdict(set)
    years: dict[str, set[str]] = defaultdict(set)
    listed: set[str] = set()  # found listed after a quote: kept without a head word
    for i, (view, year) in enumerate(docs):
        for k, frame in enumerate(_FRAMES):
            for m in frame.finditer(view):
                phrase = m.group(1)
                if _PLAN.match(phrase) or _BAD_OPEN.match(phrase) or phrase.endswith(("的", "地")):
                    continue
                where[phrase].add(i)
                years[phrase].add(year)
                if k == len(_FRAMES) - 1:
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
        f"# Fixed formulations (Simplified) the real archive repeats inside policy frames (坚持/贯彻/实施… X, 以X为中心):",
        f"# found in at least {args.min_docs} of {len(entries)} documents (corpus-real/archive, those in no other set)",
        f"# of at least {args.min_years} distinct years. Candidates for the classifier (analyser/extract/slogans/coined.py).",
        "# Built by models/build_slogan_coined.py; do not edit by hand. Columns: phrase, documents, years.",
    ]
    OUT.write_text("\n".join(head + [f"{t}\t{n}\t{y}" for t, n, y in rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} phrases from {len(entries)} documents written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
