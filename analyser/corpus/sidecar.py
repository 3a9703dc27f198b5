"""Corpus metadata beside the files: a ``manifest.json`` or ``meta.jsonl`` sidecar.

A sidecar names each file by ``filename`` (or ``path``, relative to the sidecar's folder) and gives
any of ``title``, ``date`` (or ``published``), ``issuer`` (or ``issuing_body``), ``doc_number``,
``kind``, ``url`` (or ``original_url``), ``place`` (or ``province``: the region a local document
is about). Those values fill what a document's text does not print
(work reports print no date; a scraped page may print no title): :func:`apply_metadata` fills the
``document`` block of an analysis dict and records in ``document.metadata_source`` which fields came
from which sidecar file. The sidecar itself and files named ``README*`` are not documents
(:func:`is_sidecar_or_readme`).

Examples
--------
>>> import json, tempfile
>>> from pathlib import Path
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "manifest.json").write_text(json.dumps([{"filename": "a.txt", "date": "2019-03-05",
...      "title": "政府工作报告", "issuing_body": "国务院"}]), encoding="utf-8")
>>> meta = read_sidecars([d / "a.txt"])
>>> meta[str(d / "a.txt")]["published"], meta[str(d / "a.txt")]["issuer"]
('2019-03-05', '国务院')
>>> doc = apply_metadata({"document": {"title": None, "published": None}}, meta[str(d / "a.txt")])["document"]
>>> doc["published"], doc["metadata"]["title"], doc["metadata_source"]["published"]
('2019-03-05', '政府工作报告', 'manifest.json')
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from analyser.errors import InputError

__all__ = ["SIDECAR_NAMES", "is_sidecar_or_readme", "read_sidecar", "read_sidecars", "apply_metadata"]

#: File names read as sidecars, in order of preference within one folder.
SIDECAR_NAMES = ("manifest.json", "meta.jsonl")
#: Sidecar key -> the metadata field it gives (first key present wins).
_FIELDS = {
    "title": ("title",),
    "published": ("date", "published"),
    "issuer": ("issuer", "issuing_body"),
    "doc_number": ("doc_number",),
    "kind": ("kind",),
    "url": ("url", "original_url"),
    "place": ("place", "province"),
}
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def is_sidecar_or_readme(path: str | Path) -> bool:
    """True for a sidecar (``manifest.json``, ``meta.jsonl``) or a ``README*`` file.

    >>> is_sidecar_or_readme("corpus/README.md"), is_sidecar_or_readme("a/meta.jsonl"), is_sidecar_or_readme("x.txt")
    (True, True, False)
    """
    name = Path(path).name
    return name in SIDECAR_NAMES or name.upper().startswith("README")


def _iso(value: Any) -> str | None:
    """An ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) from a sidecar value, else ``None``.

    >>> _iso("1921-7"), _iso("2019-03-05T00:00"), _iso("n/a")
    ('1921-07', '2019-03-05', None)
    """
    if not isinstance(value, str):
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    y, mo, d = m.groups()
    return y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if d and mo else "")


def _entry(obj: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, keys in _FIELDS.items():
        for key in keys:
            value = obj.get(key)
            if isinstance(value, str) and value.strip():
                out[name] = _iso(value) if name == "published" else value.strip()
                if out[name] is None:
                    del out[name]
                    continue
                break
    return out


def read_sidecar(path: str | Path) -> dict[str, dict[str, Any]]:
    """``{absolute file path: metadata}`` from one sidecar file; :class:`InputError` when unreadable."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
        if path.name.endswith(".jsonl"):
            objects = [json.loads(ln) for ln in raw.splitlines() if ln.strip()]
        else:
            data = json.loads(raw)
            objects = data.get("documents", []) if isinstance(data, dict) else data
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read the sidecar {path}: {' '.join(str(exc).split())}") from None
    if not isinstance(objects, list):
        raise InputError(f"the sidecar {path} is not a list of objects")
    out: dict[str, dict[str, Any]] = {}
    for obj in objects:
        if not isinstance(obj, dict):
            continue
        name = obj.get("filename") or obj.get("path")
        if not isinstance(name, str) or not name:
            continue
        meta = _entry(obj)
        if meta:
            meta["sidecar"] = path.name
            out[str((path.parent / name).resolve())] = meta
    return out


def read_sidecars(files: Iterable[str | Path]) -> dict[str, dict[str, Any]]:
    """Metadata for ``files`` from the sidecars in their folders: ``{str(file): metadata}``.

    Each folder's sidecar is read once; a file without an entry is left out.
    """
    by_folder: dict[Path, dict[str, dict[str, Any]]] = {}
    out: dict[str, dict[str, Any]] = {}
    for f in files:
        f = Path(f)
        folder = f.parent.resolve()
        if folder not in by_folder:
            entries: dict[str, dict[str, Any]] = {}
            for name in SIDECAR_NAMES:
                if (folder / name).is_file():
                    entries = read_sidecar(folder / name)
                    break
            by_folder[folder] = entries
        meta = by_folder[folder].get(str(f.resolve()))
        if meta:
            out[str(f)] = meta
    return out


def apply_metadata(analysis: Any, meta: dict[str, Any] | None) -> Any:
    """Fill the document block of an analysis from sidecar metadata.

    Takes an :class:`~analyser.facts.Analysis` (returns a new one, unless it already carries
    the sidecar's values) or an analysis dict (filled in place and returned). ``published`` is
    the sidecar's date (a curated date is the best known one); ``metadata`` keeps every sidecar
    value; ``metadata_source`` maps each field the sidecar supplied to its file name. Title,
    issuer and document number stay the text's spans when the text prints them.
    """
    if not meta:
        return analysis
    source = meta.get("sidecar", "sidecar")
    values = {k: v for k, v in meta.items() if k != "sidecar"}
    if isinstance(analysis, dict):
        doc = analysis.setdefault("document", {})
        get = doc.get
    else:
        if analysis.document.metadata is not None:
            return analysis
        get = lambda key: getattr(analysis.document, key, None)  # noqa: E731
    filled: dict[str, str] = dict(get("metadata_source") or {})
    if values.get("published"):
        filled["published"] = source
    for key in ("title", "issuer", "doc_number"):
        if values.get(key) and not get(key):
            filled[key] = source
    published = values.get("published") or get("published")
    if isinstance(analysis, dict):
        doc.update(published=published, metadata=values, metadata_source=filled)
        return analysis
    from dataclasses import replace

    document = replace(analysis.document, published=published, metadata=values, metadata_source=filled or None)
    return replace(analysis, document=document)
