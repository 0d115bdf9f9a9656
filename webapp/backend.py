"""The search backend and the official profiles of the running app."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from flask import Flask, current_app

from domain.profiles import OfficialProfile
from newsarchive.config import settings
from search.backend import SearchBackend
from search.factory import open_backend

PROFILES_TTL = 60.0  # seconds an in-memory copy of the official profiles is served before re-reading


def open_app_backend(config: dict[str, Any]) -> SearchBackend:
    """The backend named by the app config (NEWSARCHIVE_BACKEND, NEWSARCHIVE_DATA_DIR, ELASTICSEARCH_URL,
    NEWSARCHIVE_INDEX_PREFIX); a key the config lacks keeps the process setting.

    Elasticsearch requests of the web app give up after NEWSARCHIVE_ES_WEB_TIMEOUT seconds (config key
    ELASTICSEARCH_TIMEOUT), never retried; a refused connection is retried once, on another node when
    several are listed: a sick node means 503 within seconds instead of threads held for minutes.
    """
    base = settings()
    return open_backend(
        base.model_copy(
            update={
                "backend": config.get("NEWSARCHIVE_BACKEND") or base.backend,
                "data_dir": Path(config.get("NEWSARCHIVE_DATA_DIR") or base.data_dir),
                "elasticsearch_url": config.get("ELASTICSEARCH_URL") or base.elasticsearch_url,
                "index_prefix": config.get("NEWSARCHIVE_INDEX_PREFIX") or base.index_prefix,
            }
        ),
        request_timeout=float(config.get("ELASTICSEARCH_TIMEOUT") or base.es_web_timeout),
        max_retries=1,
        retry_on_timeout=False,
    )


def backend() -> SearchBackend:
    """The backend opened by create_app."""
    return current_app.extensions["backend"]


def estimate_above() -> int | None:
    """Matches above which a search page or API search estimates its facets (config key
    NEWSARCHIVE_FACET_ESTIMATE_ABOVE, else the setting; 0: never, None)."""
    limit = int(current_app.config.get("NEWSARCHIVE_FACET_ESTIMATE_ABOVE", settings().facet_estimate_above))
    return limit if limit > 0 else None


class ProfileCache:
    """Every official profile, keyed by id, re-read from the backend at most every PROFILES_TTL seconds."""

    def __init__(self) -> None:
        self._loaded_at = float("-inf")
        self._profiles: dict[str, dict[str, Any]] = {}
        self._models: list[OfficialProfile] = []

    def _load(self, source: SearchBackend) -> None:
        if time.monotonic() - self._loaded_at > PROFILES_TTL:
            # read through the model: profiles stored by an older index get today's shape (rebuild for evidence)
            self._models = [OfficialProfile.from_dict(p) for p in source.officials()]
            self._profiles = {m.id: m.to_dict() for m in self._models}
            self._loaded_at = time.monotonic()

    def get(self, source: SearchBackend) -> dict[str, dict[str, Any]]:
        self._load(source)
        return self._profiles

    def models(self, source: SearchBackend) -> list[OfficialProfile]:
        self._load(source)
        return self._models


def install(app: Flask) -> None:
    """Open the backend named by the config and attach it (and the profile cache) to the app."""
    app.extensions["backend"] = open_app_backend(app.config)
    app.extensions["profiles"] = ProfileCache()


def profiles() -> dict[str, dict[str, Any]]:
    """Official profiles by id (see OfficialProfile.to_dict)."""
    return current_app.extensions["profiles"].get(backend())


def profile_models() -> list[OfficialProfile]:
    """The same profiles as `domain.profiles.OfficialProfile` (for who held a title when)."""
    return current_app.extensions["profiles"].models(backend())
