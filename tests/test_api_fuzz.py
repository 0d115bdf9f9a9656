"""Schemathesis against /api/v1/openapi.json, in-process over WSGI, with positive and negative data.

Positive data (valid per the document): no server error, every answer conforms to its schema, headers and
content type. Negative data (every parameter made invalid in turn): no server error, and every 4xx is a
JSON {"error": ...} whose text is a message of the catalogue in the language asked for (Vietnamese, or
English with lang=en). The operations are driven with plain Hypothesis (`operation.as_strategy()`):
schemathesis' lazy pytest loader does not run under this pytest version. Bounded: EXAMPLES per operation
and mode (about 20 s in all after the fixture).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import schemathesis
from babel.messages.pofile import read_po
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import DEFAULT_BACKEND
from webapp import create_app

CATALOGUE = Path(__file__).resolve().parent.parent / "webapp/translations/en/LC_MESSAGES/messages.po"
POSITIVE_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
NEGATIVE_CHECKS = [not_a_server_error, status_code_conformance]
EXAMPLES = 40  # per operation and mode: ten runs stay well under a minute
OPERATIONS = [
    "/search",
    "/articles/{doc_id}",
    "/officials",
    "/officials/{official_id}",
    "/export",
    "/attention",
    "/compare",
    "/papers",
    "/articles/{doc_id}/cite",
    "/officials/who-held",
    "/officials/titles",
    "/officials/export",
]
WITH_PARAMETERS = [
    "/search",
    "/officials",
    "/export",
    "/attention",
    "/compare",
    "/articles/{doc_id}/cite",
    "/officials/who-held",
    "/officials/titles",
    "/officials/export",
]  # any string is a valid id: no negative data for the others
CASES = [(p, GenerationMode.POSITIVE) for p in OPERATIONS] + [(p, GenerationMode.NEGATIVE) for p in WITH_PARAMETERS]


def _pattern(template: str) -> str:
    """A catalogue template as a regex: its text literally, each {placeholder} any text."""
    parts = re.split(r"\{\w+\}", template)
    return ".*".join(re.escape(p) for p in parts)


def message_patterns() -> dict[str, re.Pattern[str]]:
    """Language → a regex matching any message of the catalogue in that language, values filled in."""
    entries = [m for m in read_po(CATALOGUE.open("rb")) if m.id and isinstance(m.id, str)]
    return {
        "vi": re.compile("|".join(_pattern(m.id) for m in entries), re.DOTALL),
        "en": re.compile("|".join(_pattern(m.string) for m in entries), re.DOTALL),
    }


PATTERNS = message_patterns()


def assert_error_in_language(case, response) -> None:  # noqa: ANN001 - schemathesis case and response
    if not 400 <= response.status_code < 500:
        return
    error = response.json()["error"]
    lang = "en" if (case.query or {}).get("lang") == "en" else "vi"
    assert isinstance(error, str) and PATTERNS[lang].fullmatch(error), (lang, error)


@pytest.fixture(scope="module")
def api_schema(indexed_dir: Path):  # noqa: ANN201 - a schemathesis schema
    app = create_app(
        {"NEWSARCHIVE_BACKEND": DEFAULT_BACKEND, "NEWSARCHIVE_DATA_DIR": str(indexed_dir), "RATELIMIT_ENABLED": False}
    )
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


@pytest.mark.parametrize(("path", "mode"), CASES, ids=[f"{p}-{m.value}" for p, m in CASES])
def test_api_conforms_to_its_openapi_document(api_schema, path: str, mode: GenerationMode) -> None:  # noqa: ANN001
    operation = api_schema[path]["GET"]
    checks = POSITIVE_CHECKS if mode is GenerationMode.POSITIVE else NEGATIVE_CHECKS

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case) -> None:  # noqa: ANN001 - a schemathesis case
        response = case.call()
        case.validate_response(response, checks=checks)
        assert_error_in_language(case, response)

    run()


def test_the_language_check_tells_the_languages_apart() -> None:
    assert PATTERNS["vi"].fullmatch("page phải là số nguyên (chữ số 0–9) nhỏ hơn một tỷ, không phải 'x'")
    assert not PATTERNS["en"].fullmatch("page phải là số nguyên (chữ số 0–9) nhỏ hơn một tỷ, không phải 'x'")
    assert PATTERNS["en"].fullmatch("size must be between 1 and 100")
    assert not PATTERNS["vi"].fullmatch("Internal Server Error")
