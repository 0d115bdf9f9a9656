"""`newsarchive probe URL` on each sample paper: robots.txt, sitemaps, feeds, sections, sample articles."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from archive.article import normalize_url
from crawler.samplepress import SamplePress
from tests.conftest import run_cli
from vntext import repair


@pytest.fixture(scope="module")
def all_press() -> Iterator[SamplePress]:
    with SamplePress(hard=True) as running:
        yield running


def probe(url: str, tmp_path, *extra: str) -> dict:
    result = run_cli("probe", "--fast", "--json", url, *extra, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_probe_reports_what_each_sample_paper_serves(all_press: SamplePress, tmp_path) -> None:
    truth = {normalize_url(e["url"]): e for e in all_press.expected_articles()}
    for site in all_press.sites:
        report = probe(site.url("/"), tmp_path)
        assert report["name"] == site.paper.name
        assert report["robots_status"] == 200
        home = site.route("/").body.decode("utf-8")
        assert report["feeds"] == [f for f in site.feeds if site.meta["rss"] in home]  # those the home page names
        urlsets = [s for s in report["sitemaps"] if s["kind"] == "urlset"]
        if site.sitemaps:
            assert report["robots_sitemaps"] == site.sitemaps
            assert urlsets and all(0 < s["urls"] <= len(site.paper.articles) for s in urlsets)
            if not site.meta.get("sitemap_index"):  # one flat sitemap lists every article
                assert [s["urls"] for s in urlsets] == [len(site.paper.articles)]
            else:
                assert [s["children"] for s in report["sitemaps"] if s["kind"] == "index"] == [5]
            newest = max(a.modified for a in site.paper.articles)
            assert max(s["newest_lastmod"] for s in urlsets)[:16] == newest.isoformat()[:16]
        else:
            assert urlsets == [] and report["robots_sitemaps"] == []
        sections = {normalize_url(s["url"]) for s in report["sections"]}
        assert {normalize_url(site.url(site.section_path(sec))) for sec in site.paper.sections} <= sections
        assert any(s["next_pages"] for s in report["sections"])  # pagination seen on some section
        good = [a for a in report["articles"] if not a["error"]]
        assert len(good) >= 5 and len(report["articles"]) <= 10
        for article in good:
            expected = truth[normalize_url(article["url"])]
            assert article["title"] == repair(expected["title"])
            assert article["published"][:16] == expected["published"][:16]
            assert article["body_chars"] >= 200
        assert report["requests"] <= 40


def test_probe_prints_a_table(all_press: SamplePress, tmp_path) -> None:
    site = all_press.sites[0]
    result = run_cli("probe", "--fast", site.url("/"), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    for heading in ("robots", "sitemaps", "feeds", "sections (", "sample articles ("):
        assert heading in result.stdout
    assert site.paper.name in result.stdout and site.feeds[0] in result.stdout
