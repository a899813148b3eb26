"""Returned forms that are refused, each with a message that says what is wrong and where."""

import io
import zipfile

import pytest
from docx import Document as WordDocument
from openpyxl import Workbook

from app.feedback.files import FormRefused, FormSpec, read_form, write_form_xlsx

LOOKED_FOR = (
    "a clause column (章条编号, 条款, 条款号, 章节条款, 条目, 对应条款, 条文, Clause, "
    "Clause/Subclause, Article) and a comment column (意见内容, 意见, 具体意见, 修改意见, "
    "问题描述, Comment, Comments)"
)
SAVE_AS = "save it as .docx or .xlsx and upload it again."
CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def _form() -> bytes:
    spec = FormSpec(title="办法", revision_label="征求意见稿", language="zh", identifier="m/r1")
    return write_form_xlsx(spec)


def _refusal(data, filename, **options) -> str:
    with pytest.raises(FormRefused) as caught:
        read_form(data, filename, **options)
    return str(caught.value)


def _rezipped(data, *, add=(), replace=None) -> bytes:
    """The same package with parts added or rewritten."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if replace and info.filename in replace:
                content = replace[info.filename](content)
            target.writestr(info.filename, content)
        for name, content in add:
            target.writestr(name, content)
    return out.getvalue()


def test_a_refusal_is_a_value_error():
    assert issubclass(FormRefused, ValueError)


def test_a_file_over_the_size_limit_is_refused():
    data = _form()

    assert _refusal(data, "form.xlsx", max_bytes=1000) == (
        f"form.xlsx is too large ({len(data):,} bytes); the limit is 1,000 bytes."
    )


def test_random_bytes_are_refused():
    assert _refusal(b"\x00\x01 not an office file" * 10, "form.xlsx") == (
        f"form.xlsx is not a Word (.docx) or Excel (.xlsx) file; {SAVE_AS}"
    )


def test_a_pdf_is_refused_as_a_pdf():
    assert _refusal(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "form.docx") == (
        f"form.docx is a PDF file, not a Word (.docx) or Excel (.xlsx) form; {SAVE_AS}"
    )


def test_an_old_binary_doc_or_xls_is_refused():
    data = CFB_MAGIC + bytes(504) + "Workbook".encode("utf-16-le") + bytes(1024)

    assert _refusal(data, "意见.xls") == (
        "意见.xls is in the old Word 97-2003 (.doc) or Excel 97-2003 (.xls) format; "
        f"open it, {SAVE_AS}"
    )


def test_a_password_protected_file_is_refused():
    # What Office writes for an encrypted .xlsx: an OLE compound file holding the streams
    # EncryptionInfo and EncryptedPackage (names in UTF-16 in its directory).
    directory = b"".join(
        name.encode("utf-16-le").ljust(64, b"\0") + bytes(64)
        for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage")
    )
    data = CFB_MAGIC + bytes(504) + directory + bytes(1024)

    assert _refusal(data, "form.xlsx") == (
        f"form.xlsx is password-protected; open it, remove the password, {SAVE_AS}"
    )


def test_a_workbook_with_a_vba_project_is_refused():
    data = _rezipped(_form(), add=[("xl/vbaProject.bin", b"\xcc" * 64)])

    assert _refusal(data, "form.xlsx") == (
        "form.xlsx contains macros (xl/vbaProject.bin); save it as a plain .docx or .xlsx "
        "without macros and upload it again."
    )


def test_a_macro_enabled_content_type_is_refused():
    def macro_enabled(content):
        return content.replace(
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )

    data = _rezipped(_form(), replace={"[Content_Types].xml": macro_enabled})

    assert _refusal(data, "form.xlsx") == (
        "form.xlsx is a macro-enabled document; save it as a plain .docx or .xlsx without "
        "macros and upload it again."
    )


def test_an_xlsm_file_name_is_refused():
    assert _refusal(_form(), "form.xlsm") == (
        "form.xlsm is a macro-enabled .xlsm file; save it as a plain .docx or .xlsx without "
        "macros and upload it again."
    )


def _zero_bomb(megabytes: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            chunk = bytes(1024 * 1024)
            for _ in range(megabytes):
                part.write(chunk)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    data = _zero_bomb(200)

    assert len(data) < 1024 * 1024
    assert _refusal(data, "bomb.xlsx") == (
        f"bomb.xlsx would unpack to {200 * 1024 * 1024 + 8:,} bytes, more than the limit of "
        "104,857,600 bytes; it was not opened."
    )


def test_a_part_compressed_beyond_any_real_form_is_refused():
    data = _zero_bomb(50)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        part = archive.getinfo("xl/worksheets/sheet1.xml")
    ratio = part.file_size // part.compress_size

    assert ratio > 100
    assert _refusal(data, "bomb.xlsx") == (
        f"bomb.xlsx: its part xl/worksheets/sheet1.xml is compressed {ratio:,} to 1, which no "
        "real form is; it was not opened."
    )


def test_a_truncated_file_is_refused_as_damaged():
    data = _form()

    assert _refusal(data[: len(data) // 2], "form.xlsx") == (
        "form.xlsx is damaged: it cannot be opened as a .docx or .xlsx file "
        "(File is not a zip file)."
    )


def test_a_zip_that_is_no_office_file_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")

    assert _refusal(out.getvalue(), "form.docx") == (
        f"form.docx is a ZIP archive, not a Word (.docx) or Excel (.xlsx) file; {SAVE_AS}"
    )


def test_a_workbook_without_its_workbook_part_is_refused_as_damaged():
    source = zipfile.ZipFile(io.BytesIO(_form()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            if info.filename != "xl/workbook.xml":
                archive.writestr(info.filename, source.read(info))

    assert _refusal(out.getvalue(), "form.xlsx") == (
        "form.xlsx is damaged and cannot be read as an Excel (.xlsx) file: "
        "There is no item named 'xl/workbook.xml' in the archive."
    )


def test_a_workbook_without_headings_is_refused_naming_what_was_looked_for():
    book = Workbook()
    book.active.append(["姓名", "年龄"])
    book.create_sheet("说明").append(["本表用于收集意见"])
    out = io.BytesIO()
    book.save(out)

    assert _refusal(out.getvalue(), "名单.xlsx") == (
        f"名单.xlsx: no heading row in the first 15 rows of sheet(s) Sheet, 说明; "
        f"looked for {LOOKED_FOR}."
    )


def test_a_document_without_headings_is_refused_naming_what_was_looked_for():
    document = WordDocument()
    document.add_table(rows=2, cols=2).cell(0, 0).text = "姓名"
    out = io.BytesIO()
    document.save(out)

    assert _refusal(out.getvalue(), "letter.docx") == (
        f"letter.docx: no heading row in the first 15 rows of its 1 table(s); "
        f"looked for {LOOKED_FOR}."
    )


def test_a_document_without_a_table_is_refused():
    document = WordDocument()
    document.add_paragraph("我单位对第十二条有意见：期限过短。")
    out = io.BytesIO()
    document.save(out)

    assert _refusal(out.getvalue(), "letter.docx") == (
        "letter.docx holds no table; the comments must be in a table with "
        + LOOKED_FOR.removeprefix("a ")
        + "."
    )


def test_more_than_5000_rows_are_refused():
    book = Workbook()
    sheet = book.active
    sheet.append(["章条编号", "意见内容"])
    for number in range(5001):
        sheet.append(["总体", f"意见 {number}"])
    out = io.BytesIO()
    book.save(out)

    assert _refusal(out.getvalue(), "big.xlsx") == (
        "big.xlsx has more than 5,000 comment rows (Sheet row 5002 is beyond the limit); "
        "split the comments over several files."
    )
