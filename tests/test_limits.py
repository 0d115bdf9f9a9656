"""Rate limits (Flask-Limiter): the API, the type-ahead and exports answer 429 with Retry-After; a Redis store
shares the counts between worker processes."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from newsarchive.config import settings
from tests.conftest import DEFAULT_BACKEND
from webapp import create_app


@pytest.fixture()
def limited_app(indexed_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.setenv("NEWSARCHIVE_RATE_LIMIT_API", "5/minute")
    monkeypatch.setenv("NEWSARCHIVE_RATE_LIMIT_EXPORT", "2/minute")
    settings.cache_clear()
    try:
        return create_app({"NEWSARCHIVE_BACKEND": DEFAULT_BACKEND, "NEWSARCHIVE_DATA_DIR": str(indexed_dir)})
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


@pytest.fixture()
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A throwaway redis-server on a loopback port (installed by scripts/system-deps)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(tmp_path)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline and process.poll() is None, "redis-server did not start"
            time.sleep(0.1)
    try:
        yield f"redis://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_shared_store_counts_across_workers(
    indexed_dir: Path, redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two app instances (as two gunicorn workers) on one Redis share one count per client."""
    monkeypatch.setenv("NEWSARCHIVE_RATE_LIMIT_API", "4/minute")
    monkeypatch.setenv("NEWSARCHIVE_RATE_LIMIT_STORAGE", redis_url)
    settings.cache_clear()
    try:
        config = {"NEWSARCHIVE_BACKEND": DEFAULT_BACKEND, "NEWSARCHIVE_DATA_DIR": str(indexed_dir)}
        workers = [create_app(config).test_client(), create_app(config).test_client()]
    finally:
        settings.cache_clear()
    codes = [workers[i % 2].get("/api/v1/officials", query_string={"q": "pham"}).status_code for i in range(5)]
    assert codes == [200, 200, 200, 200, 429]
