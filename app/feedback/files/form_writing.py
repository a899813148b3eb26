"""Writing the feedback form (意见反馈表) that units fill offline, as DOCX and XLSX.

Both files carry the same words: the title, the document's title, how to cite, the unit's
details (单位名称 · 联系人 · 电话 · 电子邮箱) and the rows table (序号 · 章条编号 · 意见内容 ·
修改建议 · 理由). The same spec gives the same bytes: timestamps inside the files and in the
ZIP entries are fixed.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from .model import FormRow
from .wording import IDENTIFIER_NAME, Wording, wording

# Used when the spec gives no date, so that the same spec gives the same bytes.
_FIXED_DATE = datetime(2020, 1, 1, tzinfo=UTC)
# Bytes Excel refuses in a cell (the C0 controls but tab, newline and carriage return).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
XLSX_BLANK_ROWS = 200  # rows under the headings that offer the drop-down


@dataclass(frozen=True, slots=True)
class FormSpec:
    """What a feedback form says: the revision, its citations, and what is filled in already.

    ``identifier`` (e.g. "certified-personnel/r1") is stored in the file's properties (and in
    the XLSX as a defined name) so that an import can tell which revision a form belongs to;
    ``citations`` are the revision's citations in document order, offered by the XLSX drop-down.
    ``blank_rows`` is the number of empty numbered rows of the DOCX table; the XLSX always
    offers ``XLSX_BLANK_ROWS`` rows with the drop-down after the filled ones.
    """

    title: str
    revision_label: str
    language: str  # "zh" or "en"
    identifier: str
    citations: Sequence[str] = ()
    rows: Sequence[FormRow] = ()
    unit: str = ""
    contact: str = ""
    phone: str = ""
    email: str = ""
    citation_example: str = ""  # the instructions' example; the language's default when ''
    blank_rows: int = 10
    created: datetime | None = None


def document_line(spec: FormSpec) -> str:
    """The document's title with its revision label, unless the title already says it."""
    if not spec.revision_label or spec.revision_label in spec.title:
        return spec.title
    if spec.language == "zh":
        return f"{spec.title}（{spec.revision_label}）"
    return f"{spec.title} ({spec.revision_label})"


def _instructions(spec: FormSpec, words: Wording) -> str:
    return words.instructions.format(example=spec.citation_example or words.example)


def _clean(text: str) -> str:
    return _ILLEGAL.sub("", text or "")


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01, so equal content gives equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info))
    return out.getvalue()


# --- DOCX -----------------------------------------------------------------------------------

_DOCX_WIDTHS_MM = (14, 40, 85, 70, 48)  # the rows table fills A4 landscape between 20 mm margins
_DOCX_TOP_WIDTHS_MM = (30, 98.5, 30, 98.5)


