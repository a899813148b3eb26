"""The page frame in a real Chromium at a phone's width (390 px) and a wide screen (1440 px): a
compact header whose menu items stay on one line, 我的意见 with its labels, a readable queue,
the font chosen by the page's language and a favicon."""

import pytest

from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

QUEUE = "/m/certified-personnel/r/1/team/comments"
PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1440, "height": 900}


def switch_to_english(page):
    with page.expect_navigation():
        page.locator(".language-switch button").click()


def menu_item_heights(page) -> dict[str, float]:
    """Each header link or button against one line of its own text."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll(
            '.site-header a, .site-header button')].map(el => [el.textContent.trim(),
            el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)]))"""
    )


@pytest.mark.parametrize("english", [False, True])
def test_the_header_on_a_phone_is_compact_and_never_wraps_a_menu_item(
    live_server, browser, artifacts, english
):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    sign_in(page, live_server, "admin@example.org")  # the longest menu
    if english:
        switch_to_english(page)
    page.goto(live_server + "/m/certified-personnel/r/1")
    page.screenshot(path=artifacts / f"layout-header-390-{'en' if english else 'zh'}.png")

    header = page.locator(".site-header").bounding_box()["height"]
    lines = menu_item_heights(page)
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.site-header a, .site-header button')]"
        ".map(el => el.getBoundingClientRect().right))"
    )
    context.close()
    assert header <= 110, f"header {header}px tall at 390 px"
    assert widest <= PHONE["width"], f"the menu runs {widest}px wide, past the screen"
    assert {name: n for name, n in lines.items() if n >= 1.9} == {}


def test_my_comments_on_a_phone_keep_their_labels(live_server, browser, artifacts):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    sign_in(page, live_server, "participant@example.org")
    page.goto(live_server + "/my/comments")
    page.screenshot(path=artifacts / "layout-my-comments-390.png", full_page=True)

    # Every row, whatever its state (an open comment has a 操作 cell, a closed one none: which
    # comes first depends on what other browser tests wrote), labels each of its cells.
    rows = page.locator(".my-comments tbody tr").evaluate_all(
        """rows => rows.map(row => [...row.cells]
            .filter(c => getComputedStyle(c).display !== 'none' && c.textContent.trim())
            .map(c => getComputedStyle(c, '::before').content))"""
    )
    receipt = page.locator(".my-comments tbody tr").first.locator("td").first.bounding_box()
    context.close()
    columns = ['"受理编号"', '"文件"', '"条款"', '"状态"', '"收到时间"', '"处理意见"']
    assert rows and all(labels in (columns, [*columns, '"操作"']) for labels in rows), rows
    assert receipt["width"] <= 390


def test_the_queue_at_1440_px_has_no_column_narrower_than_three_characters(
    live_server, browser, artifacts
):
    context = browser.new_context(viewport=WIDE, locale="zh-CN")
    page = context.new_page()
    sign_in(page, live_server, "team@example.org")
    page.goto(live_server + QUEUE)
    page.screenshot(path=artifacts / "layout-queue-1440.png")

    # Every text cell of the first rows (not the checkbox column) is at least three characters wide (one font size each).
    narrow = page.evaluate(
        """() => [...document.querySelectorAll('.queue-table tr')].slice(0, 20)
            .flatMap(tr => [...tr.children])
            .filter(c => c.textContent.trim() && !c.querySelector('input, .visually-hidden'))
            .filter(c => c.getBoundingClientRect().width < 3 * parseFloat(getComputedStyle(c).fontSize))
            .map(c => c.textContent.trim())"""
    )
    receipt_lines = page.evaluate(
        """() => { const a = document.querySelector('.queue-table tbody td:nth-child(2) a');
            return a.getClientRects().length; }"""
    )
    context.close()
    assert narrow == []
    assert receipt_lines == 1


@pytest.mark.parametrize(
    ("english", "lang", "family"),
    [(False, "zh-Hans", "Noto Sans CJK SC"), (True, "en", "Liberation Sans")],
)
def test_one_font_family_per_interface_language(live_server, page, english, lang, family):
    page.goto(live_server + "/")
    if english:
        switch_to_english(page)
    first_family = page.evaluate(
        "() => getComputedStyle(document.querySelector('main h1')).fontFamily.split(',')[0]"
    )
    header_family = page.evaluate(
        "() => getComputedStyle(document.querySelector('.site-nav')).fontFamily.split(',')[0]"
    )
    assert page.locator("html").get_attribute("lang") == lang
    assert first_family.strip('"') == family
    assert header_family.strip('"') == family


def test_the_favicon_is_linked_and_favicon_ico_answers(live_server, page):
    page.goto(live_server + "/")
    href = page.locator("link[rel=icon]").get_attribute("href")
    response = page.request.get(live_server + "/favicon.ico")
    assert href == "/static/favicon.svg"
    assert response.status == 200
    assert response.headers["content-type"] == "image/svg+xml; charset=utf-8"
