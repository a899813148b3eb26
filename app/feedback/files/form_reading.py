"""Reading a returned feedback form (意见反馈表): ours, a unit's own, or ISO's comment template.

The file is checked first (size, kind, encryption, macros, ZIP bombs: see safety.py), then
opened with openpyxl or python-docx. The heading row is looked for in the first rows of every
visible sheet and every table; each row under it becomes a FormRow with the clause cell's text
as the unit wrote it (turning that into clause keys is the citation reader's job).

A row is kept when any of clause, comment, proposed wording or reason is filled in, even with
no comment text (body ''): a unit's words are never dropped silently, and the preview flags a
row without a comment. Rows with only a number, repeated heading rows, example rows (示例) and
detail lines under the table (联系人：…) are not comments.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from .headings import (
    HEADING_SEARCH_ROWS,
    Columns,
    Details,
    heading_columns,
    looked_for,
    read_details,
    starts_with_label,
)
from .headings import comment_type as _comment_type
from .model import FormRow
from .safety import FormRefused, check_container
from .wording import IDENTIFIER_NAME

__all__ = ["FormRefused", "FormRow", "ReturnedForm", "content_sha256", "read_form"]

MAX_ROWS = 5000
_EXAMPLES = {"示例", "例", "举例", "样例", "example", "e.g."}


@dataclass(frozen=True, slots=True)
class ReturnedForm:
    kind: str  # "docx" or "xlsx"
    layout: str  # "ours", "own" (a unit's own headings) or "iso" (ISO comment template)
    identifier: str | None  # the form identifier we wrote, when the file still carries it
    unit: str
    contact: str
    phone: str
    email: str
    rows: list[FormRow]


def content_sha256(data: bytes) -> str:
    """The file's SHA-256 (hex), to recognise the same file imported twice."""
    return hashlib.sha256(data).hexdigest()


def read_form(data: bytes, filename: str, *, max_bytes: int = 10 * 1024 * 1024) -> ReturnedForm:
    """Read a returned form's rows and the unit's details, or raise FormRefused saying why."""
    kind = check_container(data, filename, max_bytes=max_bytes)
    with warnings.catch_warnings():
        # openpyxl warns about every extension it drops (Excel's own drop-downs among them).
        warnings.simplefilter("ignore")
        if kind == "xlsx":
            return _read_xlsx(data, filename)
        return _read_docx(data, filename)


