"""The project team in a real Chromium: the queue of the demo draft, a clause filter, a comment
page with its seminar origin, an internal note, and the dashboard on a phone."""

import pytest

from tests.browser.conftest import sign_in
from tests.browser.pages import QUEUE

pytestmark = pytest.mark.browser


def test_the_team_filters_the_queue_reads_a_comment_and_adds_a_note(live_server, page, artifacts):
    sign_in(page, live_server, "team@example.org")
    page.goto(live_server + QUEUE)
    with page.expect_navigation():
        page.locator(".queue-facets a", has_text="第十六条").first.click()

    citations = page.locator("tr.queue-row td:nth-child(3)").all_inner_texts()
    assert citations and all(c.startswith("第十六条") for c in citations)
    page.screenshot(path=artifacts / "triage-queue-art16.png", full_page=False)

    with page.expect_navigation():
        page.locator("tr.queue-row a[href*='/team/comments/']").first.click()
    page.fill("textarea[name=body]", "与注册机构核实学时统计口径。")
    with page.expect_navigation():
        page.locator("#notes button[type=submit]").click()

    notes = page.locator("#notes .triage-note").all_inner_texts()
    assert any("与注册机构核实学时统计口径。" in note and "王立新" in note for note in notes)
    page.screenshot(path=artifacts / "triage-comment-note.png", full_page=True)


def test_a_seminar_comment_names_its_seminar_in_the_queue(live_server, page):
    sign_in(page, live_server, "team@example.org")
    page.goto(live_server + QUEUE + "?channel=seminar")

    channels = page.locator("tr.queue-row td:nth-child(5)").all_inner_texts()
    assert len(channels) == 15
    assert {c.split("\n")[1] for c in channels} == {
        "《认证人员管理办法（征求意见稿）》南京座谈会",
        "《认证人员管理办法（征求意见稿）》广州座谈会",
    }


def test_the_dashboard_fits_a_phone_without_scrolling_sideways(live_server, page, artifacts):
    sign_in(page, live_server, "team@example.org")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server + "/m/certified-personnel/r/1/team/dashboard")

    assert page.evaluate("document.documentElement.scrollWidth") == 390
    assert page.locator("svg[role=img]").count() >= 3
    page.screenshot(path=artifacts / "triage-dashboard-phone.png", full_page=True)
