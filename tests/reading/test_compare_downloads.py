"""The comparison as files (/m/<slug>/compare/<old>...<new>.docx|.xlsx): a landscape table of
the rows, before · after (· the staff's answers), additions bold and underlined, deletions
struck through; cells never read as formulas."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText
from sqlalchemy import select

from app.exports.models import Download
from tests.factories import make_comment, make_response, make_user
from tests.reading.rounds import two_revisions

URL = "/m/sample-measure/compare/1...2"


@pytest.fixture
def rounds(app, db):
    return two_revisions()


def download(client, fmt: str) -> bytes:
    response = client.get(f"{URL}.{fmt}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    return response.data


def marked_runs(cell) -> list[tuple[str, str]]:
    """A DOCX cell's runs as (mark, text): "ins" bold and underlined, "del" struck through."""
    found = []
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            if run.font.strike:
                found.append(("del", run.text))
            elif run.bold and run.underline:
                found.append(("ins", run.text))
    return found


def test_docx_is_a_landscape_table_with_the_marks(rounds, client):
    document = Document(io.BytesIO(download(client, "docx")))

    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    footer = document.sections[0].footer.paragraphs[0]
    assert [code.text for code in footer._p.iter(qn("w:instrText"))] == [" PAGE ", " NUMPAGES "]
    assert footer.text == "第 1 页 共 1 页"  # the fields' results until Word updates them
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["修改", "修改前", "修改后"]
    assert [row.cells[0].text for row in table.rows[1:]] == [
        "未改动",
        "新增",
        "已修改",
        "已拆分",
        "条序变动",
    ]
    modified = table.rows[3].cells
    assert modified[1].text == "第二条\u3000认证人员应当具备相应的专业能力。"
    assert marked_runs(modified[2]) == [("ins", "和良好的职业道德")]
    split = table.rows[4].cells
    assert marked_runs(split[1]) == [("del", "，")]
    assert [p.text for p in split[2].paragraphs] == [
        "第四条\u3000认证机构应当对认证人员进行培训和考核。",
        "第五条\u3000考核不合格的认证人员，不得从事认证活动。",
    ]
    assert marked_runs(split[2]) == [("ins", "。"), ("ins", "认证人员")]


def test_xlsx_rows_with_rich_text_marks(rounds, client):
    sheet = load_workbook(io.BytesIO(download(client, "xlsx")), rich_text=True).active

    assert [c.value for c in sheet[3]] == ["修改", "修改前", "修改后"]
    assert [sheet.cell(row, 1).value for row in range(4, sheet.max_row + 1)] == [
        "未改动",
        "新增",
        "已修改",
        "已拆分",
        "条序变动",
    ]
    assert sheet.cell(4, 2).value == "第一条\u3000为了规范认证人员的管理，制定本办法。"
    after = sheet.cell(6, 3).value
    assert isinstance(after, CellRichText)
    marks = [
        (str(block.text), block.font.b, block.font.u)
        for block in after
        if not isinstance(block, str) and block.font.u
    ]
    assert marks == [("和良好的职业道德", True, "single")]
    before = sheet.cell(7, 2).value
    assert [str(b.text) for b in before if not isinstance(b, str) and b.font.strike] == ["，"]


def test_the_staff_edition_has_the_answers_and_no_formula(rounds, client, login_as, db):
    first, _second = rounds
    team = make_user("team")
    make_response(make_comment(first, make_user(), "art2"), team, "adopted", reason="=1+1")

    assert load_workbook(io.BytesIO(download(client, "xlsx"))).active.max_column == 3
    login_as(make_user("reviewer"))
    sheet = load_workbook(io.BytesIO(download(client, "xlsx"))).active
    assert sheet.cell(3, 4).value == "相关处理意见"
    answer = sheet.cell(6, 4)
    assert answer.data_type == "s"
    assert answer.value.endswith("：=1+1")
    document = Document(io.BytesIO(download(client, "docx")))
    assert document.tables[0].rows[3].cells[3].text.endswith("：=1+1")
    # the staff's edition (answers in draft included) is recorded as the summary's are
    recorded = db.session.scalars(select(Download).order_by(Download.id)).all()
    assert [(d.kind, d.options["compare"]) for d in recorded] == [
        ("compare.xlsx", "1...2"),
        ("compare.docx", "1...2"),
    ]


def test_an_unknown_format_or_hidden_pair_is_not_found(rounds, client, db):
    assert client.get(f"{URL}.pdf").status_code == 404
    _first, second = rounds
    second.published_at = None
    db.session.commit()
    assert client.get(f"{URL}.docx").status_code == 404
