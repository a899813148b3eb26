"""The feedback form's round trip: a unit downloads the form, fills it offline with citations
written every which way, sends it back; the team previews every row and imports them at once."""

import io

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.comments.models import Channel, Comment
from app.core.extensions import db
from app.feedback.files.form_writing import XLSX_HEADING_ROW
from app.feedback.models import FormImport
from tests.factories import DEMO_ZH, make_revision, make_unit, make_user
from tests.pages import csrf_token, english, text


@pytest.fixture
def revision(app):
    return make_revision(DEMO_ZH.read_text(encoding="utf-8"))


def base(revision) -> str:
    return f"/m/{revision.measure.slug}/r/{revision.number}"


def fill_xlsx(data: bytes, rows: list[tuple[str, str, str, str]], unit: str) -> bytes:
    book = load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=1, max_row=XLSX_HEADING_ROW - 1):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("单位名称"):
                sheet.cell(row=cell.row, column=cell.column + 1, value=unit)
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=2):
            sheet.cell(row=XLSX_HEADING_ROW + 1 + offset, column=column, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, revision, data: bytes, name: str):
    page = text(client.get(f"{base(revision)}/team/forms"))
    return client.post(
        f"{base(revision)}/team/forms",
        data={"csrf_token": csrf_token(page), "file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def test_a_unit_fills_the_xlsx_and_the_team_imports_every_row_on_its_clause(
    revision, client, login_as
):
    english(client)
    unit = make_unit("丙认证有限公司", "CB")
    participant = make_user(unit=unit)
    login_as(participant)
    blank = client.get(f"{base(revision)}/feedback-form.xlsx")
    assert blank.status_code == 200
    top = [
        cell
        for row in load_workbook(io.BytesIO(blank.data))
        .worksheets[0]
        .iter_rows(max_row=XLSX_HEADING_ROW - 1, values_only=True)
        for cell in row
        if cell
    ]
    # The participant's form comes with their unit, name and e-mail filled in.
    assert {"丙认证有限公司", participant.name, participant.email} <= set(top)
    rows = [
        ("第十二条第二款", "第十二条第二款的要求过严。", "改为“应当”。", "实践中难以执行。"),
        ("第3条", "第三条应明确适用范围。", "", ""),
        ("十二条", "第十二条整体需要调整。", "", "与上位法不一致。"),
        ("总体", "建议增加过渡期。", "增加一条过渡条款。", ""),
        ("Article 12(2)", "Paragraph 2 should say who checks.", "", ""),
        ("12.2", "第十二条第二款另一条意见。", "", ""),
    ]
    filled = fill_xlsx(blank.data, rows, "丙认证有限公司")

    team = login_as(make_user("team"))
    reply = upload(client, revision, filled, "丙认证-反馈表.xlsx")
    assert reply.status_code == 303
    preview_url = reply.headers["Location"]
    preview = text(client.get(preview_url))
    assert preview.count("Matched") == 5 and "Whole draft" in preview
    assert f'<option value="{unit.id}" selected>' in preview  # the unit named on the form

    reply = client.post(
        preview_url,
        data={
            "csrf_token": csrf_token(preview),
            "received_on": "2021-02-01",
            "unit_id": str(unit.id),
        },
    )
    assert reply.status_code == 303, text(reply)
    stored = db.session.execute(
        select(Comment.body, Comment.channel, Comment.author_name).order_by(Comment.id)
    ).all()
    assert [(body, channel) for body, channel, _name in stored] == [
        (row[1], Channel.FORM) for row in rows
    ]
    keys = [c.clause.key if c.clause else None for c in db.session.scalars(select(Comment))]
    assert keys == ["art12.p2", "art3", "art12", None, "art12.p2", "art12.p2"]
    units = {c.unit.name for c in db.session.scalars(select(Comment))}
    assert units == {"丙认证有限公司"}
    imported = db.session.scalar(select(FormImport))
    assert (imported.state, imported.created, imported.committed_by_id) == ("committed", 6, team.id)
    assert (
        db.session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "form.import")
        )
        == 1
    )

    again = upload(client, revision, filled, "copy.xlsx")
    assert again.status_code == 303
    assert "already imported" in text(client.get(again.headers["Location"]))
    assert db.session.scalar(select(func.count()).select_from(Comment)) == 6


