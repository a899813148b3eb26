"""Files sent with a comment: PDF, DOCX and XLSX only, recognised by their content."""

import io
import zipfile
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.core.refusal import Refused

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", XLSX: ".xlsx"}
MAX_FILES = 5
# A real document's parts; a ZIP that inflates beyond this is a bomb, not a comment.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_CONTENT_TYPES = 1024 * 1024


@dataclass(slots=True)
class Upload:
    """A file as received: its name as the sender had it, and its bytes."""

    filename: str
    data: bytes
    stamped: bool = False


def sniff_attachment(filename: str, data: bytes) -> str:
    """The MIME type of an accepted file, judged by its content; refused otherwise.

    PDF: starts with %PDF- and ends with %%EOF, not encrypted. DOCX/XLSX: a ZIP holding
    [Content_Types].xml and word/document.xml (xl/workbook.xml), without macros
    (vbaProject.bin, macroEnabled types) or encrypted parts. The name's extension must agree.
    """
    if not data:
        raise Refused(_l("The file %(name)s is empty.", name=filename))
    if data.startswith(b"%PDF-"):
        mime = _check_pdf(filename, data)
    elif data.startswith(b"PK\x03\x04"):
        mime = _check_office(filename, data)
    else:
        raise _not_accepted(filename)
    if not filename.lower().endswith(EXTENSIONS[mime]):
        raise Refused(
            _l(
                "The file %(name)s is a %(kind)s file but its name does not end in %(ext)s.",
                name=filename,
                kind=EXTENSIONS[mime][1:].upper(),
                ext=EXTENSIONS[mime],
            )
        )
    return mime


def _not_accepted(filename: str) -> Refused:
    return Refused(_l("The file %(name)s is not a PDF, DOCX or XLSX document.", name=filename))


def _check_pdf(filename: str, data: bytes) -> str:
    if b"%%EOF" not in data[-1024:]:
        raise _not_accepted(filename)
    if b"/Encrypt" in data:
        raise Refused(
            _l("The file %(name)s is encrypted; please send it without a password.", name=filename)
        )
    return PDF


def _check_office(filename: str, data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _not_accepted(filename) from None
    names = {info.filename for info in infos}
    if any(info.flag_bits & 0x1 for info in infos):
        raise Refused(
            _l("The file %(name)s is encrypted; please send it without a password.", name=filename)
        )
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise _macros(filename)
    if sum(info.file_size for info in infos) > MAX_UNPACKED or "[Content_Types].xml" not in names:
        raise _not_accepted(filename)
    info = archive.getinfo("[Content_Types].xml")
    if info.file_size > MAX_CONTENT_TYPES:
        raise _not_accepted(filename)
    try:
        content_types = archive.read(info)
    except (zipfile.BadZipFile, ValueError, OSError, RuntimeError):
        raise _not_accepted(filename) from None
    if b"macroenabled" in content_types.lower():
        raise _macros(filename)
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    raise _not_accepted(filename)


def _macros(filename: str) -> Refused:
    return Refused(
        _l(
            "The file %(name)s contains macros, which are not accepted; "
            "please save it as a plain .docx or .xlsx.",
            name=filename,
        )
    )


def safe_filename(name: str | None) -> str:
    """The last part of a sent file's name, without control or bidi characters, ≤ 255."""
    from app.comments.text import clean_text

    name = clean_text((name or "").replace("\\", "/").rsplit("/", 1)[-1]).replace("\n", " ")
    name = name.replace("\t", " ").strip(" .") or "attachment"
    if len(name) > 255:
        stem, dot, ext = name.rpartition(".")
        name = stem[: 254 - len(ext)] + dot + ext if dot and len(ext) < 16 else name[:255]
    return name
