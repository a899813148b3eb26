"""The summary table as DOCX, with python-docx: a landscape A4 page, the same header as the
workbook, a table whose heading row repeats on each page, and "page X of Y" in the footer.

Chinese needs an East-Asian font named in w:rFonts/@w:eastAsia: Word then uses SimSun, and
LibreOffice falls back to an installed CJK font (Noto CJK) for the glyphs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from app.exports.summary_model import Summary
from app.exports.writers._common import docx_bytes

EAST_ASIAN_FONT = "SimSun"
# Relative widths of 序号 · 章条编号 · 意见针对稿次 · 意见内容 · 修改建议 · 提出单位 · 处理意见 · 备注
_SHARES = (7, 16, 10, 38, 28, 16, 32, 14)
_PAGE_WIDTH, _PAGE_HEIGHT, _MARGIN = Mm(297), Mm(210), Mm(18)
_TEXT_WIDTH = _PAGE_WIDTH - 2 * _MARGIN
ANSWER_COLUMN = 6  # 0-based: 处理意见
NOTE_COLUMN = 7


def write_summary_docx(summary: Summary) -> bytes:
    """The summary and handling table (征求意见汇总处理表) as a Word document."""
    return write_cumulative_docx([summary])


def write_cumulative_docx(summaries: Sequence[Summary]) -> bytes:
    """The tables of ``summaries`` (a measure's revisions, in order), each from a new page."""
    first, last = summaries[0], summaries[-1]
    document = Document()
    _set_fonts(document, first.language)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = _PAGE_WIDTH, _PAGE_HEIGHT
    section.left_margin = section.right_margin = _MARGIN
    section.top_margin = section.bottom_margin = _MARGIN
    page_footer(section.footer.paragraphs[0], first.labels.page_footer)
    for index, summary in enumerate(summaries):
        if index:
            document.add_page_break()
        _summary_body(document, summary)

    header = last.header
    return docx_bytes(document, title=header.title, subject=header.table_title, day=header.date)


def _summary_body(document, summary: Summary) -> None:
    header, labels = summary.header, summary.labels
    _centred(document, header.table_title, Pt(16))
    _centred(document, header.title, Pt(12))
    colon = "：" if summary.language.startswith("zh") else ": "
    for left, right in (
        (
            (labels.drafting_unit, header.drafting_unit),
            (labels.person_in_charge, header.person_in_charge),
        ),
        ((labels.phone, header.phone), (labels.date, header.date)),
    ):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.tab_stops.add_tab_stop(
            _TEXT_WIDTH * 3 // 5, WD_TAB_ALIGNMENT.LEFT
        )
        paragraph.add_run(_clean(f"{left[0]}{colon}{left[1]}\t{right[0]}{colon}{right[1]}"))

    widths = [_TEXT_WIDTH * share // sum(_SHARES) for share in _SHARES]
    table = _table(document, widths)
    heading = table.rows[0]
    _repeat_as_heading(heading)
    for cell, text in zip(heading.cells, labels.columns, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    for block in summary.blocks:
        for position, line in enumerate(block.rows):
            cells = table.add_row().cells
            values = (
                str(line.number),
                line.citation,
                line.revision,
                line.body,
                line.proposed,
                line.unit,
            )
            for cell, value in zip(cells, values, strict=False):
                cell.text = _clean(value)
            cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            cells[NOTE_COLUMN].text = _clean(line.note)
            answer = cells[ANSWER_COLUMN]
            if position == 0:
                answer.text = _clean(block.answer)
            if len(block.rows) > 1:  # one answer for the whole group: a vertical merge
                answer._tc.vMerge = "restart" if position == 0 else "continue"

    for title, lines in (
        (labels.figures_title, summary.figures),
        (labels.totals_title, summary.totals),
    ):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(10)
        paragraph.add_run(title).bold = True
        if not lines:
            continue
        figures = _table(document, [_TEXT_WIDTH * 3 // 5, Mm(30)])
        figures.alignment = WD_TABLE_ALIGNMENT.LEFT  # under its title
        for index, (caption, figure) in enumerate(lines):
            row = figures.rows[0] if index == 0 else figures.add_row()
            caption_cell, figure_cell = row.cells
            caption_cell.text = _clean(caption)
            figure_cell.text = str(figure)
            figure_cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _set_fonts(document, language: str) -> None:
    normal = document.styles["Normal"]
    latin = EAST_ASIAN_FONT if language.startswith("zh") else "Times New Roman"
    normal.font.name = latin
    normal.font.size = Pt(10.5)
    r_pr = normal.element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "zh-CN" if language.startswith("zh") else "en-GB")
    lang.set(qn("w:eastAsia"), "zh-CN")
    r_pr.append(lang)


def _centred(document, text: str, size) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(_clean(text))
    run.bold = True
    run.font.size = size


def _table(document, widths):
    """A bordered table of one row whose columns have fixed widths (rows added later copy them)."""
    table = document.add_table(rows=1, cols=len(widths))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths, strict=True):
        column.width = width
        cell.width = width
    return table


def _repeat_as_heading(row) -> None:
    """w:tblHeader: Word and LibreOffice repeat the row at the top of every page."""
    tr_pr = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    tr_pr.append(marker)


def page_footer(paragraph, template: str) -> None:
    """The edition's "page {page} of {pages}" with live PAGE and NUMPAGES fields."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in re.split(r"(\{pages\}|\{page\})", template):
        if part == "{page}":
            _field(paragraph, "PAGE")
        elif part == "{pages}":
            _field(paragraph, "NUMPAGES")
        elif part:
            paragraph.add_run(part)


def _field(paragraph, instruction: str) -> None:
    def char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run("1")  # shown until the viewer updates the field
    char("end")


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Text without the control characters XML cannot carry (python-docx would refuse them)."""
    return _XML_ILLEGAL.sub("", text)
