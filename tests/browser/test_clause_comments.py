"""In a real Chromium: comment on one paragraph from its own 意见 link, and follow an article's
comment badge to its published comments and their answers."""

import re

import pytest

from tests.browser.conftest import BROWSER_USER, sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_a_paragraphs_comment_link_opens_the_form_on_it(live_server, page, artifacts):
    sign_in(page, live_server, BROWSER_USER, PASSWORD)
    page.goto(live_server + "/")
    page.get_by_role("link", name="样例管理办法（征求意见稿）").first.click()
    paragraph = page.locator("#art2\\.p2")
    link = paragraph.get_by_role("link", name="对第二条第二款提出意见")
    assert link.inner_text() == "意见"
    page.set_viewport_size(PHONE)
    paragraph.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "paragraph-comment-link-390.png")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=artifacts / "paragraph-comment-link-1280.png")
    page.emulate_media(media="print")
    assert not link.is_visible()  # the printed draft is the text alone
    page.emulate_media(media="screen")

    with page.expect_navigation():
        link.click()

    assert page.locator("h1").inner_text() == "对第二条第二款提出意见"
    page.fill("textarea[name=body]", "建议明确认证机构遵守的具体条款。")
    with page.expect_navigation():
        page.locator("form button[type=submit]", has_text="提交意见").click()
    receipt = page.locator("strong.receipt").inner_text()
    assert re.fullmatch(r"OM-R1-\d{6}", receipt)
    assert page.locator(".receipt-box a", has_text="第二条第二款").count() == 1
    page.screenshot(path=artifacts / "paragraph-comment-receipt.png", full_page=True)


def test_an_article_badge_leads_to_its_comments_and_their_answers(live_server, page, artifacts):
    page.goto(live_server + "/m/certified-personnel/r/1")
    badge = page.locator("#art3 a.comment-count")
    count = int(badge.inner_text().split()[0])

    with page.expect_navigation():
        badge.click()

    assert page.url == live_server + "/m/certified-personnel/r/1/c/art3#comments"
    section = page.locator("#comments")
    assert section.locator("h2").inner_text() == "公开的意见"
    box = section.bounding_box()
    assert -box["height"] < box["y"] < 100  # scrolled to the comments
    shown = section.locator("li.public-comment").count()
    hidden = section.locator(".public-comments__unpublished")
    unpublished = int(re.search(r"\d+", hidden.inner_text()).group()) if hidden.count() else 0
    assert shown + unpublished == count  # the badge's count, all accounted for
    answers = section.locator(".public-answer__title")
    assert answers.count() >= 1
    assert answers.first.inner_text().startswith("处理意见：")
    page.screenshot(path=artifacts / "clause-comments-answers-1280.png", full_page=True)
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    page.screenshot(path=artifacts / "clause-comments-answers-390.png", full_page=True)
