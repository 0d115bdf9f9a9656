"""The 3-node Elasticsearch cluster of scripts/es-node, for the cluster and fault tests (loopback only).

ES_CLUSTER_PORTS names the nodes' HTTP ports (scripts/test sets ES_PORT+1..+3); a node's transport
port is its HTTP port + 100.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from elasticsearch import Elasticsearch

ROOT = Path(__file__).resolve().parent.parent
PORTS = [int(port) for port in os.environ.get("ES_CLUSTER_PORTS", "9201,9202,9203").split(",")]
URLS = [f"http://127.0.0.1:{port}" for port in PORTS]


def es_node(*args: str, port: int | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run scripts/es-node for the cluster (or for one member with `port`)."""
    env = {**os.environ, "ES_CLUSTER_PORTS": ",".join(map(str, PORTS))}
    if port is not None:
        env["ES_PORT"] = str(port)
    result = subprocess.run(
        [str(ROOT / "scripts" / "es-node"), *args], env=env, capture_output=True, text=True, timeout=400
    )
    if check and result.returncode != 0:
        raise AssertionError(f"scripts/es-node {' '.join(args)} failed: {result.stderr[-2000:]}")
    return result


def start_cluster() -> bool:
    """Start the cluster unless it answers already; True when this call started it (and should stop it)."""
    if es_node("cluster", "status", check=False).returncode == 0:
        return False
    es_node("cluster", "start")
    return True


def client(port: int | None = None) -> Elasticsearch:
    """A client of one member, or of every member."""
    return Elasticsearch(f"http://127.0.0.1:{port}" if port else URLS, request_timeout=30)


def wait_health(es: Elasticsearch, status: str, nodes: int, timeout: float = 180) -> float:
    """Seconds until the cluster reports `status` (or better) with `nodes` nodes; AssertionError after timeout."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            health = es.cluster.health(wait_for_status=status, wait_for_nodes=str(nodes), timeout="5s")
            if not health["timed_out"]:
                return time.monotonic() - start
        except Exception:  # noqa: BLE001 - a member that is starting or stopping may refuse for a moment
            time.sleep(0.5)
    raise AssertionError(f"the cluster was not {status} with {nodes} nodes after {timeout} s")


def node_pid(es: Elasticsearch, port: int) -> int:
    """The process id of the member on `port` (as the cluster reports it)."""
    info = es.nodes.info(node_id=f"node-{port}", metric="process")["nodes"]
    return int(next(iter(info.values()))["process"]["id"])
