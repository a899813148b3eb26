"""Outputs in a real Chromium: an official's summary download, recorded; a returned feedback
form read, corrected row by row and imported by the team."""

import io

import pytest
from openpyxl import load_workbook

from app.feedback.files.form_writing import XLSX_HEADING_ROW
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

REVISION = "/m/certified-personnel/r/1"


def test_an_official_downloads_the_summary_and_the_download_is_listed(live_server, page, artifacts):
    sign_in(page, live_server, "official@example.org")
    page.goto(live_server + REVISION + "/downloads")
    with page.expect_download() as download:
        page.locator(".download-links a", has_text="XLSX").first.click()

    assert download.value.suggested_filename == "certified-personnel-r1-summary-zh.xlsx"
    data = download.value.path().read_bytes()
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert any(
        row[0] == "序号" and row[2] == "意见针对稿次" and row[6] == "处理意见" for row in rows
    )
    page.reload()
    history = page.locator("table.download-history tbody tr").all_inner_texts()
    assert any("certified-personnel-r1-summary-zh.xlsx" in row for row in history)
    page.screenshot(path=artifacts / "outputs-downloads.png", full_page=True)


def test_the_team_imports_a_returned_form_after_skipping_an_unknown_row(
    live_server, page, artifacts, tmp_path
):
    sign_in(page, live_server, "team@example.org")
    blank = page.request.get(live_server + REVISION + "/feedback-form.xlsx")
    book = load_workbook(io.BytesIO(blank.body()))
    sheet = book.worksheets[0]
    for offset, (citation, body) in enumerate(
        [
            ("第12条第2款", "学时计算应明确。"),
            ("第九十九条", "没有这一条。"),
            ("总体", "整体赞成。"),
        ]
    ):
        sheet.cell(row=XLSX_HEADING_ROW + 1 + offset, column=2, value=citation)
        sheet.cell(row=XLSX_HEADING_ROW + 1 + offset, column=3, value=body)
    filled = tmp_path / "returned.xlsx"
    book.save(filled)

    page.goto(live_server + REVISION + "/team/forms")
    page.set_input_files("input[type=file]", str(filled))
    with page.expect_navigation():
        page.locator("form.upload-form button[type=submit]").click()
    assert page.locator("tr.preview-row--matched").count() == 1
    assert page.locator("tr.preview-row--unknown").count() == 1
    reading = page.locator("tr.preview-row--unknown td").nth(2).inner_text()
    assert " ".join(reading.split()) == "无法识别 本稿没有第九十九条"  # the reason in Chinese too
    page.screenshot(path=artifacts / "outputs-form-preview.png", full_page=True)

    page.locator("tr.preview-row--unknown input[type=checkbox]").check()
    page.fill("input[name=author_name]", "孙丁")
    with page.expect_navigation():
        page.locator("button", has_text="导入未跳过的行").click()

    assert "已导入 2 条意见" in page.locator(".flashes").inner_text()
