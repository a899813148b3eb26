"""A co-signing unit confirms in Chromium: the demo participant (representative of one unit)
names another unit as co-signer; it waits on the receipt and is absent from the public page
until that unit's representative confirms it on the requests page."""

import pytest

from app.demo.content import DEMO_PASSWORD
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser
UNIT_B = "上海某某管理体系认证有限公司（示例）"


def publish_open_measure(browser, live_server, at_once: bool):
    """The admin publishes the open measure's comments at once with names (or stops)."""
    admin = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN").new_page()
    sign_in(admin, live_server, "admin@example.org", DEMO_PASSWORD)
    admin.goto(live_server + "/admin/measures")
    card = admin.locator("form[action$='/open-measure/publication']")
    card.locator("select[name$=comments_public]").select_option("at_once" if at_once else "never")
    card.locator("input[name$=names_public]").set_checked(at_once)
    with admin.expect_navigation():
        card.locator("button[type=submit]").click()
    admin.context.close()


def public_cosigners(page, live_server) -> list[str]:
    page.goto(live_server + "/m/open-measure/r/1/c/art2")
    item = page.locator("li.public-comment", has_text="建议明确适用范围（联名意见）。")
    assert item.count() == 1
    return item.locator(".public-comment__cosigners").all_inner_texts()


def test_a_unit_representative_confirms_a_co_signature(live_server, browser, page, artifacts):
    publish_open_measure(browser, live_server, at_once=True)
    try:
        sign_in(page, live_server, "participant@example.org", DEMO_PASSWORD)
        page.goto(live_server + "/m/open-measure/r/1/comment?clause=art2")
        page.fill("textarea[name=body]", "建议明确适用范围（联名意见）。")
        page.check("input[name=official_position]")
        page.select_option("select[name=cosigners]", label=UNIT_B)
        page.check("input[name=consent][value=named]")
        with page.expect_navigation():
            page.get_by_role("button", name="提交意见").click()
        receipt = page.locator("strong.receipt").inner_text()
        assert page.locator("dt:text-is('待联名单位确认') + dd").inner_text() == UNIT_B
        assert page.locator("dt:text-is('联名单位')").count() == 0
        assert public_cosigners(page, live_server) == []

        rep = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        rep_page = rep.new_page()
        sign_in(rep_page, live_server, "zhang.wei@example.org", DEMO_PASSWORD)
        rep_page.goto(live_server + "/account")
        with rep_page.expect_navigation():
            rep_page.get_by_role("link", name="本单位的代表申请与联名确认").click()
        request = rep_page.locator("li.cosignature-request", has_text=receipt)
        assert "建议明确适用范围（联名意见）。" in request.inner_text()
        rep_page.screenshot(path=artifacts / "cosignature-request.png", full_page=True)
        with rep_page.expect_navigation():
            request.get_by_role("button", name="确认联名").click()
        assert rep_page.locator(".flashes").inner_text().strip() == (
            f"{UNIT_B} 已确认联名意见 {receipt}。"
        )
        rep_page.screenshot(path=artifacts / "cosignature-confirmed.png", full_page=True)
        rep.close()

        assert public_cosigners(page, live_server) == [f"联名单位：{UNIT_B}"]
        page.screenshot(path=artifacts / "cosigned-public-comment.png", full_page=True)
        page.goto(live_server + f"/comments/{receipt}")
        assert page.locator("dt:text-is('联名单位') + dd").inner_text() == UNIT_B
        assert page.locator("dt:text-is('待联名单位确认')").count() == 0
    finally:  # the other browser tests expect the open measure unpublished
        publish_open_measure(browser, live_server, at_once=False)
