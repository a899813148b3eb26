"""The feedback form (意见反馈表) as files: written for units, filled in, read back."""

import io

import pytest
from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from openpyxl import load_workbook

from app.feedback.files import (
    FormRow,
    FormSpec,
    ReturnedForm,
    content_sha256,
    read_form,
    write_form_docx,
    write_form_xlsx,
)

TITLE_ZH = "认证人员管理办法（征求意见稿）"
TITLE_EN = "Management Measures for Certified Personnel"
CITATIONS_ZH = ["第一条", "第二条", "第十二条", "第十二条第二款", "第十二条第二款第三项"]
CITATIONS_EN = ["Article 1", "Article 2", "Article 12", "Article 12(2)", "Article 12(2)(c)"]
INSTRUCTIONS_ZH = (
    "填写说明：每行填写一条意见。“章条编号”请写明具体条款，如“第十二条第二款第三项”；"
    "对征求意见稿的总体意见，请填写“总体”。请勿修改表头。"
)
INSTRUCTIONS_EN = (
    "How to fill in: one comment per row. In the Clause column cite the provision, "
    "e.g. “Article 12(2)(c)”; for a comment on the draft as a whole write “General”. "
    "Please keep the column headings."
)
HEADINGS_ZH = ["序号", "章条编号", "意见内容", "修改建议", "理由"]
HEADINGS_EN = ["No.", "Clause", "Comment", "Proposed wording", "Reason"]


def _spec(language="zh", **changes):
    fields = {
        "title": TITLE_ZH if language == "zh" else TITLE_EN,
        "revision_label": "征求意见稿" if language == "zh" else "Draft for Comments",
        "language": language,
        "identifier": "certified-personnel/r1",
        "citations": CITATIONS_ZH if language == "zh" else CITATIONS_EN,
    }
    return FormSpec(**(fields | changes))


