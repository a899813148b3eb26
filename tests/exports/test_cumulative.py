"""The cumulative edition: every published revision's summary in one file, each comment under
the revision it was made on (one sheet per revision in XLSX)."""

import csv
import dataclasses
import io
import json

import pytest
from docx import Document
from openpyxl import load_workbook

from app.exports.writers.xlsx import write_cumulative_xlsx
from tests.exports.samples import chinese_summary
from tests.factories import make_closed_revision, make_comment, make_revision, make_user
from tests.lineage.helpers import SECOND_BODY
from tests.pages import text


@pytest.fixture
def two(app, db):
    first = make_closed_revision()
    second = make_revision(SECOND_BODY, revision="2", label="第二稿")
    author = make_user("participant", name="李四")
    make_comment(first, author, "art1", body="第一稿第一条的意见。")
    make_comment(first, author, "art2", body="第一稿第二条的意见。")
    make_comment(second, author, "art2", body="第二稿第二条的意见。")
    # An unpublished third revision is not in the edition.
    third = make_revision(SECOND_BODY, revision="3", label="送审稿", opens=None, closes=None)
    third.published_at = None
    db.session.commit()
    return first, second


def url(number: int, fmt: str) -> str:
    return f"/m/sample-measure/r/{number}/downloads/summary-cumulative.{fmt}"


@pytest.fixture
def official(client, login_as):
    return login_as(make_user("official", name="国家局官员"))


def test_the_xlsx_has_one_sheet_per_published_revision(two, client, official):
    reply = client.get(url(2, "xlsx"))

    assert reply.status_code == 200
    assert 'summary-cumulative-zh.xlsx"' in reply.headers["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(reply.data))
    assert workbook.sheetnames == ["征求意见稿", "第二稿"]
    bodies = {}
    for sheet in workbook.worksheets:
        rows = [
            row for row in sheet.iter_rows(min_row=6, values_only=True) if isinstance(row[0], int)
        ]
        bodies[sheet.title] = [(row[2], row[3]) for row in rows]
    assert bodies == {
        "征求意见稿": [
            ("征求意见稿", "第一稿第一条的意见。"),
            ("征求意见稿", "第一稿第二条的意见。"),
        ],
        "第二稿": [("第二稿", "第二稿第二条的意见。")],
    }


def test_up_to_revision_one_the_edition_is_revision_one_alone(two, client, official):
    workbook = load_workbook(io.BytesIO(client.get(url(1, "xlsx")).data))

    assert workbook.sheetnames == ["征求意见稿"]


def test_csv_json_and_docx_carry_every_revision(two, client, official):
    lines = list(csv.reader(io.StringIO(client.get(url(2, "csv")).data.decode("utf-8-sig"))))
    document = json.loads(client.get(url(2, "json")).data)
    docx = Document(io.BytesIO(client.get(url(2, "docx")).data))

    assert lines[0][2] == "意见针对稿次"
    assert [(line[2], line[3]) for line in lines[1:]] == [
        ("征求意见稿", "第一稿第一条的意见。"),
        ("征求意见稿", "第一稿第二条的意见。"),
        ("第二稿", "第二稿第二条的意见。"),
    ]
    assert document["format"] == "zhengqiu.summary-cumulative/1"
    assert [e["header"]["revision_label"] for e in document["editions"]] == ["征求意见稿", "第二稿"]
    tables = [t for t in docx.tables if t.rows[0].cells[0].text == "序号"]
    assert [len(t.rows) - 1 for t in tables] == [2, 1]


def test_the_downloads_page_offers_it_once_there_are_two_revisions(two, client, official):
    page = text(client.get("/m/sample-measure/r/2/downloads"))
    first_page = text(client.get("/m/sample-measure/r/1/downloads"))

    assert "summary-cumulative.xlsx" in page and "征求意见稿、第二稿" in page
    assert "summary-cumulative" not in first_page


def test_participants_may_not_download_it(two, client, login_as):
    login_as(make_user("participant"))

    assert client.get(url(2, "xlsx")).status_code == 403
    assert client.get(url(2, "pdf")).status_code == 403


def test_sheet_names_stay_unique_and_within_excels_limits():
    summary = chinese_summary()
    long = "第二稿：[修改]/征求意见稿*？" * 3

    named = [
        dataclasses.replace(
            summary, header=dataclasses.replace(summary.header, revision_label=label)
        )
        for label in ("第二稿", "第二稿", long)
    ]
    workbook = load_workbook(io.BytesIO(write_cumulative_xlsx(named)))

    assert workbook.sheetnames[:2] == ["第二稿", "第二稿 (2)"]
    assert len(workbook.sheetnames[2]) <= 31 and not set("[]/*?:\\") & set(workbook.sheetnames[2])
