"""Chromium: the back button and "submit" again store the comment once and show its receipt."""

import re

import pytest

from tests.browser.conftest import BROWSER_USER, sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

BODY = "建议明确施行日期前已注册人员的过渡安排。"


def submit(page) -> None:
    with page.expect_navigation():
        page.locator("form button[type=submit]", has_text="提交意见").click()


def test_back_and_submit_again_shows_the_first_receipt(live_server, page, artifacts):
    sign_in(page, live_server, BROWSER_USER, PASSWORD, from_home=True)
    page.locator("main a[href$='/m/open-measure/r/1']").first.click()
    with page.expect_navigation():
        page.locator("a.clause__comment[href$='clause=art4']").click()
    page.fill("textarea[name=body]", BODY)
    submit(page)
    first_receipt = page.locator("strong.receipt").inner_text()
    assert page.locator(".flashes").inner_text() == "您的意见已收到。"

    page.go_back()
    body = page.locator("textarea[name=body]")
    if body.input_value() != BODY:  # the browser did not keep the text: typed again
        body.fill(BODY)
    submit(page)

    assert page.locator("strong.receipt").inner_text() == first_receipt
    assert re.fullmatch(
        r"此意见已于\d{4}-\d{2}-\d{2} \d{2}:\d{2}收到，未重复保存。",
        page.locator(".flashes").inner_text(),
    )
    page.screenshot(path=artifacts / "comment-received-again.png", full_page=True)
    with page.expect_navigation():
        page.locator(".site-nav a", has_text="我的意见").click()
    on_article_4 = page.locator("main tbody tr").filter(
        has=page.locator("td.citation", has_text=re.compile("^第四条$"))
    )
    assert on_article_4.locator("a.receipt").all_inner_texts() == [first_receipt]
