"""An administrator, from the home page and clicking only: extends a comment period with a
reason and finds an account by searching."""

from datetime import date, timedelta

import pytest

from tests.browser.conftest import BROWSER_USER, sign_in

pytestmark = pytest.mark.browser


def test_an_admin_extends_a_period_and_finds_a_user(live_server, page, artifacts):
    sign_in(page, live_server, "admin@example.org", from_home=True)

    page.locator(".site-nav a", has_text="办法管理").click()
    card = page.locator("section.measure-card").filter(has=page.locator("a[href$='/open-measure']"))
    card.get_by_role("link", name="信息、稿次和征求意见期").click()
    page.get_by_role("link", name="修改第 1 稿的征求意见期").click()
    opens = page.locator("input[name=opens_on]").input_value()
    closes = date.fromisoformat(page.locator("input[name=closes_on]").input_value())
    extended = (closes + timedelta(days=15)).isoformat()
    page.fill("input[name=closes_on]", extended)
    page.locator("button[type=submit]", has_text="保存征求意见期").click()
    assert page.locator(".form .field__error").all_inner_texts() == [
        "截止日期晚于原定日期：请填写延长理由。"
    ]
    page.fill("textarea[name=extension_reason]", "应行业协会请求")
    page.locator("button[type=submit]", has_text="保存征求意见期").click()

    assert page.locator(".flash").all_inner_texts() == ["征求意见期已保存。"]
    row = page.locator("tr#revision-1 td").all_inner_texts()
    assert row[:2] == [f"{opens} – {extended}", "应行业协会请求"]
    page.get_by_role("link", name="办法的公开页面").click()
    assert (
        page.locator(".period-extension").inner_text()
        == f"征求意见期延长至{extended}（应行业协会请求）"
    )
    page.screenshot(path=artifacts / "admin-period-extended.png", full_page=True)

    page.locator(".site-nav a", has_text="账号管理").click()
    page.fill("input[name=q]", BROWSER_USER)
    page.locator("form[role=search] button", has_text="检索").click()

    assert page.locator("table.users tbody tr td").first.inner_text() == BROWSER_USER
    assert page.locator("table.users tbody tr").count() == 1
    assert page.locator("nav.filters strong").inner_text() == "全部 (1)"
    page.screenshot(path=artifacts / "admin-user-found.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts / "admin-user-found-390.png", full_page=True)
