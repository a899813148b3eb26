"""The revision cycle in Chromium, on SQLite and on PostgreSQL: the team uploads the 第二稿,
reviews and confirms its alignment, publishes it with its period; a visitor then reads what
changed (the 对照表 of 1...2) and the history of a renumbered clause."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask_migrate import upgrade

from app import create_app
from app.core.extensions import db
from app.core.timeutil import zone
from app.legaltext import parse_file
from app.measures.services import import_revision, sha256_hex
from tests.browser.conftest import ROOT, serving, sign_in
from tests.conftest import _sibling_database
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser

DRAFTS = ROOT / "drafts"
TEAM = "cycle-team@example.org"


@pytest.fixture(scope="module")
def cycle_server(database_url, tmp_path_factory):
    """A server of its own (the demo's server already has the 第二稿): revision 1 of the
    certified-personnel measure, closed, and one team account."""
    folder = tmp_path_factory.mktemp("cycle")
    url = _sibling_database(database_url, "zq_cycle", folder)
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "cycle-tests", "MAIL_FOLDER": folder}
    )
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        for name in ("certified-personnel-r1.zh.md", "certified-personnel-r1.en.md"):
            path = DRAFTS / name
            import_revision(
                document=parse_file(path), source_sha256=sha256_hex(path.read_bytes()), tz=zone()
            )
        make_user("team", email=TEAM, name="周八")
        db.session.commit()
    with serving(app) as served:
        yield served


def test_the_team_publishes_the_second_draft_and_a_visitor_sees_what_changed(
    cycle_server, page, artifacts, database_url
):
    engine = "postgresql" if database_url.startswith("postgresql") else "sqlite"
    sign_in(page, cycle_server, TEAM, PASSWORD)

    page.goto(cycle_server + "/m/certified-personnel")
    with page.expect_navigation():
        page.get_by_role("link", name="上传下一稿").click()
    assert page.locator("h1").inner_text() == "上传第 2 稿"
    page.set_input_files("input[name=file]", str(DRAFTS / "certified-personnel-r2.zh.md"))
    page.set_input_files("input[name=file_en]", str(DRAFTS / "certified-personnel-r2.en.md"))
    with page.expect_navigation():
        page.get_by_role("button", name="上传并对应").click()

    # The alignment review: unpublished, new articles found, nothing confirmed yet.
    assert page.url.endswith("/m/certified-personnel/r/2/team/lineage")
    assert page.locator(".lineage-unpublished").count() == 1
    assert page.locator(".lineage-kind--new").count() >= 4
    page.screenshot(path=artifacts / f"cycle-alignment-{engine}.png")
    with page.expect_navigation():
        page.get_by_role("button", name="确认条文对应").click()
    assert page.locator(".lineage-confirmed").count() == 1

    with page.expect_navigation():
        page.get_by_role("link", name="本稿管理页").click()
    with page.expect_navigation():
        page.get_by_role("link", name="发布第 2 稿……").click()
    today = date.today()
    page.fill("input[name=label]", "第二稿")
    page.fill("input[name=opens_on]", today.isoformat())
    page.fill("input[name=closes_on]", (today + timedelta(days=30)).isoformat())
    page.screenshot(path=artifacts / f"cycle-publish-{engine}.png", full_page=True)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.url == cycle_server + "/m/certified-personnel/r/2"
    assert "第二稿 已发布" in page.locator(".flashes").inner_text()

    # A visitor, signed out.
    page.context.clear_cookies()
    page.goto(cycle_server + "/m/certified-personnel")
    rows = page.locator("table.measure-revisions tbody tr")
    assert rows.count() == 2
    assert "征求意见中" in rows.nth(1).inner_text()
    assert "已结束" in rows.nth(0).inner_text()

    # What changed: the 对照表 of the two published revisions, opened from the measure's page.
    with page.expect_navigation():
        page.get_by_role("link", name="与上一稿对照").first.click()
    assert page.url == cycle_server + "/m/certified-personnel/compare/1...2"
    assert page.locator(".compare-row--new").count() >= 4
    assert page.locator(".compare-row--modified ins").count() > 0
    assert page.locator(".compare-row__answers").count() == 0  # no staff column for a visitor
    page.screenshot(path=artifacts / f"cycle-compare-{engine}.png")

    # The history of a renumbered clause: 第二十一条 of the 第二稿 was 第二十条.
    page.goto(cycle_server + "/m/certified-personnel/r/2/c/art21")
    history = page.locator("section.clause-history")
    assert "第二十条" in history.inner_text()
    page.screenshot(path=artifacts / f"cycle-clause-history-{engine}.png", full_page=True)
