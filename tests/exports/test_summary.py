"""The summary and handling table as officials receive it: which comments, in which order,
under which answer, with which figures — read back from the downloaded files."""

import csv
import hashlib
import io
import json
from datetime import date

import pytest
from docx import Document
from flask_babel import force_locale
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.comments.models import Channel, CommentStatus, Consent
from app.core.extensions import db
from app.exports.models import Download
from app.exports.summary import SummaryOptions, build_iso_sheet, build_summary
from app.triage.models import ResponseState
from tests.factories import (
    make_comment,
    make_event,
    make_group,
    make_open_revision,
    make_response,
    make_unit,
    make_user,
)
from tests.pages import english


@pytest.fixture
def scene(app):
    """A revision with comments on the whole draft and on clauses, a group of two under one
    approved answer, a published single answer, a draft answer, a withdrawn comment, an
    anonymous individual and a seminar remark."""
    revision = make_open_revision()
    team = make_user("team", name="王组员")
    cb = make_unit("甲认证有限公司", "CB")
    tb = make_unit("乙培训机构", "TB")
    alice = make_user(unit=cb, name="李甲")
    bob = make_user(unit=tb, name="赵乙")
    carol = make_user(name="钱丙")  # an individual
    seminar = make_event(revision)
    c = {
        "art3.i1": make_comment(revision, alice, "art3.p1.i1", body="第三条第一项定义过宽。"),
        "art2": make_comment(revision, bob, "art2", body="适用范围应包括实习审核员。"),
        "general": make_comment(revision, carol, None, body="整体结构清晰。"),
        "art2.p2": make_comment(
            revision, alice, "art2.p2", body="=HYPERLINK(\"http://x\")", proposed="+1"
        ),
        "art2-bis": make_comment(revision, carol, "art2", body="建议明确实习审核员。"),
        "art4": make_comment(
            revision, carol, "art4", body="施行日期过早。", consent=Consent.ANONYMOUS
        ),
        "withdrawn": make_comment(
            revision, bob, "art1", body="撤回的意见。", status=CommentStatus.WITHDRAWN
        ),
        "seminar": make_comment(
            revision, bob, "art1", body="座谈会上的意见。", channel=Channel.SEMINAR,
            event_id=seminar.id, late=True,
        ),
    }  # fmt: skip
    group = make_group(revision, [c["art2"], c["art2-bis"]], title="实习审核员")
    make_response(
        group, team, "partly", reason="部分采纳，增加实习审核员。", state=ResponseState.APPROVED
    )
    make_response(c["art3.i1"], team, "adopted", reason="", state=ResponseState.PUBLISHED)
    make_response(c["art4"], team, "not_adopted", reason="草稿中的回答。")  # a draft
    return revision, team, c


def summary(revision, **options):
    with force_locale("en"):
        return build_summary(revision, SummaryOptions(**options), today=date(2021, 3, 1))


def test_rows_follow_the_document_with_general_comments_first_and_groups_together(scene):
    revision, _team, c = scene
    table = summary(revision, language="zh")

    assert [(row.number, row.citation, row.body) for row in table.rows] == [
        (1, "总体", "整体结构清晰。"),
        (2, "第一条", "撤回的意见。"),  # listed, marked withdrawn, not counted
        (3, "第一条", "座谈会上的意见。"),
        (4, "第二条", "适用范围应包括实习审核员。"),
        (5, "第二条", "建议明确实习审核员。"),
        (6, "第二条第二款", '=HYPERLINK("http://x")'),
        (7, "第三条第一项", "第三条第一项定义过宽。"),
        (8, "第四条", "施行日期过早。"),
    ]
    grouped = table.blocks[3]
    assert [row.number for row in grouped.rows] == [4, 5]
    assert grouped.answer == "部分采纳：增加实习审核员。"  # the label once
    assert table.blocks[5].answer == "采纳"  # published, no reason
    assert table.blocks[6].answer == ""  # the draft answer does not count yet
    assert table.totals == (
        ("意见", 7),
        ("采纳", 1),
        ("部分采纳", 2),
        ("未采纳", 0),
        ("说明", 0),
        ("不属于本文件调整范围", 0),
        ("待处理", 4),
        ("已撤回（列出，不计入）", 1),
    )


def test_proposers_and_remarks_respect_consent_and_the_names_option(scene):
    revision, _team, _c = scene
    named = {row.body: (row.unit, row.note) for row in summary(revision, language="en").rows}
    assert named["整体结构清晰。"] == ("钱丙", "")
    assert named["适用范围应包括实习审核员。"] == ("乙培训机构", "")
    assert named["施行日期过早。"] == ("Individual", "")  # asked to stay anonymous
    assert named["座谈会上的意见。"] == (
        "乙培训机构",
        "Seminar, 南京 2021-01-15; Received after the period closed",
    )
    unnamed = {row.body: row.unit for row in summary(revision, language="en", names=False).rows}
    assert unnamed["适用范围应包括实习审核员。"] == "Certification training body"
    assert unnamed["整体结构清晰。"] == "Individual"


