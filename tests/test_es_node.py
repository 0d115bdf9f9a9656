"""The development node that `make test` starts is what the app expects: Elasticsearch 9, security off."""

from __future__ import annotations

import os
import urllib.request

import elasticsearch
from elasticsearch import Elasticsearch

ES_URL = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")


def test_server_and_client_share_the_major_version() -> None:
    es = Elasticsearch(ES_URL, request_timeout=30)
    nodes = es.nodes.info(node_id="_local")["nodes"]
    server = next(iter(nodes.values()))["version"]
    assert server.split(".")[0] == str(elasticsearch.__versionstr__).split(".")[0] == "9"


def test_security_is_off_so_plain_requests_work() -> None:
    with urllib.request.urlopen(f"{ES_URL}/_cluster/health", timeout=30) as response:
        assert response.status == 200
        assert response.headers["X-elastic-product"] == "Elasticsearch"
