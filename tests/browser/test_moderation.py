"""Moderation in Chromium: with the open measure's comments published, a reader reports a
participant's published comment; the team sees the report in its queue and on the comment's
page, hides the comment with a reason; it is gone from the public clause page, and its author
reads why on their own comment's page (and in the mail)."""

import email
from email import policy

import pytest

from app.demo.content import DEMO_PASSWORD
from tests.browser.conftest import BROWSER_USER, sign_in
from tests.browser.test_cosigning import publish_open_measure
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser
BODY = "建议第三条写明施行日期的过渡安排（举报测试）。"
REASON = "该意见含有与本条无关的推广内容，不予公开。"


def test_a_reported_comment_is_hidden_and_its_author_told_why(
    live_server, live_mail, browser, page, artifacts
):
    publish_open_measure(browser, live_server, at_once=True)
    contexts = []

    def person(email_address: str, password: str = DEMO_PASSWORD):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        contexts.append(context)
        other = context.new_page()
        sign_in(other, live_server, email_address, password)
        return other

    try:
        # The author comments, to be published with their name.
        sign_in(page, live_server, "participant@example.org", DEMO_PASSWORD)
        page.goto(live_server + "/m/open-measure/r/1/comment?clause=art3")
        page.fill("textarea[name=body]", BODY)
        page.check("input[name=consent][value=named]")
        with page.expect_navigation():
            page.get_by_role("button", name="提交意见").click()
        receipt = page.locator("strong.receipt").inner_text()

        # A reader reports it from the clause page.
        reader = person(BROWSER_USER, PASSWORD)
        reader.goto(live_server + "/m/open-measure/r/1/c/art3")
        item = reader.locator("li.public-comment", has_text=BODY)
        with reader.expect_navigation():
            item.get_by_role("link", name="举报").click()
        reader.check("input[name=reason][value=other]")
        reader.fill("textarea[name=details]", "内容是广告推广。")
        reader.screenshot(path=artifacts / "moderation-report-form.png", full_page=True)
        with reader.expect_navigation():
            reader.get_by_role("button", name="提交举报").click()
        assert reader.locator(".flashes").inner_text().strip() == "感谢您的举报，起草组将予处理。"
        item = reader.locator("li.public-comment", has_text=BODY)
        assert item.locator(".public-comment__report").inner_text().strip() == "您已举报此意见"
        reader.screenshot(path=artifacts / "moderation-reported.png", full_page=True)

        # The team finds it under 被举报 and hides it with a reason.
        team = person("team@example.org")
        team.goto(live_server + "/m/open-measure/r/1/team/comments")
        facet = team.locator("section.facet[aria-labelledby=facet-moderation]")
        assert " ".join(facet.locator("li").first.inner_text().split()) == "被举报 1"
        with team.expect_navigation():
            facet.locator("a", has_text="被举报").click()
        with team.expect_navigation():
            team.get_by_role("link", name=receipt).click()
        box = team.locator("#moderation")
        assert box.locator("tr.report--open td").first.inner_text() == "其他"
        assert "内容是广告推广。" in box.inner_text()
        box.locator("textarea[name=reason]").fill(REASON)
        team.screenshot(path=artifacts / "moderation-team-page.png", full_page=True)
        with team.expect_navigation():
            box.get_by_role("button", name="对公众隐藏").click()
        assert team.locator(".flashes").inner_text().strip() == (
            "该意见已对公众隐藏，已告知意见提出人理由。"
        )
        assert REASON in team.locator("#hidden-notice").inner_text()
        assert team.locator("tr.report td:last-child").all_inner_texts() == ["已关闭：意见已隐藏"]
        team.screenshot(path=artifacts / "moderation-hidden-team.png", full_page=True)

        # Gone from the public clause page, which says that the team hid one.
        reader.goto(live_server + "/m/open-measure/r/1/c/art3")
        assert reader.locator("li.public-comment", has_text=BODY).count() == 0
        assert reader.locator(".public-comments__hidden").inner_text().strip() == (
            "本条另有 1 条意见已被起草组隐藏，不向公众展示。"
        )
        reader.screenshot(path=artifacts / "moderation-public-after.png", full_page=True)

        # The author reads why on their comment's page, and in the mail.
        page.goto(live_server + f"/comments/{receipt}")
        assert page.locator("dt:text-is('已隐藏') + dd").inner_text().startswith("起草组已于 ")
        assert REASON in page.locator("#comment-hidden").inner_text()
        page.screenshot(path=artifacts / "moderation-author-page.png", full_page=True)
        mails = [
            email.message_from_bytes(path.read_bytes(), policy=policy.default)
            for path in sorted(live_mail.glob("*.eml"))
        ]
        told = [m for m in mails if m["Subject"].endswith(receipt)]
        assert [m["To"] for m in told] == ["participant@example.org"]
        assert REASON in told[0].get_content()
    finally:  # the other browser tests expect the open measure unpublished
        for context in contexts:
            context.close()
        publish_open_measure(browser, live_server, at_once=False)
