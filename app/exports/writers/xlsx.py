"""The summary table and the ISO comment sheet as XLSX, with openpyxl's write-only mode.

Write-only mode streams rows to disk as they come, so 10,000 comments cost little more than
writing the bare strings: each column has one styled cell that is refilled for every row, and
the style objects are built once. Text cells are forced to the string type, so a comment that
starts with "=" is shown as typed and never evaluated as a formula.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils.cell import get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from app.exports.summary_model import IsoSheet, Summary
from app.exports.writers._common import FixedTimeZipFile, fixed_moment

# Column widths in characters:
# 序号 · 章条编号 · 意见针对稿次 · 意见内容 · 修改建议 · 提出单位 · 处理意见 · 备注
SUMMARY_WIDTHS = (6, 14, 10, 40, 30, 16, 32, 14)
ANSWER_COLUMN = 7  # 处理意见, merged over the rows of a block
# MB/NC · line · clause · paragraph · type · comments · proposed change · observations
ISO_WIDTHS = (18, 8, 12, 14, 8, 44, 40, 40)

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_CENTRE_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_HEADING_FILL = PatternFill(fill_type="solid", start_color="FFD9D9D9", end_color="FFD9D9D9")
_LINE_HEIGHT = 13.5  # points per line of 10-point text, CJK included (12.75 clipped last lines)
_ROW_PADDING = 4
# A column "width" counts the default font's digits (11-point Calibri); 10-point text fits
# about a sixth more half-width units than that (measured on LibreOffice's print: 24-26
# CJK characters a line in a 42-wide column; kept on the low side so no text is cut).
_UNITS_PER_WIDTH = 1.15
_MAX_CELL_TEXT = 32767  # Excel's limit; openpyxl truncates likewise
_illegal = ILLEGAL_CHARACTERS_RE.search
_SHEET_TITLE_BAD = re.compile(r"[\\/*?:\[\]]")


def write_summary_xlsx(summary: Summary) -> bytes:
    """The summary and handling table (征求意见汇总处理表) as an XLSX workbook."""
    header = summary.header
    workbook, sheet = _workbook(header.table_title, header.date, header.title)
    merges = _summary_sheet(sheet, summary)
    return _save(workbook, [(sheet, merges)], header.date)


def write_cumulative_xlsx(summaries: Sequence[Summary]) -> bytes:
    """The cumulative edition: one sheet per revision (named by its label), in order."""
    last = summaries[-1].header
    workbook, sheet = _workbook(summaries[0].header.revision_label, last.date, last.title)
    sheets, used = [], set()
    for index, summary in enumerate(summaries):
        if index:
            sheet = _new_sheet(workbook, summary.header.revision_label, used)
        else:
            used.add(sheet.title)
        sheets.append((sheet, _summary_sheet(sheet, summary)))
    return _save(workbook, sheets, last.date)


def _summary_sheet(sheet, summary: Summary) -> list[CellRange]:
    """Lay ``summary`` out on ``sheet``; the merged ranges to set before saving."""
    header, labels = summary.header, summary.labels
    font_name = _font_name(summary.language)
    fonts = _Fonts(font_name)
    columns = len(SUMMARY_WIDTHS)
    _set_widths(sheet, SUMMARY_WIDTHS)
    heading_row = 5
    _page_setup(sheet, f"{heading_row}:{heading_row}", _footer(labels.page_footer))
    sheet.row_dimensions[1].height = 30
    sheet.row_dimensions[2].height = 24
    merges: list[CellRange] = []  # set at the end: MultiCellRange.add is linear in its size

    _merged_line(sheet, merges, 1, columns, header.table_title, fonts.title, _CENTRE)
    _merged_line(sheet, merges, 2, columns, header.title, fonts.subtitle, _CENTRE)
    colon = _colon(summary.language)
    for row, (left, right) in enumerate(
        (
            (
                (labels.drafting_unit, header.drafting_unit),
                (labels.person_in_charge, header.person_in_charge),
            ),
            ((labels.phone, header.phone), (labels.date, header.date)),
        ),
        start=3,
    ):
        sheet.append(
            [
                _cell(sheet, f"{left[0]}{colon}{left[1]}", fonts.plain, _LEFT),
                *[None] * 3,
                _cell(sheet, f"{right[0]}{colon}{right[1]}", fonts.plain, _LEFT),
            ]
        )
        merges.append(CellRange(min_col=1, max_col=4, min_row=row, max_row=row))
        merges.append(CellRange(min_col=5, max_col=columns, min_row=row, max_row=row))
    sheet.append(
        [_cell(sheet, text, fonts.bold, _CENTRE, _BORDER, _HEADING_FILL) for text in labels.columns]
    )

    # One styled cell per column, refilled for every row: styles are looked up once per cell
    # by openpyxl anyway, but no new objects are built per row.
    cells = [
        _cell(sheet, None, fonts.plain, _CENTRE_TOP, _BORDER),
        *[_cell(sheet, None, fonts.plain, _WRAP_TOP, _BORDER) for _ in range(columns - 1)],
    ]
    number, citation, revision, body, proposed, unit, answer, note = cells
    row_index = heading_row
    _, w_citation, w_revision, w_body, w_proposed, w_unit, w_answer, w_note = SUMMARY_WIDTHS
    heights = sheet.row_dimensions
    for block in summary.blocks:
        first = row_index + 1
        # Row heights are set, not left to the viewer: LibreOffice keeps imported rows at one
        # line and would cut wrapped text. The answer's lines are shared by the block's rows.
        needs = [
            max(
                _lines(line.citation, w_citation),
                _lines(line.revision, w_revision),
                _lines(line.body, w_body),
                _lines(line.proposed, w_proposed),
                _lines(line.unit, w_unit),
                _lines(line.note, w_note),
            )
            for line in block.rows
        ]
        needs[-1] += max(0, _lines(block.answer, w_answer) - sum(needs))
        for position, line in enumerate(block.rows):
            row_index += 1
            heights[row_index].height = _LINE_HEIGHT * needs[position] + _ROW_PADDING
            number.value = line.number
            _fill(citation, line.citation)
            _fill(revision, line.revision)
            _fill(body, line.body)
            _fill(proposed, line.proposed)
            _fill(unit, line.unit)
            _fill(answer, block.answer if position == 0 else "")
            _fill(note, line.note)
            sheet.append(cells)
        if len(block.rows) > 1:
            merges.append(
                CellRange(
                    min_col=ANSWER_COLUMN, max_col=ANSWER_COLUMN, min_row=first, max_row=row_index
                )
            )

    sheet.append([])
    row_index += 1
    for title, lines in (
        (labels.figures_title, summary.figures),
        (labels.totals_title, summary.totals),
    ):
        row_index += 1
        _merged_line(sheet, merges, row_index, columns, title, fonts.bold, _LEFT)
        for caption, figure in lines:
            row_index += 1
            sheet.append(
                [
                    _cell(sheet, caption, fonts.plain, _LEFT, _BORDER),
                    *[_cell(sheet, None, fonts.plain, _LEFT, _BORDER) for _ in range(4)],
                    _cell(sheet, figure, fonts.plain, _CENTRE, _BORDER),
                ]
            )
            merges.append(CellRange(min_col=1, max_col=5, min_row=row_index, max_row=row_index))
    return merges


def write_iso_xlsx(sheet: IsoSheet) -> bytes:
    """The ISO-style comment sheet (MB/NC, line, clause, paragraph, type, comments, proposed
    change, observations of the secretariat) as an XLSX workbook."""
    fonts = _Fonts(_font_name("zh"))
    columns = len(ISO_WIDTHS)
    workbook, ws = _workbook(sheet.title, sheet.date, sheet.title)
    _set_widths(ws, ISO_WIDTHS)
    _page_setup(ws, "2:2", "&P / &N")
    ws.row_dimensions[1].height = 26
    merges: list[CellRange] = []
    _merged_line(ws, merges, 1, columns, sheet.title, fonts.subtitle, _CENTRE)
    # The heading wraps in its narrow columns ("MB/NC (unit category)"): size its row too,
    # or LibreOffice keeps it at one line and the text overflows.
    heading_lines = max(_lines(t, w) for t, w in zip(sheet.columns, ISO_WIDTHS, strict=True))
    ws.row_dimensions[2].height = _LINE_HEIGHT * heading_lines + _ROW_PADDING
    ws.append(
        [_cell(ws, text, fonts.bold, _CENTRE, _BORDER, _HEADING_FILL) for text in sheet.columns]
    )
    cells = [_cell(ws, None, fonts.plain, _WRAP_TOP, _BORDER) for _ in range(columns)]
    for index, row in enumerate(sheet.rows, start=3):
        values = (
            row.member,
            row.line,
            row.clause,
            row.paragraph,
            row.comment_type,
            row.comment,
            row.proposed,
            row.observations,
        )
        need = max(_lines(value, width) for value, width in zip(values, ISO_WIDTHS, strict=True))
        ws.row_dimensions[index].height = _LINE_HEIGHT * need + _ROW_PADDING
        for cell, value in zip(cells, values, strict=True):
            _fill(cell, value)
        ws.append(cells)
    return _save(workbook, [(ws, merges)], sheet.date)


class _Fonts:
    def __init__(self, name: str):
        self.plain = Font(name=name, size=10)
        self.bold = Font(name=name, size=10, bold=True)
        self.subtitle = Font(name=name, size=12, bold=True)
        self.title = Font(name=name, size=16, bold=True)


def _font_name(language: str) -> str:
    # SimSun is the font Chinese officials expect; elsewhere (LibreOffice) glyph fallback picks
    # an installed CJK font such as Noto Serif CJK.
    return "SimSun" if language.startswith("zh") else "Calibri"


def _colon(language: str) -> str:
    return "：" if language.startswith("zh") else ": "


def _workbook(title: str, day: str, subject: str):
    workbook = Workbook(write_only=True)
    moment = fixed_moment(day)
    workbook.properties.created = moment
    workbook.properties.modified = moment
    workbook.properties.title = subject
    workbook.properties.creator = "Zhengqiu"
    return workbook, _new_sheet(workbook, title, set())


def _new_sheet(workbook: Workbook, title: str, used: set[str]):
    """A write-only sheet titled ``title`` as Excel allows (31 characters, no \\/*?:[]),
    numbered on when a sheet of ``used`` has that title already."""
    base = _SHEET_TITLE_BAD.sub(" ", title)[:31].strip() or "Sheet1"
    name, number = base, 1
    while name in used:
        number += 1
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
    used.add(name)
    sheet = workbook.create_sheet(name)
    # Every row appended here is made of ready cells (or None): skip openpyxl's attempt to
    # read each one as a value, which raises and catches an error per cell. Only a shortcut:
    # were the private hook renamed, append() would take its usual, slower path.
    sheet._values_to_row = _ready_cells
    return sheet


def _ready_cells(cells, row: int):
    for column, cell in enumerate(cells, 1):
        if cell is not None:
            cell.row = row
            cell.column = column
            yield cell


def _set_widths(sheet, widths) -> None:
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _page_setup(sheet, title_rows: str, footer: str) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    # The footer sits 0.3 in from the paper's edge, inside a 0.8 in bottom margin: with the
    # default 0.5 in footer margin and a 0.6 in bottom margin, "第 1 页 共 36 页" was cut off.
    sheet.page_margins.top = 0.6
    sheet.page_margins.bottom = 0.8
    sheet.page_margins.header = 0.3
    sheet.page_margins.footer = 0.3
    sheet.print_title_rows = title_rows
    sheet.HeaderFooter.oddFooter.center.text = footer


def _footer(template: str) -> str:
    """The edition's "page {page} of {pages}" with Excel's page codes (& itself is doubled)."""
    text = template.replace("&", "&&")
    return text.replace("{pages}", "&N").replace("{page}", "&P")


def _cell(sheet, value, font, alignment, border=None, fill=None):
    cell = WriteOnlyCell(sheet)
    if isinstance(value, str):
        _fill(cell, value)
    else:
        cell.value = value
    cell.font = font
    cell.alignment = alignment
    if border is not None:
        cell.border = border
    if fill is not None:
        cell.fill = fill
    return cell


def _lines(text: str, width: int) -> int:
    """Roughly how many lines ``text`` wraps to in a column ``width`` characters wide.

    A CJK character takes two units, a Latin one one: (UTF-8 bytes + characters) / 2 gives
    that without a Python loop over the characters (3 bytes for CJK, 1 for ASCII).
    """
    if not text:
        return 1
    per_line = max(1, int(width * _UNITS_PER_WIDTH) - 1)
    if "\n" not in text:
        return -(-((len(text.encode("utf-8")) + len(text)) >> 1) // per_line)
    # Each paragraph starts a new line and wraps on its own.
    return sum(
        max(1, -(-((len(part.encode("utf-8")) + len(part)) >> 1) // per_line))
        for part in text.split("\n")
    )


def _fill(cell, text: str) -> None:
    """Put text in a cell as a string whatever it looks like (=…, #N/A).

    The value is bound directly (what Cell.value's setter would do, minus its type guessing,
    which would turn "=…" into a formula): this runs for every cell of the table.
    """
    if not text:
        cell._value = None
        cell.data_type = "n"
        return
    if len(text) > _MAX_CELL_TEXT:
        text = text[:_MAX_CELL_TEXT]
    if _illegal(text):  # control characters Excel refuses
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell._value = text
    cell.data_type = "s"


def _merged_line(sheet, merges, row: int, columns: int, text: str, font, alignment) -> None:
    sheet.append([_cell(sheet, text, font, alignment)])
    merges.append(CellRange(min_col=1, max_col=columns, min_row=row, max_row=row))


def _save(workbook: Workbook, sheets, day: str) -> bytes:
    """The workbook's bytes; ``sheets`` are (sheet, its merged ranges)."""
    for sheet, merges in sheets:
        # Ranges hash by their integer bounds, so the set's order (the XML's) is the same
        # each run.
        sheet.merged_cells = MultiCellRange(merges)
    out = io.BytesIO()
    archive = FixedTimeZipFile(out, fixed_moment(day), allowZip64=True)
    ExcelWriter(workbook, archive).save()  # save() closes the archive
    return out.getvalue()
