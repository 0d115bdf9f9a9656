"""Shared fixtures: the local sample press, and an archive crawled from it once per session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from crawler.samplepress import SamplePress
from newsarchive.config import Settings
from search.backend import SearchBackend
from search.factory import open_backend
from webapp import create_app

ROOT = Path(__file__).resolve().parent.parent


DEFAULT_BACKEND = Settings.model_fields["backend"].default  # the embedded default, whatever the environment says


def embedded(data_dir: Path) -> SearchBackend:
    """The default backend over a data dir: what `newsarchive index` writes there unless told otherwise."""
    return open_backend(Settings(data_dir=data_dir), name=DEFAULT_BACKEND)


def run_cli(
    *args: str, data_dir: Path, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """Run `newsarchive ARGS` in a fresh process (Scrapy's reactor runs once per process)."""
    full_env = {**os.environ, "NEWSARCHIVE_DATA_DIR": str(data_dir), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "newsarchive.cli", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="session")
def press() -> Iterator[SamplePress]:
    """The sample press, running on ephemeral loopback ports for the whole session."""
    with SamplePress() as running:
        yield running


def write_registry(press: SamplePress, folder: Path) -> Path:
    """The crawler's registry file for a running sample press."""
    path = folder / "papers.json"
    path.write_text(json.dumps(press.registry(), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def registry_file(press: SamplePress, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_registry(press, tmp_path_factory.mktemp("registry"))


@pytest.fixture(scope="session")
def crawled_dir(registry_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding the archive of one full crawl of the sample press."""
    data_dir = tmp_path_factory.mktemp("crawled")
    result = run_cli("crawl", "--registry", str(registry_file), data_dir=data_dir)
    assert result.returncode == 0, result.stderr[-3000:]
    return data_dir


@pytest.fixture(scope="session")
def indexed_dir(crawled_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the crawled archive, indexed into the embedded backend."""
    data_dir = tmp_path_factory.mktemp("indexed") / "data"
    shutil.copytree(crawled_dir, data_dir)
    result = run_cli("index", data_dir=data_dir, env={"NEWSARCHIVE_BACKEND": DEFAULT_BACKEND})
    assert result.returncode == 0, result.stderr[-3000:]
    return data_dir


@pytest.fixture(scope="session")
def app(indexed_dir: Path) -> Flask:
    """The web app over the indexed sample press (embedded backend)."""
    # Rate limits off: the whole session's requests come from one address (tests/test_limits.py checks them).
    return create_app(
        {"NEWSARCHIVE_BACKEND": DEFAULT_BACKEND, "NEWSARCHIVE_DATA_DIR": str(indexed_dir), "RATELIMIT_ENABLED": False}
    )


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()
