"""The reading page in a real Chromium: contents, anchors, languages, phone and print."""

import pytest

pytestmark = pytest.mark.browser

REVISION = "/m/certified-personnel/r/1"


def test_revision_page_toc_anchor_and_language_switch(live_server, page, artifacts):
    page.goto(live_server + REVISION)
    assert page.locator("h1").inner_text() == "认证人员管理办法（征求意见稿）"
    assert page.locator("html").get_attribute("lang") == "zh-Hans"

    page.locator("nav.toc").get_by_role("link", name="第二章 认证人员的能力与注册").click()

    assert page.evaluate("location.hash") == "#ch2"
    heading = page.locator("#ch2-h")
    assert heading.inner_text() == "第二章 认证人员的能力与注册"
    box = heading.bounding_box()
    assert -box["height"] / 2 < box["y"] < 200  # scrolled to the chapter (sub-pixel rounding)
    page.screenshot(path=artifacts / "revision-zh.png")

    page.get_by_role("button", name="English").click()

    page.wait_for_url(f"{live_server}{REVISION}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == (
        "Management Measures for Certified Personnel (Draft for Comments)"
    )
    assert (
        page.locator("#art12\\.p2")
        .inner_text()
        .startswith("2. The applicant shall be responsible for the truthfulness")
    )
    page.screenshot(path=artifacts / "revision-en.png")

    page.goto(live_server + "/")  # the choice is remembered on the next page
    assert page.locator("h1").inner_text() == "Drafts for comment"


def test_clause_anchor_and_copy_citation(live_server, page, artifacts):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(live_server + REVISION + "#art12.p2")

    assert page.locator(":target").get_attribute("id") == "art12.p2"
    button = page.locator("#art12\\.p2 button.copy-citation")
    page.locator("#art12\\.p2").hover()  # a paragraph's actions show on hover or focus
    button.click()

    assert page.evaluate("navigator.clipboard.readText()") == "第十二条第二款"
    page.screenshot(path=artifacts / "revision-anchor.png")


def test_side_by_side_phone_and_print(live_server, browser, artifacts):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    phone.goto(live_server + REVISION + "?text=both#art12")

    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing forces sideways scrolling on a phone
    assert phone.locator("#art12 .column[lang=en]").inner_text().startswith("1. An applicant")
    phone.screenshot(path=artifacts / "revision-phone-both.png")
    context.close()

    context = browser.new_context()
    printed = context.new_page()
    printed.goto(live_server + REVISION)
    printed.emulate_media(media="print")
    assert printed.locator("nav.toc").is_hidden()
    assert printed.locator("header.site-header").is_hidden()
    pdf = printed.pdf(path=artifacts / "revision-print.pdf", format="A4")
    assert pdf.startswith(b"%PDF")
    context.close()


def test_reading_works_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + REVISION)

    assert page.locator("#art12\\.p2").inner_text().startswith("申请人应当对其所提交材料")
    page.locator("nav.toc").get_by_role("link", name="第二章 认证人员的能力与注册").click()
    assert page.evaluate("location.hash") == "#ch2"
    assert page.locator("button.copy-citation").count() == 0  # the script adds them
    context.close()
