"""The web app: search, articles, officials, exports and the API, over one search backend."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from newsarchive.config import data_dir, settings
from search.model import BackendUnavailable, QueryError
from webapp import backend, i18n, limits, messages, requests, state
from webapp.exports import export_limit
from webapp.formatting import FILTERS
from webapp.i18n import message

# Pages load only their own CSS, script and images; inline SVG charts need nothing else.
PAGE_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """App factory; config keys: NEWSARCHIVE_BACKEND, NEWSARCHIVE_DATA_DIR, ELASTICSEARCH_URL,
    NEWSARCHIVE_INDEX_PREFIX (Elasticsearch indices), NEWSARCHIVE_EXPORT_LIMIT (rows per export),
    NEWSARCHIVE_FACET_ESTIMATE_ABOVE (matches above which a search's facets are estimated, 0: never),
    NEWSARCHIVE_PUBLIC_URL (base of absolute links), RATELIMIT_ENABLED (False: no rate limits)."""
    app = Flask(__name__)
    env = settings()
    app.config.update(
        NEWSARCHIVE_DATA_DIR=str(data_dir()),
        NEWSARCHIVE_BACKEND=env.backend,
        ELASTICSEARCH_URL=env.elasticsearch_url,
        NEWSARCHIVE_INDEX_PREFIX=env.index_prefix,
        NEWSARCHIVE_EXPORT_LIMIT=env.export_limit,
        NEWSARCHIVE_FACET_ESTIMATE_ABOVE=env.facet_estimate_above,
    )
    app.config.update(NEWSARCHIVE_PUBLIC_URL=env.public_url)
    app.config.update(config or {})
    requests.install(app)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    backend.install(app)

    from webapp.api import bp as api_bp
    from webapp.articles import bp as articles_bp
    from webapp.exports import bp as exports_bp
    from webapp.feeds import bp as feeds_bp
    from webapp.officials import bp as officials_bp
    from webapp.officials_api import bp as officials_api_bp
    from webapp.overviews import bp as overviews_bp
    from webapp.research_api import bp as research_api_bp
    from webapp.research_views import bp as research_views_bp
    from webapp.search_views import bp as search_bp

    api_blueprints = (api_bp, officials_api_bp, research_api_bp)
    config = settings()
    limited = {"api": (config.rate_limit_api, api_blueprints), "export": (config.rate_limit_export, (exports_bp,))}
    limits.install(app, limited)
    pages = (search_bp, articles_bp, officials_bp, overviews_bp, exports_bp, feeds_bp, research_views_bp)
    for blueprint in (*pages, *api_blueprints):
        app.register_blueprint(blueprint)
    app.jinja_env.filters.update(FILTERS)
    app.jinja_env.globals.update(
        toggle_url=state.toggle_url, export_url=state.export_url, language_url=state.language_url
    )
    app.context_processor(lambda: {"export_limit": export_limit()})
    i18n.install(app)
    _install_error_handlers(app)
    app.after_request(_security_headers)
    return app


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def _error(status: int, title: str, text: str) -> tuple[Any, int]:
    """JSON {"error": ...} under /api/, an HTML page elsewhere; both in the request's language (?lang=en)."""
    if request.path.startswith("/api/"):
        return jsonify(error=message(text)), status
    return render_template("error.html", title=message(title), message=message(text), status=status), status


def _install_error_handlers(app: Flask) -> None:
    @app.errorhandler(QueryError)
    def bad_query(exc: QueryError) -> tuple[Any, int]:
        return _error(400, messages.BAD_REQUEST, exc.message)

    @app.errorhandler(BackendUnavailable)
    def backend_down(exc: BackendUnavailable) -> tuple[Any, int]:
        app.logger.warning("search backend unavailable: %s", exc)
        return _error(503, *messages.BACKEND_DOWN)

    @app.errorhandler(404)
    def not_found(exc: HTTPException) -> tuple[Any, int]:
        return _error(404, *messages.NOT_FOUND)

    @app.errorhandler(HTTPException)
    def other_http_error(exc: HTTPException) -> tuple[Any, int]:
        status = exc.code or 500
        title, text = messages.HTTP_ERRORS.get(status, messages.OTHER_ERROR)
        body, status = _error(status, title, text)
        response = app.make_response((body, status))
        if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return limits.add_retry_after(app, response) if status == 429 else response
