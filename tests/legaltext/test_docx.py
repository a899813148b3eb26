"""Word .docx drafts: paragraphs and table cells become lines, styles become heading marks."""

import io
import zipfile

import pytest
from docx import Document as WordDocument

from app.legaltext import ParseError, parse_file, read_docx


def _draft(path, paragraphs, table=None):
    word = WordDocument()
    for text, style in paragraphs:
        word.add_paragraph(text, style=style)
    if table:
        grid = word.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    word.add_paragraph("第三条 本办法自发布之日起施行。")
    word.save(path)
    return path


PARAGRAPHS = [
    ("---", None),
    ("measure: test-measures", None),
    ("---", None),
    ("测试管理办法（征求意见稿）", "Title"),
    ("第一章 总则", "Heading 2"),
    ("第一条（目的）为了测试，制定本办法。", None),
    ("第二条 申请应当提交下列材料：", None),
]


def test_docx_draft_parses_like_markdown(tmp_path):
    path = _draft(
        tmp_path / "draft.docx", PARAGRAPHS, table=[["（一）申请表；", "（二）身份证明。"]]
    )
    doc = parse_file(path)
    assert doc.meta == {"measure": "test-measures", "title": "测试管理办法（征求意见稿）"}
    assert [(c.key, c.label, c.caption) for c in doc.clauses] == [
        ("ch1", "第一章", "总则"),
        ("art1", "第一条", "目的"),
        ("art1.p1", "第一款", ""),
        ("art2", "第二条", ""),
        ("art2.p1", "第一款", ""),
        ("art2.p1.i1", "（一）", ""),
        ("art2.p1.i2", "（二）", ""),
        ("art3", "第三条", ""),
        ("art3.p1", "第一款", ""),
    ]
    assert doc.by_key()["art2.p1.i2"].citation == "第二条第二项"


def test_read_docx_gives_one_line_per_paragraph_from_path_bytes_or_file(tmp_path):
    path = _draft(tmp_path / "draft.docx", PARAGRAPHS)
    text = read_docx(path)
    assert text.split("\n") == [
        "---", "measure: test-measures", "---", "# 测试管理办法（征求意见稿）", "## 第一章 总则",
        "第一条（目的）为了测试，制定本办法。", "第二条 申请应当提交下列材料：",
        "第三条 本办法自发布之日起施行。",
    ]  # fmt: skip
    data = path.read_bytes()
    assert read_docx(data) == text
    assert read_docx(io.BytesIO(data)) == text
    assert read_docx(str(path)) == text


def test_docx_errors_name_the_paragraph(tmp_path):
    path = _draft(tmp_path / "skip.docx", [("", None), ("第一条 甲。", None)])
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert (
        str(caught.value) == "line 3: article number skips: expected 第二条 (2), found 第三条 (3)"
    )


def test_garbage_is_not_a_docx(tmp_path):
    with pytest.raises(ParseError) as caught:
        read_docx(b"this is not a zip file")
    assert str(caught.value).startswith("line 1: not a Word .docx file: ")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "a zip, but not a Word document")
    with pytest.raises(ParseError) as caught:
        read_docx(buffer.getvalue())
    assert caught.value.line == 1
    path = tmp_path / "fake.docx"
    path.write_bytes(b"\x00\x01garbage")
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert str(caught.value).startswith("line 1: not a Word .docx file: ")


def test_an_old_doc_and_a_zip_bomb_are_refused_before_python_docx_opens_them():
    with pytest.raises(ParseError) as caught:
        read_docx(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(1024))
    assert "old Word 97-2003 .doc" in str(caught.value)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (101 * 1024 * 1024))
    with pytest.raises(ParseError) as caught:
        read_docx(buffer.getvalue())
    assert str(caught.value).startswith("line 1: the .docx would unpack to 105,906,")
    assert str(caught.value).endswith(
        "bytes, more than the 104,857,600 a draft may; it was not opened"
    )
