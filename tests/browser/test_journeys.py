"""Every role's journey in a real Chromium, clicking from the home page: one page.goto (the home
page) per journey, then only clicks, typing, choosing and the back button; the participant also
follows the verification link of the mail they got, as a person does. Each journey ends with
screenshots of its last page at 1280 and 390 px (tests/artifacts/journey-<role>-<width>.png).

The journeys share the session's live server with the other browser tests, so each one writes
under names of its own (JOURNEY in every text) and touches demo data only where the role needs
it: the 认证人员管理办法's second round (open for comment) for what participants write, the GB/T
draft (open too) for what the team writes, the measure's closed 2021 round for reading,
reviewing and downloading."""

import email
import io
import re
from datetime import date, timedelta
from email import policy

import pytest
from openpyxl import load_workbook

from app.demo.content import DEMO_PASSWORD
from app.feedback.files.form_writing import XLSX_HEADING_ROW

pytestmark = pytest.mark.browser

OPEN_DRAFT = "认证人员能力评价通用要求（征求意见稿）"  # the demo's GB/T draft, open for comment
MEASURE = "认证人员管理办法（征求意见稿）"  # the home page offers its second round, open now
COSIGNER = "上海某某管理体系认证有限公司（示例）"  # 张伟 represents it (app/demo/content.py)
CLOSED_DRAFT, FIRST_ROUND = (
    MEASURE,
    "征求意见稿",
)  # its 2021 round, answered and reported, one click from the second
PASSWORD = "a long enough password for journeys"
WIDE, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


# --- steps every journey uses ------------------------------------------------------------------


def open_home(page, live_server):
    """The one URL a journey types."""
    page.goto(live_server + "/")


def menu(page, name):
    """Click an entry of the site header's menu (and wait for the page it opens)."""
    with page.expect_navigation():
        page.locator(".site-nav").get_by_role("link", name=name, exact=True).click()


def click(page, locator):
    with page.expect_navigation():
        locator.click()


def sign_in(page, address, password=DEMO_PASSWORD):
    menu(page, "登录")
    page.get_by_label("电子邮箱").fill(address)
    page.get_by_label("密码").fill(password)
    click(page, page.locator("main").get_by_role("button", name="登录"))
    assert page.locator(".site-nav").get_by_role("button", name="退出").count() == 1


def open_draft(page, title):
    click(page, page.locator(".measure-card").get_by_role("link", name=title))
    assert page.locator("h1").inner_text() == title


def workbench(page, title, name, revision=None):
    """From the team's home, the workbench page ``name`` of the draft ``title`` (of its
    revision labelled ``revision`` when the draft has several)."""
    menu(page, "意见处理")
    row = page.locator("tr", has=page.get_by_text(title, exact=True))
    if revision:
        row = row.filter(has=page.get_by_role("cell", name=revision, exact=True))
    click(page, row.get_by_role("link", name=name, exact=True))


def workbench_nav(page, name):
    """The workbench navigation every team page carries."""
    click(page, page.locator("nav.workbench-nav").get_by_role("link", name=name, exact=True))


def flash(page) -> str:
    return page.locator(".flashes").inner_text()


