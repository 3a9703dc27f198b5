"""Settings of the HTTP API: where the store is, who may write, and the safety limits.

Values come from keyword arguments first, then environment variables, then defaults. Nothing is
read at import time: :func:`get_settings` builds the environment-based object on first use and
caches it.

========================================  ==========================================  =========
environment variable                      meaning                                     default
========================================  ==========================================  =========
``POLICY_ANALYSER_DB``                    the SQLite store                            ``policy.db``
``POLICY_ANALYSER_WRITE_TOKEN``           bearer token for ``POST /documents``;       unset
                                          unset: the API is read-only
``POLICY_ANALYSER_MAX_BODY``              largest request body, bytes                 2000000
``POLICY_ANALYSER_ANALYSE_TIMEOUT``       seconds one analysis may take               30
``POLICY_ANALYSER_LOAD_TIMEOUT``          extra seconds for loading the pipeline      180
``POLICY_ANALYSER_ANALYSE_WORKERS``       analyses running at once                    1
``POLICY_ANALYSER_CORS_ORIGINS``          comma-separated allowed origins             none (CORS off)
``POLICY_ANALYSER_RESPONSE_CACHE_MB``     memory for cached read responses, MB;       64
                                          0: no response cache
``POLICY_ANALYSER_EXPORT_MAX_ITEMS``      largest graph (nodes + edges) that          1000000
                                          ``/graph/export`` gives a request without
                                          the write token (larger: 413); 0: exports
                                          need the token. The command line's
                                          ``graph export`` has no limit
``POLICY_ANALYSER_HEADER_TIMEOUT``        seconds a client may take to send its       10
                                          request line and headers
``POLICY_ANALYSER_BODY_TIMEOUT``          seconds a client may take to send its       30
                                          request body
``POLICY_ANALYSER_KEEPALIVE_TIMEOUT``     seconds an idle keep-alive connection       5
                                          stays open
========================================  ==========================================  =========

Examples
--------
>>> s = Settings.from_env({"POLICY_ANALYSER_WRITE_TOKEN": "t0ken"}, db="corpus.db")
>>> s.db, s.writable, s.max_body
('corpus.db', True, 2000000)
>>> Settings.from_env({}).writable
False
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import Any

__all__ = ["Settings", "get_settings"]

_PREFIX = "POLICY_ANALYSER_"
_ENV = {
    "db": "DB",
    "write_token": "WRITE_TOKEN",
    "max_body": "MAX_BODY",
    "analyse_timeout": "ANALYSE_TIMEOUT",
    "load_timeout": "LOAD_TIMEOUT",
    "analyse_workers": "ANALYSE_WORKERS",
    "cors_origins": "CORS_ORIGINS",
    "response_cache_mb": "RESPONSE_CACHE_MB",
    "export_max_items": "EXPORT_MAX_ITEMS",
    "header_timeout": "HEADER_TIMEOUT",
    "body_timeout": "BODY_TIMEOUT",
    "keepalive_timeout": "KEEPALIVE_TIMEOUT",
}


@dataclass(frozen=True)
class Settings:
    """Immutable API settings (see the module docstring for each field)."""

    db: str = "policy.db"
    write_token: str | None = None
    max_body: int = 2_000_000
    analyse_timeout: float = 30.0
    load_timeout: float = 180.0
    analyse_workers: int = 1
    cors_origins: tuple[str, ...] = ()
    response_cache_mb: int = 64
    export_max_items: int = 1_000_000
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    keepalive_timeout: float = 5.0
    #: build the knowledge graph in the background at start-up
    warm_graph: bool = True
    #: read connections to the store besides the writing one
    read_connections: int = 4
    #: seconds between checks of the store's version (graph cache freshness)
    version_check_interval: float = 1.0

    @property
    def writable(self) -> bool:
        """True when a write token is configured (``POST /documents`` is enabled)."""
        return bool(self.write_token)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``environ`` (default ``os.environ``), with ``overrides`` on top.

        Overrides that are ``None`` are ignored, so ``serve(db, write_token=None)`` keeps the
        environment's token.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        types = {f.name: f.type for f in fields(cls)}
        for name, suffix in _ENV.items():
            raw = env.get(_PREFIX + suffix)
            if raw is None or raw == "":
                continue
            values[name] = _parse(name, str(types[name]), raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "cors_origins" in values and isinstance(values["cors_origins"], str):
            values["cors_origins"] = _origins(values["cors_origins"])
        settings = cls(**values)
        settings.check()
        return settings

    def check(self) -> None:
        """Raise ``ValueError`` for values outside their range."""
        if self.max_body < 1:
            raise ValueError(f"max_body must be positive, got {self.max_body}")
        if self.analyse_timeout <= 0 or self.load_timeout <= 0:
            raise ValueError("timeouts must be positive")
        if self.response_cache_mb < 0:
            raise ValueError(f"response_cache_mb must not be negative, got {self.response_cache_mb}")
        if self.export_max_items < 0:
            raise ValueError(f"export_max_items must not be negative, got {self.export_max_items}")
        if min(self.header_timeout, self.body_timeout, self.keepalive_timeout) <= 0:
            raise ValueError("header, body and keep-alive timeouts must be positive")
        if self.analyse_workers < 1:
            raise ValueError(f"analyse_workers must be at least 1, got {self.analyse_workers}")

    def with_(self, **changes: Any) -> Settings:
        """A copy with some fields changed.

        >>> Settings().with_(max_body=10).max_body
        10
        """
        return replace(self, **changes)


def _origins(raw: str) -> tuple[str, ...]:
    return tuple(o.strip() for o in raw.split(",") if o.strip())


def _parse(name: str, type_name: str, raw: str) -> Any:
    try:
        if name == "cors_origins":
            return _origins(raw)
        if type_name.startswith("int"):
            return int(raw)
        if type_name.startswith("float"):
            return float(raw)
    except ValueError:
        raise ValueError(f"{_PREFIX}{_ENV[name]} must be a number, got {raw!r}") from None
    return raw


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings from the process environment (built once, on first call)."""
    return Settings.from_env()