def test_only_answered_keeps_the_reviewed_answers_and_their_totals(scene):
    revision, _team, _c = scene
    table = summary(revision, language="en", answered_only=True)
    assert [row.number for row in table.rows] == [1, 2, 3]
    assert [row.body for row in table.rows] == [
        "适用范围应包括实习审核员。",
        "建议明确实习审核员。",
        "第三条第一项定义过宽。",
    ]
    assert dict(table.totals)["Pending"] == 0
    assert dict(table.totals)["Comments"] == 3


def test_the_iso_sheet_splits_the_citation_into_clause_and_paragraph(scene):
    revision, _team, _c = scene
    with force_locale("en"):
        sheet = build_iso_sheet(revision, SummaryOptions(language="zh"), today=date(2021, 3, 1))
    rows = {row.comment.split("\n")[0]: row for row in sheet.rows}
    assert (rows["第三条第一项定义过宽。"].clause, rows["第三条第一项定义过宽。"].paragraph) == (
        "第三条",
        "第一项",
    )
    assert rows['=HYPERLINK("http://x")'].paragraph == "第二款"
    assert rows["第三条第一项定义过宽。"].observations == "采纳"
    assert rows["整体结构清晰。"].member == "认证人员（个人）"
    # Line number: the clause's line in the printed draft; none for the draft as a whole.
    clauses = {clause.key: clause.position + 1 for clause in revision.clauses}
    assert rows["第三条第一项定义过宽。"].line == str(clauses["art3.p1.i1"])
    assert rows["适用范围应包括实习审核员。"].line == str(clauses["art2"])
    assert rows["整体结构清晰。"].line == ""
    assert int(rows["适用范围应包括实习审核员。"].line) < int(rows["第三条第一项定义过宽。"].line)


# Downloads ---------------------------------------------------------------------------------


def download(client, revision, fmt, **args):
    url = f"/m/{revision.measure.slug}/r/{revision.number}/downloads/summary.{fmt}"
    return client.get(url, query_string=args)


