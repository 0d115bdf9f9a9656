"""Serve every sample paper on its own 127.0.0.1 port from background threads."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import UTC
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

from .content import load_papers
from .site import Site

HOST = "127.0.0.1"


def _handler(site_box: list[Site]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "SamplePress/1.0"
        protocol_version = "HTTP/1.1"

        def _answer(self, with_body: bool) -> None:
            resp = site_box[0].route(self.path)
            self.send_response(resp.status)
            self.send_header("Content-Type", resp.content_type)
            self.send_header("Content-Length", str(len(resp.body)))
            if resp.last_modified:
                self.send_header("Last-Modified", format_datetime(resp.last_modified.astimezone(UTC), usegmt=True))
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


class SamplePress:
    """Context manager running all sample papers: ``with SamplePress() as press: press.papers``.

    base_port=None binds ephemeral ports; otherwise paper i listens on base_port + i.
    """

    def __init__(self, base_port: int | None = None, host: str = HOST) -> None:
        self.base_port, self.host = base_port, host
        self.sites: list[Site] = []
        self._servers: list[ThreadingHTTPServer] = []
        self._threads: list[threading.Thread] = []

    def start(self) -> SamplePress:
        for i, paper in enumerate(load_papers()):
            box: list[Site] = []
            port = 0 if self.base_port is None else self.base_port + i
            server = ThreadingHTTPServer((self.host, port), _handler(box))
            server.daemon_threads = True
            box.append(Site(paper, f"http://{self.host}:{server.server_address[1]}"))
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
                "sitemap": s.sitemaps[0],
                "rss": s.feeds[0],
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
                    "sections": [s.url(s.section_path(sec)) for sec in s.paper.sections],
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
    return [Site(p, bases.get(p.id, "")).expected(a) for p in load_papers() for a in p.articles]
