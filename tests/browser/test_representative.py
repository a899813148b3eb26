"""A newcomer becomes their unit's representative: register, verify the address from the mail,
ask to represent the unit, the team confirms, and the official-position box is offered."""

import email
import re
from email import policy

import pytest

from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser
NEWCOMER = "newcomer@example.org"
PASSWORD = "a long enough password 1"


def verification_link(live_mail) -> str:
    for path in sorted(live_mail.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        if message["To"] == NEWCOMER:
            [link] = set(re.findall(r"http://\S+/account/verify/\S+", message.get_content()))
            return link
    raise AssertionError("no verification mail")


def test_a_newcomer_becomes_a_confirmed_representative(
    live_server, live_mail, browser, page, artifacts
):
    page.goto(live_server + "/register")
    page.fill("input[name=name]", "新来者")
    page.fill("input[name=email]", NEWCOMER)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=confirm]", PASSWORD)
    page.check("input[name=unit_mode][value=existing]")
    page.select_option("select[name=unit_id]", label="北京某某质量认证中心有限公司（示例）")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "已向 newcomer@example.org 发送验证链接。" in page.locator(".flashes").inner_text()

    page.goto(verification_link(live_mail))
    assert "您的邮箱地址已验证。" in page.locator(".flashes").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="申请作为本单位代表").click()
    assert "已申请，等待确认。" in page.locator("main").inner_text()

    team = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN").new_page()
    sign_in(team, live_server, "team@example.org")
    team.goto(live_server + "/team")
    with team.expect_navigation():
        team.get_by_role("link", name="单位代表申请").click()
    row = team.locator("tr", has_text=NEWCOMER)
    with team.expect_navigation():
        row.get_by_role("button", name="确认", exact=True).click()
    assert "新来者 已确认为" in team.locator(".flashes").inner_text()
    team.context.close()

    page.goto(live_server + "/m/open-measure/r/1/comment")
    assert page.locator("input[name=official_position]").count() == 1
    page.screenshot(path=artifacts / "representative-comment-form.png", full_page=True)