def test_an_official_downloads_the_xlsx_and_it_matches_the_database(scene, client, login_as):
    revision, _team, _c = scene
    official = login_as(make_user("official", name="国家局官员"))

    reply = download(client, revision, "xlsx", lang="zh")

    assert reply.status_code == 200
    assert reply.headers["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(reply.data)).active
    cells = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    flat = [str(value) for row in cells for value in row if value is not None]
    assert cells[0][0] == "征求意见汇总处理表"
    assert cells[1][0] == revision.measure.title
    heading = next(i for i, row in enumerate(cells) if row[0] == "序号")
    assert list(cells[heading][:8]) == [
        "序号", "章条编号", "意见针对稿次", "意见内容", "修改建议", "提出单位", "处理意见", "备注",
    ]  # fmt: skip
    body = [row for row in cells[heading + 1 :] if isinstance(row[0], int)]
    stored = db.session.scalar(
        select(func.count())
        .select_from(_comments())
        .where(_comments().c.revision_id == revision.id)  # withdrawn ones too, marked
    )
    assert [row[0] for row in body] == list(range(1, stored + 1))
    assert [row[1] for row in body][:4] == ["总体", "第一条", "第一条", "第二条"]
    assert {row[2] for row in body} == {revision.label}  # the revision commented on
    assert "'=HYPERLINK" not in flat  # a spreadsheet cell stays text, unchanged
    recorded = db.session.scalars(select(Download)).all()
    assert [(d.user_id, d.kind, d.sha256) for d in recorded] == [
        (official.id, "summary.xlsx", hashlib.sha256(reply.data).hexdigest())
    ]
    assert recorded[0].options == {"language": "zh", "answered_only": False, "names": True}


def _comments():
    from app.comments.models import Comment

    return Comment.__table__


def test_the_same_data_gives_the_same_file(scene, client, login_as):
    revision, _team, _c = scene
    login_as(make_user("official"))
    for fmt in ("xlsx", "docx", "csv", "json"):
        first, second = download(client, revision, fmt), download(client, revision, fmt)
        assert first.data == second.data, fmt
    assert db.session.scalar(select(func.count()).select_from(Download)) == 8


def test_the_docx_lists_the_same_rows_under_the_same_heading(scene, client, login_as):
    revision, _team, _c = scene
    login_as(make_user("team"))
    document = Document(io.BytesIO(download(client, revision, "docx", lang="en").data))
    table = max(document.tables, key=lambda t: len(t.rows))
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    heading = next(i for i, row in enumerate(rows) if row[0] == "No.")
    numbers = [row[0] for row in rows[heading + 1 :] if row[0].isdigit()]
    assert numbers == [str(n) for n in range(1, 9)]
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape


def test_csv_neutralises_formulas_and_json_keeps_the_rows(scene, client, login_as):
    revision, _team, _c = scene
    login_as(make_user("reviewer"))
    data = download(client, revision, "csv").data
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    cells = [cell for line in lines for cell in line]
    assert '\'=HYPERLINK("http://x")' in cells
    assert "'+1" in cells
    document = json.loads(download(client, revision, "json").data)
    bodies = [row["body"] for block in document["blocks"] for row in block["rows"]]
    assert bodies[:3] == ["整体结构清晰。", "撤回的意见。", "座谈会上的意见。"]
    assert '=HYPERLINK("http://x")' in bodies  # JSON is data: nothing to neutralise


def test_the_downloads_page_lists_who_downloaded_what(scene, client, login_as):
    revision, _team, _c = scene
    english(client)
    login_as(make_user("official", name="国家局官员"))
    download(client, revision, "json", lang="en", answered="1", names="0")

    page = client.get(f"/m/{revision.measure.slug}/r/{revision.number}/downloads")

    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "国家局官员" in html
    assert f"{revision.measure.slug}-r1-summary-en-answered-no-names.json" in html


def test_participants_cannot_download_the_summary(scene, client, login_as):
    revision, _team, _c = scene
    login_as(make_user())
    assert download(client, revision, "xlsx").status_code == 403
    assert db.session.scalar(select(func.count()).select_from(Download)) == 0


def test_the_command_line_writes_the_summary_and_records_it(scene, app, tmp_path):
    revision, _team, _c = scene
    official = make_user("official", email="official@samr.example")
    out = tmp_path / "summary.csv"

    result = app.test_cli_runner().invoke(
        args=["export", "summary", "--measure", revision.measure.slug, "--revision", "1",
              "--format", "csv", "--as", "official@samr.example", "--out", str(out)]
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert digest in result.output
    recorded = db.session.scalars(select(Download)).all()
    assert [(d.user_id, d.kind, d.sha256) for d in recorded] == [
        (official.id, "summary.csv", digest)
    ]


def test_each_download_writes_the_disposition_once(scene, client, login_as):
    """A reason that begins with its own label ("部分采纳，…") is printed after the label once,
    in every format officials download."""
    revision, _team, _c = scene
    login_as(make_user("official", name="国家局官员"))
    once, single = "部分采纳：增加实习审核员。", "采纳"

    xlsx = load_workbook(io.BytesIO(download(client, revision, "xlsx", lang="zh").data)).active
    answers = [row[6] for row in xlsx.iter_rows(min_row=6, max_row=13, values_only=True)]
    assert answers == [None, None, None, once, None, None, single, None]

    docx = Document(io.BytesIO(download(client, revision, "docx", lang="zh").data))
    cells = [row.cells[6].text for row in docx.tables[0].rows[1:]]
    assert cells == ["", "", "", once, once, "", single, ""]  # the merged cell reads the same twice

    text = download(client, revision, "csv", lang="zh").data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert [row[6] for row in rows[1:]] == ["", "", "", once, once, "", single, ""]

    url = f"/m/{revision.measure.slug}/r/{revision.number}/downloads/iso-comments.xlsx"
    iso = load_workbook(io.BytesIO(client.get(url).data)).active
    observations = {
        row[5].split("\n")[0]: row[7] for row in iso.iter_rows(min_row=3, values_only=True)
    }
    assert observations["适用范围应包括实习审核员。"] == once
    assert observations["第三条第一项定义过宽。"] == single


def test_each_summary_format_names_its_content_type_once(scene, client, login_as):
    revision, _team, _c = scene
    login_as(make_user("official", name="国家局官员"))
    types = {
        fmt: download(client, revision, fmt).headers["Content-Type"]
        for fmt in ("xlsx", "docx", "csv", "json")
    }
    assert types == {
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "csv": "text/csv; charset=utf-8",  # was sent with the charset twice
        "json": "application/json",
    }


def test_the_csv_is_the_table_only_and_the_json_has_the_figures(scene, client, login_as):
    revision, _team, _c = scene
    login_as(make_user("official", name="国家局官员"))
    text = download(client, revision, "csv", lang="zh").data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 1 + 8  # the heading, then one line per comment: no footer blocks
    assert {len(row) for row in rows} == {8}
    document = json.loads(download(client, revision, "json", lang="zh").data)
    assert [(item["caption"], item["figure"]) for item in document["totals"]] == [
        ("意见", 7), ("采纳", 1), ("部分采纳", 2), ("未采纳", 0), ("说明", 0),
        ("不属于本文件调整范围", 0), ("待处理", 4), ("已撤回（列出，不计入）", 1),
    ]  # fmt: skip
    assert [item["caption"] for item in document["figures"]] == [
        "① 征求意见单位数", "② 回复单位数", "③ 回复并提出意见的单位数", "④ 未回复单位数",
    ]  # fmt: skip
