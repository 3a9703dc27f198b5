"""Frozen dataclasses for every fact the analyser extracts.

Every fact carries ``start``/``end``: Python ``str`` indices (end exclusive) into the original
decoded text, and ``text``, the surface ``original[start:end]``. ``to_dict()`` on each class gives
exactly the JSON of the contract (``policy-analyser/analysis@1``).

Examples
--------
>>> s = Span(0, 2, "国务")
>>> s.to_dict()
{'text': '国务', 'start': 0, 'end': 2}
"""
from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any, Literal, NamedTuple

from .errors import InputError

__all__ = [
    "SCHEMA",
    "Span",
    "Token",
    "OutlineNode",
    "Quantity",
    "DateExpr",
    "Slogan",
    "Citation",
    "Entity",
    "DecodeErrors",
    "DocumentInfo",
    "Analysis",
    "FACT_KINDS",
    "FACT_CLASSES",
]

SCHEMA = "policy-analyser/analysis@1"
FACT_KINDS = ("outline", "quantities", "dates", "slogans", "citations", "entities")

Qualifier = Literal["exact", "approx", "lower_bound", "upper_bound", "range"]
SloganKind = Literal["quoted", "parallel", "numbered"]
EntityLabel = Literal["PERSON", "ORG", "PLACE"]
OutlineKind = Literal["section", "point", "item"]


