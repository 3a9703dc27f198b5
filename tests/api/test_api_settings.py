"""Settings from the environment and overrides."""
from __future__ import annotations

import pytest

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
