"""Checks on a returned form's container, made before any Office library touches the bytes.

openpyxl and python-docx trust what they open: they would unpack a ZIP bomb into memory and
load a workbook's macros as a part like any other. So the archive is inspected here first, from
its directory alone: size, what kind of file it is, encryption, macros, unpacked size.
"""

from __future__ import annotations

import io
import zipfile

MAX_UNPACKED = 100 * 1024 * 1024  # all parts together, unpacked
MAX_PARTS = 2000
# Deflate tops out near 1,000:1 on runs of one byte; real Office XML stays far below 100:1.
MAX_RATIO = 100
RATIO_FLOOR = 10 * 1024 * 1024  # parts smaller than this may compress as well as they like

CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
SAVE_AS = "save it as .docx or .xlsx and upload it again"

_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_TEMPLATES = ("wordprocessingml.template.main+xml", "spreadsheetml.template.main+xml")
_MACRO_EXTENSIONS = (".docm", ".dotm", ".xlsm", ".xltm", ".xlam")


class FormRefused(ValueError):
    """A returned form that is not read, with a message that says where and what."""


def check_container(data: bytes, filename: str, *, max_bytes: int) -> str:
    """Return "docx" or "xlsx" for a file that is safe to open, or raise FormRefused.

    The sizes checked are those the ZIP directory declares; Python's zipfile never unpacks
    more than a part's declared size (it stops there and fails the CRC check), so a lying
    directory cannot get past these limits.
    """
    if len(data) > max_bytes:
        raise FormRefused(
            f"{filename} is too large ({len(data):,} bytes); the limit is {max_bytes:,} bytes."
        )
    if data.startswith(CFB_MAGIC):
        raise FormRefused(_compound_file_message(data, filename))
    if not data.startswith(b"PK"):
        raise FormRefused(f"{filename} {_sniff(data)}; {SAVE_AS}.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise FormRefused(
            f"{filename} is damaged: it cannot be opened as a .docx or .xlsx file ({error})."
        ) from error
    with archive:
        parts = archive.infolist()
        _check_sizes(parts, filename)
        _check_macros(parts, filename)
        kind = _kind(archive, filename)
    if filename.lower().endswith(_MACRO_EXTENSIONS):
        extension = filename.rsplit(".", 1)[-1].lower()
        raise FormRefused(
            f"{filename} is a macro-enabled .{extension} file; "
            "save it as a plain .docx or .xlsx without macros and upload it again."
        )
    return kind


def _compound_file_message(data: bytes, filename: str) -> str:
    # Password-protected .docx/.xlsx files are OLE compound files holding these two streams;
    # their names sit in the compound file's directory, in UTF-16.
    for stream in ("EncryptionInfo", "EncryptedPackage"):
        if stream.encode("utf-16-le") in data:
            return f"{filename} is password-protected; open it, remove the password, {SAVE_AS}."
    return (
        f"{filename} is in the old Word 97-2003 (.doc) or Excel 97-2003 (.xls) format; "
        f"open it, {SAVE_AS}."
    )


def _sniff(data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return "is a PDF file, not a Word (.docx) or Excel (.xlsx) form"
    if data.startswith(b"{\\rtf"):
        return "is an RTF file, not a Word (.docx) or Excel (.xlsx) form"
    return "is not a Word (.docx) or Excel (.xlsx) file"


def _check_sizes(parts: list[zipfile.ZipInfo], filename: str) -> None:
    if len(parts) > MAX_PARTS:
        raise FormRefused(
            f"{filename} holds {len(parts):,} parts, more than the {MAX_PARTS:,} a form may "
            "have; it was not opened."
        )
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED:
        raise FormRefused(
            f"{filename} would unpack to {unpacked:,} bytes, more than the limit of "
            f"{MAX_UNPACKED:,} bytes; it was not opened."
        )
    for part in parts:
        ratio = part.file_size // max(part.compress_size, 1)
        if part.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise FormRefused(
                f"{filename}: its part {part.filename} is compressed {ratio:,} to 1, which no "
                "real form is; it was not opened."
            )


def _check_macros(parts: list[zipfile.ZipInfo], filename: str) -> None:
    for part in parts:
        name = part.filename.lower()
        if name.endswith("vbaproject.bin") or name.startswith("xl/macrosheets/"):
            raise FormRefused(
                f"{filename} contains macros ({part.filename}); save it as a plain .docx or "
                ".xlsx without macros and upload it again."
            )


def _kind(archive: zipfile.ZipFile, filename: str) -> str:
    try:
        types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except KeyError:
        raise FormRefused(
            f"{filename} is a ZIP archive, not a Word (.docx) or Excel (.xlsx) file; {SAVE_AS}."
        ) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise FormRefused(
            f"{filename} is damaged: it cannot be opened as a .docx or .xlsx file ({error})."
        ) from error
    lowered = types.lower()
    if "macroenabled" in lowered:
        raise FormRefused(
            f"{filename} is a macro-enabled document; save it as a plain .docx or .xlsx "
            "without macros and upload it again."
        )
    if _WORD_MAIN in types:
        return "docx"
    if _EXCEL_MAIN in types:
        return "xlsx"
    if any(template in lowered for template in _TEMPLATES):
        raise FormRefused(f"{filename} is a Word or Excel template; {SAVE_AS}.")
    if "presentationml" in lowered:
        raise FormRefused(f"{filename} is a PowerPoint file, not a Word or Excel form; {SAVE_AS}.")
    raise FormRefused(f"{filename} is not a Word (.docx) or Excel (.xlsx) document; {SAVE_AS}.")