def finish(page, artifacts, role):
    """The journey's last page, full length, on a wide screen and on a phone."""
    page.set_viewport_size(WIDE)
    page.screenshot(path=artifacts / f"journey-{role}-1280.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=artifacts / f"journey-{role}-390.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


# --- the visitor -------------------------------------------------------------------------------


def test_journey_visitor_reads_a_clause_its_comments_and_the_adoption_report(
    live_server, page, artifacts
):
    open_home(page, live_server)
    open_draft(page, MEASURE)
    shown = page.locator("nav.revision-switch .revision-switch__current strong").inner_text()
    assert shown == "第二稿（第2稿）"
    click(page, page.locator("nav.revision-switch").get_by_role("link", name="征求意见稿（第1稿）"))
    # An article's comment count leads to its published comments, with their answers.
    click(page, page.locator("#art3 a.comment-count"))
    assert page.locator("main h1").inner_text() == "第三条"
    assert page.locator(".public-answer").count() >= 1
    click(page, page.locator("nav.breadcrumbs").get_by_role("link", name=CLOSED_DRAFT))
    click(page, page.get_by_role("link", name="条文页 : 第十二条", exact=True))

    assert page.locator("main h1").inner_text() == "第十二条"
    public = page.locator("section", has=page.get_by_role("heading", name="公开的意见"))
    assert "建议注册信息系统支持电子证照" in public.inner_text()
    click(page, page.get_by_role("link", name="第十三条 →"))
    assert page.locator("main h1").inner_text() == "第十三条"
    page.go_back()
    assert page.locator("main h1").inner_text() == "第十二条"

    click(page, page.locator("nav.breadcrumbs").get_by_role("link", name=CLOSED_DRAFT))
    click(page, page.get_by_role("link", name="意见采纳情况说明"))
    assert page.locator("main h1").inner_text() == "意见采纳情况说明"
    assert "第十六条第一款" in page.locator("main").inner_text()
    # A visitor downloads nothing: the summary tables are for the team and officials, and the
    # feedback form is offered to signed-in readers only.
    assert page.get_by_role("link", name=re.compile("XLSX|DOCX")).count() == 0
    finish(page, artifacts, "visitor")


# --- the participant ---------------------------------------------------------------------------

PARTICIPANT = "journey-participant@example.org"


def verification_link(live_mail, address) -> str:
    """The link of the verification mail the live server wrote for ``address``."""
    for path in sorted(live_mail.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        if message["To"] == address:
            [link] = set(re.findall(r"http://\S+/account/verify/\S+", message.get_content()))
            return link
    raise AssertionError(f"no verification mail to {address}")


def submit_comment(page, body) -> str:
    """Fill the open comment form's text, submit it, and return the receipt number."""
    page.get_by_label("意见", exact=True).fill(body)
    click(page, page.get_by_role("button", name="提交意见"))
    assert page.locator(".flash").first.inner_text() == "您的意见已收到。"
    return page.locator("strong.receipt").inner_text()


def comment_link(page, citation):
    """The 意见 link of an article on the reading page."""
    return page.get_by_role("link", name=f"意见 : {citation}", exact=True)


def paragraph_link(page, citation):
    """The 意见 link every paragraph and item carries, named after its citation."""
    return page.get_by_role("link", name=f"对{citation}提出意见", exact=True)


def select_words(page, locator):
    """Drag across the first line of ``locator``'s text, as a reader selects words."""
    box = locator.bounding_box()
    page.mouse.move(box["x"] + 4, box["y"] + 10)
    page.mouse.down()
    page.mouse.move(box["x"] + 160, box["y"] + 10, steps=8)
    page.mouse.up()


def back_to_the_draft(page, title):
    """From a receipt, through the clause it names, up to the draft."""
    click(page, page.locator(".receipt-box dd a"))
    click(page, page.locator("nav.breadcrumbs").get_by_role("link", name=title))


def my_comment_row(page, receipt):
    return page.locator(".my-comments tbody tr", has=page.get_by_role("link", name=receipt))


def withdraw(page, receipt):
    """Withdraw from 我的意见: the link opens a page that asks first; nothing changes until
    its button is pressed."""
    click(page, my_comment_row(page, receipt).get_by_role("link", name="撤回"))
    assert page.locator("main h1").inner_text() == f"确定撤回意见 {receipt}？"
    click(page, page.get_by_role("button", name="确认撤回"))


def test_journey_participant_registers_verifies_comments_edits_and_withdraws(
    live_server, live_mail, page, artifacts
):
    open_home(page, live_server)
    menu(page, "注册")
    page.get_by_label("姓名").fill("旅程参与者")
    page.get_by_label("电子邮箱").fill(PARTICIPANT)
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_label("再次输入密码").fill(PASSWORD)
    page.get_by_label("以个人身份提出意见").check()
    click(page, page.get_by_role("button", name="创建账号"))
    assert f"已向 {PARTICIPANT} 发送验证链接。" in flash(page)

    page.goto(verification_link(live_mail, PARTICIPANT))  # the link in the mail
    assert "您的邮箱地址已验证。" in flash(page)

    menu(page, "征求意见稿")
    open_draft(page, MEASURE)
    click(page, comment_link(page, "第十二条"))
    article = submit_comment(page, "JOURNEY 条：注册有效期宜写明起算日。")

    back_to_the_draft(page, MEASURE)
    click(page, paragraph_link(page, "第二条第二款"))
    assert page.locator("main h1").inner_text() == "对第二条第二款提出意见"
    paragraph = submit_comment(page, "JOURNEY 款：认证人员的范围宜列举。")
    assert page.locator(".receipt-box dd a").inner_text() == "第二条第二款"

    back_to_the_draft(page, MEASURE)
    click(page, comment_link(page, "第四条"))
    select_words(page, page.locator("[data-quote-source]"))
    quoted = page.get_by_label("引用的条文文字（可选）").input_value()
    assert len(quoted) >= 3 and quoted in page.locator("[data-quote-source]").inner_text()
    quote = submit_comment(page, "JOURNEY 引文：这几个字宜改写。")
    assert quoted in page.locator("main").inner_text()

    back_to_the_draft(page, MEASURE)
    click(page, page.get_by_role("link", name="对全文提出意见"))
    whole = submit_comment(page, "JOURNEY 全文：总体赞成。")

    menu(page, "我的意见")
    rows = page.locator(".my-comments tbody tr td.citation").all_inner_texts()
    assert rows == ["全文", "第四条", "第二条第二款", "第十二条"]  # newest first
    click(page, my_comment_row(page, paragraph).get_by_role("link", name="修改"))
    page.get_by_label("意见", exact=True).fill("JOURNEY 款（修改后）：知识要求宜分项评价。")
    click(page, page.get_by_role("button", name="保存修改"))
    assert "JOURNEY 款（修改后）：知识要求宜分项评价。" in page.locator("main").inner_text()

    menu(page, "我的意见")
    withdraw(page, whole)
    assert flash(page) == f"您的意见 {whole} 已撤回。"
    statuses = {
        receipt: my_comment_row(page, receipt).locator("td.status").inner_text()
        for receipt in (article, paragraph, quote, whole)
    }
    assert statuses == {article: "已提交", paragraph: "已提交", quote: "已提交", whole: "已撤回"}
    finish(page, artifacts, "participant")


# --- the unit's representative -----------------------------------------------------------------


def test_journey_representative_gives_the_units_official_position_with_a_cosigner(
    live_server, page, artifacts
):
    # Every example member of a demo unit is its confirmed representative (app/demo/data.py);
    # not participant@example.org, whose 我的意见 tests/browser/test_layout.py reads.
    open_home(page, live_server)
    sign_in(page, "wang.jianguo@example.org")
    open_draft(page, MEASURE)
    click(page, comment_link(page, "第二十二条"))

    unit = page.locator("fieldset.field--unit")
    assert unit.locator("legend").inner_text() == "代表北京某某质量认证中心有限公司（示例）"
    page.get_by_label("意见", exact=True).fill("JOURNEY 单位：人日数的责任划分宜再细化。")
    unit.get_by_label("本意见为本单位正式意见").check()
    page.get_by_label("联名单位").select_option(label=COSIGNER)
    click(page, page.get_by_role("button", name="提交意见"))

    # The co-signing unit is named only once it has confirmed.
    receipt = page.locator("strong.receipt").inner_text()
    box = page.locator(".receipt-box")
    assert box.locator("dt").all_inner_texts()[4:6] == ["提出人", "待联名单位确认"]
    assert box.locator("dd").all_inner_texts()[4:6] == [
        "王建国 · 北京某某质量认证中心有限公司（示例） · 单位正式意见",
        COSIGNER,
    ]

    # The co-signing unit's representative confirms from their account page.
    click(page, page.locator(".site-nav").get_by_role("button", name="退出"))
    sign_in(page, "zhang.wei@example.org")
    menu(page, "张伟")
    click(page, page.get_by_role("link", name="本单位的代表申请与联名确认"))
    request = page.locator("li.cosignature-request", has_text=receipt)
    assert "JOURNEY 单位：人日数的责任划分宜再细化。" in request.inner_text()
    click(page, request.get_by_role("button", name="确认联名"))
    assert flash(page).strip() == f"{COSIGNER} 已确认联名意见 {receipt}。"
    assert page.locator("li.cosignature-request", has_text=receipt).count() == 0
    finish(page, artifacts, "representative")


# --- the project team --------------------------------------------------------------------------


def record_letter(page, author, clause, body) -> str:
    """Fast entry (录入) of a letter; returns the receipt of the recorded comment."""
    page.get_by_label("渠道").select_option(label="信函")
    page.get_by_label("提出人姓名").fill(author)
    page.get_by_label("条款").fill(clause)
    page.get_by_label("意见", exact=True).fill(body)
    click(page, page.get_by_role("button", name="录入意见"))
    [receipt] = re.findall(r"意见 (\S+) 已录入", flash(page))
    return receipt


def queue_row(page, receipt):
    return page.locator("tr.queue-row", has=page.get_by_role("link", name=receipt, exact=True))


def answer(page, disposition, reason):
    box = page.locator("form.response-form")
    box.get_by_label("处理意见").select_option(label=disposition)
    box.get_by_label("理由（中文）").fill(reason)
    click(page, box.get_by_role("button", name="保存为草稿"))
    summary = page.locator(".response-summary dd").all_inner_texts()
    assert summary[:3] == ["草稿", disposition, reason]


def filled_feedback_form(download, tmp_path) -> str:
    """The blank XLSX feedback form, filled in as a unit returns it (as tests/browser/
    test_outputs.py does); returns the file's path."""
    book = load_workbook(io.BytesIO(download.path().read_bytes()))
    sheet = book.worksheets[0]
    for offset, (citation, body) in enumerate([("5.1.2", "JOURNEY 表：技能要求宜举例。")]):
        sheet.cell(row=XLSX_HEADING_ROW + 1 + offset, column=2, value=citation)
        sheet.cell(row=XLSX_HEADING_ROW + 1 + offset, column=3, value=body)
    path = tmp_path / "journey-returned-form.xlsx"
    book.save(path)
    return str(path)


def test_journey_team_enters_answers_groups_consults_and_imports_a_form(
    live_server, page, artifacts, tmp_path
):
    open_home(page, live_server)
    sign_in(page, "team@example.org")

    # 录入: three letters received by post.
    workbench(page, OPEN_DRAFT, "快速录入")
    single = record_letter(page, "JOURNEY 来信人甲", "4.3", "JOURNEY 来信一：持续性要求过严。")
    first = record_letter(page, "JOURNEY 来信人乙", "6.1", "JOURNEY 来信二：评价方法宜列举。")
    second = record_letter(page, "JOURNEY 来信人丙", "6.1", "JOURNEY 来信三：宜列举评价方法。")

    # The queue → one comment → its answer.
    workbench_nav(page, "意见列表")
    click(page, queue_row(page, single).get_by_role("link", name=single))
    assert page.locator("main h1").inner_text() == f"意见 {single}"
    answer(page, "说明", "JOURNEY 持续性要求与注册准则一致。")

    # Two comments grouped, then the group answered.
    workbench_nav(page, "意见列表")
    for receipt in (first, second):
        page.get_by_label(f"选择 {receipt}").check()
    page.get_by_label("操作").select_option(label="归并所选意见")
    page.get_by_label("归并标题").fill("JOURNEY 评价方法列举")
    click(page, page.locator(".queue-bulk").get_by_role("button", name="应用"))
    assert flash(page) == "已归并 2 条意见。"
    assert queue_row(page, first).locator("td.queue-col--group").inner_text() == (
        "JOURNEY 评价方法列举"
    )
    click(page, queue_row(page, first).get_by_role("link", name="JOURNEY 评价方法列举"))
    assert page.locator("main h1").inner_text() == "JOURNEY 评价方法列举"
    answer(page, "采纳", "JOURNEY 第二稿列举评价方法。")

    # The consulted units: one invited by letter.
    workbench_nav(page, "征求意见单位")
    add = page.locator("form", has=page.get_by_role("button", name="加入名单"))
    add.get_by_label("提出单位").select_option(label="某某市质量协会（示例）")
    click(page, add.get_by_role("button", name="加入名单"))
    assert page.locator("tr", has_text="某某市质量协会（示例）").count() == 1

    workbench_nav(page, "统计概览")
    assert page.locator("svg[role=img]").count() >= 3

    # A returned feedback form: the blank one from the draft's page, filled, imported.
    menu(page, "征求意见稿")
    open_draft(page, OPEN_DRAFT)
    with page.expect_download() as blank:
        page.get_by_role("link", name="Excel (XLSX)").click()
    returned = filled_feedback_form(blank.value, tmp_path)
    workbench(page, OPEN_DRAFT, "意见表导入")
    page.set_input_files("input[type=file]", returned)
    click(page, page.get_by_role("button", name="读取反馈表"))
    assert page.locator("tr.preview-row--matched").count() == 1
    page.get_by_label("提交人姓名").fill("JOURNEY 填表人")
    click(page, page.get_by_role("button", name="导入未跳过的行"))
    assert "已导入 1 条意见" in flash(page)
    finish(page, artifacts, "team")


# --- the reviewer ------------------------------------------------------------------------------


def test_journey_reviewer_approves_one_answer_and_returns_another(live_server, page, artifacts):
    # The demo's 2021 round has two draft answers awaiting review.
    open_home(page, live_server)
    sign_in(page, "reviewer@example.org")
    workbench(page, CLOSED_DRAFT, "审核", FIRST_ROUND)
    approved, returned = page.locator("section.review").all()[:2]
    approved_title = approved.get_by_role("link").first.inner_text()
    returned_title = returned.get_by_role("link").first.inner_text()

    click(page, approved.get_by_role("button", name="审核通过"))
    returned = page.locator("section.review", has=page.get_by_role("link", name=returned_title))
    returned.get_by_label("退回意见（给起草人）").fill("JOURNEY 请补充第二稿的对应条款。")
    click(page, returned.get_by_role("button", name="退回修改"))
    assert page.locator("section.review", has_text=approved_title).count() == 0
    assert page.locator("section.review", has_text=returned_title).count() == 0

    workbench_nav(page, "归并")
    click(page, page.get_by_role("link", name=returned_title, exact=True))
    remarks = page.locator(".return-remarks .remarks")
    assert remarks.inner_text() == "JOURNEY 请补充第二稿的对应条款。"
    finish(page, artifacts, "reviewer")


# --- the official ------------------------------------------------------------------------------

SUMMARY_TYPES = {
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "DOCX": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "CSV": "text/csv; charset=utf-8",
    "JSON": "application/json",
}
SUMMARY_FILES = ["json", "csv", "docx", "xlsx"]  # the history, newest first


def test_journey_official_downloads_the_summary_in_every_format(live_server, page, artifacts):
    open_home(page, live_server)
    sign_in(page, "official@example.org")
    workbench(page, CLOSED_DRAFT, "下载", FIRST_ROUND)

    starts, addresses = {}, {}
    for label in SUMMARY_TYPES:
        link = page.locator(".download-links").get_by_role("link", name=f"汇总处理表 · {label}")
        with page.expect_download() as download:
            link.click()
        name = download.value.suggested_filename
        assert name == f"certified-personnel-r1-summary-zh.{label.lower()}"
        starts[label] = download.value.path().read_bytes()[:4]
        addresses[label] = download.value.url
    assert (
        starts
        == {
            "XLSX": b"PK\x03\x04",  # zip
            "DOCX": b"PK\x03\x04",
            "CSV": "\ufeff序".encode()[:4],  # the BOM, then the first heading
            "JSON": b"{\n  ",
        }
    )

    workbench_nav(page, "下载")
    history = page.locator("table.download-history tbody tr td:nth-child(3)").all_inner_texts()
    assert history[:4] == [f"certified-personnel-r1-summary-zh.{f}" for f in SUMMARY_FILES]
    finish(page, artifacts, "official")

    # A download fires no response event, passes no route and no CDP network event in
    # Chromium: each type is read by asking for the same address again (after the screenshot,
    # so that the history it shows lists each download once).
    types = {
        label: page.request.get(url).headers["content-type"] for label, url in addresses.items()
    }
    assert types == SUMMARY_TYPES


# --- the administrator -------------------------------------------------------------------------


def test_journey_admin_extends_a_period_and_finds_a_user(live_server, page, artifacts):
    open_home(page, live_server)
    sign_in(page, "admin@example.org")

    menu(page, "办法管理")
    card = page.locator("section.measure-card", has=page.get_by_text(OPEN_DRAFT, exact=True))
    click(page, card.get_by_role("link", name="信息、稿次和征求意见期"))
    click(page, page.get_by_role("link", name="修改第 1 稿的征求意见期"))
    closes = date.fromisoformat(page.get_by_label("截止日期").input_value())
    extended = (closes + timedelta(days=7)).isoformat()
    page.get_by_label("截止日期").fill(extended)
    page.get_by_label("延长理由").fill("JOURNEY 应标委会请求")
    click(page, page.get_by_role("button", name="保存征求意见期"))
    assert flash(page) == "征求意见期已保存。"
    assert page.locator("tr#revision-1 td").nth(1).inner_text() == "JOURNEY 应标委会请求"

    menu(page, "单位管理")
    page.get_by_role("searchbox").fill("认证认可协会")
    click(page, page.locator("form[role=search]").get_by_role("button", name="检索"))
    click(page, page.locator("table.units tbody tr th a").first)
    assert "认证认可协会" in page.locator("main h1").inner_text()

    menu(page, "账号管理")
    page.get_by_role("searchbox").fill("王建国")
    click(page, page.locator("form[role=search]").get_by_role("button", name="检索"))
    found = page.locator("table.users tbody tr")
    assert found.locator("td").first.inner_text() == "wang.jianguo@example.org"
    assert found.count() == 1
    finish(page, artifacts, "admin")
