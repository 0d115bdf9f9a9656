"""Extraction on the page shapes real Vietnamese news sites use (the failure classes of issue 10)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from crawler.extract import ExtractionError, extract_article
from tests.extract_pages import PARAGRAPHS, SAPO, TITLE, page, paragraphs
from vntext.dates import VIETNAM_TZ

URL = "http://baobinhminh.example.vn/thoi-su/nghiem-thu-de-bien-a1234.html"


def extract(html: str):
    return extract_article(html, URL)


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VIETNAM_TZ)


# ---- no exception escapes -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<!-- nothing but a comment -->",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>',
        "<html><head><title>Trang</title></head></html>",
        "\x00\x01\x02 binary \xff garbage",
        "<div>" * 3000 + "sâu quá" + "</div>" * 3000,
        "<html><body><table><tr><td>ô</td></tr></table></body></html>",
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": 5, "author": [], '
        '"datePublished": "không phải ngày"}</script><p>Một đoạn ngắn.</p>',
        "<h1></h1><h1>   </h1><p>" + "chữ " * 50 + "</p>",
    ],
)
def test_no_exception_but_extraction_error_escapes(html: str) -> None:
    try:
        extract(html)
    except ExtractionError as exc:
        assert str(exc)


def test_image_with_only_data_src_does_not_crash() -> None:
    figure = '<figure><img data-src="/anh/de-bien.jpg" alt="Tuyến đê mới"><figcaption>Tuyến đê</figcaption></figure>'
    article = extract(page(body=figure + paragraphs()))
    assert article.images[0].src.endswith("/anh/de-bien.jpg")
    lazy = extract(page(body='<figure><img class="lazy"></figure>' + paragraphs()))
    assert lazy.body.startswith(PARAGRAPHS[0][:40])


def test_a_listing_is_not_an_article_and_says_why() -> None:
    links = "".join(f'<li><a href="/a{i}.html">Tin số {i} của chuyên mục</a></li>' for i in range(30))
    html = f"<html><head><title>Thời sự</title></head><body><ul>{links}</ul></body></html>"
    with pytest.raises(ExtractionError, match="no article"):
        extract(html)


# ---- body ---------------------------------------------------------------------------------------
def test_paragraphs_survive_comments_and_inline_markup() -> None:
    first, second = PARAGRAPHS[0], PARAGRAPHS[1]
    cut = len(first) // 2
    body = (
        f"<p>{first[:cut]}<!-- quảng cáo giữa bài -->{first[cut:]}</p>"
        f"<p><b>{second[:20]}</b><!-- x --><i>{second[20:60]}</i>{second[60:]}</p>" + paragraphs(PARAGRAPHS[2:])
    )
    article = extract(page(body=body))
    assert first in article.body and second in article.body
    assert article.body.endswith(PARAGRAPHS[-1])


def test_a_table_that_is_the_article_is_kept() -> None:
    rows = "".join(
        f"<tr><td>Huyện {name}</td><td>{km} km</td><td>{money} tỷ đồng</td></tr>"
        for name, km, money in (("Đầm Dơi", 4, 120), ("Ngọc Hiển", 5, 190), ("Phú Tân", 3, 110))
    )
    table = f"<table><tr><th>Địa phương</th><th>Chiều dài</th><th>Kinh phí</th></tr>{rows}</table>"
    article = extract(page(body=paragraphs(PARAGRAPHS[:2]) + table + paragraphs(PARAGRAPHS[2:])))
    assert "Ngọc Hiển" in article.body and "190 tỷ đồng" in article.body


def test_body_keeps_no_related_news_comments_or_footer() -> None:
    article = extract(page())
    for chrome in ("Tin liên quan", "Khởi công kè", "Ý kiến bạn đọc", "Mong tỉnh sớm", "Giấy phép số"):
        assert chrome not in article.body
    assert article.body.split("\n\n") == list(PARAGRAPHS)


# ---- lead ---------------------------------------------------------------------------------------
def test_lead_is_the_sapo() -> None:
    article = extract(page())
    assert article.lead == SAPO
    assert SAPO not in article.body


def test_navigation_with_a_lead_like_class_is_not_the_lead() -> None:
    menu = (
        '<div class="nav-description"><a href="/kinh-te">Kinh tế</a> <a href="/xa-hoi">Xã hội</a> '
        '<a href="/van-hoa">Văn hóa - Thể thao và Du lịch của tỉnh</a></div>'
        '<ul class="leading-news"><li>Tin nổi bật: lịch cúp điện khu vực trung tâm thành phố tuần này</li></ul>'
    )
    article = extract(page(before=menu, sapo=""))
    assert "Kinh tế" not in article.lead and "cúp điện" not in article.lead
    assert article.body.startswith(PARAGRAPHS[0])


def test_a_meta_description_equal_to_the_first_paragraph_stays_in_the_body() -> None:
    head = f'<meta name="description" content="{PARAGRAPHS[0]}">'
    article = extract(page(head=head, sapo=""))
    assert article.lead == PARAGRAPHS[0]
    assert article.body.startswith(PARAGRAPHS[0])


# ---- title --------------------------------------------------------------------------------------
def test_an_empty_logo_h1_is_not_the_title() -> None:
    logo = '<h1 class="logo"><a href="/"><img src="/logo.png" alt=""></a></h1>'
    article = extract(page(before=logo, headline=f'<h1 class="title">{TITLE}</h1>'))
    assert article.title == TITLE


def test_a_site_name_h1_before_an_h3_headline() -> None:
    article = extract(page(before="<h1>Báo Bình Minh Biển</h1>", headline=f"<h3 class='Title'>{TITLE}</h3>"))
    assert article.title == TITLE


def test_og_title_suffixes_are_removed_without_a_matching_heading() -> None:
    for og in (f"{TITLE} - Báo Bình Minh Biển", f"{TITLE} | Thời sự | baobinhminh.example.vn"):
        head = f'<meta property="og:title" content="{og}"><meta property="og:site_name" content="Báo Bình Minh Biển">'
        article = extract(page(head=head, headline="<div class='t'>Thời sự</div>"))
        assert article.title == TITLE, og


def test_the_printed_headline_wins_over_an_seo_og_title() -> None:
    head = f'<meta property="og:title" content="{TITLE} -nghiem thu de bien bao ve dan">'
    assert extract(page(head=head)).title == TITLE


# ---- dates --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ('<div class="date">Thứ Hai, 24/12/2012, 03:04 AM (GMT+7)</div>', at(2012, 12, 24, 3, 4)),
        ('<div class="date">10:03 | 12/06/2017</div>', at(2017, 6, 12, 10, 3)),
        ('<div class="date">12/06/2017 - 08:30</div>', at(2017, 6, 12, 8, 30)),
        ('<div class="date">Cập nhật: 14-3-2023 9:15</div>', at(2023, 3, 14, 9, 15)),
        ('<div class="date"><span>15:20 PM</span> | <span>21/12/2012</span></div>', at(2012, 12, 21, 15, 20)),
        ('<div class="info"><a href="/tin-ngay/2012-12-21">21/12/2012 - 08:04</a></div>', at(2012, 12, 21, 8, 4)),
        ('<div class="box-comment-count"><span>Thứ Tư, 26/12/2012 17:14</span></div>', at(2012, 12, 26, 17, 14)),
        ('<div class="date">Cập nhật thứ hai, ngày 24/12/12 11:05 tối</div>', at(2012, 12, 24, 23, 5)),
    ],
)
def test_the_date_printed_with_the_article(dateline: str, expected: datetime) -> None:
    assert extract(page(dateline=dateline)).published_at == expected


def test_a_date_only_meta_takes_the_printed_time() -> None:
    head = '<meta itemprop="datePublished" content="2016-03-03">'
    assert extract(page(head=head)).published_at == at(2016, 3, 3, 8, 30)


def test_metadata_fills_a_missing_printed_time_and_stands_in_for_no_printed_date() -> None:
    head = '<meta property="article:published_time" content="2016-03-03T08:30:12+07:00">'
    dated_only = extract(page(head=head, dateline='<div class="time">03/03/2016</div>'))
    assert dated_only.published_at == datetime.fromisoformat("2016-03-03T08:30:12+07:00")
    assert extract(page(head=head, dateline="")).published_at == datetime.fromisoformat("2016-03-03T08:30:12+07:00")


def test_the_printed_date_wins_over_a_meta_that_disagrees() -> None:
    head = '<meta name="pubdate" content="2016-03-02T14:02:00+07:00">'
    assert extract(page(head=head)).published_at == at(2016, 3, 3, 8, 30)


def test_related_comment_top_bar_and_footer_dates_never_win() -> None:
    article = extract(page(dateline=""))  # the page prints no date for the article itself
    assert article.published_at is None


def test_updated_at_from_a_printed_update_or_date_modified() -> None:
    dateline = '<div class="time">03/03/2016 08:30</div><div class="upd">Cập nhật: 03/03/2016 10:45</div>'
    assert extract(page(dateline=dateline)).updated_at == at(2016, 3, 3, 10, 45)
    head = '<meta property="article:modified_time" content="2016-03-04T07:00:00+07:00">'
    assert extract(page(head=head)).updated_at == at(2016, 3, 4, 7, 0)


# ---- author -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ('<p style="text-align:right"><strong>K. Miên</strong></p>', "K. Miên"),
        ('<div align="right"><b>Nguyễn Đình Khoa</b></div>', "Nguyễn Đình Khoa"),
        ("<p><strong>HỮU PHƯỚC</strong></p>", "HỮU PHƯỚC"),
        ('<p align="right"><em>Bài, ảnh</em>: <strong>Thu Trang</strong></p>', "Thu Trang"),
        ('<div class="source">Theo Tuổi Trẻ</div>', "Tuổi Trẻ"),
        ("<p>Minh Hòa (TTXVN)</p>", "Minh Hòa (TTXVN)"),
        ('<p class="pAuthor">Nhóm PV</p><p class="pSource">Theo Tin Nhanh</p>', "Nhóm PV"),
    ],
)
def test_the_printed_byline_is_the_author(byline: str, expected: str) -> None:
    head = '<meta name="author" content="Công nghệ ChannelVN"><meta name="generator" content="VCCorp.vn">'
    article = extract(page(head=head, body=paragraphs() + byline))
    assert article.author == expected
    assert expected not in article.body


def test_the_site_as_json_ld_author_is_not_the_author() -> None:
    data = {"@type": "NewsArticle", "headline": TITLE, "author": {"@type": "Organization", "name": "BinhMinhBien"}}
    ld = f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'

    head = ld + '<meta name="author" content="baobinhminh">'
    article = extract(page(head=head, body=paragraphs() + "<p><strong>Lê Thảo</strong></p>"))
    assert article.author == "Lê Thảo"


def test_a_photo_credit_is_not_the_author_and_no_byline_means_none() -> None:
    body = paragraphs() + '<p style="text-align:right">Ảnh: Minh Tú</p>'
    article = extract(page(body=body))
    assert article.author == ""
    assert extract(page()).author == ""
