"""A small press the project has never seen, written for the research tests: two papers, real archive.

'Báo Mũi Đất' (Cà Mau) publishes five articles a month from January to April 2016, none in May, one in
June and five again in July (a gap and a drop for the coverage alerts); 'Báo Đồng Bằng' (Bạc Liêu)
publishes four, one undated and one a republished copy of a Mũi Đất story. The sentences are ours; the
abbreviations are written every way real pages write them (UBND, Ủy/Uỷ ban nhân dân, HĐND, HDND, Hội
đồng nhân dân). Pages and one image go through the real archive (SQLite + WARC) and the real indexer.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from pathlib import Path

from archive.article import VIETNAM_TZ, Article, Image
from archive.store import Archive
from archive.warc import RawResponse
from indexer.load import index_archive
from search.backend import SearchBackend

PLACES = ("Năm Căn", "Đầm Dơi", "Cái Nước", "Phú Tân", "Giá Rai", "Hồng Dân", "Ngọc Hiển")
SUBJECTS = ("chuyển đổi số", "xây dựng nông thôn mới", "phòng chống hạn mặn", "trồng rừng ngập mặn")
SENTENCES = (
    "UBND tỉnh họp với huyện {place} bàn kế hoạch {subject} năm tới.",
    "Ủy ban nhân dân huyện {place} vừa triển khai đề án {subject}.",
    "Uỷ ban nhân dân xã {place} tiếp dân, giải đáp thắc mắc về {subject}.",
    "HĐND tỉnh giám sát việc {subject} tại huyện {place}.",
    "Kỳ họp Hội đồng nhân dân thị trấn {place} dành nhiều thời gian bàn {subject}.",
    "Đoàn giám sát của HDND huyện {place} khảo sát công trình {subject}.",
    "Bà con ở {place} thu hoạch tôm sú, giá bán ổn định; địa phương đẩy mạnh {subject}.",
)
MUI_PER_MONTH = {1: 5, 2: 5, 3: 5, 4: 5, 5: 0, 6: 1, 7: 5}  # 2016
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
CAPTURED = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
IMAGE_URL = "http://muidat.example/anh/cang-nam-can.png"


def _article(paper: str, province: str, host: str, n: int, published: datetime | None) -> Article:
    place, subject = PLACES[n % len(PLACES)], SUBJECTS[n % len(SUBJECTS)]
    sentence = SENTENCES[n % len(SENTENCES)].format(place=place, subject=subject)
    url = f"http://{host}/tin-tuc/bai-{n}.html"
    return Article(
        url=url,
        canonical_url=url,
        paper=paper,
        province=province,
        title=f"{place}: {subject} (bài {n})",
        body=f"{sentence}\nPhóng viên ghi nhận tại {place} ngày làm việc thứ {n}.",
        published_at=published,
        author="Thanh Tâm" if n % 2 else "",
        images=[Image(IMAGE_URL, "Cảng cá Năm Căn")] if n == 0 else [],
    )


def articles() -> list[Article]:
    """Every article of the press, in publication order of each paper."""
    found, n = [], 0
    for month, count in MUI_PER_MONTH.items():
        for k in range(count):
            day = datetime(2016, month, 2 + 5 * k, 8, 30, tzinfo=VIETNAM_TZ)
            found.append(_article("Báo Mũi Đất", "Cà Mau", "muidat.example", n, day))
            n += 1
    for k, when in enumerate((datetime(2016, 2, 10, 7, 0), datetime(2016, 2, 20, 7, 0), datetime(2016, 4, 1, 6, 0))):
        found.append(
            _article("Báo Đồng Bằng", "Bạc Liêu", "dongbang.example", 100 + k, when.replace(tzinfo=VIETNAM_TZ))
        )
    found.append(_article("Báo Đồng Bằng", "Bạc Liêu", "dongbang.example", 103, None))  # undated
    original = found[1]
    found.append(
        Article(  # the same story republished by the other paper a day later
            url="http://dongbang.example/tin-tuc/dang-lai.html",
            canonical_url="http://dongbang.example/tin-tuc/dang-lai.html",
            paper="Báo Đồng Bằng",
            province="Bạc Liêu",
            title=original.title,
            body=original.body,
            published_at=original.published_at + timedelta(days=1),
        )
    )
    return found


def _page(article: Article) -> bytes:
    image = '<img src="/anh/cang-nam-can.png" alt="Cảng cá">' if article.images else ""
    lost = '<img src="https://cdn.muidat.example/quang-cao.jpg" alt="Quảng cáo">'
    paragraphs = "".join(f"<p>{p}</p>" for p in article.body.split("\n"))
    return f"<html><body><h1>{article.title}</h1>{image}{lost}{paragraphs}</body></html>".encode()


def build(data_dir: Path, backend: SearchBackend) -> list[Article]:
    """Archive the press (pages, the one archived image, a duplicate cluster) and index it into backend."""
    press = articles()
    with Archive(data_dir) as archive:
        html = [("Content-Type", "text/html; charset=utf-8")]
        for i, article in enumerate(press):
            archive.store_page(RawResponse(article.url, 200, html, _page(article)), CAPTURED + timedelta(minutes=i))
            archive.upsert(article, page_url=article.url)
        archive.store_page(RawResponse(IMAGE_URL, 200, [("Content-Type", "image/png")], PNG), CAPTURED)
        archive.set_clusters({press[-1].id: press[1].id})
        index_archive(archive, backend, rebuild=True)
    return press
