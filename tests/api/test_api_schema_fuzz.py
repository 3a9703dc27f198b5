"""A bounded schemathesis run over the API (small example counts so the suite stays fast).

Every operation of the OpenAPI document is called with generated parameters and bodies; the
answers must never be a server error and must match the documented schemas, status codes,
content types and headers. Skipped when schemathesis is not installed. A longer run against a
real server is described in the README (development section).
"""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install schemathesis)")

from api_fixtures import *  # noqa: F401,F403 - the shared fixtures
from hypothesis import HealthCheck, given, settings
from schemathesis import checks

#: never a 5xx, and every answer as documented
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]


def test_api_answers_as_documented(client):
    # the client's lifespan has opened the store and the runner; schemathesis calls the same app
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    failures = []
    calls = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)  # fmt: skip
        def call(case):
            calls.append(case.call_and_validate(checks=CHECKS).status_code)

        try:
            call()
        except Exception as exc:  # noqa: BLE001 - collected, reported together below
            failures.append(f"{operation.label}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    assert not failures, "\n".join(failures)
    assert len(calls) >= 3 * len(operations) and any(code == 200 for code in calls)
