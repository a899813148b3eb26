"""The text of a letter, as blocks in document order: DOCX (paragraphs and table rows), PDF
(its text layer, lines rejoined into paragraphs, page headers and footers left out) and plain
text (UTF-8, else GB18030, as Chinese Windows saves it).

The bytes are checked before a library opens them (a DOCX is a ZIP: the feedback form's
container checks apply); a PDF without a text layer — a scan — is refused, since reading
it would need OCR, which this does not do.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter

from app.feedback.files.safety import FormRefused, check_container

from .model import Block, PaperRefused

MAX_BYTES = 10 * 1024 * 1024  # as attachments
MAX_PAGES = 500
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
# Page numbers as Word, WPS and LibreOffice print them: 第 3 页 共 12 页, - 3 -, 3/12, Page 3.
PAGE_NUMBER = re.compile(
    r"^\s*(?:第\s*[0-9一二三四五六七八九十]+\s*页(?:\s*[,，/]?\s*共\s*[0-9一二三四五六七八九十]+\s*页)?"
    r"|[-—–]\s*\d+\s*[-—–]|\d+\s*/\s*\d+|\d+|page\s+\d+(?:\s+of\s+\d+)?)\s*$",
    re.IGNORECASE,
)
_ENDS_SENTENCE = tuple("。！？；：:;!?")


def kind_of(data: bytes, filename: str) -> str:
    """ "docx", "pdf" or "txt", judged by the content (and, for text, by the name)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK"):
        return "docx"
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PaperRefused(
            f"{filename} is not a DOCX, PDF or plain-text letter (an old .doc? save it as .docx)."
        )
    return "txt"


def read_blocks(data: bytes, filename: str, *, max_bytes: int = MAX_BYTES) -> tuple[str, list]:
    """The letter's kind and its blocks; PaperRefused when the file cannot be read."""
    if not data:
        raise PaperRefused(f"{filename} is empty.")
    if len(data) > max_bytes:
        raise PaperRefused(
            f"{filename} is too large ({len(data):,} bytes); the limit is {max_bytes:,} bytes."
        )
    kind = kind_of(data, filename)
    reader = {"docx": _docx_blocks, "pdf": _pdf_blocks, "txt": _text_blocks}[kind]
    blocks = [b for b in reader(data, filename) if b.text.strip()]
    if not blocks:
        raise PaperRefused(f"{filename} holds no text.")
    return kind, blocks


def clean_line(text: str) -> str:
    """NFKC-free tidying: keep full-width punctuation (citations read it), drop controls and
    zero-width characters, collapse runs of spaces."""
    text = "".join(
        " " if ch in "\t\u3000\xa0" else ch
        for ch in text
        if ch in "\t" or unicodedata.category(ch)[0] != "C" or ch == "\n"
    )
    return re.sub(r" {2,}", " ", text).strip()


# -- DOCX ----------------------------------------------------------------------------------------


def _docx_blocks(data: bytes, filename: str) -> list[Block]:
    try:
        kind = check_container(data, filename, max_bytes=MAX_BYTES)
    except FormRefused as refused:
        raise PaperRefused(str(refused)) from None
    if kind != "docx":
        raise PaperRefused(
            f"{filename} is a spreadsheet; a returned feedback form is imported as a form, "
            "a letter is a DOCX, PDF or text file."
        )
    from docx import Document  # python-docx, only once the container is known to be safe
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises whatever lxml or zipfile raise
        raise PaperRefused(
            f"{filename} is damaged: it cannot be read as a DOCX ({error})."
        ) from None
    # python-docx looks a paragraph's style up by scanning all styles; once is enough here
    styles = {style.style_id: style for style in document.styles}
    blocks: list[Block] = []
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            blocks.append(_paragraph_block(Paragraph(element, document), styles))
        elif element.tag == f"{_W}tbl":
            blocks.extend(_table_blocks(Table(element, document)))
    return blocks


def _paragraph_block(paragraph, styles: dict) -> Block:
    ppr = paragraph._p.pPr
    style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    found = styles.get(style_id)
    style = (found.name or "") if found is not None else ""
    heading = _HEADING_STYLE.match(style)
    outline = None
    numbering = ppr.numPr if ppr is not None else None
    if numbering is None and found is not None and found.element.pPr is not None:
        numbering = found.element.pPr.numPr  # a list style (List Number) numbers its paragraphs
    # numId 0 switches numbering off
    if numbering is not None and numbering.numId is not None and numbering.numId.val:
        ilvl = numbering.ilvl
        outline = int(ilvl.val) if ilvl is not None else 0
    return Block(
        clean_line(paragraph.text),
        outline=outline,
        heading=int(heading.group(1)) if heading else (1 if style == "Title" else 0),
    )


def _table_blocks(table) -> list[Block]:
    blocks = []
    for row in table.rows:
        cells: list[str] = []
        seen = set()
        for cell in row.cells:  # a merged cell is returned once per grid column it spans
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(clean_line(cell.text.replace("\n", " ")))
        if any(cells):
            blocks.append(Block(" ".join(c for c in cells if c), kind="row", cells=tuple(cells)))
    return blocks


# -- PDF -----------------------------------------------------------------------------------------


