"""Offline checks of docker-compose.yml and docker/Dockerfile (no Docker engine needed).

The file is validated against the Compose schema by `docker compose config` (plugin) or Debian's
`docker-compose` (v1.29, `apt-get install docker-compose`), neither of which talks to an engine for
`config`; `make test` installs Debian's when neither is there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "docker" / "Dockerfile"
ES_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch"
CLUSTER_NODES = ("es01", "es02", "es03")


def pinned_es_version() -> str:
    text = (ROOT / "scripts" / "es-node").read_text(encoding="utf-8")
    match = re.search(r'^ES_VERSION="\$\{ES_VERSION:-([0-9][^}"]*)\}"', text, re.MULTILINE)
    assert match, 'scripts/es-node must pin ES_VERSION="${ES_VERSION:-X.Y.Z}"'
    return match.group(1)


@pytest.fixture(scope="module")
def compose() -> dict:
    # PyYAML resolves the x-* anchors and `<<` merge keys the file uses, like Compose does.
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


def env(service: dict) -> dict[str, str]:
    """A service's environment as a dict, whichever of the two Compose forms it uses."""
    raw = service.get("environment") or {}
    if isinstance(raw, list):
        raw = dict(item.split("=", 1) for item in raw)
    return {key: str(value) for key, value in raw.items()}


def csv(value: str) -> set[str]:
    return {part.strip() for part in value.split(",") if part.strip()}


def compose_command() -> list[str] | None:
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    return [legacy] if legacy else None


def test_compose_file_is_valid():
    command = compose_command()
    assert command, "neither `docker compose` nor `docker-compose` is installed (apt-get install -y docker-compose)"
    result = subprocess.run(
        [*command, "-f", str(COMPOSE_FILE), "--profile", "jobs", "--profile", "cluster", "config", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "COMPOSE_PROJECT_NAME": "newsarchive-test"},
    )
    assert result.returncode == 0, result.stderr or result.stdout


def test_elasticsearch_images_match_the_dev_node_version(compose):
    version = pinned_es_version()
    assert version.split(".")[0] == "9"
    images = {name: svc["image"] for name, svc in compose["services"].items() if ES_IMAGE in svc.get("image", "")}
    assert set(images) == {"elasticsearch", *CLUSTER_NODES}
    for name, image in images.items():
        assert image == f"{ES_IMAGE}:{version}", name


def test_single_node_is_local_and_unsecured(compose):
    service = compose["services"]["elasticsearch"]
    settings = env(service)
    assert "profiles" not in service
    assert settings["discovery.type"] == "single-node"
    assert settings["xpack.security.enabled"] == "false"
    assert any(v.endswith(":/usr/share/elasticsearch/data") for v in service["volumes"])
    assert all(str(p).startswith("127.0.0.1:") for p in service.get("ports", []))


def test_cluster_profile_forms_one_three_node_cluster(compose):
    services = compose["services"]
    nodes = {name: env(services[name]) for name in CLUSTER_NODES}
    assert all(services[name]["profiles"] == ["cluster"] for name in CLUSTER_NODES)
    assert len({settings["cluster.name"] for settings in nodes.values()}) == 1
    for name, settings in nodes.items():
        assert settings["node.name"] == name
        assert "discovery.type" not in settings
        assert csv(settings["cluster.initial_master_nodes"]) == set(CLUSTER_NODES)
        assert csv(settings["discovery.seed_hosts"]) == set(CLUSTER_NODES) - {name}
        assert settings["xpack.security.enabled"] == "false"
    data_volumes = {v.split(":")[0] for name in CLUSTER_NODES for v in services[name]["volumes"]}
    assert len(data_volumes) == 3, "each node needs its own data volume"
    web = services["web-cluster"]
    assert web["profiles"] == ["cluster"]
    assert env(web)["ELASTICSEARCH_URL"].split(",") == [f"http://{name}:9200" for name in CLUSTER_NODES]
    assert set(web["depends_on"]) == set(CLUSTER_NODES)


def test_cluster_profile_uses_the_tested_cluster_settings(compose):
    """The replicas and web timeout that tests/test_cluster.py runs with (the Settings defaults)."""
    from newsarchive.config import Settings

    settings = env(compose["services"]["web-cluster"])
    assert settings["NEWSARCHIVE_ES_REPLICAS"] == Settings.model_fields["es_replicas"].default == "0-1"
    assert float(settings["NEWSARCHIVE_ES_WEB_TIMEOUT"]) == Settings.model_fields["es_web_timeout"].default <= 5


def test_web_uses_the_elasticsearch_backend(compose):
    web = compose["services"]["web"]
    settings = env(web)
    assert "profiles" not in web
    assert web["build"]["dockerfile"] == "docker/Dockerfile"
    assert web["command"] == ["newsarchive", "serve", "--host", "0.0.0.0", "--port", "5000"]
    assert settings["NEWSARCHIVE_BACKEND"] == "elasticsearch"
    assert settings["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"
    assert settings["NEWSARCHIVE_DATA_DIR"] == "/data"
    assert any(v.split(":")[1] == "/data" for v in web["volumes"])
    assert web["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
    assert "newsarchive-data" in compose["volumes"]


@pytest.mark.parametrize("job", ["crawl", "index"])
def test_jobs_share_the_app_image_under_the_jobs_profile(compose, job):
    service = compose["services"][job]
    assert service["profiles"] == ["jobs"]
    assert service["command"][:2] == ["newsarchive", job]
    assert service["image"] == compose["services"]["web"]["image"]
    assert env(service) == env(compose["services"]["web"])


def test_dockerfile_installs_the_app():
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim\s*$", text, re.MULTILINE)
    assert re.search(r"pip install -r requirements-runtime\.txt", text)
    assert re.search(r"pip install \.(\s|$)", text)


def test_the_crawl_job_reads_the_bundled_registry(compose):
    command = compose["services"]["crawl"]["command"]
    assert command[2:] == ["--registry", "/app/crawler/papers.json"]
    assert (ROOT / "crawler" / "papers.json").is_file()
