"""The summary table's files, opened the way an official's software opens them."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from openpyxl import load_workbook

from app.exports.writers import (
    read_summary_json,
    write_iso_xlsx,
    write_summary_csv,
    write_summary_docx,
    write_summary_json,
    write_summary_xlsx,
)
from app.exports.writers.csv_writer import neutralise_cell
from tests.exports.samples import (
    EN_COLUMNS,
    ISO_COLUMNS,
    ZH_COLUMNS,
    chinese_summary,
    english_summary,
    iso_sheet,
)

GROUP_ANSWER_ZH = "部分采纳。第二款已修改，第三款维持原文。"

EDITIONS = {
    "zh": (chinese_summary, "负责起草单位：市场监管总局认证监督管理司", "第 {} 页 共 {} 页"),
    "en": (
        english_summary,
        "Drafting unit: Certification Supervision Department, SAMR",
        "Page {} of {}",
    ),
}


def expected_lines(summary):
    """The table's lines as a reader sees them: the answer on a block's first line only."""
    return [
        (
            row.number,
            row.citation,
            row.revision,
            row.body,
            row.proposed,
            row.unit,
            block.answer if position == 0 else "",
            row.note,
        )
        for block in summary.blocks
        for position, row in enumerate(block.rows)
    ]


def sheet_of(data: bytes):
    return load_workbook(io.BytesIO(data)).active


# XLSX ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_xlsx_title_header_headings_and_rows_in_order(edition):
    build, drafting_line, _ = EDITIONS[edition]
    summary = build()
    ws = sheet_of(write_summary_xlsx(summary))

    assert ws["A1"].value == summary.header.table_title
    assert ws["A2"].value == summary.header.title
    assert ws["A3"].value == drafting_line
    colon = "：" if edition == "zh" else ": "
    assert (
        ws["E3"].value
        == f"{summary.labels.person_in_charge}{colon}{summary.header.person_in_charge}"
    )
    assert ws["A4"].value == f"{summary.labels.phone}{colon}010-82260000"
    assert ws["E4"].value == f"{summary.labels.date}{colon}2024-05-20"
    assert tuple(cell.value for cell in ws[5]) == (ZH_COLUMNS if edition == "zh" else EN_COLUMNS)
    rows = [
        tuple(value or "" for value in row)
        for row in ws.iter_rows(min_row=6, max_row=11, values_only=True)
    ]
    assert rows == expected_lines(summary)
    assert ws["A12"].value is None  # the table ends there


def test_xlsx_formula_lookalikes_are_plain_text():
    ws = sheet_of(write_summary_xlsx(chinese_summary()))
    for ref, text in (
        ("D7", '=HYPERLINK("http://evil.example","点击")'),
        ("D8", "+1 同意上述意见"),
        ("D9", "@SUM(A1:A3)"),
        ("D11", "  =1+1"),
    ):
        assert ws[ref].value == text
        assert ws[ref].data_type == "s"


def test_xlsx_group_answer_is_merged_over_its_rows():
    ws = sheet_of(write_summary_xlsx(chinese_summary()))
    merged = {str(cell_range) for cell_range in ws.merged_cells.ranges}
    assert {"A1:H1", "A2:H2", "G7:G9"} <= merged
    assert not any(ref.startswith(("G6:", "G10:", "G11:")) for ref in merged)  # single comments
    assert ws["G7"].value == GROUP_ANSWER_ZH
    assert ws["G6"].value == "采纳。已统一用语。"
    assert ws["G11"].value is None  # not answered yet


def test_xlsx_footer_figures_and_totals():
    summary = chinese_summary()
    ws = sheet_of(write_summary_xlsx(summary))
    lines = [(row[0], row[5]) for row in ws.iter_rows(min_row=13, values_only=True)]
    expected = [
        (summary.labels.figures_title, None),
        *summary.figures,
        (summary.labels.totals_title, None),
        *summary.totals,
    ]
    assert lines == expected
    merged = {str(cell_range) for cell_range in ws.merged_cells.ranges}
    assert {"A13:H13", "A14:E14", "A18:H18", "A19:E19"} <= merged


@pytest.mark.parametrize("edition", EDITIONS)
def test_xlsx_page_setup(edition):
    build, _, footer = EDITIONS[edition]
    ws = sheet_of(write_summary_xlsx(build()))
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert int(ws.page_setup.fitToWidth) == 1
    assert int(ws.page_setup.fitToHeight) == 0
    assert ws.print_title_rows == "$5:$5"
    assert ws.oddFooter.center.text == footer.format("&P", "&N")
    assert [ws.column_dimensions[c].width for c in "ABCDEFGH"] == [6, 14, 10, 40, 30, 16, 32, 14]
    body = ws["D6"]
    assert body.alignment.wrap_text is True
    assert body.border.left.style == body.border.bottom.style == "thin"
    assert ws["A5"].font.bold is True
    assert ws.row_dimensions[6].height > 15  # wrapped text gets its room


def test_xlsx_drops_control_characters_excel_refuses():
    summary = chinese_summary()
    block = summary.blocks[0]
    dirty = dataclasses.replace(block.rows[0], body="甲\x01乙\x1b丙")
    summary = dataclasses.replace(
        summary, blocks=(dataclasses.replace(block, rows=(dirty,)), *summary.blocks[1:])
    )
    assert sheet_of(write_summary_xlsx(summary))["D6"].value == "甲乙丙"
    assert Document(io.BytesIO(write_summary_docx(summary))).tables[0].rows[1].cells[3].text == (
        "甲乙丙"
    )


def test_iso_sheet_columns_and_rows():
    sheet = iso_sheet()
    ws = sheet_of(write_iso_xlsx(sheet))
    assert ws["A1"].value == sheet.title
    assert tuple(cell.value for cell in ws[2]) == ISO_COLUMNS
    assert [tuple(v or "" for v in row) for row in ws.iter_rows(min_row=3, values_only=True)] == [
        ("认证机构", "", "第二条", "第二款", "te", "=1+1 范围过宽", "删除", "采纳"),
        ("", "12", "5.1.2", "a)", "ed", "Typo", "Fix", ""),
    ]
    assert ws["F3"].data_type == "s"
    assert ws.print_title_rows == "$2:$2"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4


# DOCX ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_docx_page_title_header_and_table(edition):
    build, drafting_line, _ = EDITIONS[edition]
    summary = build()
    document = Document(io.BytesIO(write_summary_docx(summary)))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Mm(297)) < Mm(1)
    assert abs(section.page_height - Mm(210)) < Mm(1)

    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[:2] == [summary.header.table_title, summary.header.title]
    colon = "：" if edition == "zh" else ": "
    assert texts[2] == (
        f"{drafting_line}\t{summary.labels.person_in_charge}{colon}"
        f"{summary.header.person_in_charge}"
    )
    assert texts[3] == (
        f"{summary.labels.phone}{colon}010-82260000\t{summary.labels.date}{colon}2024-05-20"
    )

    table = document.tables[0]
    heading = table.rows[0]
    assert tuple(cell.text for cell in heading.cells) == summary.labels.columns
    assert heading._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
    lines = [tuple(cell.text for cell in row.cells) for row in table.rows[1:]]
    expected = [tuple(map(str, line)) for line in expected_lines(summary)]
    # python-docx shows a vertically merged cell's text on every row it covers
    answers = [block.answer for block in summary.blocks for _ in block.rows]
    expected = [
        (*line[:6], answer, line[7]) for line, answer in zip(expected, answers, strict=True)
    ]
    assert lines == expected


def test_docx_group_answer_is_one_merged_cell():
    table = Document(io.BytesIO(write_summary_docx(chinese_summary()))).tables[0]
    merges = [row._tr.tc_lst[6].vMerge for row in table.rows[1:]]
    assert merges == [None, "restart", "continue", "continue", None, None]
    assert table.rows[2]._tr.tc_lst[6].xpath("string(.)") == GROUP_ANSWER_ZH
    assert table.rows[3]._tr.tc_lst[6].xpath("string(.)") == ""


@pytest.mark.parametrize("edition", EDITIONS)
def test_docx_footer_fields_figures_totals_and_fonts(edition):
    build, _, footer = EDITIONS[edition]
    summary = build()
    document = Document(io.BytesIO(write_summary_docx(summary)))
    paragraph = document.sections[0].footer.paragraphs[0]
    codes = [code.text for code in paragraph._p.iter(qn("w:instrText"))]
    assert codes == [" PAGE ", " NUMPAGES "]
    assert paragraph.text == footer.format(1, 1)  # field results until the viewer updates them

    figures, totals = document.tables[1], document.tables[2]
    assert [(row.cells[0].text, row.cells[1].text) for row in figures.rows] == [
        (caption, str(figure)) for caption, figure in summary.figures
    ]
    assert [(row.cells[0].text, row.cells[1].text) for row in totals.rows] == [
        (caption, str(figure)) for caption, figure in summary.totals
    ]
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert summary.labels.figures_title in texts and summary.labels.totals_title in texts

    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "SimSun"


# CSV ----------------------------------------------------------------------------------------


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_bom_rows_and_neutralised_cells():
    summary = chinese_summary()
    data = write_summary_csv(summary)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = read_csv(data)
    assert tuple(lines[0]) == ZH_COLUMNS
    assert lines[1] == [
        "1",
        "总体意见",
        "征求意见稿",
        "建议整体梳理用语。",
        "",
        "甲认证中心",
        "采纳。已统一用语。",
        "网络",
    ]
    assert [line[3] for line in lines[2:7]] == [
        '\'=HYPERLINK("http://evil.example","点击")',
        "'+1 同意上述意见",
        "'@SUM(A1:A3)",
        "'-删除“原则上”",
        "'  =1+1",
    ]
    assert [line[6] for line in lines[2:5]] == [GROUP_ANSWER_ZH] * 3  # repeated on each line
    assert len(lines) == 1 + len(summary.rows)  # the table only: no footer below the rows
    assert {len(line) for line in lines} == {len(ZH_COLUMNS)}  # a rectangle, no ragged rows
    assert b"\r\n" in data


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+86 10", "'+86 10"),
        ("-x", "'-x"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("   =cmd", "'   =cmd"),
        ("\u3000=1", "'\u3000=1"),
        ("a=b", "a=b"),
        ("第1条", "第1条"),
        ("", ""),
        (-3, -3),
    ],
)
def test_neutralise_cell(value, expected):
    assert neutralise_cell(value) == expected


# JSON ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_json_round_trip_sorted_and_unescaped(edition):
    summary = EDITIONS[edition][0]()
    data = write_summary_json(summary)
    assert read_summary_json(data) == summary
    document = json.loads(data)
    assert data.decode("utf-8") == (
        json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    )
    assert summary.header.table_title in data.decode("utf-8")  # not \u-escaped
    assert [len(block["rows"]) for block in document["blocks"]] == [1, 3, 1, 1]
    assert document["blocks"][1]["answer"] == summary.blocks[1].answer
    assert document["figures"][0] == {
        "caption": summary.figures[0][0],
        "figure": summary.figures[0][1],
    }
    assert document["options"] == {"answered_only": False, "names": True}


def test_json_refuses_other_documents():
    with pytest.raises(ValueError, match="not a summary document"):
        read_summary_json(b'{"format": "other"}')
    with pytest.raises(ValueError, match="incomplete or malformed"):
        read_summary_json(b'{"format": "zhengqiu.summary/2", "language": "zh"}')
