"""The indexer: archive → enrichment → search backend, incremental by default, rebuilt on demand."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from archive.store import Archive
from crawler.samplepress.hard import to_cp1258
from search.model import SearchRequest
from tests.conftest import DEFAULT_BACKEND, embedded, run_cli

SEED_TITLE = "Thực hiện hiệu quả hơn cải cách hành chính trong Đảng"


def test_index_is_incremental_and_rebuild_reloads_everything(crawled_dir: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(crawled_dir, data_dir)
    first = run_cli("index", data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    with Archive(data_dir) as archive:
        total = archive.count()
        assert f"{total} articles indexed, 0 failed" in first.stdout
        second = run_cli("index", data_dir=data_dir)
        assert "0 articles indexed" in second.stdout
        _, article = next(archive.articles())
        article.title = article.title + " (cập nhật)"
        assert archive.upsert(article)
    third = run_cli("index", data_dir=data_dir)
    assert "1 articles indexed" in third.stdout
    assert embedded(data_dir).get(article.id)["title"].endswith("(cập nhật)")
    incremental = embedded(data_dir).officials()  # only the profiles of that article's officials were rebuilt
    rebuilt = run_cli("index", "--rebuild", data_dir=data_dir)
    assert f"index (rebuild, {DEFAULT_BACKEND}): {total} articles indexed" in rebuilt.stdout
    assert embedded(data_dir).officials() == incremental


def test_the_seed_article_is_enriched_in_the_index(indexed_dir: Path) -> None:
    backend = embedded(indexed_dir)
    hit = backend.search(SearchRequest(q=f'"{SEED_TITLE}"')).hits[0]
    assert hit.doc["title"] == SEED_TITLE
    names = [o["name"] for o in hit.doc["officials"]]
    assert sorted(names) == sorted(
        ["Phạm Bạch Đằng", "Trần Văn Hiện", "Lê Dũng", "Hồ Minh Chiến", "Huỳnh Thị Thanh Loan", "Phạm Anh Tuấn"]
    )
    assert {"cai-cach-hanh-chinh", "xay-dung-dang"} <= set(hit.doc["topics"])
    by_official = backend.search(SearchRequest(filters={"officials": ["pham-bach-dang--ca-mau"]}))
    assert hit.doc["id"] in {h.doc["id"] for h in by_official.hits}


def test_official_profiles_are_built_across_the_archive(indexed_dir: Path) -> None:
    profiles = {p["id"]: p for p in embedded(indexed_dir).officials()}
    dang = profiles["pham-bach-dang--ca-mau"]
    assert dang["name"] == "Phạm Bạch Đằng"
    assert dang["article_count"] >= 2
    assert "Phó Bí thư Thường trực Tỉnh ủy" in [t["title"] for t in dang["titles"]]
    assert sum(dang["mentions_by_month"].values()) >= dang["article_count"]  # every mention, back-references too


def test_cli_analyze_reads_gzipped_and_windows_1258_pages(tmp_path: Path) -> None:
    """Saved pages come gzipped or in the old Vietnamese code page: the same officials either way."""
    html = (
        "<html><head><meta charset='windows-1258'><title>Hội nghị tổng kết</title></head><body><article>"
        "<h1>Hội nghị tổng kết</h1><p>Ông Nguyễn Văn Hùng, Chủ tịch UBND tỉnh Cà Mau, chủ trì hội nghị "
        "tổng kết công tác cải cách hành chính năm 2024 với các sở, ngành.</p></article></body></html>"
    )
    plain, zipped = tmp_path / "a.html", tmp_path / "b.html.gz"
    plain.write_bytes(to_cp1258(html))
    zipped.write_bytes(gzip.compress(html.encode("utf-8")))
    result = run_cli("analyze", str(plain), str(zipped), data_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    for line in lines:
        assert line["title"] == "Hội nghị tổng kết"
        assert [o["name"] for o in line["officials"]] == ["Nguyễn Văn Hùng"]


def test_cli_analyze_prints_one_json_line_per_file(indexed_dir: Path, tmp_path: Path) -> None:
    seed_txt = Path(__file__).parent / "data" / "seed_article.txt"
    page = tmp_path / "page.html"
    with Archive(indexed_dir) as archive:
        article = next(a for _, a in archive.articles() if a.title == SEED_TITLE)
        page.write_bytes(archive.raw(archive.page_url_of(article.id)).body)
    result = run_cli("analyze", str(seed_txt), str(page), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == [str(seed_txt), str(page)]
    from_text, from_html = lines
    assert from_html["title"] == SEED_TITLE and from_html["published"] == "2017-06-12T08:30:00+07:00"
    for line in lines:
        assert len(line["officials"]) == 6
        assert "Lê Nguyễn" not in [o["name"] for o in line["officials"]]
        assert {"cai-cach-hanh-chinh", "xay-dung-dang"} <= set(line["topics"])
