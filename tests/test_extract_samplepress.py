"""The sample press extracts exactly as it did before extraction was reworked (snapshot of every field)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.samplepress_pages import extracted

SNAPSHOT = Path(__file__).parent / "data" / "extract_snapshot.json"


def test_every_sample_article_extracts_as_in_the_snapshot() -> None:
    before = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    now = json.loads(json.dumps(extracted(), ensure_ascii=False))
    assert now.keys() == before.keys()
    changed = {url: {k for k in before[url] if before[url][k] != now[url].get(k)} for url in before}
    assert not {url: keys for url, keys in changed.items() if keys}
