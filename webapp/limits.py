"""Rate limits for a public deployment (Flask-Limiter): the API (type-ahead included) and exports.

Limits count per client address (`request.remote_addr`; behind a reverse proxy set NEWSARCHIVE_TRUSTED_PROXIES
so that X-Forwarded-For is believed). The store is in-process by default (`memory://`: each gunicorn worker
counts for itself, so a client gets up to workers × the limit); `NEWSARCHIVE_RATE_LIMIT_STORAGE=redis://host:6379`
shares the counts between workers and hosts (tests/test_limits.py checks it on a real redis-server).
Over a limit: 429 with Retry-After.
App config RATELIMIT_ENABLED=False turns them off (tests that are not about them).
"""

from __future__ import annotations

import math
import time

from flask import Blueprint, Flask, Response
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.middleware.proxy_fix import ProxyFix

from newsarchive.config import settings


def install(app: Flask, limited: dict[str, tuple[str, tuple[Blueprint, ...]]]) -> Limiter:
    """A limiter on the app: scope name → (limit string such as '300/minute', the blueprints sharing it)."""
    config = settings()
    if config.trusted_proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=config.trusted_proxies)  # type: ignore[method-assign]
    app.config.setdefault("RATELIMIT_STORAGE_URI", config.rate_limit_storage)
    limiter = Limiter(get_remote_address, app=app, headers_enabled=False, strategy="moving-window")
    for scope, (limit, blueprints) in limited.items():
        for blueprint in blueprints:
            limiter.shared_limit(limit, scope=scope)(blueprint)
    app.extensions["rate_limiter"] = limiter
    return limiter


def add_retry_after(app: Flask, response: Response) -> Response:
    """Retry-After (whole seconds, at least 1) on a 429 answer, from the limit that was hit."""
    limiter: Limiter | None = app.extensions.get("rate_limiter")
    current = limiter.current_limit if limiter else None
    wait = current.reset_at - time.time() if current else 60
    response.headers["Retry-After"] = str(max(1, math.ceil(wait)))
    return response
