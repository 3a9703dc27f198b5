"""Fixtures of the API tests: a small store built by analysing short texts written here.

Test modules import them (``from api_fixtures import *``); a conftest.py here would share its
module name with tests/conftest.py under ``--doctest-modules``.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from api_texts import TEXTS, TOKEN
from fastapi.testclient import TestClient

from analyser.corpus.store import Store
from analyser.facts import Analysis
from api.main import create_app
from api.settings import Settings

__all__ = ["analyses", "doc_ids", "store_path", "client", "store_copy", "writer", "TEXTS", "TOKEN"]


@pytest.fixture(scope="session")
def analyses() -> dict[str, Analysis]:
    """The analyses of :data:`TEXTS`, by the real pipeline."""
    from analyser import analyse

    return {name: analyse(text, source=f"{name}.txt") for name, text in TEXTS.items()}


@pytest.fixture(scope="session")
def doc_ids(analyses) -> dict[str, str]:
    return {name: a.document.id for name, a in analyses.items()}


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, analyses) -> Path:
    """A store file holding the three documents (do not write to it; copy it)."""
    path = tmp_path_factory.mktemp("store") / "corpus.db"
    with Store(path) as store:
        for name, analysis in analyses.items():
            assert store.add_analysis(analysis, source=f"{name}.txt")
    return path


@pytest.fixture(scope="session")
def client(store_path) -> TestClient:
    """A read-only client over the shared store."""
    app = create_app(Settings(db=str(store_path)))
    with TestClient(app) as c:
        yield c


@pytest.fixture
def store_copy(store_path, tmp_path) -> Path:
    """A private copy of the store, for tests that write."""
    path = tmp_path / "copy.db"
    shutil.copy(store_path, path)
    return path



@pytest.fixture
def writer(store_copy) -> TestClient:
    """A client over a private store copy with write token :data:`TOKEN`."""
    app = create_app(Settings(db=str(store_copy), write_token=TOKEN, max_body=200_000))
    with TestClient(app) as c:
        yield c
