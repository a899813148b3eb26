"""The team's search box in Chromium: a unit's partial name lists its comments saying why,
and a receipt number typed in lower case opens that comment."""

import pytest

from tests.browser.conftest import sign_in
from tests.browser.pages import QUEUE

pytestmark = pytest.mark.browser


def search(page, words: str) -> None:
    page.fill("#queue-q", words)
    with page.expect_navigation():
        page.locator(".queue-search button[type=submit]").click()


def test_the_team_finds_a_unit_by_part_of_its_name_then_a_comment_by_receipt(
    live_server, page, artifacts
):
    sign_in(page, live_server, "team@example.org")
    page.goto(live_server + QUEUE)

    search(page, "认证认可协会")

    rows = page.locator("tr.queue-row")
    reasons = rows.locator(".match-reasons").all_inner_texts()
    assert reasons and len(reasons) == rows.count()
    assert set(reasons) <= {"匹配：正文", "匹配：单位", "匹配：正文、单位"}
    by_unit = rows.filter(has_text="匹配：单位")
    assert by_unit.count() > 0
    for author in by_unit.locator("td.queue-col--author").all_inner_texts():
        assert "认证认可协会" in author
    page.screenshot(path=artifacts / "team-search-unit.png", full_page=False)

    receipt = by_unit.first.locator("td a").first.inner_text()
    search(page, receipt.lower())

    assert page.locator("main h1").inner_text().endswith(receipt)
    assert f"已按受理编号找到意见 {receipt}。" in page.locator(".flashes").inner_text()
    page.screenshot(path=artifacts / "team-search-receipt.png", full_page=False)
