"""Generate a large synthetic corpus by recombining paragraphs of real documents.

Each generated document gets a title line taken from a source document, a 来源/日期 header
line (issuer and date drawn from pools), a few section headings (一、二、…) and 6–40 body
paragraphs drawn at random from every source. About one document in ten is converted to
Traditional script (OpenCC ``s2t``) so that formulations merge across scripts. The result is
deterministic for a given seed and set of sources.

Sources: ``corpus/samples`` plus the dev corpus (``../shared/corpus-real/dev``) and the seed
document when they are present, or the paths given with ``--source``.

Run: ``.venv/bin/python benchmarks/synth_corpus.py OUT_DIR [-n 10000] [--seed 1]``; files are
written as UTF-8 ``.txt``, 1,000 per sub-folder.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NUMERALS = "一二三四五六七八九十"


def default_sources() -> list[Path]:
    """Sample documents of the project, plus the shared dev corpus and seed when present."""
    out = sorted(p for p in (ROOT / "corpus" / "samples").glob("*") if p.suffix in (".txt", ".html", ".htm"))
    for folder in (SHARED / "corpus-real" / "dev", SHARED / "seed"):
        if folder.is_dir():
            out += sorted(p for p in folder.glob("*") if p.suffix in (".txt", ".html", ".htm"))
    return out


def read_sources(paths: list[Path]) -> tuple[list[str], list[str]]:
    """(titles, paragraphs) of the sources; paragraphs of at least 20 characters."""
    from analyser.reading import read_path

    titles, paragraphs = [], []
    for p in paths:
        try:
            text = read_path(p).text
        except Exception as exc:  # noqa: BLE001 - a source that cannot be read is left out
            print(f"skipped {p}: {exc}", file=sys.stderr)
            continue
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        if lines:
            titles.append(lines[0][:60])
        paragraphs += [ln for ln in lines[1:] if len(ln) >= 20]
    return titles, paragraphs


def generate(
    out: Path, n: int, *, seed: int = 1, sources: list[Path] | None = None, paragraphs: tuple[int, int] = (6, 40)
) -> int:
    """Write ``n`` documents under ``out``; returns the number of characters written."""
    from opencc import OpenCC

    s2t = OpenCC("s2t")
    titles, pool = read_sources(sources or default_sources())
    if not pool:
        raise SystemExit("no source paragraphs found")
    rng = random.Random(seed)
    issuers = ["国务院", "国务院办公厅", "国家发展改革委", "财政部", "人力资源社会保障部", "农业农村部",
               "贵州省人民政府", "宁夏回族自治区人民政府", "甘肃省人民政府", "云南省人民政府"]  # fmt: skip
    total = 0
    for i in range(n):
        title = f"{rng.choice(titles)}（第{i + 1}号）"
        date = f"{rng.randint(2012, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lines = [title, f"来源：{rng.choice(issuers)} 日期：{date}", ""]
        body = rng.sample(pool, k=min(len(pool), rng.randint(*paragraphs)))
        sections = min(len(NUMERALS), max(1, len(body) // 6))
        for j, para in enumerate(body):
            if j % 6 == 0 and j // 6 < sections:
                lines.append(f"{NUMERALS[j // 6]}、{rng.choice(titles)[:12]}")
            lines.append(para)
        text = "\n".join(lines) + "\n"
        if rng.random() < 0.1:
            text = s2t.convert(text)
        folder = out / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"synth_{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--source", type=Path, action="append", help="source files (default: samples + dev)")
    parser.add_argument("--paragraphs", default="6-40", metavar="MIN-MAX",
                        help="body paragraphs per document (default 6-40)")
    args = parser.parse_args(argv)
    low, _, high = args.paragraphs.partition("-")
    try:
        bounds = (int(low), int(high or low))
    except ValueError:
        parser.error(f"--paragraphs must be MIN-MAX, got {args.paragraphs!r}")
    if not 1 <= bounds[0] <= bounds[1]:
        parser.error(f"--paragraphs must be MIN-MAX with 1 <= MIN <= MAX, got {args.paragraphs!r}")
    chars = generate(args.out, args.n, seed=args.seed, sources=args.source, paragraphs=bounds)
    print(f"{args.n} documents, {chars:,} characters -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
