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
    """"docx", "pdf" or "txt", judged by the content (and, for text, by the name)."""
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
        raise PaperRefused(f"{filename} is damaged: it cannot be read as a DOCX ({error}).")
    blocks: list[Block] = []
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            blocks.append(_paragraph_block(Paragraph(element, document)))
        elif element.tag == f"{_W}tbl":
            blocks.extend(_table_blocks(Table(element, document)))
    return blocks


def _paragraph_block(paragraph) -> Block:
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = _HEADING_STYLE.match(style or "")
    outline = None
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None:
        if ppr.numPr.numId.val:  # numId 0 switches numbering off
            ilvl = ppr.numPr.ilvl
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

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PaperRefused(f"{filename} is encrypted; please send it without a password.")
        if len(reader.pages) > MAX_PAGES:
            raise PaperRefused(f"{filename} has more than {MAX_PAGES} pages.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PaperRefused:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise PaperRefused(f"{filename} is damaged: it cannot be read as a PDF ({error}).")
    if not any(re.search(r"\w", page) for page in pages):
        raise PaperRefused(
            f"{filename} has no text layer: it is a scan (pictures of pages). Please ask the "
            "unit for the DOCX or a PDF saved from it, or type the comments in."
        )
    lines = [[clean_line(line) for line in page.splitlines()] for page in pages]
    lines = [[line for line in page if line] for page in lines]
    lines = _without_running_lines(lines)
    return _rejoined(lines)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.replace(" ", ""))


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
            if PAGE_NUMBER.match(line) or (at_edge and _shape(line) in running):
                continue
            kept.append(line)
        out.append(kept)
    return out


def _rejoined(pages: list[list[str]]) -> list[Block]:
    """PDF lines are what fitted across the page: a line as wide as the page's widest that
    does not end a sentence runs on into the next (across a page break too)."""
    from .numbering import marker_of  # the numbering a line starts with

    blocks: list[Block] = []
    current = ""
    current_page = 0
    for number, page in enumerate(pages, start=1):
        widths = sorted(_width(line) for line in page)
        full = widths[int(len(widths) * 0.9)] if widths else 0
        for line in page:
            if current and not marker_of(line):
                current += line
                current_page = current_page or number
            else:
                if current:
                    blocks.append(Block(current, page=current_page))
                current, current_page = line, number
            if _width(line) < full - 2.5 or line.endswith(_ENDS_SENTENCE):
                blocks.append(Block(current, page=current_page))
                current = ""
    if current:
        blocks.append(Block(current, page=current_page))
    return blocks


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
