"""The compare page in a real Chromium: a visitor opens it from the measure's page, unfolds a
run of unchanged articles, reads old and new side by side; the staff see the third column;
on a phone the columns stack and nothing runs past the screen."""

import pytest

from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

WIDE = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


def test_a_visitor_opens_the_comparison_and_unfolds_unchanged_articles(
    live_server, browser, artifacts
):
    context = browser.new_context(viewport=WIDE, locale="zh-CN")
    page = context.new_page()
    page.goto(live_server + "/m/certified-personnel")
    with page.expect_navigation():
        page.get_by_role("link", name="与上一稿对照").first.click()
    assert page.url.endswith("/m/certified-personnel/compare/1...2")

    first_fold = page.locator("details.compare__unchanged").first
    article = first_fold.locator(".compare-row").first
    assert not article.is_visible()
    first_fold.locator("summary").click()
    assert article.is_visible()
    modified = page.locator(".compare-row--modified").first
    old, new = (
        modified.locator(".compare-row__old").bounding_box(),
        modified.locator(".compare-row__new").bounding_box(),
    )
    assert new["x"] > old["x"] + old["width"] - 1, "old and new side by side"
    assert modified.locator("ins").count() > 0
    assert page.locator(".compare-row__answers").count() == 0
    page.screenshot(path=artifacts / "compare-1440.png")
    context.close()


def test_the_staff_column_and_a_phone(live_server, browser, artifacts):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    sign_in(page, live_server, "team@example.org")
    page.goto(live_server + "/m/certified-personnel/compare/1...2")
    assert page.locator(".compare-row__answers a").count() > 0
    widest = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=artifacts / "compare-390.png")
    context.close()
    assert widest <= PHONE["width"], f"the page runs {widest}px wide on a phone"
