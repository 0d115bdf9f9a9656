"""Schemathesis against /api/v1/openapi.json, in-process over WSGI: no 500, no answer off its schema.

The operations are driven with plain Hypothesis (`operation.as_strategy()`): schemathesis' lazy pytest
loader does not run under this pytest version.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from webapp import create_app

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
EXAMPLES = 40  # per operation: the five operations stay well under a minute
OPERATIONS = [
    "/search", "/articles/{doc_id}", "/officials", "/officials/{official_id}", "/export",
    "/officials/who-held", "/officials/titles", "/officials/export",
]  # fmt: skip


@pytest.fixture(scope="module")
def api_schema(indexed_dir: Path):  # noqa: ANN201 - a schemathesis schema
    app = create_app({"NEWSARCHIVE_BACKEND": "sqlite", "NEWSARCHIVE_DATA_DIR": str(indexed_dir)})
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


@pytest.mark.parametrize("path", OPERATIONS)
def test_api_conforms_to_its_openapi_document(api_schema, path: str) -> None:  # noqa: ANN001
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case) -> None:  # noqa: ANN001 - a schemathesis case
        case.call_and_validate(checks=CHECKS)

    run()
