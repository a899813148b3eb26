"""A participant in a real Chromium: sign in, select words of a clause, comment, get a receipt."""

import re

import pytest

from tests.browser.conftest import BROWSER_USER, sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_selecting_clause_words_quotes_them_in_the_stored_comment(live_server, page, artifacts):
    sign_in(page, live_server, BROWSER_USER, PASSWORD)
    page.goto(live_server + "/m/open-measure/r/1/comment?clause=art2")
    source = page.locator("[data-quote-source]")
    clause_text = source.inner_text()
    box = source.bounding_box()

    # Drag across the first line of the clause text, as a reader selects words.
    page.mouse.move(box["x"] + 20, box["y"] + 12)
    page.mouse.down()
    page.mouse.move(box["x"] + 200, box["y"] + 12, steps=8)
    page.mouse.up()

    quoted = page.locator("[data-quote-exact]").input_value()
    assert len(quoted) >= 3
    assert quoted in clause_text
    page.fill("textarea[name=body]", "建议明确**适用范围**。")
    page.screenshot(path=artifacts / "comment-form-quoted.png", full_page=True)
    with page.expect_navigation():
        page.locator("form button[type=submit]", has_text="提交意见").click()

    receipt = page.locator("strong.receipt").inner_text()
    assert re.fullmatch(r"OM-R1-\d{6}", receipt)
    assert quoted in page.locator("main").inner_text()
    assert page.locator("main strong", has_text="适用范围").count() == 1  # Markdown rendered
    page.screenshot(path=artifacts / "comment-receipt.png", full_page=True)

    page.goto(live_server + "/my/comments")
    assert receipt in page.locator("main").inner_text()


def test_the_quote_box_works_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, BROWSER_USER, PASSWORD)
    page.goto(live_server + "/m/open-measure/r/1/comment?clause=art2")

    page.fill("[data-quote-exact]", "本办法适用于认证人员")
    page.fill("textarea[name=body]", "无脚本时也能引用条文。")
    with page.expect_navigation():
        page.locator("form button[type=submit]", has_text="提交意见").click()

    assert re.fullmatch(r"OM-R1-\d{6}", page.locator("strong.receipt").inner_text())
    assert "本办法适用于认证人员" in page.locator("main").inner_text()
    context.close()
