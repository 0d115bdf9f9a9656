"""The research pages in real headless Chromium over our own press: compare, cite box, chart interval, phone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import playwright.sync_api as playwright_sync
import pytest

from tests import research_press
from tests.conftest import embedded
from tests.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, served

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("research-browser")
    research_press.build(data_dir, embedded(data_dir))
    with served(data_dir) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[object]:
    assert CHROMIUM.exists(), "needs Debian's chromium at /usr/bin/chromium (scripts/system-deps installs it)"
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright_sync.sync_playwright() as pw:
        running = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield running
        running.close()


def _open(browser, base_url: str, **options: object):  # noqa: ANN001, ANN202 - Playwright objects
    context = browser.new_context(base_url=base_url, accept_downloads=True, locale="vi-VN", **options)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return tab, errors


@pytest.fixture()
def page(browser, base_url: str) -> Iterator[object]:  # noqa: ANN001
    tab, errors = _open(browser, base_url, viewport={"width": 1280, "height": 900})
    yield tab
    tab.context.close()
    assert not errors, errors  # no script error and no CSP violation


def test_compare_page_draws_a_line_per_query_and_links_their_searches(page) -> None:  # noqa: ANN001
    page.goto("/compare")
    page.get_by_label("Truy vấn 1").fill("UBND")
    page.get_by_label("Truy vấn 2").fill("Hội đồng nhân dân")
    page.get_by_label("Tỷ lệ").check()
    page.get_by_role("button", name="So sánh").click()
    page.wait_for_url("**/compare?q=UBND*")
    assert page.locator("svg.chart polyline.series").count() == 2
    rows = page.locator(".compare-totals tbody tr")
    assert rows.count() == 2
    page.screenshot(path=str(ARTIFACTS / "compare.png"), full_page=True)
    with page.expect_download() as png:
        page.get_by_role("button", name="PNG").click()
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    shown = int(rows.nth(1).locator("td").nth(1).inner_text())
    rows.nth(1).get_by_role("link").click()
    page.wait_for_url("**/?q=H*")
    assert int(page.locator(".total strong").inner_text()) == shown


def test_cite_box_gives_the_citation_and_the_files(page, tmp_path: Path) -> None:  # noqa: ANN001
    article = research_press.articles()[1]
    page.goto(f"/article/{article.id}")
    box = page.locator("#cite")
    assert article.url in box.locator('textarea[data-citation="apa"]').input_value()
    assert "2026-11-20" in page.locator("#provenance time.captured").inner_text()
    box.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "cite.png"), full_page=True)
    with page.expect_download() as bib:
        box.get_by_role("link", name="BibTeX").click()
    text = Path(bib.value.path()).read_text(encoding="utf-8")
    assert text.startswith(f"@article{{newsarchive-{article.id},") and "urldate = {2026-11-20}" in text


def test_chart_interval_changes_the_periods_and_table(page) -> None:  # noqa: ANN001
    page.goto("/?q=UBND&province=C%C3%A0+Mau")
    cells = page.locator(".attention-table tbody tr td:first-child")
    assert cells.first.text_content() == "2016-01"
    page.locator(".intervals").get_by_role("link", name="tuần").click()
    page.wait_for_url("**interval=week*")
    assert page.locator(".intervals strong").inner_text() == "tuần"
    weeks = cells.all_text_contents()
    assert weeks[0] == "2015-12-28" and len(weeks) > 25  # zero-filled Mondays, Jan to Jul
    labels = page.locator("#chart-count svg text")
    box = page.locator("#chart-count svg").bounding_box()
    for i in range(labels.count()):  # no axis label cut off at the chart's edges
        label = labels.nth(i).bounding_box()
        assert box["x"] - 1 <= label["x"] and label["x"] + label["width"] <= box["x"] + box["width"] + 1
    page.screenshot(path=str(ARTIFACTS / "chart-week.png"), full_page=True)


def test_phone_layout_shows_results_first_and_filters_behind_a_button(browser, base_url: str) -> None:  # noqa: ANN001
    tab, errors = _open(browser, base_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab.goto("/?q=UBND")
    button = tab.get_by_role("button", name="Bộ lọc")
    assert button.is_visible() and not tab.locator("#facets").is_visible()
    assert tab.locator(".results .result").first.is_visible()
    tab.screenshot(path=str(ARTIFACTS / "phone.png"), full_page=True)
    button.click()
    assert tab.locator("#facets").is_visible() and button.get_attribute("aria-expanded") == "true"
    assert tab.locator(".results-pane").bounding_box()["y"] < tab.locator("#facets").bounding_box()["y"]
    tab.screenshot(path=str(ARTIFACTS / "phone-filters.png"), full_page=True)
    tab.locator("#facet-paper").get_by_role("checkbox", name="Báo Đồng Bằng").click()
    tab.wait_for_url("**paper=*")
    tab.context.close()
    assert not errors, errors