def _jsonable(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


@cache
def _converters(cls: type) -> tuple[tuple[str, Any], ...]:
    """``(field name, converter)`` for each field of a fact class, from its type hints."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in fields(cls))


def _converter(hint: Any):
    """How to turn a JSON value into a value of type ``hint`` (nested facts, tuples, pairs)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _converter(options[0]) if len(options) == 1 else None
        return (lambda v: None if v is None else inner(v)) if inner else None
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            inner = _converter(args[0])
            return (lambda v: tuple(inner(x) for x in v)) if inner else tuple
        return tuple
    if isinstance(hint, type) and is_dataclass(hint) and hasattr(hint, "from_dict"):
        return lambda v: v if isinstance(v, hint) else hint.from_dict(v)
    return None


def _build(cls: type, data: dict[str, Any]):
    kwargs = {}
    for name, convert in _converters(cls):
        if name in data:
            value = data[name]
            kwargs[name] = convert(value) if convert is not None and value is not None else value
    try:
        return cls(**kwargs)
    except TypeError as exc:  # a required field is missing
        raise InputError(f"not a {cls.__name__} object: {exc}") from None


class _Fact:
    """Mixin: ``to_dict`` puts ``text``, ``start``, ``end`` first, then the other fields in order;
    ``from_dict`` reads that JSON back (unknown keys are ignored, missing ones take defaults)."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        """The fact from its JSON object (the inverse of :meth:`to_dict`)."""
        return _build(cls, data)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        names = [f.name for f in fields(self)]  # type: ignore[arg-type]
        for key in ("text", "start", "end"):
            if key in names:
                out[key] = getattr(self, key)
        for name in names:
            if name not in out:
                out[name] = _jsonable(getattr(self, name))
        return out


@dataclass(frozen=True, slots=True)
class Span(_Fact):
    """A stretch of the original text: ``original[start:end] == text``."""

    start: int
    end: int
    text: str


class Token(NamedTuple):
    """A word: surface in the original script, ``norm`` its Simplified form, ``tag`` jieba's POS tag.

    A named tuple rather than a frozen dataclass: a document has a token every two characters, and
    a tuple is built several times faster (it is as immutable).

    >>> Token(0, 3, "國務院", "国务院", "nt").to_dict()
    {'text': '國務院', 'start': 0, 'end': 3, 'norm': '国务院', 'tag': 'nt'}
    """

    start: int
    end: int
    text: str
    norm: str
    tag: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "norm": self.norm, "tag": self.tag}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Token:
        """The token from its JSON object (the inverse of :meth:`to_dict`).

        >>> Token.from_dict({"text": "国务院", "start": 0, "end": 3, "norm": "国务院", "tag": "nt"}).end
        3
        """
        try:
            return cls(data["start"], data["end"], data["text"], data["norm"], data["tag"])
        except (KeyError, TypeError) as exc:
            raise InputError(f"not a Token object: missing {exc}") from None


@dataclass(frozen=True, slots=True)
class OutlineNode(_Fact):
    """A section, an in-paragraph point (一是…) or a numbered item, with its children."""

    kind: OutlineKind
    level: int
    marker: Span
    number: int
    heading: Span | None
    start: int
    end: int
    children: tuple[OutlineNode, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "level": self.level,
            "marker": self.marker.to_dict(),
            "number": self.number,
            "heading": None if self.heading is None else self.heading.to_dict(),
            "start": self.start,
            "end": self.end,
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(frozen=True, slots=True)
class Quantity(_Fact):
    """A number with its unit, qualifier and what it measures."""

    start: int
    end: int
    text: str
    value: float | int | None
    unit: str | None
    qualifier: Qualifier = "exact"
    lower: float | int | None = None
    upper: float | int | None = None
    indicator: Span | None = None
    time: str | None = None
    place: str | None = None
    #: ``target`` (预期目标, 力争, 到2025年…), ``actual`` (a reported result) or ``None`` when unclear
    modality: str | None = None
    #: ``binding`` (约束性) or ``expected`` (预期性) when the text says so
    binding: str | None = None
    #: ``(id, label)`` of the indicator concept (``analyser/data/indicators.tsv``), when one matches
    canonical: tuple[str, str] | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        """The quantity from its JSON (``indicator.canonical`` becomes ``canonical``)."""
        ind = data.get("indicator")
        canonical = ind.get("canonical") if isinstance(ind, dict) else None
        if isinstance(canonical, dict) and canonical.get("id"):
            data = {**data, "canonical": (canonical["id"], canonical.get("label") or canonical["id"])}
        else:
            data = {k: v for k, v in data.items() if k != "canonical"}
        return _build(cls, data)

    def to_dict(self) -> dict[str, Any]:
        out = _Fact.to_dict(self)
        canonical = out.pop("canonical")
        if out["indicator"] is not None:
            out["indicator"]["canonical"] = None if canonical is None else {"id": canonical[0], "label": canonical[1]}
        return out


@dataclass(frozen=True, slots=True)
class DateExpr(_Fact):
    """A date, year, period or relative period; ``value`` is ISO (2015-11-27, 2018, 2016/2020, 2019/..)."""

    start: int
    end: int
    text: str
    value: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Slogan(_Fact):
    """An official formulation (提法): quoted, parallel or numbered."""

    start: int
    end: int
    text: str
    kind: SloganKind
    parts: tuple[Span, ...] = ()
    members: tuple[Span, ...] = ()
    normalized: str = ""
    family: str = ""  # the normalized key of its variant group (members added, dropped or changed)


@dataclass(frozen=True, slots=True)
class Citation(_Fact):
    """A cited document: a 《…》 title or a document number."""

    start: int
    end: int
    text: str
    title: str
    normalized: str
    doc_type: str | None = None
    doc_number: str | None = None
    refers_to: str | None = None  # the ``normalized`` title of the earlier citation a short title abbreviates


@dataclass(frozen=True, slots=True)
class Entity(_Fact):
    """A person, organisation or place; ``normalized`` is the Simplified canonical name."""

    start: int
    end: int
    text: str
    label: EntityLabel
    normalized: str
    parents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DecodeErrors:
    """How a file's bytes failed to decode cleanly (``document.decode_errors``).

    ``count`` byte sequences decoded in no encoding and were replaced by U+FFFD; their first
    offsets in the text are ``first_offsets``. ``lines`` is set when the lines of the file were
    in different encodings and were decoded one by one: lines per encoding, most used first.

    >>> DecodeErrors(1, (5,)).to_dict()
    {'count': 1, 'first_offsets': [5], 'lines': {}}
    """

    count: int
    first_offsets: tuple[int, ...] = ()
    lines: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "first_offsets": list(self.first_offsets), "lines": dict(self.lines)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DecodeErrors:
        """The report back from its JSON.

        >>> DecodeErrors.from_dict({"count": 1, "first_offsets": [5], "lines": {"utf-8": 3, "big5": 1}})
        DecodeErrors(count=1, first_offsets=(5,), lines=(('utf-8', 3), ('big5', 1)))
        """
        lines = data.get("lines") or {}
        return cls(int(data.get("count") or 0), tuple(data.get("first_offsets") or ()), tuple(lines.items()))

    def describe(self) -> str:
        """One line for a warning.

        >>> DecodeErrors(2, (5, 9), (("utf-8", 10), ("gb18030", 1))).describe()
        'lines in several encodings (utf-8 10, gb18030 1), decoded line by line; 2 undecodable byte sequences replaced by U+FFFD (first at offset 5)'
        """
        parts = []
        if self.lines:
            used = ", ".join(f"{enc} {n}" for enc, n in self.lines)
            parts.append(f"lines in several encodings ({used}), decoded line by line")
        if self.count:
            where = f" (first at offset {self.first_offsets[0]})" if self.first_offsets else ""
            parts.append(f"{self.count} undecodable byte sequences replaced by U+FFFD{where}")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class DocumentInfo(_Fact):
    """The ``document`` block of the analysis."""

    id: str
    source: str | None
    encoding: str
    format: Literal["text", "html"]
    script: Literal["simplified", "traditional", "mixed"]
    chars: int
    title: Span | None = None
    issuer: Span | None = None
    published: str | None = None
    doc_number: Span | None = None
    body: tuple[int, int] = (0, 0)
    #: values from a corpus sidecar (title, published, issuer, doc_number, kind, url), when read
    metadata: dict[str, Any] | None = None
    #: the fields the sidecar supplied -> the sidecar's file name (``{"published": "manifest.json"}``)
    metadata_source: dict[str, str] | None = None
    decode_errors: DecodeErrors | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "source": self.source,
            "encoding": self.encoding,
            "format": self.format,
            "script": self.script,
            "chars": self.chars,
            "title": _jsonable(self.title),
            "issuer": _jsonable(self.issuer),
            "published": self.published,
            "doc_number": _jsonable(self.doc_number),
            "body": {"start": self.body[0], "end": self.body[1]},
        }
        if self.metadata is not None:
            out["metadata"] = dict(self.metadata)
        if self.metadata_source is not None:
            out["metadata_source"] = dict(self.metadata_source)
        if self.decode_errors is not None:
            out["decode_errors"] = self.decode_errors.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentInfo:
        data = dict(data)
        body = data.get("body")
        if isinstance(body, dict):
            data["body"] = (body.get("start") or 0, body.get("end") or 0)
        data.setdefault("encoding", "utf-8")
        data.setdefault("format", "text")
        data.setdefault("script", "simplified")
        data.setdefault("chars", 0)
        data.setdefault("source", None)
        return _build(cls, data)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything extracted from one document; ``to_dict()`` is the contract's JSON."""

    document: DocumentInfo
    text: str
    outline: tuple[OutlineNode, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateExpr, ...] = ()
    slogans: tuple[Slogan, ...] = ()
    citations: tuple[Citation, ...] = ()
    entities: tuple[Entity, ...] = ()
    tokens: tuple[Token, ...] = field(default=(), repr=False)

    def to_dict(self, *, tokens: bool = False, text: bool = False) -> dict[str, Any]:
        """The analysis JSON; ``tokens`` adds the token list, ``text`` adds ``document.text``."""
        document = self.document.to_dict()
        if text:
            document["text"] = self.text
        out: dict[str, Any] = {"schema": SCHEMA, "document": document}
        for kind in FACT_KINDS:
            out[kind] = [f.to_dict() for f in getattr(self, kind)]
        if tokens:
            out["tokens"] = [t.to_dict() for t in self.tokens]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, text: str | None = None) -> Analysis:
        """An analysis back from its JSON (a stored analysis, a file of ``analyse`` output).

        ``text`` is the decoded document text; without it, ``document.text`` is used when the
        JSON carries it, else the text is empty (facts keep their offsets, but there is nothing
        to slice). This is the one place where analysis JSON becomes typed facts again.

        >>> a = Analysis.from_dict({"document": {"id": "d", "chars": 3, "text": "国务院"},
        ...     "entities": [{"text": "国务院", "start": 0, "end": 3, "label": "ORG", "normalized": "国务院"}]})
        >>> a.entities[0].label, a.text[a.entities[0].start:a.entities[0].end]
        ('ORG', '国务院')
        """
        doc = data.get("document") or {}
        if text is None:
            text = doc.get("text") if isinstance(doc.get("text"), str) else ""
        kinds = {
            kind: tuple(FACT_CLASSES[kind].from_dict(f) for f in data.get(kind) or ())
            for kind in FACT_KINDS
        }
        tokens = tuple(Token.from_dict(t) for t in data.get("tokens") or ())
        return cls(document=DocumentInfo.from_dict(doc), text=text, tokens=tokens, **kinds)


#: The fact class of each kind of the analysis JSON.
FACT_CLASSES: dict[str, type] = {
    "outline": OutlineNode,
    "quantities": Quantity,
    "dates": DateExpr,
    "slogans": Slogan,
    "citations": Citation,
    "entities": Entity,
}
