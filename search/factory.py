"""Open the search backend the settings name; the only module that knows both implementations."""

from __future__ import annotations

from typing import Any

from newsarchive.config import Settings, settings
from search.backend import SearchBackend

BACKENDS = ("sqlite", "tantivy", "elasticsearch")


def open_backend(config: Settings | None = None, name: str | None = None, **es_options: Any) -> SearchBackend:
    """The backend `name` (default: `config.backend`), configured by `config` (default: the process settings).

    `es_options` (request_timeout, max_retries, retry_on_timeout) go to ElasticsearchBackend; the embedded
    backends (SQLite, tantivy) ignore them.
    """
    config = config or settings()
    name = (name or config.backend).lower()
    if name == "sqlite":
        from search.sqlite_backend import SqliteBackend

        return SqliteBackend(config.data_dir)
    if name == "tantivy":
        from search.tantivy_backend import TantivyBackend

        return TantivyBackend(config.data_dir)
    if name == "elasticsearch":
        from search.es_backend import ElasticsearchBackend

        return ElasticsearchBackend(
            config.elasticsearch_url, prefix=config.index_prefix, replicas=config.es_replicas, **es_options
        )
    raise ValueError(f"unknown search backend {name!r}: choose one of {', '.join(BACKENDS)}")
