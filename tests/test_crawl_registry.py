"""The bundled registry of provincial papers, paper selection, and the polite default settings."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from archive.article import VIETNAM_TZ
from crawler.registry import BUNDLED_REGISTRY, load_registry, select_papers
from crawler.run import crawl_settings
from tests.conftest import ROOT, run_cli


def test_bundled_registry_covers_every_province_before_and_after_the_merger() -> None:
    papers = load_registry(BUNDLED_REGISTRY)
    assert len({p.province for p in papers}) == 34
    assert len({p.former_province for p in papers}) == 63
    assert len({p.id for p in papers}) == len(papers) == len({p.netloc for p in papers})
    assert all(urlsplit(p.home).scheme in ("http", "https") and p.netloc and not p.verified for p in papers)
    by_former = {p.former_province: p.province for p in papers}
    assert by_former["Bạc Liêu"] == "Cà Mau" and by_former["Hậu Giang"] == "Cần Thơ"
    assert by_former["Quảng Bình"] == "Quảng Trị" and by_former["Cao Bằng"] == "Cao Bằng"


def test_the_2025_press_map_says_how_each_entry_was_checked() -> None:
    papers = {p.id: p for p in load_registry(BUNDLED_REGISTRY)}
    checked = [p for p in papers.values() if p.checked]
    assert len(checked) >= 40 and all(
        p.checked.startswith(("stored pages, 2026-12", "project domain notes")) for p in checked
    )
    assert {p.kind for p in papers.values()} == {"paper", "merged", "radio-tv"}
    quang_nam = papers["baoquangnam"]
    assert (quang_nam.merged_into, quang_nam.merged_on) == ("baodanang", "2025-07-01")
    before, after = datetime(2025, 6, 30, tzinfo=VIETNAM_TZ), datetime(2025, 7, 2, tzinfo=VIETNAM_TZ)
    assert quang_nam.name_on(before) == "Báo Quảng Nam" and quang_nam.province_on(before) == "Quảng Nam"
    assert quang_nam.province_on(after) == "Đà Nẵng"
    assert papers["baohue"].netloc == "huengaynay.vn" and "baothuathienhue.vn" in papers["baohue"].hosts
    assert all(papers[p.merged_into] for p in papers.values() if p.merged_into)


def test_select_papers_keeps_order_and_names_unknown_ids() -> None:
    papers = load_registry(BUNDLED_REGISTRY)
    assert [p.id for p in select_papers(papers, ["baobaclieu", "baocamau"])] == ["baobaclieu", "baocamau"]
    result = run_cli("crawl", "--paper", "khong-co-bao-nay", data_dir=Path("/nonexistent"))
    assert result.returncode == 1 and "khong-co-bao-nay" in result.stderr


def test_crawl_needs_a_choice() -> None:
    result = run_cli("crawl", data_dir=Path("/nonexistent"))
    assert result.returncode == 2 and "--paper" in result.stderr


def test_defaults_are_polite_and_fast_is_opt_in(tmp_path: Path) -> None:
    polite = crawl_settings(tmp_path)
    assert polite.getbool("ROBOTSTXT_OBEY") and polite.getbool("AUTOTHROTTLE_ENABLED")
    assert polite.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 2 and polite.getfloat("DOWNLOAD_DELAY") > 0
    assert polite.getint("RETRY_TIMES") >= 2 and polite.getfloat("RETRY_BACKOFF_BASE") > 0
    assert not polite.getbool("HTTPCACHE_ENABLED")
    fast = crawl_settings(tmp_path, fast=True, http_cache=True)
    assert fast.getfloat("DOWNLOAD_DELAY") == 0 and not fast.getbool("AUTOTHROTTLE_ENABLED")
    assert fast.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 2
    assert fast.getbool("HTTPCACHE_ENABLED") and fast.get("HTTPCACHE_DIR") == str(tmp_path / "httpcache")


def test_user_agent_names_the_contact_url() -> None:
    code = "from crawler import settings; print(settings.USER_AGENT)"
    env = {"NEWSARCHIVE_CONTACT_URL": "https://example.org/lien-he", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "newsarchive/0.1 (+https://example.org/lien-he)"


def test_articles_before_the_2025_merger_keep_the_former_province() -> None:
    from datetime import datetime

    from archive.article import VIETNAM_TZ
    from crawler.registry import BUNDLED_REGISTRY, load_registry, select_papers

    (baclieu,) = select_papers(load_registry(BUNDLED_REGISTRY), ["baobaclieu"])
    assert baclieu.province_on(datetime(2017, 6, 12, tzinfo=VIETNAM_TZ)) == "Bạc Liêu"
    assert baclieu.province_on(datetime(2025, 7, 1, tzinfo=VIETNAM_TZ)) == "Cà Mau"
    assert baclieu.province_on(None) == "Cà Mau"
