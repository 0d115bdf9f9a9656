"""End to end in real headless Chromium: search, a facet, a profile, the type-ahead, an export."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import playwright.sync_api as playwright_sync
import pytest
from waitress.server import create_server

from tests.conftest import DEFAULT_BACKEND
from webapp import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
SEED_TITLE = "Thực hiện hiệu quả hơn cải cách hành chính trong Đảng"


@contextmanager
def served(data_dir: Path) -> Iterator[str]:
    """The app over an indexed data dir (embedded backend), served by waitress on an ephemeral loopback port."""
    app = create_app({"NEWSARCHIVE_BACKEND": DEFAULT_BACKEND, "NEWSARCHIVE_DATA_DIR": str(data_dir)})
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def base_url(indexed_dir: Path) -> Iterator[str]:
    with served(indexed_dir) as url:
        yield url


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[object]:
    assert CHROMIUM.exists(), "needs Debian's chromium at /usr/bin/chromium (scripts/system-deps installs it)"
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=base_url, accept_downloads=True, locale="vi-VN")
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        yield tab
        browser.close()
        assert not errors, errors  # no script error and no CSP violation on any page


def test_search_facet_profile_and_export(page, tmp_path: Path) -> None:  # noqa: ANN001 - a Playwright page
    page.goto("/")
    page.get_by_label("Tìm trong các bài báo").fill("cai cach hanh chinh")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=cai+cach+hanh+chinh*")
    assert page.get_by_role("link", name=SEED_TITLE).is_visible()
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

    total_before = int(page.locator(".total strong").inner_text().replace(".", ""))
    page.locator("#facet-province").get_by_role("checkbox", name="Cà Mau").click()
    page.wait_for_url("**province=C%C3%A0+Mau*")
    assert page.locator("#facet-province [aria-checked=true]").count() == 1
    total_after = int(page.locator(".total strong").inner_text().replace(".", ""))
    assert 0 < total_after <= total_before
    assert page.locator(".chip", has_text="Tỉnh: Cà Mau").is_visible()
    page.screenshot(path=str(ARTIFACTS / "facet.png"), full_page=True)

    page.locator(".result", has_text=SEED_TITLE).get_by_role("link", name="Phạm Bạch Đằng").click()
    page.wait_for_url("**/officials/pham-bach-dang--ca-mau")
    assert page.get_by_role("heading", level=1).inner_text() == "Phạm Bạch Đằng"
    assert page.locator("svg.chart").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "profile.png"), full_page=True)

    with page.expect_download() as download_info:
        page.locator(".exports").get_by_role("link", name="CSV", exact=True).click()
    path = tmp_path / "export.csv"
    download_info.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    shown = int(page.locator(".total strong").inner_text().replace(".", ""))
    assert len(rows) == shown > 0
    assert all("pham-bach-dang--ca-mau" in row["official_ids"] for row in rows)
    assert SEED_TITLE in {row["title"] for row in rows}


def test_official_type_ahead_finds_a_name_typed_without_accents(page) -> None:  # noqa: ANN001
    page.goto("/officials")
    page.get_by_label("Tên").press_sequentially("bach dang", delay=20)
    suggestion = page.locator("#typeahead-results a", has_text="Phạm Bạch Đằng")
    suggestion.wait_for()
    page.screenshot(path=str(ARTIFACTS / "typeahead.png"))
    page.get_by_label("Tên").press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/officials/pham-bach-dang--ca-mau")


def test_skip_link_is_the_first_tab_stop(page) -> None:  # noqa: ANN001
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Bỏ qua, đến nội dung chính"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_who_held_typed_with_and_without_diacritics(page) -> None:  # noqa: ANN001
    for typed in ("Chủ tịch UBND tỉnh", "chu tich ubnd tinh"):
        page.goto("/officials/who-held")
        page.get_by_label("Chức danh", exact=True).fill(typed)
        page.get_by_label("Tỉnh").select_option("Quảng Trị")
        page.get_by_label("Ngày hoặc năm").fill("2017")
        page.get_by_role("button", name="Tìm").click()
        page.wait_for_url("**/officials/who-held?*")
        holders = page.locator(".holders > li")
        assert holders.count() == 1 and "Trần Quốc Thịnh" in holders.first.inner_text(), typed
        evidence = holders.first.locator(".evidence a")
        assert evidence.count() >= 1 and evidence.first.is_visible()  # evidence is open for holders
    page.screenshot(path=str(ARTIFACTS / "who-held.png"), full_page=True)
    evidence.first.click()
    page.wait_for_url("**/article/*")
    assert "Trần Quốc Thịnh" in page.locator("main").inner_text()


def test_title_suggestions_as_you_type(page) -> None:  # noqa: ANN001
    page.goto("/officials/who-held")
    field = page.get_by_role("combobox", name="Chức danh")
    field.press_sequentially("chu tich ub", delay=20)
    option = page.get_by_role("option", name="Chủ tịch UBND tỉnh", exact=True)
    option.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    while field.get_attribute("aria-activedescendant") != option.get_attribute("id"):
        field.press("ArrowDown")
    field.press("Enter")
    assert field.input_value() == "Chủ tịch UBND tỉnh" and field.get_attribute("aria-expanded") == "false"


def test_articles_with_a_co_mentioned_official_are_the_shared_ones(page) -> None:  # noqa: ANN001
    page.goto("/officials/pham-bach-dang--ca-mau")
    item = page.locator("#co-mentions li").first
    name = item.locator("a").first.inner_text()
    shared = int(item.locator("a.count").inner_text().split()[0])
    item.locator("a.count").click()
    page.wait_for_url("**official_op=and*")
    assert page.locator(".chip.mode").is_visible()
    assert int(page.locator(".total strong").inner_text().replace(".", "")) == shared
    results = page.locator(".result")
    assert results.count() == shared
    for i in range(shared):
        text = results.nth(i).inner_text()
        assert "Phạm Bạch Đằng" in text and name in text
    page.screenshot(path=str(ARTIFACTS / "shared-articles.png"), full_page=True)


@pytest.fixture(scope="module")
def quoted_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a small index whose officials carry quotes (see tests/test_officials_web.py)."""
    from search.sqlite_backend import SqliteBackend
    from tests.test_officials_web import DOCS, _mentions, build_profiles

    data = tmp_path_factory.mktemp("quoted-browser")
    backend = SqliteBackend(data)
    backend.rebuild(DOCS)
    backend.put_officials([p.to_dict() for p in build_profiles(_mentions(d) for d in DOCS)])
    app = create_app({"NEWSARCHIVE_BACKEND": "sqlite", "NEWSARCHIVE_DATA_DIR": str(data)})
    server = create_server(app, host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=5)


def test_profile_quotes_and_evidence_links(page, quoted_url: str) -> None:  # noqa: ANN001
    page.goto(quoted_url + "/officials/lam-hoang-khai--ca-mau")
    quotes = page.locator("#quotes li")
    assert quotes.count() == 2
    assert "gia cố" in quotes.nth(0).inner_text()  # newest first
    assert "Doanh nghiệp phát triển" in quotes.nth(1).locator("blockquote").inner_text()
    chair = page.locator(".timeline li", has_text="Chủ tịch UBND tỉnh").filter(has_not_text="Phó")
    chair.locator("summary").click()
    links = chair.locator(".evidence a")
    assert links.count() == 2
    page.set_viewport_size({"width": 360, "height": 800})  # the timeline stays readable on a phone
    title = page.locator(".timeline h3").first.bounding_box()
    assert title is not None and title["width"] > 150
    page.screenshot(path=str(ARTIFACTS / "profile-quotes-narrow.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    quotes.nth(1).get_by_role("link").click()
    page.wait_for_url("**/article/k2")
