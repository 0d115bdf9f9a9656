"""The English interface (?lang=en) over the indexed sample press; Vietnamese stays the default."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from flask.testing import FlaskClient

from domain.topics import TOPICS

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "webapp" / "translations" / "en" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {"_": None, "_l": None, "N_": None, "ngettext": (1, 2), "Message": None, "QueryError": None}
SEED_OFFICIAL = "pham-bach-dang--ca-mau"


def text(response) -> str:  # noqa: ANN001 - a test response
    return response.get_data(as_text=True)


def href(html: str, pattern: str) -> str:
    """The first link whose (unescaped) target matches the pattern."""
    links = [htmllib.unescape(h) for h in re.findall(r'href="([^"]+)"', html)]
    return next(link for link in links if re.search(pattern, link))


def language_link(html: str) -> tuple[str, str]:
    """Target and text of the header's language switch."""
    match = re.search(r'<a class="language" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    return htmllib.unescape(match[1]), match[2]


def test_default_is_vietnamese_with_a_link_to_english(client: FlaskClient) -> None:
    page = text(client.get("/", query_string={"q": "dang"}))
    assert '<html lang="vi">' in page
    assert ">Tìm</button>" in page and "<h2>Chủ đề</h2>" in page
    assert re.search(r"<strong>\d+</strong> bài báo", page)
    assert language_link(page) == ("/?q=dang&lang=en", "English")
    assert 'name="lang"' not in page


def test_english_labels_facets_sort_and_total(client: FlaskClient) -> None:
    page = text(client.get("/", query_string={"lang": "en"}))
    assert '<html lang="en">' in page
    assert ">Search</button>" in page and "Search the articles" in page
    for heading in ("Officials", "Topic", "Province", "Newspaper", "Year"):
        assert f"<h2>{heading}</h2>" in page
    for option in ("Most relevant", "Newest", "Oldest"):
        assert f">{option}</option>" in page
    assert "<strong>64</strong> articles" in page
    assert "Administrative reform" in page  # topic names get English labels
    assert "Tìm trong các bài báo" not in page and "bài báo" not in page
    assert 'hreflang="vi" lang="vi">Tiếng Việt</a>' in page
    assert '<input type="hidden" name="lang" value="en">' in page  # a new query stays in English


def test_english_survives_facet_toggles_and_pagination(client: FlaskClient) -> None:
    page = text(client.get("/", query_string={"lang": "en", "size": "5"}))
    toggle = href(page, r"province=C%C3%A0\+Mau")
    assert "lang=en" in toggle
    filtered = text(client.get(toggle))
    assert '<html lang="en">' in filtered and "Province: Cà Mau" in filtered and "Clear all filters" in filtered
    chip = re.search(r'<a class="chip" href="([^"]+)" aria-label="Remove filter Province', filtered)[1]
    assert htmllib.unescape(chip) == "/?lang=en&size=5"
    second = href(filtered, r"page=2")
    assert "lang=en" in second and "province=C%C3%A0+Mau" in second
    page2 = text(client.get(second))
    assert '<html lang="en">' in page2 and 'aria-current="page">2</span>' in page2
    assert "lang=en" in href(page2, r"^/officials/")  # links to other pages keep the language
    assert "lang" not in href(page2, r"/api/v1/export\?.*format=csv")  # exports take no language


def test_switching_back_to_vietnamese_keeps_the_search(client: FlaskClient) -> None:
    page = text(client.get("/", query_string=[("q", "dang"), ("province", "Cà Mau"), ("lang", "en")]))
    assert language_link(page) == ("/?q=dang&province=C%C3%A0+Mau", "Tiếng Việt")
    assert language_link(text(client.get("/province/Cà Mau"))) == ("/province/C%C3%A0%20Mau?lang=en", "English")


def test_officials_directory_and_profile_in_english(client: FlaskClient) -> None:
    directory = text(client.get("/officials", query_string={"lang": "en", "q": "pham bach"}))
    assert '<html lang="en">' in directory
    assert "<h1>Officials in the articles</h1>" in directory and "<strong>1</strong> official</p>" in directory
    assert ">Filter</button>" in directory and ">All provinces</option>" in directory
    assert 'data-matches="matching officials"' in directory
    profile_url = href(directory, rf"^/officials/{SEED_OFFICIAL}")
    assert profile_url == f"/officials/{SEED_OFFICIAL}?lang=en"
    profile = text(client.get(profile_url))
    assert "<h1>Phạm Bạch Đằng</h1>" in profile  # names stay as written
    assert "Mentioned in" in profile and "Titles over time" in profile and "Often mentioned with" in profile
    assert "Times Phạm Bạch Đằng was mentioned per month" in profile
    assert "Phó Bí thư Thường trực Tỉnh ủy" in profile  # titles are content
    assert not re.search(r"\d{2}/\d{2}/\d{4}", profile)  # English dates are ISO


def test_who_held_in_english(client: FlaskClient) -> None:
    query = {"title": "Chủ tịch UBND tỉnh", "province": "Quảng Trị", "date": "2017", "lang": "en"}
    page = text(client.get("/officials/who-held", query_string=query))
    assert "<h1>Who held this post?</h1>" in page and "Trần Quốc Thịnh" in page
    assert re.search(r"<strong>1</strong> official held “Chủ tịch UBND tỉnh” in Quảng Trị during 2017", page)


def test_error_pages_in_english(client: FlaskClient) -> None:
    bad = client.get("/", query_string={"page": "abc", "lang": "en"})
    assert bad.status_code == 400
    page = text(bad)
    assert '<html lang="en">' in page and "<h1>Bad request</h1>" in page
    assert "page must be a whole number (digits 0–9) below one billion, not &#39;abc&#39;" in page
    assert "Back to search" in page and "Yêu cầu không hợp lệ" not in page
    missing = client.get("/article/nope", query_string={"lang": "en"})
    assert missing.status_code == 404 and "<h1>Not found</h1>" in text(missing)
    assert "Yêu cầu không hợp lệ" in text(client.get("/", query_string={"page": "abc"}))


def test_search_warnings_in_english(client: FlaskClient) -> None:
    page = text(client.get("/", query_string={"q": '"cải cách', "lang": "en"}))
    assert "Missing closing quote" in page


@pytest.mark.parametrize("lang", ["xx", "", "EN", "vi"])
def test_other_languages_fall_back_to_vietnamese(client: FlaskClient, lang: str) -> None:
    response = client.get("/", query_string={"lang": lang})
    assert response.status_code == 200
    assert '<html lang="vi">' in text(response) and ">Tìm</button>" in text(response)


def test_api_errors_in_the_language_asked_for(client: FlaskClient) -> None:
    response = client.get("/api/v1/search", query_string={"page": "abc"})
    assert response.status_code == 400 and "phải là số nguyên" in response.json["error"]
    english = client.get("/api/v1/search", query_string={"page": "abc", "lang": "en"})
    assert english.status_code == 400 and english.json["error"].startswith("page must be a whole number")
    assert client.get("/api/v1/articles/nope", query_string={"lang": "en"}).json == {
        "error": "This page or item is not in the archive."
    }


def test_plural_forms(client: FlaskClient) -> None:
    one = text(client.get("/officials", query_string={"lang": "en", "q": "pham bach"}))
    assert "<strong>1</strong> official</p>" in one
    many = text(client.get("/officials", query_string={"lang": "en"}))
    assert re.search(r"<strong>\d+</strong> officials</p>", many)


def extracted_msgids() -> set[str]:
    """Every msgid `make messages` extracts (the same babel.cfg and keywords), singular forms."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = extract_from_dir(str(ROOT), method_map, options_map, keywords=KEYWORDS)
    return {m[2] if isinstance(m[2], str) else m[2][0] for m in found}


def test_every_interface_message_has_an_english_translation() -> None:
    catalogue = read_po(CATALOGUE.open("rb"))
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalogue
        if m.id and "fuzzy" not in m.flags and (all(m.string) if isinstance(m.string, tuple) else m.string)
    }
    used = extracted_msgids()
    assert len(used) > 100 and set(TOPICS.values()) <= used
    assert sorted(used - translated) == [], "run `make messages` and translate the new entries"


def test_translations_keep_the_placeholders_of_their_msgids() -> None:
    placeholder = re.compile(r"\{\w+\}|%\(\w+\)s")
    for entry in read_po(CATALOGUE.open("rb")):
        if entry.id:
            ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
            strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
            wanted = sorted(placeholder.findall(ids[0]))
            assert all(sorted(placeholder.findall(s)) == wanted for s in strings), entry.id


def test_the_compiled_catalogue_is_current() -> None:
    compiled = CATALOGUE.with_suffix(".mo")
    assert compiled.exists() and compiled.stat().st_mtime >= CATALOGUE.stat().st_mtime, "run `make install`"