def test_an_unknown_clause_stops_the_whole_import_until_corrected_or_skipped(
    revision, client, login_as
):
    english(client)
    login_as(make_user("team"))
    blank = client.get(f"{base(revision)}/feedback-form.xlsx")
    filled = fill_xlsx(
        blank.data,
        [("第二条", "第二条意见。", "", ""), ("第九百九十九条", "不存在的条款。", "", "")],
        "丁协会",
    )
    preview_url = upload(client, revision, filled, "ding.xlsx").headers["Location"]
    preview = text(client.get(preview_url))
    assert "Unknown" in preview

    refused = client.post(
        preview_url, data={"csrf_token": csrf_token(preview), "received_on": "2021-02-01"}
    )
    assert refused.status_code == 400
    assert "Nothing was imported" in text(refused)
    assert db.session.scalar(select(func.count()).select_from(Comment)) == 0

    line = next(row.line for row in _rows() if row.citation == "第九百九十九条")
    done = client.post(
        preview_url,
        data={
            "csrf_token": csrf_token(preview),
            "received_on": "2021-02-01",
            f"clause-{line}": "第二条",
            "new_unit_name": "丁协会",
            "new_unit_category": "AS",
        },
    )
    assert done.status_code == 303
    assert [c.clause.key for c in db.session.scalars(select(Comment))] == ["art2", "art2"]
    assert {c.unit.name for c in db.session.scalars(select(Comment))} == {"丁协会"}


def _rows():
    from app.feedback.files.form_reading import read_form

    form_import = db.session.scalar(select(FormImport))
    return read_form(form_import.data, form_import.filename).rows


def test_a_docx_form_comes_back_too(revision, client, login_as):
    english(client)
    login_as(make_user("team"))
    document = Document(io.BytesIO(client.get(f"{base(revision)}/feedback-form.docx").data))
    table = max(document.tables, key=lambda t: len(t.rows))
    table.rows[1].cells[1].text = "第12条第2款"
    table.rows[1].cells[2].text = "应当细化。"
    out = io.BytesIO()
    document.save(out)
    preview_url = upload(client, revision, out.getvalue(), "form.docx").headers["Location"]
    preview = text(client.get(preview_url))
    assert "Matched" in preview and "art12.p2" in preview


def test_a_file_that_is_not_a_form_is_refused_and_not_kept(revision, client, login_as):
    english(client)
    login_as(make_user("team"))
    reply = upload(client, revision, b"\xd0\xcf\x11\xe0" + b"\0" * 600, "old.xls")
    assert reply.status_code == 303
    page = text(client.get(reply.headers["Location"]))
    assert "old.xls" in page
    assert db.session.scalar(select(func.count()).select_from(FormImport)) == 0


def test_the_command_line_dry_run_resolves_each_row_and_changes_nothing(revision, app, tmp_path):
    import json

    from app.feedback.files.form_writing import FormSpec, write_form_xlsx

    blank = write_form_xlsx(FormSpec(title="t", revision_label="r", language="zh", identifier="x"))
    path = tmp_path / "form.xlsx"
    path.write_bytes(
        fill_xlsx(blank, [("第12条第2款", "意见一", "", ""), ("第999条", "意见二", "", "")], "戊")
    )
    result = app.test_cli_runner().invoke(
        args=["forms", "import", str(path), "--measure", revision.measure.slug,
              "--revision", "1", "--dry-run", "--json"]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [(row["citation"], row["status"], row["key"]) for row in report["rows"]] == [
        ("第12条第2款", "matched", "art12.p2"),
        ("第999条", "unknown", None),
    ]
    assert report["rows"][1]["reason"]
    assert db.session.scalar(select(func.count()).select_from(Comment)) == 0


def test_a_form_that_names_nobody_asks_who_sent_it(revision, client, login_as):
    english(client)
    login_as(make_user("team"))
    blank = client.get(f"{base(revision)}/feedback-form.xlsx")
    filled = fill_xlsx(blank.data, [("第二条", "意见。", "", "")], "")
    preview_url = upload(client, revision, filled, "anonymous.xlsx").headers["Location"]
    preview = text(client.get(preview_url))

    refused = client.post(
        preview_url, data={"csrf_token": csrf_token(preview), "received_on": "2021-02-01"}
    )

    assert refused.status_code == 400
    assert "Please give the name of the person who made the comment." in text(refused)
    assert db.session.scalar(select(func.count()).select_from(Comment)) == 0


def test_the_team_sends_a_unit_a_form_with_its_name_and_participants_get_their_own(
    revision, client, login_as
):
    consulted = make_unit("己检测中心", "LB")
    login_as(make_user("team"))
    document = Document(
        io.BytesIO(client.get(f"{base(revision)}/feedback-form.docx?unit={consulted.id}").data)
    )
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "己检测中心" in cells

    login_as(make_user(unit=make_unit("庚认证有限公司")))
    asked = client.get(f"{base(revision)}/feedback-form.docx?unit={consulted.id}")
    cells = {
        cell.text
        for table in Document(io.BytesIO(asked.data)).tables
        for row in table.rows
        for cell in row.cells
    }
    assert "庚认证有限公司" in cells and "己检测中心" not in cells
