"""An administrator, from the home page and clicking only: extends a comment period with a
reason, finds an account by searching, and merges a unit entered twice."""

from datetime import date, timedelta

import pytest

from tests.browser.conftest import BROWSER_USER, DUPLICATE_UNIT, sign_in

pytestmark = pytest.mark.browser
KEPT_UNIT = "中国认证认可协会（示例）"  # the demo's


def sign_in_as_admin(page, live_server):
    sign_in(page, live_server, "admin@example.org", from_home=True)


def unit_rows(page) -> dict[str, list[str]]:
    """The units listed, by name: category, members, comments, representatives."""
    rows = {}
    for row in page.locator("table.units tbody tr").all():
        rows[row.locator("th a").inner_text()] = row.locator("td").all_inner_texts()
    return rows


def test_an_admin_extends_a_period_and_finds_a_user(live_server, page, artifacts):
    sign_in_as_admin(page, live_server)

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


def test_an_admin_merges_a_unit_entered_twice(live_server, page, artifacts):
    sign_in_as_admin(page, live_server)

    page.locator(".site-nav a", has_text="单位管理").click()
    page.fill("input[name=q]", "认证认可协会")
    page.locator("form[role=search] button", has_text="检索").click()
    before = unit_rows(page)
    assert sorted(before) == sorted([KEPT_UNIT, DUPLICATE_UNIT, "某某省认证认可协会（示例）"])
    assert before[DUPLICATE_UNIT] == ["行业协会", "2", "0", "无"]
    kept_members = int(before[KEPT_UNIT][1])

    page.get_by_role("link", name=DUPLICATE_UNIT).click()
    page.get_by_role("link", name="将本单位合并到其他单位").click()
    page.get_by_role("link", name=f"保留“{KEPT_UNIT}”").click()
    plan = dict(
        zip(
            page.locator("table.merge-plan th").all_inner_texts(),
            page.locator("table.merge-plan td").all_inner_texts(),
            strict=True,
        )
    )
    assert (plan["成员"], plan["意见"]) == ("2", "0")
    page.screenshot(path=artifacts / "admin-unit-merge-confirm.png", full_page=True)
    page.get_by_role("button", name=f"合并到“{KEPT_UNIT}”").click()

    assert page.locator(".flash").all_inner_texts() == [
        f"“{DUPLICATE_UNIT}”已合并到“{KEPT_UNIT}”。移入成员 2 人，意见 0 条。"
    ]
    assert page.locator("#unit-members").inner_text() == str(kept_members + 2)
    page.screenshot(path=artifacts / "admin-unit-kept.png", full_page=True)
    page.get_by_role("link", name="返回单位列表").click()
    page.fill("input[name=q]", "认证认可协会")
    page.locator("form[role=search] button", has_text="检索").click()
    after = unit_rows(page)
    assert sorted(after) == sorted([KEPT_UNIT, "某某省认证认可协会（示例）"])
    assert after[KEPT_UNIT][1] == str(kept_members + 2)
    page.screenshot(path=artifacts / "admin-units-merged.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts / "admin-units-merged-390.png", full_page=True)