def _saved(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _values(sheet, row, columns="ABCDE"):
    return [sheet[f"{column}{row}"].value for column in columns]


# --- written forms --------------------------------------------------------------------------


def test_blank_xlsx_form_zh_has_top_block_headings_and_clause_drop_down():
    book = load_workbook(io.BytesIO(write_form_xlsx(_spec())))

    assert book.sheetnames == ["意见反馈表", "条款列表"]
    sheet, choices = book["意见反馈表"], book["条款列表"]
    assert [sheet["A1"].value, sheet["A2"].value, sheet["A3"].value] == [
        "意见反馈表",
        TITLE_ZH,
        INSTRUCTIONS_ZH,
    ]
    assert _values(sheet, 4) == ["单位名称", None, None, "联系人", None]
    assert _values(sheet, 5) == ["电话", None, None, "电子邮箱", None]
    assert _values(sheet, 7) == HEADINGS_ZH
    assert _values(sheet, 8) == [None] * 5
    assert choices.sheet_state == "hidden"
    assert [row[0] for row in choices.iter_rows(values_only=True)] == ["总体", *CITATIONS_ZH]
    [validation] = sheet.data_validations.dataValidation
    assert (validation.type, validation.formula1, str(validation.sqref)) == (
        "list",
        "'条款列表'!$A$1:$A$6",
        "B8:B207",
    )
    assert (validation.showErrorMessage, validation.showInputMessage) == (False, True)
    assert book.defined_names["ZhengqiuForm"].attr_text == '"certified-personnel/r1"'
    assert book.properties.identifier == "certified-personnel/r1"
    assert (sheet.page_setup.orientation, sheet.page_setup.paperSize) == ("landscape", 9)
    assert sheet.print_title_rows == "$7:$7"
    assert sheet.freeze_panes == "A8"
    assert sheet["C8"].alignment.wrap_text is True
    assert sheet.column_dimensions["C"].width == 50


def test_prefilled_xlsx_form_en_has_the_units_details_and_rows():
    spec = _spec(
        "en",
        unit="Acme Certification Ltd",
        contact="Li Na",
        phone="010-6284 5678",
        email="li.na@acme.example",
        rows=[
            FormRow(citation="Article 12(2)", body="Too strict.", proposed="Relax.", reason="Cost"),
            FormRow(citation="General", body="=Clear overall, but long."),
        ],
    )

    book = load_workbook(io.BytesIO(write_form_xlsx(spec)))

    assert book.sheetnames == ["Feedback form", "Clauses"]
    sheet = book["Feedback form"]
    assert [sheet["A1"].value, sheet["A2"].value, sheet["A3"].value] == [
        "Feedback Form",
        f"{TITLE_EN} (Draft for Comments)",
        INSTRUCTIONS_EN,
    ]
    assert _values(sheet, 4) == ["Unit", "Acme Certification Ltd", None, "Contact", "Li Na"]
    assert _values(sheet, 5) == ["Phone", "010-6284 5678", None, "E-mail", "li.na@acme.example"]
    assert _values(sheet, 7) == HEADINGS_EN
    assert _values(sheet, 8) == ["1", "Article 12(2)", "Too strict.", "Relax.", "Cost"]
    assert _values(sheet, 9) == ["2", "General", "=Clear overall, but long.", None, None]
    assert sheet["C9"].data_type == "s"
    [validation] = sheet.data_validations.dataValidation
    assert (validation.formula1, str(validation.sqref)) == ("'Clauses'!$A$1:$A$6", "B8:B209")
    assert [row[0] for row in book["Clauses"].iter_rows(values_only=True)] == [
        "General",
        *CITATIONS_EN,
    ]


def _docx_texts(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_blank_docx_form_zh_is_landscape_with_top_block_and_numbered_rows():
    document = WordDocument(io.BytesIO(write_form_docx(_spec())))

    section = document.sections[0]
    assert (section.orientation, round(section.page_width.mm), round(section.page_height.mm)) == (
        WD_ORIENT.LANDSCAPE,
        297,
        210,
    )
    assert [p.text for p in document.paragraphs[:3]] == ["意见反馈表", TITLE_ZH, INSTRUCTIONS_ZH]
    top, rows = document.tables
    assert _docx_texts(top) == [["单位名称", "", "联系人", ""], ["电话", "", "电子邮箱", ""]]
    assert _docx_texts(rows) == [HEADINGS_ZH] + [[str(n), "", "", "", ""] for n in range(1, 11)]
    assert rows.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    assert document.core_properties.identifier == "certified-personnel/r1"


def test_prefilled_docx_form_en_has_the_units_details_and_rows():
    spec = _spec(
        "en",
        unit="Acme Certification Ltd",
        contact="Li Na",
        phone="010-6284 5678",
        email="li.na@acme.example",
        rows=[FormRow(citation="Article 12(2)", body="Too strict.\nSee annex.", reason="Cost")],
        blank_rows=3,
    )

    document = WordDocument(io.BytesIO(write_form_docx(spec)))

    assert [p.text for p in document.paragraphs[:3]] == [
        "Feedback Form",
        f"{TITLE_EN} (Draft for Comments)",
        INSTRUCTIONS_EN,
    ]
    top, rows = document.tables
    assert _docx_texts(top) == [
        ["Unit", "Acme Certification Ltd", "Contact", "Li Na"],
        ["Phone", "010-6284 5678", "E-mail", "li.na@acme.example"],
    ]
    assert _docx_texts(rows) == [
        HEADINGS_EN,
        ["1", "Article 12(2)", "Too strict.\nSee annex.", "", "Cost"],
        ["2", "", "", "", ""],
        ["3", "", "", "", ""],
        ["4", "", "", "", ""],
    ]


def test_the_same_spec_gives_the_same_bytes():
    spec = _spec(rows=[FormRow(citation="第一条", body="意见")])

    assert write_form_docx(spec) == write_form_docx(spec)
    assert write_form_xlsx(spec) == write_form_xlsx(spec)


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown form language 'fr'"):
        write_form_xlsx(_spec(language="fr", title="t", revision_label="r"))


# --- round trips: our form, filled in as a unit would ---------------------------------------

PREFILLED = FormRow(citation="第一条", body="目的条款宜写明上位法依据。")


def test_xlsx_round_trip_keeps_citations_as_typed_and_the_units_details():
    data = write_form_xlsx(_spec(rows=[PREFILLED]))
    book = load_workbook(io.BytesIO(data))
    sheet = book["意见反馈表"]
    sheet["B4"], sheet["E4"] = "某某认证有限公司", "张三"
    sheet["B5"], sheet["E5"] = 13800138000, "zhangsan@example.cn"
    typed = [
        ("第12条第2款", "应明确“相应”的含义。", "改为“与其资格等级相应”。", "表述不清"),
        ("十二条", "期限过短。", "", "实践中难以完成"),
        ("Article 12(2)(c)", "Define “consulting”.", "", ""),
        ("总体", "建议增加过渡期。\n第二段。", "", ""),
        (12.2, "12.2 typed as a number.", "", ""),
        ("5.1.2 a)", "", "改为“应当”。", ""),
        ("第十二条第二款第三项", "", "", ""),
    ]
    for offset, values in enumerate(typed):
        for column, value in zip("BCDE", values, strict=True):
            sheet[f"{column}{9 + offset}"] = value or None
    sheet["A20"] = 13  # a number typed in a row left otherwise blank

    returned = read_form(_saved(book), "返回.xlsx")

    assert (returned.kind, returned.layout, returned.identifier) == (
        "xlsx",
        "ours",
        "certified-personnel/r1",
    )
    assert (returned.unit, returned.contact, returned.phone, returned.email) == (
        "某某认证有限公司",
        "张三",
        "13800138000",
        "zhangsan@example.cn",
    )
    assert [(r.line, r.citation, r.body, r.proposed, r.reason) for r in returned.rows] == [
        (8, "第一条", "目的条款宜写明上位法依据。", "", ""),
        (9, "第12条第2款", "应明确“相应”的含义。", "改为“与其资格等级相应”。", "表述不清"),
        (10, "十二条", "期限过短。", "", "实践中难以完成"),
        (11, "Article 12(2)(c)", "Define “consulting”.", "", ""),
        (12, "总体", "建议增加过渡期。\n第二段。", "", ""),
        (13, "12.2", "12.2 typed as a number.", "", ""),
        (14, "5.1.2 a)", "", "改为“应当”。", ""),
        (15, "第十二条第二款第三项", "", "", ""),
    ]
    assert returned.rows[1].where == "意见反馈表 row 9"
    assert {row.comment_type for row in returned.rows} == {None}


def test_docx_round_trip_keeps_citations_as_typed_and_the_units_details():
    data = write_form_docx(_spec("en", rows=[FormRow(citation="Article 1", body="Fine.")]))
    document = WordDocument(io.BytesIO(data))
    top, rows = document.tables
    top.cell(0, 1).text, top.cell(0, 3).text = "Acme Certification Ltd", "Li Na"
    top.cell(1, 1).text, top.cell(1, 3).text = "+86 10 6284 5678", "li.na@acme.example"
    typed = [
        ("第12条第2款", "应明确含义。", "改为“相应”。", "不清楚"),
        ("Article 12(2)(c)", "Define “consulting”.", "", "Ambiguous"),
        ("General", "Add a transition period.", "", ""),
        ("十二条", "", "", ""),
    ]
    for offset, values in enumerate(typed):
        for column, value in enumerate(values, start=1):
            rows.cell(2 + offset, column).text = value
    rows.cell(6, 2).add_paragraph("Second paragraph.")
    rows.cell(6, 2).paragraphs[0].text = "First paragraph."
    rows.cell(6, 1).text = "12.2"

    returned = read_form(_saved(document), "returned.docx")

    assert (returned.kind, returned.layout, returned.identifier) == (
        "docx",
        "ours",
        "certified-personnel/r1",
    )
    assert (returned.unit, returned.contact, returned.phone, returned.email) == (
        "Acme Certification Ltd",
        "Li Na",
        "+86 10 6284 5678",
        "li.na@acme.example",
    )
    assert [(r.where, r.citation, r.body, r.proposed, r.reason) for r in returned.rows] == [
        ("table 2 row 2", "Article 1", "Fine.", "", ""),
        ("table 2 row 3", "第12条第2款", "应明确含义。", "改为“相应”。", "不清楚"),
        ("table 2 row 4", "Article 12(2)(c)", "Define “consulting”.", "", "Ambiguous"),
        ("table 2 row 5", "General", "Add a transition period.", "", ""),
        ("table 2 row 6", "十二条", "", "", ""),
        ("table 2 row 7", "12.2", "First paragraph.\nSecond paragraph.", "", ""),
    ]
    assert [row.line for row in returned.rows] == [2, 3, 4, 5, 6, 7]


def test_a_blank_form_returned_as_is_has_no_rows():
    returned = read_form(write_form_xlsx(_spec()), "blank.xlsx")

    assert returned == ReturnedForm("xlsx", "ours", "certified-personnel/r1", "", "", "", "", [])


# --- odds and ends --------------------------------------------------------------------------


def test_content_sha256_is_the_files_sha256():
    assert content_sha256(b"abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
