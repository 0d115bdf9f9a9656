"""Settings from the environment, in one place."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """Where the archive and the embedded index live: NEWSARCHIVE_DATA_DIR, default ./data."""
    return Path(os.environ.get("NEWSARCHIVE_DATA_DIR", "data")).resolve()
