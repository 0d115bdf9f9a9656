"""Settings from the environment, in one place: every NEWSARCHIVE_* variable (and ELASTICSEARCH_URL) is a field here.

Read once with `settings()`; components take the values they need as arguments.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """The environment of one process. Field `x` is read from NEWSARCHIVE_X unless an alias says otherwise."""

    model_config = SettingsConfigDict(env_prefix="NEWSARCHIVE_", extra="ignore", populate_by_name=True)

    data_dir: Path = Path("data")  # the archive of record and the embedded index
    backend: str = "tantivy"  # search backend: tantivy (embedded, the default) | sqlite (embedded) | elasticsearch
    elasticsearch_url: str = Field("http://127.0.0.1:9200", validation_alias="ELASTICSEARCH_URL")
    index_prefix: str = "newsarchive"  # Elasticsearch index and alias names start with this
    export_limit: int = 50_000  # rows per export
    facet_estimate_above: int = 20_000  # a search page matching more counts facets on a sample (0: always exact)
    rate_limit_storage: str = "memory://"  # Flask-Limiter store: memory:// (per process) or redis://host:6379
    rate_limit_api: str = "300/minute"  # per client address, on /api/v1 (search, officials type-ahead, …)
    rate_limit_export: str = "20/minute"  # per client address, on exports (each streams up to export_limit rows)
    trusted_proxies: int = 0  # reverse proxies in front of the app whose X-Forwarded-For is believed
    web_workers: int = 4  # worker processes of `newsarchive serve` (gunicorn)
    web_threads: int = 4  # threads per worker
    contact_url: str = "https://github.com/newsarchive/newsarchive"  # in the crawler's User-Agent
    log_level: str = "INFO"  # the crawler's log level
    crawl_images: bool = True  # the crawler archives each article's images (NEWSARCHIVE_CRAWL_IMAGES=0: pages only)
    public_url: str = "http://127.0.0.1:5000"  # where the web app is served: permalinks in open-data exports
    lock_wait: float = 0.0  # seconds a crawl or index run waits for another run's lock (0: exit at once)
    es_replicas: str = "0-1"  # replicas of every index: a number, or a range for auto_expand_replicas
    es_web_timeout: float = 3.0  # seconds per Elasticsearch request of the web app (one retry, on another node)


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The settings read from the environment (once per process)."""
    return Settings()


def environment_variables() -> dict[str, str]:
    """Every environment variable the settings read, with its default as text (the README's table)."""
    prefix = Settings.model_config.get("env_prefix", "")
    return {
        (field.validation_alias if isinstance(field.validation_alias, str) else f"{prefix}{name}".upper()): str(
            field.default
        )
        for name, field in Settings.model_fields.items()
    }


def data_dir() -> Path:
    """Where the archive and the embedded index live: NEWSARCHIVE_DATA_DIR, default ./data."""
    return Settings().data_dir.resolve()