def write_form_docx(spec: FormSpec) -> bytes:
    """The form as a Word document: A4 landscape, the unit's details, then the rows table."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.shared import Mm, Pt

    words = wording(spec.language)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))

    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    _set_fonts(normal.element, "Times New Roman", "宋体")

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(words.form_title)
    run.bold, run.font.size = True, Pt(16)
    _set_fonts(run._element, "Times New Roman", "黑体")
    subtitle = document.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.add_run(_clean(document_line(spec))).bold = True
    document.add_paragraph().add_run(_instructions(spec, words)).font.size = Pt(9)

    top = document.add_table(rows=2, cols=4)
    top.style = "Table Grid"
    pairs = [
        (words.unit, spec.unit, words.contact, spec.contact),
        (words.phone, spec.phone, words.email, spec.email),
    ]
    for row, texts in zip(top.rows, pairs, strict=True):
        for index, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
            cell.text = _clean(text)
            if index % 2 == 0:
                cell.paragraphs[0].runs[0].bold = True
    _set_widths(top, _DOCX_TOP_WIDTHS_MM)
    document.add_paragraph()

    filled = list(spec.rows)
    table = document.add_table(rows=1 + len(filled) + max(spec.blank_rows, 0), cols=5)
    table.style = "Table Grid"
    heading = table.rows[0]
    _repeat_as_header(heading)
    for cell, text in zip(heading.cells, words.columns, strict=True):
        cell.text = text
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.runs[0].bold = True
        _shade(cell, "D9D9D9")
    for number, row in enumerate(table.rows[1:], start=1):
        comment = filled[number - 1] if number <= len(filled) else None
        texts = [str(number)]
        if comment is not None:
            texts += [comment.citation, comment.body, comment.proposed, comment.reason]
        for cell, text in zip(row.cells, texts, strict=False):
            _set_cell_text(cell, _clean(text))
        row.height, row.height_rule = Mm(10), WD_ROW_HEIGHT_RULE.AT_LEAST
        row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_widths(table, _DOCX_WIDTHS_MM)

    properties = document.core_properties
    when = spec.created or _FIXED_DATE
    properties.title = f"{words.form_title} {spec.title}"
    properties.subject = spec.title
    properties.identifier = spec.identifier
    properties.language = "zh-CN" if spec.language == "zh" else "en"
    properties.author = "Zhengqiu"
    properties.comments = ""
    properties.last_modified_by = ""
    properties.revision = 1
    properties.created = properties.modified = properties.last_printed = when
    # python-docx's template carries a thumbnail of some other document: drop it.
    package = document.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package.rels[key]

    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


def _set_fonts(element, latin: str, east_asian: str) -> None:
    """Set the Latin and the East Asian font of a style or run (Word picks by script)."""
    from docx.oxml.ns import qn

    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def _set_cell_text(cell, text: str) -> None:
    # One paragraph per line, so that a multi-line comment stays multi-line in Word.
    lines = text.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _set_widths(table, widths_mm: Sequence[float]) -> None:
    from docx.shared import Mm

    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _repeat_as_header(row) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _shade(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


# --- XLSX -----------------------------------------------------------------------------------

XLSX_HEADING_ROW = 7
_XLSX_WIDTHS = {"A": 11, "B": 26, "C": 50, "D": 40, "E": 32}


def write_form_xlsx(spec: FormSpec) -> bytes:
    """The form as an Excel workbook whose clause column offers the revision's citations."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.writer.excel import ExcelWriter

    words = wording(spec.language)
    font_name = "宋体" if spec.language == "zh" else "Calibri"
    plain, bold = Font(name=font_name, size=11), Font(name=font_name, size=11, bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = words.sheet

    def put(ref: str, value: str, font=plain, alignment=wrap, border=None) -> None:
        cell = sheet[ref]
        cell.value = _clean(value) or None
        if cell.value is not None:
            cell.data_type = "s"  # a comment that begins with "=" is text, not a formula
        cell.font, cell.alignment = font, alignment
        if border is not None:
            cell.border = border

    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    put("A1", words.form_title, Font(name=font_name, size=16, bold=True), centred)
    put("A2", document_line(spec), bold, centred)
    put("A3", _instructions(spec, words), Font(name=font_name, size=9), wrap)
    for merged in ("A1:E1", "A2:E2", "A3:E3", "B4:C4", "B5:C5"):
        sheet.merge_cells(merged)
    sheet.row_dimensions[1].height = 30
    sheet.row_dimensions[3].height = 36
    for ref, text, font in (
        ("A4", words.unit, bold),
        ("B4", spec.unit, plain),
        ("D4", words.contact, bold),
        ("E4", spec.contact, plain),
        ("A5", words.phone, bold),
        ("B5", spec.phone, plain),
        ("D5", words.email, bold),
        ("E5", spec.email, plain),
    ):
        put(ref, text, font, wrap, box)
    for ref in ("C4", "C5"):
        sheet[ref].border = box

    heading_fill = PatternFill("solid", fgColor="D9D9D9")
    for letter, text in zip("ABCDE", words.columns, strict=True):
        put(f"{letter}{XLSX_HEADING_ROW}", text, bold, centred, box)
        sheet[f"{letter}{XLSX_HEADING_ROW}"].fill = heading_fill
    first = XLSX_HEADING_ROW + 1
    last = first + len(spec.rows) + XLSX_BLANK_ROWS - 1
    for offset, comment in enumerate(spec.rows):
        row = first + offset
        texts = (str(offset + 1), comment.citation, comment.body, comment.proposed, comment.reason)
        for letter, text in zip("ABCDE", texts, strict=True):
            put(f"{letter}{row}", text, plain, wrap, box)
    for row in range(first + len(spec.rows), last + 1):
        sheet.row_dimensions[row].height = 30
        for letter in "ABCDE":
            cell = sheet[f"{letter}{row}"]
            cell.font, cell.alignment, cell.border = plain, wrap, box
    for letter, width in _XLSX_WIDTHS.items():
        sheet.column_dimensions[letter].width = width

    choices = workbook.create_sheet(words.list_sheet)
    choices.sheet_state = "hidden"
    for row, citation in enumerate([words.general, *spec.citations], start=1):
        cell = choices.cell(row=row, column=1, value=_clean(citation))
        cell.data_type = "s"
    listed = 1 + len(spec.citations)
    validation = DataValidation(
        type="list",
        formula1=f"{_quote_sheet(words.list_sheet)}!$A$1:$A${listed}",
        allow_blank=True,
        # Units may cite something the list lacks (a paragraph, "12.2"): never block typing.
        showErrorMessage=False,
        showInputMessage=True,
        promptTitle=words.prompt_title,
        prompt=words.prompt,
    )
    sheet.add_data_validation(validation)
    validation.add(f"B{first}:B{last}")

    sheet.freeze_panes = f"A{first}"
    sheet.print_title_rows = f"{XLSX_HEADING_ROW}:{XLSX_HEADING_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = "&P / &N"

    escaped = spec.identifier.replace('"', '""')
    workbook.defined_names[IDENTIFIER_NAME] = DefinedName(IDENTIFIER_NAME, attr_text=f'"{escaped}"')
    properties = workbook.properties
    when = (spec.created or _FIXED_DATE).astimezone(UTC).replace(tzinfo=None)
    properties.title = f"{words.form_title} {spec.title}"
    properties.subject = spec.title
    properties.identifier = spec.identifier
    properties.language = "zh-CN" if spec.language == "zh" else "en"
    properties.creator = "Zhengqiu"
    properties.created = properties.modified = when

    out = io.BytesIO()
    # ExcelWriter rather than Workbook.save, which stamps the current time as "modified".
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).write_data()
    return _fixed_zip(out.getvalue())


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"
