"""Withdrawn and hidden comments in every file officials download: listed and marked, never
silently dropped nor silently counted — read back from the real files."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest
from docx import Document
from openpyxl import load_workbook

from app.comments.models import CommentStatus, Consent
from app.comments.moderation import hide_comment
from app.core.extensions import db
from app.measures.models import CommentVisibility
from app.triage.models import ResponseState
from tests.factories import make_comment, make_open_revision, make_response, make_user

WITHDRAWN = "已撤回（不计入合计）"
HIDDEN = "已隐藏：含有他人手机号码。"


@pytest.fixture
def scene(app, client, login_as):
    """Three comments on 第二条: one standing, one withdrawn, one hidden and answered."""
    revision = make_open_revision()
    revision.measure.comments_public = CommentVisibility.AT_ONCE
    db.session.commit()
    team = make_user("team")
    author = make_user(name="李甲")
    make_comment(revision, author, "art2", body="正常的意见。", consent=Consent.NAMED)
    make_comment(revision, author, "art2", body="撤回的意见。", status=CommentStatus.WITHDRAWN)
    hidden = make_comment(revision, author, "art2", body="隐藏的意见。", consent=Consent.NAMED)
    make_response(hidden, team, "noted", reason="已作说明。", state=ResponseState.APPROVED)
    hide_comment(comment=hidden, actor=team, reason="含有他人手机号码。", now=datetime(2026, 12, 5))
    db.session.commit()
    login_as(make_user("official"))
    return revision


def get(client, path: str, **args) -> bytes:
    reply = client.get(
        f"/m/sample-measure/r/1/downloads/{path}", query_string={"lang": "zh", **args}
    )
    assert reply.status_code == 200, path
    return reply.data


def by_body(rows, body_at: int, note_at: int) -> dict[str, str]:
    return {row[body_at]: row[note_at] or "" for row in rows if row[body_at]}


EXPECTED = {"正常的意见。": "", "撤回的意见。": WITHDRAWN, "隐藏的意见。": HIDDEN}


def test_the_xlsx_marks_them_in_the_remarks_and_counts_the_withdrawn_apart(scene, client):
    sheet = load_workbook(io.BytesIO(get(client, "summary.xlsx"))).active
    cells = list(sheet.iter_rows(values_only=True))
    heading = next(i for i, row in enumerate(cells) if row[0] == "序号")
    body = [row for row in cells[heading + 1 :] if isinstance(row[0], int)]

    assert by_body(body, 3, 7) == EXPECTED
    assert [row[6] for row in body] == [None, None, "说明：已作说明。"]  # answered as before
    totals = {row[0]: row[5] for row in cells if row[0] in ("意见", "已撤回（列出，不计入）")}
    assert totals == {"意见": 2, "已撤回（列出，不计入）": 1}


def test_the_docx_marks_them_in_the_remarks(scene, client):
    document = Document(io.BytesIO(get(client, "summary.docx")))
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows[1:]]
    assert by_body(rows, 3, 7) == EXPECTED
    totals = {row.cells[0].text: row.cells[1].text for row in document.tables[2].rows}
    assert totals["已撤回（列出，不计入）"] == "1"


def test_the_csv_marks_them_in_the_remarks(scene, client):
    text = get(client, "summary.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert by_body(rows[1:], 3, 7) == EXPECTED
    assert {len(row) for row in rows} == {8}  # still a rectangle


def test_the_json_gives_each_row_its_status_and_the_reason(scene, client):
    document = json.loads(get(client, "summary.json"))
    rows = {
        row["body"]: (row["status"], row["hidden_reason"], row["note"])
        for block in document["blocks"]
        for row in block["rows"]
    }
    assert document["format"] == "zhengqiu.summary/3"
    assert rows == {
        "正常的意见。": ("submitted", "", ""),
        "撤回的意见。": ("withdrawn", "", WITHDRAWN),
        "隐藏的意见。": ("hidden", "含有他人手机号码。", HIDDEN),
    }
    assert document["totals"][-1] == {"caption": "已撤回（列出，不计入）", "figure": 1}


def test_the_iso_sheet_marks_them_in_the_secretariats_observations(scene, client):
    sheet = load_workbook(io.BytesIO(get(client, "iso-comments.xlsx"))).active
    rows = [row for row in sheet.iter_rows(min_row=3, values_only=True) if row[5]]
    assert by_body(rows, 5, 7) == {
        "正常的意见。": "",
        "撤回的意见。": WITHDRAWN,
        "隐藏的意见。": f"{HIDDEN}\n说明：已作说明。",
    }


def test_the_cumulative_edition_marks_them_too(scene, client):
    book = load_workbook(io.BytesIO(get(client, "summary-cumulative.xlsx")))
    cells = list(book.worksheets[0].iter_rows(values_only=True))
    heading = next(i for i, row in enumerate(cells) if row[0] == "序号")
    body = [row for row in cells[heading + 1 :] if isinstance(row[0], int)]
    assert by_body(body, 3, 7) == EXPECTED
    document = json.loads(get(client, "summary-cumulative.json"))
    statuses = [r["status"] for b in document["editions"][0]["blocks"] for r in b["rows"]]
    assert statuses == ["submitted", "withdrawn", "hidden"]


def test_answered_only_leaves_out_the_unanswered_withdrawn_comment_by_choice(scene, client):
    document = json.loads(get(client, "summary.json", answered="1"))
    rows = [(r["body"], r["status"]) for b in document["blocks"] for r in b["rows"]]
    assert rows == [("隐藏的意见。", "hidden")]
    assert all(t["caption"] != "已撤回（列出，不计入）" for t in document["totals"])
