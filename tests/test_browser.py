"""End to end in real headless Chromium: search, a facet, a profile, the type-ahead, an export."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import playwright.sync_api as playwright_sync
import pytest
from waitress.server import create_server

from webapp import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
SEED_TITLE = "Thực hiện hiệu quả hơn cải cách hành chính trong Đảng"


@pytest.fixture(scope="module")
def base_url(indexed_dir: Path) -> Iterator[str]:
    """The app served by waitress on an ephemeral loopback port."""
    app = create_app({"NEWSARCHIVE_BACKEND": "sqlite", "NEWSARCHIVE_DATA_DIR": str(indexed_dir)})
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=5)


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
