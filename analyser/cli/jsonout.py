"""The analysis JSON written a piece at a time, so ``analyse --tokens`` never holds it whole.

The token list of a long document is most of its JSON (a dictionary per token: some 800 bytes a
character when built at once); :func:`json_pieces` writes the same text as ``json.dumps`` of the
whole dictionary, the tokens a batch at a time.

>>> from analyser.facts import Token
>>> tokens = [Token(0, 3, "國務院", "国务院", "nt"), Token(3, 5, "印發", "印发", "v")]
>>> whole = {"schema": "s", "tokens": [t.to_dict() for t in tokens]}
>>> all("".join(json_pieces({"schema": "s"}, tokens, indent=i)) == json.dumps(whole, ensure_ascii=False, indent=i)
...     for i in (None, 1, 2))
True
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice

from analyser.facts import Token

__all__ = ["json_pieces"]

#: Tokens written per piece.
BATCH = 4096


def json_pieces(result: dict, tokens: Iterable[Token] | None = None, *, indent: int | None = None) -> Iterator[str]:
    """Pieces of ``json.dumps(result + {"tokens": [...]}, ensure_ascii=False, indent=indent)``;
    without ``tokens``, the JSON of ``result`` in one piece."""
    if tokens is None:
        yield json.dumps(result, ensure_ascii=False, indent=indent)
        return
    head = json.dumps({**result, "tokens": []}, ensure_ascii=False, indent=indent)
    cut = head.rindex("[]") + 1  # the empty list is the last value: "tokens": [] } closes the text
    yield head[:cut]
    if indent is None:
        sep, pad, close = ", ", "", ""
    else:
        sep, pad, close = ",\n", " " * (2 * indent), "\n" + " " * indent
    it = iter(tokens)
    first = True
    while batch := list(islice(it, BATCH)):
        items = (json.dumps(t.to_dict(), ensure_ascii=False, indent=indent) for t in batch)
        if indent is not None:
            items = (pad + item.replace("\n", "\n" + pad) for item in items)
        lead = sep if not first else "" if indent is None else "\n"
        yield lead + sep.join(items)
        first = False
    if not first:
        yield close
    yield head[cut:]
