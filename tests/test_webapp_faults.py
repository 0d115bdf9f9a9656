"""A search backend that does not answer: every route says so with 503, never 500."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from webapp import create_app

DEAD_ES = "http://127.0.0.1:9"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    app = create_app(
        {
            "NEWSARCHIVE_BACKEND": "elasticsearch",
            "ELASTICSEARCH_URL": DEAD_ES,
            "NEWSARCHIVE_DATA_DIR": str(tmp_path_factory.mktemp("empty")),
        }
    )
    return app.test_client()


@pytest.mark.parametrize(
    "path",
    ["/", "/?q=dang", "/article/abc", "/article/abc/archived", "/officials", "/officials/x--y", "/topic/y-te",
     "/province/Cà Mau", "/officials/who-held?title=Bí thư&date=2017", "/feed.atom"],
)  # fmt: skip
def test_pages_say_the_search_is_down(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 503
    assert "Tìm kiếm tạm thời không hoạt động" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    ["/api/v1/search?q=x", "/api/v1/articles/abc", "/api/v1/officials", "/api/v1/officials/x--y",
     "/api/v1/export?format=csv"],
)  # fmt: skip
def test_api_says_the_search_is_down(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 503
    assert response.is_json and response.json["error"]


EMBEDDED = ["sqlite", "tantivy"]
DAMAGE = b"not a database, a damaged file " * 200


def damage(backend: str, data_dir: Path) -> None:
    """Overwrite the embedded index's files with junk (tantivy: the live generation's meta and the profiles file)."""
    if backend == "sqlite":
        (data_dir / "search.sqlite3").write_bytes(DAMAGE)
        return
    root = data_dir / "tantivy"
    (root / (root / "CURRENT").read_text() / "meta.json").write_bytes(DAMAGE)
    (root / "meta.sqlite3").write_bytes(DAMAGE)


@pytest.fixture(scope="module", params=EMBEDDED)
def broken_index_client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    data_dir = tmp_path_factory.mktemp("broken")
    app = create_app({"NEWSARCHIVE_BACKEND": request.param, "NEWSARCHIVE_DATA_DIR": str(data_dir)})
    damage(request.param, data_dir)
    return app.test_client()


@pytest.mark.parametrize(
    "path",
    ["/", "/?q=dang", "/article/abc", "/article/abc/archived", "/officials", "/officials/x--y", "/feed.atom",
     "/api/v1/search?q=x", "/api/v1/articles/abc", "/api/v1/officials", "/api/v1/export?format=csv"],
)  # fmt: skip
def test_a_damaged_embedded_index_is_503_on_every_route(broken_index_client: FlaskClient, path: str) -> None:
    response = broken_index_client.get(path)
    assert response.status_code == 503, response.get_data(as_text=True)[:500]


@pytest.mark.parametrize("backend", EMBEDDED)
def test_the_app_starts_on_a_damaged_index_and_answers_503(tmp_path: Path, backend: str) -> None:
    if backend == "tantivy":
        create_app({"NEWSARCHIVE_BACKEND": backend, "NEWSARCHIVE_DATA_DIR": str(tmp_path)})  # makes the index
    damage(backend, tmp_path)
    client = create_app({"NEWSARCHIVE_BACKEND": backend, "NEWSARCHIVE_DATA_DIR": str(tmp_path)}).test_client()
    assert client.get("/?q=dang").status_code == 503
    assert client.get("/api/v1/search?q=dang").status_code == 503


@pytest.mark.parametrize("backend", EMBEDDED)
def test_an_empty_data_dir_is_an_empty_archive(tmp_path: Path, backend: str) -> None:
    client = create_app({"NEWSARCHIVE_BACKEND": backend, "NEWSARCHIVE_DATA_DIR": str(tmp_path / "none")}).test_client()
    assert "<strong>0</strong> bài báo" in client.get("/").get_data(as_text=True)
    assert client.get("/api/v1/officials").json == []
