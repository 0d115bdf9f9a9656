"""The web app: search, articles, officials, exports and the API, over one search backend."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, render_template

from newsarchive.config import data_dir
from search.backend import open_backend
from search.model import BackendUnavailable, QueryError


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """App factory; config keys: NEWSARCHIVE_BACKEND, NEWSARCHIVE_DATA_DIR, ELASTICSEARCH_URL."""
    app = Flask(__name__)
    app.config.update(NEWSARCHIVE_DATA_DIR=str(data_dir()), NEWSARCHIVE_BACKEND=None, ELASTICSEARCH_URL=None)
    app.config.update(config or {})
    app.extensions["backend"] = open_backend(
        app.config["NEWSARCHIVE_BACKEND"], Path(app.config["NEWSARCHIVE_DATA_DIR"]), app.config["ELASTICSEARCH_URL"]
    )

    from webapp.articles import bp as articles_bp
    from webapp.search_views import bp as search_bp

    app.register_blueprint(search_bp)
    app.register_blueprint(articles_bp)

    @app.errorhandler(QueryError)
    def bad_query(exc: QueryError) -> tuple[str, int]:
        return render_template("error.html", title="Yêu cầu không hợp lệ", message=str(exc)), 400

    @app.errorhandler(BackendUnavailable)
    def backend_down(exc: BackendUnavailable) -> tuple[str, int]:
        message = "Máy chủ tìm kiếm đang không trả lời. Vui lòng thử lại sau ít phút."
        return render_template("error.html", title="Tìm kiếm tạm thời không hoạt động", message=message), 503

    @app.errorhandler(404)
    def not_found(exc: Exception) -> tuple[str, int]:
        return render_template("error.html", title="Không tìm thấy", message="Trang này không có."), 404

    return app
