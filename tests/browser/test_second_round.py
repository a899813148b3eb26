"""A newcomer finds the 认证人员管理办法 open for comment in the demo (its second round) and
comments on it, clicking from the home page; the 2021 round stays one click away."""

import re

import pytest

from tests.browser.conftest import BROWSER_USER
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_a_newcomer_comments_on_the_open_second_draft_from_the_home_page(
    live_server, page, artifacts
):
    page.goto(live_server + "/")
    open_section = page.locator("section[aria-labelledby=open-heading]")
    with page.expect_navigation():
        open_section.get_by_role("link", name="认证人员管理办法（征求意见稿）").click()
    assert page.url == live_server + "/m/certified-personnel/r/2"
    assert page.locator(".revision-meta .badge").inner_text() == "第二稿"
    assert page.locator(".revision-meta .status--open").inner_text() == "征求意见中"

    # The first round is one click away, and points back to the open draft.
    with page.expect_navigation():
        page.locator("nav.revision-switch").get_by_role("link", name="征求意见稿（第1稿）").click()
    assert page.url == live_server + "/m/certified-personnel/r/1"
    page.screenshot(path=artifacts / "second-round-first-round-notice.png")
    with page.expect_navigation():
        page.locator(".newer-draft").get_by_role("link", name="第二稿").click()

    with page.expect_navigation():
        page.get_by_role("link", name="对全文提出意见").click()
    page.fill("input[name=email]", BROWSER_USER)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    page.fill("textarea[name=body]", "第二稿采纳了延续注册时限的意见，赞成。")
    with page.expect_navigation():
        page.locator("form button[type=submit]", has_text="提交意见").click()

    assert re.fullmatch(r"CP-R2-\d{6}", page.locator("strong.receipt").inner_text())
    page.screenshot(path=artifacts / "second-round-receipt-1280.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts / "second-round-receipt-390.png", full_page=True)
