"""crawler.links.classify_link on real shapes (tests/data/real_urls.tsv, tuning split) and on the shapes
real provincial outlets use; the held-out split is scored once by bench/score_links.py, not here."""

from __future__ import annotations

import pytest

from crawler.links import classify_link, same_site, site_key
from tests.real_urls import real_urls, score


def test_the_real_url_list_is_big_enough_and_split() -> None:
    rows = real_urls()
    assert len(rows) >= 250
    assert len({r.url for r in rows}) == len(rows)
    assert 0.25 <= len(real_urls("heldout")) / len(rows) <= 0.42


def test_tuning_split_scores() -> None:
    result = score(real_urls("tune"))
    assert result["article_followed"] >= 0.98
    assert result["article_recognised"] >= 0.95
    assert result["listing_followed"] >= 0.95


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://x.vn/index.php?act=detail&id=12", "article"),
        ("http://x.vn/index.php?act=list&cid=3", "section"),
        ("http://x.vn/index.php?act=list&cid=3&page=2", "section"),
        ("http://x.vn/?p=123", "article"),  # WordPress
        ("http://x.vn/the-thao/?p=3", "section"),  # a page number on a section
        ("http://x.vn/tin/mot-bai-viet-rat-dai-123.html?trang=2", "other"),  # a page of an article
        ("http://x.vn/slug/364", "article"),
        ("http://x.vn/tin-tuc/bai-a123/index.htm", "article"),
        ("http://x.vn/News.aspx?nid=1234", "article"),
        ("http://x.vn/Default.aspx?NewsID=4567", "article"),
        ("http://x.vn/tin.aspx?itemid=889", "article"),
        ("http://x.vn/List.aspx?PageIndex=4", "section"),
        ("http://x.vn/the-thao/trang-2.html", "section"),
        ("http://x.vn/the-thao/trang-100.html", "section"),
        ("http://x.vn/the-thao/page/250/", "section"),
        ("http://x.vn/the-thao/page-3.html", "section"),
        ("http://x.vn/topic/ngay-hoi-40.html/p/3", "section"),
        ("http://x.vn/tag/ca-mau", "section"),
        ("http://x.vn/ca-mau-tag123.html", "section"),
        ("http://x.vn/quy-nhon-ptag.html", "section"),
        ("http://x.vn/Lists/TinTuc/AllItems.aspx", "section"),
        ("http://x.vn/web/guest/tin?p_p_id=abc_WAR_portlet&p_p_lifecycle=0", "section"),
        ("http://x.vn/2018/06/16/", "section"),
        ("http://x.vn/2018/06/16/ngay-hoi-van-hoa/", "article"),
        ("http://x.vn/x%C3%A3-h%E1%BB%99i/x%C3%A2y-d%E1%BB%B1ng-%C4%91%C3%B4-th%E1%BB%8B-v%C4%83n-minh", "article"),
        ("http://x.vn/anh/album-ngay-hoi-456.html", "article"),
        ("http://x.vn/print/123", "other"),
        ("http://x.vn/index.php?act=print&id=12", "other"),
        ("http://x.vn/index.php?option=com_content&view=search", "other"),
        ("http://x.vn/tim-kiem?q=dang", "other"),
        ("http://x.vn/dang-nhap", "other"),
        ("http://x.vn/logo.png", "other"),
        ("http://x.vn/gioi-thieu", "section"),  # fetched; the page decides
        ("mailto:toasoan@x.vn", "other"),
    ],
)
def test_shapes(url: str, kind: str) -> None:
    assert classify_link(url, "x.vn") == kind


def test_a_paper_is_a_set_of_hosts() -> None:
    assert classify_link("http://www.x.vn/a-12345.html", "x.vn") == "article"
    assert classify_link("http://m.x.vn/a-12345.html", "www.x.vn") == "article"
    assert classify_link("https://amp.x.vn/a-12345.html", "x.vn") == "article"
    assert classify_link("http://y.vn/a-12345.html", "x.vn") == "other"
    assert classify_link("http://y.vn/a-12345.html", "x.vn", hosts={"y.vn"}) == "article"
    assert site_key("WWW.Bao.vn") == site_key("m.bao.vn") == "bao.vn"
    assert same_site("e.bao.vn", "bao.vn") and not same_site("bao.com.vn", "bao.vn")
    assert site_key("www.vn") == "www.vn"  # never strip down to the public suffix
