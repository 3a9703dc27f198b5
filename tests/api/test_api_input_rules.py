"""One rule for characters at every door: what the command line refuses, the API refuses too."""
from __future__ import annotations

import pytest
from api_fixtures import *  # noqa: F401,F403 - the shared fixtures
from api_texts import TOKEN


@pytest.mark.parametrize("raw", ['{"text": "\\ud800abc"}', '{"text": "\\udfff"}', '{"text": "扶贫\\u0000工作"}',
                                 '{"html": "<p>\\ud800</p>"}', '{"html": "<p>a\\u0000b</p>"}'])  # fmt: skip
def test_analyse_refuses_surrogates_and_nul(client, raw):
    r = client.post("/analyse", content=raw.encode(), headers={"Content-Type": "application/json"})
    assert r.status_code in (400, 422), r.text
    assert r.json()["ok"] is False


def test_documents_refuses_nul_like_the_command_line(writer):
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    r = writer.post("/documents", content='{"text": "国务院\\u0000通知"}'.encode(), headers=auth)
    assert r.status_code == 422 and "NUL" in r.json()["error"]
    assert writer.get("/health").json()["documents"] == 3
