"""The 修改前后对照表 as DOCX and XLSX, as circulated with a draft: a landscape table of the
clauses before and after (and, in the staff's edition, the answers that explain the change),
additions in bold and underlined, deletions struck through.

The writers take a plain model (texts cut into marked segments), built by the reading area
from its comparison; nothing here knows about revisions or lineage. Like the summary's
writers, a file is reproducible from its data: the zip entries and properties carry the day.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from app.exports.writers._common import docx_bytes, fixed_moment, repack
from app.exports.writers.docx import (
    EAST_ASIAN_FONT,
    _repeat_as_heading,
    _set_fonts,
    _table,
    page_footer,
)
from app.exports.writers.xlsx import _fill

EQUAL, INSERT, DELETE, LABEL = "equal", "insert", "delete", "label"
Segment = tuple[str, str]  # (equal | insert | delete | label, text)


@dataclass
class CompareLine:
    kind: str  # the row's kind, as the reader's language names it
    before: list[list[Segment]]  # the old column's paragraphs, deletions marked
    after: list[list[Segment]]  # the new column's paragraphs, insertions marked
    answers: list[str] = field(default_factory=list)  # the staff's edition only


@dataclass
class CompareSheet:
    title: str  # the measure's title
    subtitle: str  # 修改前后对照表（征求意见稿 → 第二稿）
    language: str
    columns: list[str]  # 修改前 · 修改后 [· 处理意见]; the kind's column is first
    lines: list[CompareLine]
    day: str  # YYYY-MM-DD: the file's dates
    summary: str = ""  # the counts, one line
    page_footer: str = ""  # with {page} and {pages}, e.g. "第 {page} 页 共 {pages} 页"


_PAGE_WIDTH, _PAGE_HEIGHT, _MARGIN = Mm(297), Mm(210), Mm(15)
_TEXT_WIDTH = _PAGE_WIDTH - 2 * _MARGIN


def write_compare_docx(sheet: CompareSheet) -> bytes:
    document = Document()
    _set_fonts(document, sheet.language)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = _PAGE_WIDTH, _PAGE_HEIGHT
    section.left_margin = section.right_margin = _MARGIN
    section.top_margin = section.bottom_margin = _MARGIN
    if sheet.page_footer:  # the 对照表 is printed and circulated: its pages are numbered
        page_footer(section.footer.paragraphs[0], sheet.page_footer)
    for text, size in ((sheet.title, Pt(16)), (sheet.subtitle, Pt(13))):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = size
    if sheet.summary:
        document.add_paragraph(sheet.summary)

    shares = (12, 44, 44, 40)[: len(sheet.columns)]
    table = _table(document, [_TEXT_WIDTH * share // sum(shares) for share in shares])
    heading = table.rows[0]
    _repeat_as_heading(heading)
    for cell, text in zip(heading.cells, sheet.columns, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in sheet.lines:
        cells = table.add_row().cells
        cells[0].text = line.kind
        for cell, paragraphs in ((cells[1], line.before), (cells[2], line.after)):
            for index, segments in enumerate(paragraphs):
                paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                for op, text in segments:
                    run = paragraph.add_run(text)
                    if op == LABEL:
                        run.bold = True
                        paragraph.add_run(_gap(sheet.language))
                    elif op == INSERT:
                        run.bold = True
                        run.underline = True
                    elif op == DELETE:
                        run.font.strike = True
        if len(cells) > 3:
            for index, answer in enumerate(line.answers):
                paragraph = cells[3].paragraphs[0] if index == 0 else cells[3].add_paragraph()
                paragraph.add_run(answer)

    return docx_bytes(document, title=sheet.title, subject=sheet.subtitle, day=sheet.day)


_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_HEADING_FILL = PatternFill(fill_type="solid", start_color="FFD9D9D9", end_color="FFD9D9D9")
_WIDTHS = (12, 60, 60, 50)


def write_compare_xlsx(sheet: CompareSheet) -> bytes:
    """One row per line of the comparison. A cell with marks is rich text (runs bold and
    underlined, or struck through); a plain one is forced to the string type, as the summary's
    cells are (xlsx._fill), so a clause or an answer starting with "=" is never a formula."""
    font_name = EAST_ASIAN_FONT if sheet.language == "zh" else "Calibri"
    plain, bold = Font(name=font_name, size=10), Font(name=font_name, size=10, bold=True)
    workbook = Workbook()
    moment = fixed_moment(sheet.day)
    workbook.properties.created = workbook.properties.modified = moment
    workbook.properties.title = sheet.subtitle
    workbook.properties.creator = "Zhengqiu"
    table = workbook.active
    table.title = "对照表" if sheet.language == "zh" else "Comparison"
    table.page_setup.orientation = "landscape"
    table.page_setup.paperSize = table.PAPERSIZE_A4
    table.page_setup.fitToWidth = 1
    table.page_setup.fitToHeight = 0
    table.sheet_properties.pageSetUpPr.fitToPage = True
    for index, width in enumerate(_WIDTHS[: len(sheet.columns)]):
        table.column_dimensions["ABCD"[index]].width = width

    def put(row: int, column: int, value, font=plain, fill=None) -> None:
        cell = table.cell(row=row, column=column)
        if isinstance(value, CellRichText):
            cell.value = value
        else:
            _fill(cell, value)
        cell.font = font
        cell.alignment = _WRAP_TOP
        if row > 2:
            cell.border = _BORDER
        if fill is not None:
            cell.fill = fill

    put(1, 1, sheet.title, Font(name=font_name, size=14, bold=True))
    put(2, 1, sheet.subtitle + (f"　{sheet.summary}" if sheet.summary else ""), bold)
    for column, text in enumerate(sheet.columns, 1):
        put(3, column, text, bold, _HEADING_FILL)
    table.print_title_rows = "3:3"
    table.freeze_panes = "A4"
    for row, line in enumerate(sheet.lines, 4):
        put(row, 1, line.kind)
        gap = _gap(sheet.language)
        put(row, 2, _rich(line.before, font_name, gap))
        put(row, 3, _rich(line.after, font_name, gap))
        if len(sheet.columns) > 3:
            put(row, 4, "\n".join(line.answers))
    out = io.BytesIO()
    workbook.save(out)
    return repack(out.getvalue(), moment)


def _gap(language: str) -> str:
    """What follows an article's number: a full-width space in Chinese, as printed."""
    return "\u3000" if language == "zh" else " "


def _rich(paragraphs: list[list[Segment]], font_name: str, gap: str):
    """A column's paragraphs as one cell: plain text when nothing is marked, else rich text."""
    if all(op in (EQUAL, LABEL) for segments in paragraphs for op, _text in segments):
        return "\n".join(_plain(segments, gap) for segments in paragraphs)
    plain = InlineFont(rFont=font_name, sz=10)
    styles = {
        EQUAL: plain,
        LABEL: InlineFont(rFont=font_name, sz=10, b=True),
        INSERT: InlineFont(rFont=font_name, sz=10, b=True, u="single"),
        DELETE: InlineFont(rFont=font_name, sz=10, strike=True),
    }
    blocks = []
    for index, segments in enumerate(paragraphs):
        if index:
            blocks.append(TextBlock(plain, "\n"))
        for op, text in segments:
            blocks.append(TextBlock(styles[op], text + (gap if op == LABEL else "")))
    return CellRichText(blocks)


def _plain(segments: list[Segment], gap: str) -> str:
    return "".join(text + (gap if op == LABEL else "") for op, text in segments)
