"""Serve every sample paper on its own 127.0.0.1 port from background threads."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Mapping
from datetime import UTC
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

from .content import load_hard_paper, load_papers
from .hard import HardSite
from .site import Response, Site

HOST = "127.0.0.1"


def _handler(site_box: list[Site]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "SamplePress/1.0"
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else headers and body, written apart, wait ~40 ms for a delayed ACK

        def _answer(self, with_body: bool) -> None:
            resp = site_box[0].route(self.path)
            time.sleep(resp.delay)
            etag = f'"{hashlib.sha1(resp.body).hexdigest()[:16]}"'
            if resp.status == 200 and _not_modified(
                self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since"), etag, resp
            ):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(resp.status)
            self.send_header("Content-Type", resp.content_type)
            self.send_header("Content-Length", str(len(resp.body)))
            if resp.status == 200:
                self.send_header("ETag", etag)
            if resp.last_modified:
                self.send_header("Last-Modified", format_datetime(resp.last_modified.astimezone(UTC), usegmt=True))
            for name, value in resp.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if with_body:
                self.wfile.write(resp.body)

        def do_GET(self) -> None:  # noqa: N802
            self._answer(True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer(False)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    """A listen backlog like a real server's: with socketserver's 5, connects made while the accepting
    thread waits for the GIL overflow it and each costs a 1 s SYN retransmit."""

    request_queue_size = 128


def _not_modified(if_none_match: str | None, if_modified_since: str | None, etag: str, resp: Response) -> bool:
    """Whether a conditional GET may be answered 304 (ETag first, then Last-Modified)."""
    if if_none_match:
        return etag in [tag.strip() for tag in if_none_match.split(",")]
    if if_modified_since and resp.last_modified:
        try:
            return resp.last_modified.replace(microsecond=0) <= parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
    return False


class SamplePress:
    """Context manager running all sample papers: ``with SamplePress() as press: press.papers``.

    base_port=None binds ephemeral ports; otherwise paper i listens on base_port + i. hard=True adds a
    fourth paper, Báo Phù Sa (see hard.py): no sitemap or feed, and serving faults; its articles then
    join expected_articles() (filter on paper != "phusa" for the original 64).
    """

    def __init__(self, base_port: int | None = None, host: str = HOST, hard: bool = False) -> None:
        self.base_port, self.host, self.hard = base_port, host, hard
        self.sites: list[Site] = []
        self._servers: list[_Server] = []
        self._threads: list[threading.Thread] = []

    def start(self) -> SamplePress:
        papers = [*load_papers(), *([load_hard_paper()] if self.hard else [])]
        for i, paper in enumerate(papers):
            box: list[Site] = []
            port = 0 if self.base_port is None else self.base_port + i
            server = _Server((self.host, port), _handler(box))
            server.daemon_threads = True
            kind = HardSite if paper.id == "phusa" else Site
            box.append(kind(paper, f"http://{self.host}:{server.server_address[1]}"))
            thread = threading.Thread(target=server.serve_forever, name=f"samplepress-{paper.id}", daemon=True)
            thread.start()
            self.sites.append(box[0])
            self._servers.append(server)
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers.clear()
        self._threads.clear()
        self.sites.clear()

    def __enter__(self) -> SamplePress:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def base_urls(self) -> dict[str, str]:
        """Paper id → base URL ('http://127.0.0.1:PORT')."""
        return {s.paper.id: s.base for s in self.sites}

    @property
    def papers(self) -> list[dict]:
        """One dict per paper: id, name, province, home, sitemap, rss (absolute URLs)."""
        return [
            {
                "id": s.paper.id,
                "name": s.paper.name,
                "province": s.paper.province,
                "home": s.url("/"),
                "sitemap": (s.sitemaps or [""])[0],
                "rss": (s.feeds or [""])[0],
            }
            for s in self.sites
        ]

    def registry(self) -> dict:
        """The crawler's registry shape: {"papers": [{id, name, province, home, sitemaps, feeds, sections}]}."""
        return {
            "papers": [
                {
                    "id": s.paper.id,
                    "name": s.paper.name,
                    "province": s.paper.province,
                    "home": s.url("/"),
                    "sitemaps": s.sitemaps,
                    "feeds": s.feeds,
                    "sections": s.registry_sections,
                }
                for s in self.sites
            ]
        }

    def expected_articles(self) -> list[dict]:
        return expected_articles(self)


def expected_articles(press: SamplePress | Mapping[str, str] | None = None) -> list[dict]:
    """Ground truth for every article (see Site.expected), newest first per paper.

    press: a running SamplePress or a {paper id: base URL} mapping; with None, "url" and image "src"
    are left relative ('/xay-dung-dang/...'), to be joined with the paper's base URL.
    """
    bases = press.base_urls if isinstance(press, SamplePress) else dict(press or {})
    sites = [Site(p, bases.get(p.id, "")) for p in load_papers()]
    if isinstance(press, SamplePress) and press.hard:
        sites.append(HardSite(load_hard_paper(), bases["phusa"]))
    return [site.expected(a) for site in sites for a in site.paper.articles]
