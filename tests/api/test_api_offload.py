"""Which reads run on the event loop (:mod:`api.offload`): the same bytes either way, and the choice per request."""
from __future__ import annotations

import pytest
from api_fixtures import *  # noqa: F401,F403 - the shared fixtures
from fastapi.testclient import TestClient

import api.routers.corpus
import api.routers.graph
import api.routers.knowledge
from api import offload
from api.main import create_app
from api.settings import Settings

ROUTERS = (api.routers.corpus, api.routers.graph, api.routers.knowledge)

# fmt: off
#: request -> whether it is read on the event loop
CHOICES = {
    "/quantities?limit=5": True,
    "/quantities?unit=亿元&min=10": False,  # a unit and a range together may walk the corpus
    "/quantities?unit=万人": True,
    "/quantities?year=2025": True,
    "/quantities?min=100&max=10000": True,
    "/quantities?place=贵州": False,
    "/quantities?indicator=就业": False,
    "/indicators": True,
    "/indicators?q=就业": True,
    "/indicators/urban_new_jobs/series?limit=5": True,
    "/indicators/urban_new_jobs/series?modality=target&from=2000&to=2030": True,
    "/indicators/urban_new_jobs/series?issuer=国务院": False,
    "/citations?limit=20": True,
    "/citations?limit=100&documents=100": False,
    "/terms/timeline?q=精准扶贫": True,  # in the term index
    "/terms/timeline?q=保障性租赁": False,  # counted over the texts the first time
    "/graph/nodes/slogan:稳就业/neighbors?depth=1&limit=50": True,
    "/graph/nodes/slogan:稳就业/neighbors?depth=2": False,
}
# fmt: on


@pytest.fixture
def choices(monkeypatch) -> list[bool]:
    """The ``inline`` of every read the routers ask for, in order."""
    seen: list[bool] = []

    async def recording(func, /, *args, inline, **kwargs):
        seen.append(inline)
        return await offload.run_read(func, *args, inline=inline, **kwargs)

    for module in ROUTERS:
        monkeypatch.setattr(module, "run_read", recording)
    return seen


def test_bounded_reads_run_on_the_loop_and_the_others_in_a_thread(store_path, choices):
    with TestClient(create_app(Settings(db=str(store_path), response_cache_mb=0))) as client:
        for url, inline in CHOICES.items():
            choices.clear()
            assert client.get(url).status_code == 200, url
            assert choices == [inline], url


@pytest.mark.parametrize("forced", [True, False])
def test_the_same_bytes_on_the_loop_and_in_a_thread(store_path, monkeypatch, forced):
    with TestClient(create_app(Settings(db=str(store_path), response_cache_mb=0))) as client:
        expected = {url: client.get(url).content for url in CHOICES}

    async def force(func, /, *args, inline, **kwargs):
        return await offload.run_read(func, *args, inline=forced, **kwargs)

    for module in ROUTERS:
        monkeypatch.setattr(module, "run_read", force)
    with TestClient(create_app(Settings(db=str(store_path), response_cache_mb=0))) as client:
        for url, body in expected.items():
            assert client.get(url).content == body, url