class _Collector:
    """The rows and details of one file, as its sheets or tables are read."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.rows: list[FormRow] = []
        self.details = Details()
        self.layout: str | None = None

    def take(
        self,
        cells: Sequence[str],
        columns: Columns,
        *,
        line: int,
        where: str,
        continued: frozenset[int] = frozenset(),
    ) -> None:
        # A vertically merged clause cell covers every row beside it; other merged cells
        # belong to their first row only.
        keep = set(columns.get("clause")) | set(columns.get("paragraph"))
        cells = ["" if i in continued and i not in keep else text for i, text in enumerate(cells)]

        def joined(kind: str, separator: str) -> str:
            parts = (cells[i] for i in columns.get(kind) if i < len(cells))
            return separator.join(part for part in parts if part)

        marker = (joined("number", "") or joined("clause", "")).lower().strip(":：")
        if marker in _EXAMPLES or heading_columns(cells) is not None:
            return
        # Details under the table (联系人：…) start a row; a row number before them does not count.
        first = next((text for text in cells if text and not text.isdigit()), "")
        if first and starts_with_label(first):
            read_details(cells, self.details)
            return
        citation = " ".join(filter(None, (joined("clause", " "), joined("paragraph", " "))))
        body, proposed = joined("comment", "\n"), joined("proposed", "\n")
        reason = joined("reason", "\n")
        if not (citation or body or proposed or reason):
            return
        if len(self.rows) >= MAX_ROWS:
            raise FormRefused(
                f"{self.filename} has more than {MAX_ROWS:,} comment rows ({where} is beyond the "
                "limit); split the comments over several files."
            )
        self.rows.append(
            FormRow(
                line=line,
                citation=citation,
                body=body,
                proposed=proposed,
                reason=reason,
                comment_type=_comment_type(joined("type", "")) if columns.get("type") else None,
                where=where,
            )
        )

    def heading(self, columns: Columns, rows_above: Sequence[Sequence[str]]) -> None:
        if self.layout is None:
            self.layout = columns.layout
        for cells in rows_above:
            read_details(cells, self.details)

    def result(self, kind: str, identifier: str | None) -> ReturnedForm:
        assert self.layout is not None
        get = self.details.get
        return ReturnedForm(
            kind=kind,
            layout=self.layout,
            identifier=identifier,
            unit=get("unit"),
            contact=get("contact"),
            phone=get("phone"),
            email=get("email"),
            rows=self.rows,
        )


def _damaged(filename: str, kind: str, error: Exception) -> FormRefused:
    what = "an Excel (.xlsx)" if kind == "xlsx" else "a Word (.docx)"
    # KeyError's text is its key in quotes ("'xl/workbook.xml'"): show the message itself.
    detail = error.args[0] if isinstance(error, KeyError) and error.args else str(error)
    detail = str(detail) or type(error).__name__
    return FormRefused(f"{filename} is damaged and cannot be read as {what} file: {detail}.")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores the typed "12" as 12.0
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


# --- XLSX -----------------------------------------------------------------------------------


def _read_xlsx(data: bytes, filename: str) -> ReturnedForm:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises KeyError, ValueError, XML and zip errors alike
        raise _damaged(filename, "xlsx", error) from error
    collector = _Collector(filename)
    try:
        identifier = _xlsx_identifier(workbook)
        sheets = [sheet for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
        for sheet in sheets:
            _read_sheet(sheet, collector)
    except FormRefused:
        raise
    except Exception as error:
        raise _damaged(filename, "xlsx", error) from error
    finally:
        workbook.close()
    if collector.layout is None:
        names = ", ".join(sheet.title for sheet in sheets) or "(none visible)"
        raise FormRefused(
            f"{filename}: no heading row in the first {HEADING_SEARCH_ROWS} rows of sheet(s) "
            f"{names}; looked for {looked_for()}."
        )
    return collector.result("xlsx", identifier)


def _read_sheet(sheet, collector: _Collector) -> None:
    # The <dimension> a producer writes may be stale; without it every stored row is read.
    sheet.reset_dimensions()
    columns: Columns | None = None
    above: list[list[str]] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = [_cell_text(value) for value in values]
        if columns is None:
            if number > HEADING_SEARCH_ROWS:
                return
            columns = heading_columns(cells)
            if columns is None:
                above.append(cells)
            else:
                collector.heading(columns, above)
            continue
        collector.take(cells, columns, line=number, where=f"{sheet.title} row {number}")


def _xlsx_identifier(workbook) -> str | None:
    name = workbook.defined_names.get(IDENTIFIER_NAME)
    text = (name.attr_text or "").strip() if name is not None else ""
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1].replace('""', '"') or None
    identifier = workbook.properties.identifier if workbook.properties else None
    return (identifier or "").strip() or None


# --- DOCX -----------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Tracked deletions and moved-away text are not what the unit means to say now; a fallback
# repeats its alternate content (a text box) for old readers.
_SKIP = {f"{_W}del", f"{_W}moveFrom", _MC_FALLBACK}
_PROPERTIES = {f"{_W}pPr", f"{_W}rPr"}  # tab stops are w:tab elements too
_BLOCKS = "./w:p | ./w:tbl | ./w:sdt/w:sdtContent/w:p | ./w:sdt/w:sdtContent/w:tbl"
_ROWS = "./w:tr | ./w:sdt/w:sdtContent/w:tr | ./w:customXml/w:tr"
_CELLS = "./w:tc | ./w:sdt/w:sdtContent/w:tc | ./w:customXml/w:tc"


def _read_docx(data: bytes, filename: str) -> ReturnedForm:
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError, XML and zip errors
        raise _damaged(filename, "docx", error) from error
    collector = _Collector(filename)
    tables = 0
    try:
        identifier = (document.core_properties.identifier or "").strip() or None
        previous: Columns | None = None
        for block in document.element.body.xpath(_BLOCKS):
            if block.tag == f"{_W}p":
                read_details([_block_text(block, paragraph=True)], collector.details)
                continue
            tables += 1
            previous = _read_table(block, tables, previous, collector)
    except FormRefused:
        raise
    except Exception as error:
        raise _damaged(filename, "docx", error) from error
    if collector.layout is None:
        if not tables:
            raise FormRefused(
                f"{filename} holds no table; the comments must be in a table with "
                f"{looked_for().removeprefix('a ')}."
            )
        raise FormRefused(
            f"{filename}: no heading row in the first {HEADING_SEARCH_ROWS} rows of its "
            f"{tables} table(s); looked for {looked_for()}."
        )
    return collector.result("docx", identifier)


def _read_table(tbl, number: int, previous: Columns | None, collector: _Collector):
    """Read one table; return its columns, so that a table Word split in two reads on."""
    grid = _grid(tbl)
    columns: Columns | None = None
    start = 0
    for index, (cells, _) in enumerate(grid[:HEADING_SEARCH_ROWS]):
        columns = heading_columns(cells)
        if columns is not None:
            collector.heading(columns, [row for row, _ in grid[:index]])
            start = index + 1
            break
    if columns is None:
        width = max((len(cells) for cells, _ in grid), default=0)
        if previous is None or width != previous.width:
            for cells, _ in grid:
                read_details(cells, collector.details)
            return None
        columns = previous
    for index in range(start, len(grid)):
        cells, continued = grid[index]
        where = f"table {number} row {index + 1}"
        collector.take(cells, columns, line=index + 1, where=where, continued=continued)
    return columns


def _grid(tbl) -> list[tuple[list[str], frozenset[int]]]:
    """Each row's text per grid column; merged cells hold their text in their first column.

    A cell continuing a vertical merge repeats the text of the merge's first cell, and its
    column is listed as continued.
    """
    rows: list[tuple[list[str], frozenset[int]]] = []
    above: dict[int, str] = {}
    for tr in tbl.xpath(_ROWS):
        cells = [""] * tr.grid_before
        continued: set[int] = set()
        for tc in tr.xpath(_CELLS):
            column = len(cells)
            if tc.vMerge == "continue":
                text = above.get(column, "")
                continued.add(column)
            else:
                text = _block_text(tc)
            above[column] = text
            cells.append(text)
            cells.extend([""] * (tc.grid_span - 1))
        rows.append((cells, frozenset(continued)))
    return rows


def _block_text(element, *, paragraph: bool = False) -> str:
    """The visible text of a cell (paragraphs joined by newlines) or of one paragraph."""
    lines: list[str] = []
    if paragraph:
        _paragraph(element, lines)
    else:
        _blocks(element, lines)
    return "\n".join(line.rstrip() for line in lines).strip()


def _blocks(element, lines: list[str]) -> None:
    for child in element.iterchildren():
        if not isinstance(child.tag, str) or child.tag in _SKIP:
            continue
        if child.tag == f"{_W}p":
            _paragraph(child, lines)
        else:
            _blocks(child, lines)


def _paragraph(p, lines: list[str]) -> None:
    parts: list[str] = []
    boxes: list[str] = []
    _inline(p, parts, boxes)
    lines.append("".join(parts))
    lines.extend(boxes)


def _inline(element, parts: list[str], boxes: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP or tag in _PROPERTIES:
            continue
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}txbxContent":
            _blocks(child, boxes)
        else:
            _inline(child, parts, boxes)
