"""The HTTP API and the explorer page of Policy Analyser (FastAPI).

``create_app(settings)`` builds the application; ``python -m analyser serve --db FILE`` runs it
with uvicorn (see :mod:`api.server`). The endpoints are listed in the OpenAPI document at
``/openapi.json`` and browsable at ``/docs``.
"""
from __future__ import annotations

from .main import create_app
from .settings import Settings, get_settings

__all__ = ["create_app", "Settings", "get_settings"]
