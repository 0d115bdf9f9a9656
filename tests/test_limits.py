"""Rate limits (Flask-Limiter, in-process store): the API, the type-ahead and exports answer 429 with Retry-After."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from newsarchive.config import settings
from webapp import create_app


@pytest.fixture()
def limited_app(indexed_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.setenv("NEWSARCHIVE_RATE_LIMIT_API", "5/minute")
    monkeypatch.setenv("NEWSARCHIVE_RATE_LIMIT_EXPORT", "2/minute")
    settings.cache_clear()
    try:
        return create_app({"NEWSARCHIVE_BACKEND": "sqlite", "NEWSARCHIVE_DATA_DIR": str(indexed_dir)})
    finally:
        settings.cache_clear()


def test_api_and_type_ahead_share_a_limit_then_429_with_retry_after(limited_app: Flask) -> None:
    client = limited_app.test_client()
    codes = [client.get("/api/v1/search", query_string={"q": "dang"}).status_code for _ in range(3)]
    codes += [client.get("/api/v1/officials", query_string={"q": "pham"}).status_code for _ in range(2)]
    assert codes == [200] * 5
    refused = client.get("/api/v1/officials", query_string={"q": "pham", "lang": "en"})
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 61  # the window is one minute
    assert refused.json == {"error": "Too many requests from you. Please wait a moment and try again."}
    assert client.get("/", query_string={"q": "dang"}).status_code == 200  # pages are not limited


def test_exports_have_their_own_limit_and_other_clients_are_not_affected(limited_app: Flask) -> None:
    client = limited_app.test_client()
    assert [client.get("/api/v1/export", query_string={"q": "dang"}).status_code for _ in range(2)] == [200, 200]
    refused = client.get("/api/v1/export", query_string={"q": "dang"})
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    assert "quá nhiều yêu cầu" in refused.json["error"]
    other = limited_app.test_client()
    response = other.get("/api/v1/export", query_string={"q": "dang"}, environ_base={"REMOTE_ADDR": "127.0.0.2"})
    assert response.status_code == 200
