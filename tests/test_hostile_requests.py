"""Hostile requests against the production server (`newsarchive serve`: gunicorn, 2 workers) over real HTTP.

Each of about fifty requests — odd integers and dates, NFD text, traversal, huge and repeated parameters,
a forged Host, unsupported query syntax — answers without a 5xx, within 5 s and 2 MB; then the same list,
mixed with ordinary searches, is sent from 8 threads at once with the same bounds. A few answers are
checked for what they say (NFD finds what NFC finds, unknown values reported, no Host in feed links).
"""

from __future__ import annotations

import http.client
import json
import os
import random
import socket
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from tests.conftest import DEFAULT_BACKEND

ROOT = Path(__file__).resolve().parent.parent
MAX_SECONDS, MAX_BYTES = 5.0, 2 * 1024 * 1024
NFC_QUERY = "cải cách hành chính"


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    seconds: float

    def json(self) -> dict:
        return json.loads(self.body)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(indexed_dir: Path) -> Iterator[tuple[str, int]]:
    """`newsarchive serve` on a loopback port (limits raised: this test is about input, not rates)."""
    port = _free_port()
    env = {
        **os.environ,
        "NEWSARCHIVE_DATA_DIR": str(indexed_dir),
        "NEWSARCHIVE_BACKEND": DEFAULT_BACKEND,
        "NEWSARCHIVE_RATE_LIMIT_API": "100000/minute",
        "NEWSARCHIVE_RATE_LIMIT_EXPORT": "100000/minute",
        "NEWSARCHIVE_PUBLIC_URL": "https://archive.example.org",
    }
    command = [sys.executable, "-m", "newsarchive.cli", "serve", "--port", str(port), "--workers", "2"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert process.poll() is None, process.stderr.read().decode()[-2000:]
            time.sleep(0.2)
    try:
        yield "127.0.0.1", port
    finally:
        process.terminate()
        process.wait(timeout=20)


def fetch(server: tuple[str, int], target: str, *, method: str = "GET", headers: dict | None = None) -> Answer:
    """One request as given (target sent verbatim), the body read up to MAX_BYTES + 1."""
    connection = http.client.HTTPConnection(*server, timeout=MAX_SECONDS + 5)
    started = time.monotonic()
    try:
        connection.putrequest(method, target, skip_host=bool(headers and "Host" in headers))
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read(MAX_BYTES + 1)
        return Answer(response.status, body, time.monotonic() - started)
    finally:
        connection.close()


def q(**params: str | list[str]) -> str:
    return urlencode(params, doseq=True, quote_via=quote)


NFD = unicodedata.normalize("NFD", NFC_QUERY)
HOSTILE: list[tuple[str, str, dict]] = [  # (label, target, headers)
    ("page --1", "/?page=--1", {}),
    ("page superscript", "/?" + q(page="²"), {}),
    ("page arabic digit", "/api/v1/search?" + q(page="٣"), {}),
    ("page huge", "/?page=99999999999999999999", {}),
    ("size negative", "/?size=-1", {}),
    ("size exponent", "/api/v1/search?size=1e2", {}),
    ("facet size zero", "/?facet_size=0", {}),
    ("date far future", "/?date_to=9999-12-31", {}),
    ("date year one", "/api/v1/export?date_from=0001-01-01", {}),
    ("date five digits", "/feed.atom?date_to=10000-01-01", {}),
    ("officials year 9999", "/api/v1/officials?date=9999", {}),
    ("who held year 0", "/officials/who-held?" + q(title="Chủ tịch", date="0000"), {}),
    ("date 30 February", "/?date_from=2017-02-30", {}),
    ("dates reversed", "/?date_from=2019-01-01&date_to=2016-01-01", {}),
    ("NFD query", "/api/v1/search?" + q(q=NFD), {}),
    ("NFD province", "/api/v1/search?" + q(province=unicodedata.normalize("NFD", "Cà Mau")), {}),
    ("unaccented province", "/api/v1/search?" + q(province="ca mau"), {}),
    ("unknown province", "/api/v1/search?" + q(province="Atlantis"), {}),
    ("control characters", "/?q=%00%01%1b", {}),
    ("invalid UTF-8", "/?q=%ff%fe%c3", {}),
    ("traversal encoded", "/article/..%2F..%2Fetc%2Fpasswd", {}),
    ("traversal raw", "/article/../../etc/passwd", {}),
    ("static traversal", "/static/../../etc/passwd", {}),
    ("static traversal encoded", "/static/%2e%2e/%2e%2e/pyproject.toml", {}),
    ("paper traversal", "/paper/%2e%2e%2f%2e%2e%2f", {}),
    ("official traversal", "/officials/..%2f..%2fconfig", {}),
    ("NUL id", "/api/v1/articles/%00", {}),
    ("archived NUL", "/article/%00/archived", {}),
    ("10,000-character query", "/?" + q(q="x" * 10_000), {}),
    ("3,000 repeated officials", "/?" + q(official=["x"] * 3000), {}),
    ("100 repeated officials", "/?" + q(official=["pham-bach-dang--ca-mau"] * 100), {}),
    (
        "the most state under the URL limit",
        "/?" + q(q="cải cách " * 100, province=[f"P{i}" for i in range(20)], facet_size="1000", size="100"),
        {},
    ),
    ("30 distinct officials", "/api/v1/search?" + q(official=[f"o{i}" for i in range(30)]), {}),
    ("500-character province", "/?" + q(province="C" * 500), {}),
    ("1,500-character query", "/api/v1/search?" + q(q="cải cách " * 170), {}),
    ("forged Host on the feed", "/feed.atom?" + q(q="dang"), {"Host": "evil.example"}),
    ("forged Host on an export", "/api/v1/export?" + q(q="dang", format="jsonl"), {"Host": "evil.example"}),
    ("forwarded host", "/feed.atom", {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "gopher"}),
    ("NEAR syntax", "/?" + q(q="NEAR(cải cách, hành chính)"), {}),
    ("field syntax", "/?" + q(q="title:đảng body:"), {}),
    ("unclosed quote", "/?" + q(q='"cải cách'), {}),
    ("operators only", "/?" + q(q="AND OR OR - NOT ()"), {}),
    ("wildcards", "/api/v1/search?" + q(q="*** ?* ~5 ^2"), {}),
    ("unknown sort", "/api/v1/search?sort=random", {}),
    ("bad flag", "/api/v1/search?hide_copies=maybe", {}),
    ("unknown format", "/api/v1/export?format=xlsx", {}),
    ("POST to the API", "/api/v1/search", {"Content-Length": "0", "method": "POST"}),
    ("English error", "/?lang=en&page=abc", {}),
    ("huge header", "/", {"Cookie": "a=" + "b" * 20_000}),
    ("emoji and markup", "/?" + q(q="😀 <script>alert(1)</script>"), {}),
    ("full-width digits", "/api/v1/search?" + q(size="１０"), {}),
]


def send(server: tuple[str, int], target: str, headers: dict) -> Answer:
    headers = dict(headers)
    method = headers.pop("method", "GET")
    return fetch(server, target, method=method, headers=headers)


def assert_bounded(label: str, answer: Answer) -> None:
    assert answer.status < 500, (label, answer.status, answer.body[:300])
    assert answer.seconds < MAX_SECONDS, (label, answer.seconds)
    assert len(answer.body) <= MAX_BYTES, (label, len(answer.body))


def test_the_list_is_long_enough() -> None:
    assert len(HOSTILE) >= 45


@pytest.mark.parametrize(("label", "target", "headers"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_request_is_answered_without_5xx_quickly_and_small(server, label: str, target: str, headers: dict):  # noqa: ANN001
    assert_bounded(label, send(server, target, headers))


def test_what_the_hostile_answers_say(server) -> None:  # noqa: ANN001
    nfc = fetch(server, "/api/v1/search?" + q(q=NFC_QUERY)).json()
    nfd = fetch(server, "/api/v1/search?" + q(q=NFD)).json()
    assert nfc["total"] > 0 and nfd["total"] == nfc["total"]
    assert [h["id"] for h in nfd["hits"]] == [h["id"] for h in nfc["hits"]]
    accented = fetch(server, "/api/v1/search?" + q(province="Cà Mau")).json()
    unaccented = fetch(server, "/api/v1/search?" + q(province="ca mau")).json()
    assert unaccented["total"] == accented["total"] > 0 and "Cà Mau" in unaccented["warnings"][0]
    unknown = fetch(server, "/api/v1/search?" + q(province="Atlantis")).json()
    assert unknown["total"] == 0 and "Atlantis" in unknown["warnings"][0]
    feed = fetch(server, "/feed.atom?" + q(q="dang"), headers={"Host": "evil.example"})
    assert b"evil.example" not in feed.body and b"https://archive.example.org/article/" in feed.body
    assert fetch(server, "/?page=--1").status == 400
    assert fetch(server, "/?date_to=9999-12-31").status == 400
    assert fetch(server, "/?" + q(official=["x"] * 3000)).status == 414
    assert b"<script>alert" not in fetch(server, "/?" + q(q="<script>alert(1)</script>")).body
    assert "must be" in fetch(server, "/api/v1/search?page=abc&lang=en").json()["error"]


def test_a_concurrent_mix_stays_bounded(server) -> None:  # noqa: ANN001
    ordinary = [("search", "/?" + q(q=w), {}) for w in ("dang", "cải cách", "Tỉnh ủy", "nông nghiệp", "y tế")]
    ordinary += [("api", "/api/v1/search?" + q(q="dang", size="50"), {}), ("officials", "/officials", {})]
    mix = (HOSTILE + ordinary * 4) * 2
    random.Random(12).shuffle(mix)
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda item: (item[0], send(server, item[1], item[2])), mix))
    for label, answer in answers:
        assert_bounded(label, answer)
    assert time.monotonic() - started < 120
