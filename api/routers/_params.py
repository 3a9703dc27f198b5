"""Query parameters shared by the list endpoints."""
from __future__ import annotations

from typing import Annotated

from fastapi import Query

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "Contains", "Cursor", "Limit"]

DEFAULT_LIMIT = 50
MAX_LIMIT = 500

Cursor = Annotated[
    str | None,
    Query(max_length=2000, description="the `next` value of the previous page"),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page (1-500)")]
Contains = Annotated[
    str | None,
    Query(max_length=200, description="text the result's name contains (Simplified or Traditional)"),
]
