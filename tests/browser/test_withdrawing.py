"""A participant withdraws a comment in Chromium, clicking only: 我的意见 → 撤回 → the
confirmation page → 确认撤回 → the row says 已撤回."""

import pytest

from tests.browser.conftest import BROWSER_USER, sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_withdrawing_from_my_comments_asks_then_marks_it_withdrawn(live_server, page, artifacts):
    sign_in(page, live_server, BROWSER_USER, PASSWORD)
    page.goto(live_server + "/m/open-measure/r/1/comment?clause=art2")
    page.fill("textarea[name=body]", "这条意见稍后撤回。")
    with page.expect_navigation():
        page.locator("form button[type=submit]", has_text="提交意见").click()
    receipt = page.locator("strong.receipt").inner_text()

    with page.expect_navigation():
        page.locator("header a", has_text="我的意见").click()
    row = page.locator(f"tr[id='{receipt}']")
    assert row.locator("td.status").inner_text() == "已提交"
    with page.expect_navigation():
        row.locator("a", has_text="撤回").click()

    main = page.locator("main")
    assert main.locator("h1").inner_text() == f"确定撤回意见 {receipt}？"
    assert "这条意见稍后撤回。" in main.inner_text()
    assert main.locator(".withdraw-consequences li").all_inner_texts() == [
        "已撤回的意见不予公开、不予处理，也不计入意见汇总。",
        "记录仍予保留：起草组仍可看到该意见曾被受理、后被撤回，受理编号不变。",
        "撤回后不能恢复。征求意见期间内，您可以另行提交新的意见。",
    ]
    page.screenshot(path=artifacts / "withdraw-confirmation.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    page.screenshot(path=artifacts / "withdraw-confirmation-390.png", full_page=True)
    with page.expect_navigation():
        main.locator("button", has_text="确认撤回").click()

    assert page.url == live_server + "/my/comments"
    row = page.locator(f"tr[id='{receipt}']")
    assert row.locator("td.status").inner_text() == "已撤回"
    assert row.locator("td.actions").inner_text().strip() == ""
    assert f"您的意见 {receipt} 已撤回。" in page.locator("main").inner_text()
    page.screenshot(path=artifacts / "withdraw-done-390.png", full_page=True)