def _pdf_blocks(data: bytes, filename: str) -> list[Block]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from .pdf_layout import page_lines

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PaperRefused(f"{filename} is encrypted; please send it without a password.")
        if len(reader.pages) > MAX_PAGES:
            raise PaperRefused(f"{filename} has more than {MAX_PAGES} pages.")
        pages = [page_lines(page) for page in reader.pages]
    except PaperRefused:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged file
        if not isinstance(error, (PdfReadError, ValueError, KeyError, TypeError, OSError)):
            raise
        raise PaperRefused(
            f"{filename} is damaged: it cannot be read as a PDF ({error})."
        ) from None
    if not any(re.search(r"\w", line.text) for page in pages for line in page):
        raise PaperRefused(
            f"{filename} has no text layer: it is a scan (pictures of pages). Please ask the "
            "unit for the DOCX or a PDF saved from it, or type the comments in."
        )
    pages = _without_running_lines(pages)
    return _rejoined(pages)


def _shape(line) -> str:
    return re.sub(r"\d+", "#", line.text.replace(" ", ""))


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Leave out page numbers and the lines that repeat at the top or bottom of pages."""
    edges = Counter()
    for page in pages:
        for line in {*page[:2], *page[-2:]}:
            edges[_shape(line)] += 1
    least = 2 if len(pages) < 4 else max(2, len(pages) // 2)
    running = {shape for shape, count in edges.items() if count >= least}
    out = []
    for page in pages:
        kept = []
        for index, line in enumerate(page):
            at_edge = index < 2 or index >= len(page) - 2
            if PAGE_NUMBER.match(line.text) or (at_edge and _shape(line) in running):
                continue
            kept.append(line)
        out.append(kept)
    return out


def _rejoined(pages) -> list[Block]:
    """PDF lines are what fitted across the page: a line as wide as the page's widest that
    does not end a sentence runs on into the next (across a page break too). A table's lines
    are put back into rows: a cell wraps within its column."""
    from .numbering import marker_of  # the numbering a line starts with

    blocks: list[Block] = []
    current = ""
    current_page = 0
    table: _Table | None = None
    for number, page in enumerate(pages, start=1):
        widths = sorted(_width(line.text) for line in page if len(line.cells) == 1)
        full = widths[int(len(widths) * 0.9)] if widths else 0
        for line in page:
            if table is not None:
                if table.takes(line):
                    continue
                blocks.extend(table.rows())
                table = None
            if len(line.cells) > 1 and _HEADER.search(line.text):
                if current:
                    blocks.append(Block(current, page=current_page))
                    current = ""
                table = _Table(line, number)
                continue
            text = line.text
            if current and not marker_of(text):
                current += text
            else:
                if current:
                    blocks.append(Block(current, page=current_page))
                current, current_page = text, number
            if _width(text) < full - 2.5 or text.endswith(_ENDS_SENTENCE):
                blocks.append(Block(current, page=current_page))
                current = ""
    if table is not None:
        blocks.extend(table.rows())
    if current:
        blocks.append(Block(current, page=current_page))
    return blocks


_HEADER = re.compile(r"序号|条款|条目|章节|意见|建议|理由")


class _Table:
    """A table of comments as printed: its header's columns, then rows whose cells wrap."""

    def __init__(self, header, page: int) -> None:
        self.columns = [x for x, _ in header.cells]
        self.page = page
        self.cells: list[list[str]] = [[text for _, text in header.cells]]

    def _column(self, x: float) -> int:
        return max((i for i, start in enumerate(self.columns) if start <= x + 3), default=0)

    def takes(self, line) -> bool:
        """Whether ``line`` is part of the table (a new row, or more of the last one)."""
        first_x, first_text = line.cells[0]
        starts_row = self._column(first_x) == 0
        if starts_row and len(line.cells) == 1 and len(self.columns) > 1:
            end = first_x + 11 * _width(first_text)
            if end > self.columns[1]:
                return False  # prose across the page: the table has ended
        if starts_row:
            self.cells.append([""] * len(self.columns))
        elif len(self.cells) == 1:
            return False
        row = self.cells[-1]
        for x, text in line.cells:
            column = self._column(x)
            row[column] = row[column] + text
        return True

    def rows(self) -> list[Block]:
        return [
            Block(" ".join(c for c in cells if c), kind="row", cells=tuple(cells), page=self.page)
            for cells in self.cells
        ]


def _width(line: str) -> float:
    """Printed width in full-width characters (Latin letters and digits are half as wide)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in line)


# -- plain text ----------------------------------------------------------------------------------


def decode_text(data: bytes, filename: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise PaperRefused(
            f"{filename} is neither UTF-8 nor GB18030 text; save it as UTF-8 and try again."
        ) from None


def _text_blocks(data: bytes, filename: str) -> list[Block]:
    """Lines; a line of tab-separated cells (a table pasted from Word or Excel) is a row."""
    blocks = []
    for raw in decode_text(data, filename).splitlines():
        cells = tuple(clean_line(cell) for cell in raw.split("\t"))
        if sum(bool(cell) for cell in cells) >= 2:
            blocks.append(Block(" ".join(c for c in cells if c), kind="row", cells=cells))
            continue
        line = clean_line(raw)
        if line and not PAGE_NUMBER.match(line):
            blocks.append(Block(line))
    return blocks
