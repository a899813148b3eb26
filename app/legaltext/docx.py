"""Reading Word .docx drafts into the same text lines a Markdown draft has."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import BinaryIO

from .model import ParseError

_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# python-docx unpacks what it opens into memory: a draft's parts together stay far below this.
MAX_UNPACKED = 100 * 1024 * 1024
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # .doc, and password-protected .docx


def read_docx(source: str | Path | bytes | BinaryIO) -> str:
    """Return the text of a .docx: one line per paragraph, table cells in reading order.

    Paragraph styles Title and Heading N become Markdown heading marks ('#', '##'…), so a
    title and annex headings read as they would in Markdown; soft line breaks inside a
    paragraph become spaces, so that line N of the result is paragraph N (error messages
    cite it). A missing file raises OSError; bytes that are not a .docx raise ParseError.
    """
    if isinstance(source, (str, Path)):
        data = Path(source).read_bytes()
    elif isinstance(source, (bytes, bytearray)):
        data = bytes(source)
    else:
        data = source.read()
    _check_archive(data)
    try:
        # Imported here so that the rest of the package works without python-docx installed.
        from docx import Document as open_docx

        document = open_docx(io.BytesIO(data))
        return "\n".join(_lines(document))
    except Exception as error:  # python-docx raises many types (zip, XML, KeyError, ...)
        reason = str(error) or type(error).__name__
        raise ParseError(1, f"not a Word .docx file: {reason}") from error


def _check_archive(data: bytes) -> None:
    """Refuse, from the ZIP directory alone, what python-docx should not open: an old .doc
    or an encrypted file, an archive that would unpack beyond MAX_UNPACKED (zipfile never
    unpacks more than the declared size), a macro-enabled document."""
    if data.startswith(_OLE):
        raise ParseError(
            1,
            "not a Word .docx file: an old Word 97-2003 .doc file or a password-protected "
            "document; open it in Word and save it as .docx without a password",
        )
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        return  # python-docx says what is wrong with it
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED:
        raise ParseError(
            1,
            f"the .docx would unpack to {unpacked:,} bytes, more than the {MAX_UNPACKED:,} "
            "a draft may; it was not opened",
        )
    if any(part.filename.lower().endswith("vbaproject.bin") for part in parts):
        raise ParseError(1, "the .docx contains macros; save it as a plain .docx without macros")


def _lines(document) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            lines.append(_paragraph_line(Paragraph(child, document)))
        elif child.tag == f"{_W}tbl":
            lines.extend(_table_lines(Table(child, document)))
    return lines


def _table_lines(table) -> list[str]:
    lines: list[str] = []
    seen: set[int] = set()
    for row in table.rows:
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans; read it once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            lines.extend(_paragraph_line(paragraph) for paragraph in cell.paragraphs)
            for inner in cell.tables:
                lines.extend(_table_lines(inner))
    return lines


def _paragraph_line(paragraph) -> str:
    text = re.sub(r"[\r\n\t\v]+", " ", paragraph.text).strip()
    style = paragraph.style.name if paragraph.style is not None else ""
    if not text:
        return ""
    if style == "Title":
        return f"# {text}"
    match = _HEADING_STYLE.fullmatch(style.strip())
    if match and not text.startswith("#"):
        return "#" * int(match.group(1)) + " " + text
    return text
