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
    backend: str = "sqlite"  # search backend: sqlite | elasticsearch
    elasticsearch_url: str = Field("http://127.0.0.1:9200", validation_alias="ELASTICSEARCH_URL")
    index_prefix: str = "newsarchive"  # Elasticsearch index and alias names start with this
    export_limit: int = 50_000  # rows per export
    contact_url: str = "https://github.com/newsarchive/newsarchive"  # in the crawler's User-Agent
    log_level: str = "INFO"  # the crawler's log level


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
