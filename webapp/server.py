"""The production web server: gunicorn with several worker processes (threads in each), or waitress in one.

Each gunicorn worker builds its own app (no preloading: a backend connection must not cross a fork).
URLs over webapp.requests.MAX_URL_CHARS get the app's 414 page; request lines over 8,190 bytes are refused by
gunicorn itself (a bare 414), before any worker reads them.
"""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication

GUNICORN_MAX_LINE = 8190  # gunicorn's largest request line; the app answers 414 from MAX_URL_CHARS (4,096) on
WORKER_TIMEOUT = 60  # seconds a worker may spend on one request (a long export streams within it)


class GunicornServer(BaseApplication):
    """gunicorn run from Python: `options` are gunicorn settings, the app is built once per worker."""

    def __init__(self, app_factory: Any, options: dict[str, Any]) -> None:
        self._factory, self._options = app_factory, options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self._options.items():
            self.cfg.set(name, value)  # type: ignore[union-attr]

    def load(self) -> Any:
        return self._factory()


def serve_gunicorn(app_factory: Any, host: str, port: int, workers: int, threads: int) -> None:
    """Serve until stopped (SIGTERM/SIGINT), with `workers` processes of `threads` threads each."""
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "timeout": WORKER_TIMEOUT,
        "graceful_timeout": 10,
        "limit_request_line": GUNICORN_MAX_LINE,
        "accesslog": "-",
        "forwarded_allow_ips": "",  # the app decides what to believe (NEWSARCHIVE_TRUSTED_PROXIES)
        "control_socket_disable": True,  # one fixed socket path per user would collide between servers
    }
    GunicornServer(app_factory, options).run()


def serve_single(app: Any, host: str, port: int, threads: int) -> None:
    """One process (waitress): for development and tests."""
    from waitress import serve

    serve(app, host=host, port=port, threads=threads)
