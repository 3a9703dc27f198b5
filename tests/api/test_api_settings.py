"""Settings from the environment and overrides."""
from __future__ import annotations

import pytest
from api_fixtures import *  # noqa: F401,F403 - the shared fixtures

from api.settings import Settings, get_settings

# fmt: off
ENV_CASES = [
    ({}, {"write_token": None, "max_body": 2_000_000, "cors_origins": (), "analyse_timeout": 30.0}),
    ({"POLICY_ANALYSER_WRITE_TOKEN": "abc"}, {"write_token": "abc", "writable": True}),
    ({"POLICY_ANALYSER_MAX_BODY": "1024"}, {"max_body": 1024}),
    ({"POLICY_ANALYSER_ANALYSE_TIMEOUT": "2.5"}, {"analyse_timeout": 2.5}),
    ({"POLICY_ANALYSER_CORS_ORIGINS": "http://a.org, http://b.org"}, {"cors_origins": ("http://a.org", "http://b.org")}),
    ({"POLICY_ANALYSER_WRITE_TOKEN": ""}, {"write_token": None, "writable": False}),
]
# fmt: on


@pytest.mark.parametrize("env,expected", ENV_CASES)
def test_from_env(env, expected):
    s = Settings.from_env(env)
    for key, value in expected.items():
        assert getattr(s, key) == value


def test_overrides_win_except_none():
    env = {"POLICY_ANALYSER_WRITE_TOKEN": "env", "POLICY_ANALYSER_DB": "env.db"}
    s = Settings.from_env(env, db="arg.db", write_token=None)
    assert (s.db, s.write_token) == ("arg.db", "env")


@pytest.mark.parametrize(
    "env", [{"POLICY_ANALYSER_MAX_BODY": "big"}, {"POLICY_ANALYSER_MAX_BODY": "0"}, {"POLICY_ANALYSER_ANALYSE_WORKERS": "0"}]
)
def test_bad_values(env):
    with pytest.raises(ValueError):
        Settings.from_env(env)


def test_get_settings_is_cached_and_lazy(monkeypatch):
    get_settings.cache_clear()
    monkeypatch.setenv("POLICY_ANALYSER_MAX_BODY", "4096")
    try:
        assert get_settings().max_body == 4096
        assert get_settings() is get_settings()
    finally:
        get_settings.cache_clear()


def test_read_pool_overflows_to_the_main_store(store_path):
    """More readers than connections never wait: the overflow reads through the main store."""
    from analyser.corpus.store import Store
    from api.pool import ReadPool

    main = Store(store_path, create=False)
    pool = ReadPool(main, size=2)
    try:
        with pool.borrow() as a, pool.borrow() as b, pool.borrow() as c:
            assert a is not main and b is not main and a is not b
            assert c is main
            assert a.count_documents() == b.count_documents() == c.count_documents() == 3
        with pool.borrow() as again:
            assert again in (a, b)
    finally:
        pool.close()
        main.close()
