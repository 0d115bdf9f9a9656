"""The styled sample papers (crawler/samplepress/styles.py) crawled from their home URLs: a legacy
query-string PHP CMS in windows-1258, an .aspx portal, a WordPress-like ?p= site on two hosts with an old
domain that redirects. Every article once, under its main host; the redirects archived; probe reads them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.article import normalize_url
from crawler.samplepress.styles import StylePress
from tests.conftest import run_cli
from tests.test_crawl import exported


@pytest.fixture(scope="module")
def styles() -> Iterator[StylePress]:
    with StylePress() as press:
        yield press


def test_every_styled_article_is_archived_once(styles: StylePress, tmp_path: Path) -> None:
    registry = tmp_path / "papers.json"
    registry.write_text(json.dumps(styles.registry(), ensure_ascii=False), encoding="utf-8")
    result = run_cli("crawl", "--fast", "--registry", str(registry), data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr[-3000:]
    articles = exported(tmp_path / "data")
    expected = styles.expected_articles()
    assert sorted(normalize_url(a["canonical_url"]) for a in articles) == sorted(
        normalize_url(e["url"]) for e in expected
    )
    by_url = {normalize_url(a["canonical_url"]): a for a in articles}
    for e in expected:
        got = by_url[normalize_url(e["url"])]
        assert (got["title"], got["paper"], got["published_at"]) == (e["title"], e["paper_name"], e["published"])
    wordpress = next(s for s in styles.sites if s.old_base)
    with sqlite3.connect(tmp_path / "data" / "archive.sqlite3") as db:
        statuses = {
            status for (status,) in db.execute("SELECT status FROM pages WHERE url LIKE ?", (wordpress.old_base + "%",))
        }
        localhost = db.execute("SELECT COUNT(*) FROM pages WHERE url LIKE 'http://localhost:%'").fetchone()[0]
    assert statuses == {301}  # the old domain's redirects are in the archive
    assert localhost > 0  # links to the second host were followed


def test_probe_reads_each_styled_paper(styles: StylePress, tmp_path: Path) -> None:
    for site in styles.sites:
        home = styles.registry()["papers"][styles.sites.index(site)]["home"]
        result = run_cli("probe", "--fast", "--json", home, data_dir=tmp_path)
        assert result.returncode == 0, result.stderr[-2000:]
        report = json.loads(result.stdout)
        assert report["name"] == site.paper.name
        titles = {a["title"] for a in report["articles"] if not a["error"]}
        if site.old_base:  # a probe knows only the home host: links to the paper's other hosts are not its own
            assert titles and titles <= {a.title for a in site.paper.articles}
        else:
            assert titles == {a.title for a in site.paper.articles}
        assert len(report["sections"]) >= (1 if site.old_base else len(site.paper.sections))
        assert (report["feeds"] != []) == (site.paper.style == "wordpress")
        assert (sum(s["urls"] for s in report["sitemaps"]) > 0) == (site.paper.style == "aspx-portal")
