"""An admin reads a participant's comment in the audit trail, in Chinese words and Beijing time."""

import re

import pytest

from app.demo.content import DEMO_PASSWORD
from tests.browser.conftest import BROWSER_USER
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def sign_in(page, live_server, email, password):
    page.goto(live_server + "/")
    page.locator(".site-nav a", has_text="登录").click()
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()


def test_an_admin_finds_a_participants_comment_in_the_trail(live_server, browser, artifacts):
    participant = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = participant.new_page()
    sign_in(page, live_server, BROWSER_USER, PASSWORD)
    page.goto(live_server + "/m/open-measure/r/1/comment?clause=art2.p2")
    page.fill("textarea[name=body]", "建议写明审计记录的保存期限。")
    with page.expect_navigation():
        page.locator("form button[type=submit]", has_text="提交意见").click()
    receipt = page.locator("strong.receipt").inner_text()
    participant.close()

    admin = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = admin.new_page()
    sign_in(page, live_server, "admin@example.org", DEMO_PASSWORD)
    page.locator(".site-nav a", has_text="审计记录").click()
    page.select_option("select[name=action]", label="提交意见")
    page.locator("form[role=search] button", has_text="检索").click()

    assert page.locator("table.audit-trail th").first.inner_text() == "时间（北京时间）"
    row = page.locator("table.audit-trail tbody tr").filter(has_text=receipt)
    cells = row.locator("td").all_inner_texts()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", cells[0])
    assert cells[2:4] == ["提交意见", f"意见 {receipt}"]
    changes = row.locator(".audit-changes li").all_inner_texts()
    assert changes[:3] == [f"受理编号: {receipt}", "条款: 第二条第二款", "类型: 总体"]
    page.screenshot(path=artifacts / "audit-comment-submitted.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts / "audit-comment-submitted-390.png", full_page=True)
    admin.close()
