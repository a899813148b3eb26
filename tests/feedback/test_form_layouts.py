"""Returned forms in a unit's own layout or ISO's template; headings and details as written."""

import io

import pytest
from docx import Document as WordDocument
from openpyxl import Workbook

from app.feedback.files import FormRow, read_form
from app.feedback.files.headings import Details, classify, read_details


def _saved(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- a unit's own layout --------------------------------------------------------------------


def test_a_units_own_xlsx_layout_is_read_by_its_headings():
    book = Workbook()
    sheet = book.active
    sheet.title = "意见"
    sheet["A1"] = "关于《认证人员管理办法（征求意见稿）》的修改意见"
    sheet.merge_cells("A1:E1")
    sheet["A3"] = "填报单位：中国某某协会    联系人：李四    联系电话：010-12345678"
    sheet.append(["序号", "条款号", "具体意见", "建议修改为", "修改理由"])
    sheet.append([1, "第十二条", "门槛偏高。", "降低为三年。", "与现行规定衔接"])
    sheet.append([2, None, None, None, None])
    sheet.append([])
    sheet.append([3, "第二十条第一款", "缺少申诉渠道。", None, None])
    sheet.append(["电子邮箱：lisi@xiehui.example"])

    returned = read_form(_saved(book), "协会意见.xlsx")

    assert (returned.kind, returned.layout, returned.identifier) == ("xlsx", "own", None)
    assert (returned.unit, returned.contact, returned.phone, returned.email) == (
        "中国某某协会",
        "李四",
        "010-12345678",
        "lisi@xiehui.example",
    )
    assert returned.rows == [
        FormRow(5, "第十二条", "门槛偏高。", "降低为三年。", "与现行规定衔接", None, "意见 row 5"),
        FormRow(8, "第二十条第一款", "缺少申诉渠道。", "", "", None, "意见 row 8"),
    ]


def test_a_units_own_docx_layout_with_merged_clause_cells_and_tracked_changes():
    document = WordDocument()
    document.add_paragraph("关于认证人员管理办法的意见")
    document.add_paragraph("单位：某研究院　　联系人：赵六　　电话：021-87654321")
    table = document.add_table(rows=4, cols=5)
    headings = ["序号", "章节条款", "问题描述", "建议条文", "依据"]
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
    table.cell(1, 1).text = "第十二条"
    table.cell(1, 1).merge(table.cell(2, 1))  # one clause, two comments
    for row, (number, body) in enumerate([("1", "第一点。"), ("2", "第二点。")], start=1):
        table.cell(row, 0).text, table.cell(row, 2).text = number, body
    table.cell(3, 0).text, table.cell(3, 1).text = "3", "第十五条"
    paragraph = table.cell(3, 2).paragraphs[0]
    paragraph.add_run("保留")
    paragraph._p.append(_tracked("w:ins", "w:t", "新增的文字"))
    paragraph._p.append(_tracked("w:del", "w:delText", "删除的文字"))

    returned = read_form(_saved(document), "研究院.docx")

    assert (returned.kind, returned.layout, returned.identifier) == ("docx", "own", None)
    assert (returned.unit, returned.contact, returned.phone) == ("某研究院", "赵六", "021-87654321")
    assert [(r.where, r.citation, r.body) for r in returned.rows] == [
        ("table 1 row 2", "第十二条", "第一点。"),
        ("table 1 row 3", "第十二条", "第二点。"),
        ("table 1 row 4", "第十五条", "保留新增的文字"),
    ]


def _tracked(kind, text_tag, text):
    from docx.oxml import parse_xml

    return parse_xml(
        f'<{kind} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        f'w:id="1" w:author="x" w:date="2021-01-01T00:00:00Z">'
        f"<w:r><{text_tag}>{text}</{text_tag}></w:r></{kind}>"
    )


def test_a_docx_table_split_in_two_reads_on_and_example_rows_are_skipped():
    document = WordDocument()
    first = document.add_table(rows=3, cols=3)
    for row, texts in enumerate([("条款", "意见", "理由"), ("示例", "此行为填写示例。", "")]):
        for column, text in enumerate(texts):
            first.cell(row, column).text = text
    first.cell(2, 0).text, first.cell(2, 1).text = "第三条", "甲。"
    document.add_paragraph()
    second = document.add_table(rows=1, cols=3)
    second.cell(0, 0).text, second.cell(0, 1).text = "第四条", "乙。"

    returned = read_form(_saved(document), "split.docx")

    assert [(r.where, r.citation, r.body) for r in returned.rows] == [
        ("table 1 row 3", "第三条", "甲。"),
        ("table 2 row 1", "第四条", "乙。"),
    ]


# --- ISO's comment template -----------------------------------------------------------------


def test_the_iso_template_combines_clause_and_paragraph_and_keeps_the_type():
    book = Workbook()
    sheet = book.active
    sheet.title = "Comments"
    sheet.append(["Date:", "2021-01-20", "Document:", "ISO/DIS 17024"])
    sheet.append([])
    sheet.append([
        "MB/NC¹", "Line number\n(e.g. 17)", "Clause/ Subclause\n(e.g. 3.1)",
        "Paragraph/ Figure/ Table/\n(e.g. Table 1)", "Type of comment²", "Comments",
        "Proposed change", "Observations of the secretariat",
    ])  # fmt: skip
    sheet.append(["CB", 17, "5.1.2", "a)", "te", "Too vague.", "Say “shall”.", None])
    sheet.append(["CB", None, None, None, "ge", "Overall fine.", None, None])
    sheet.append(["CB", 40, "7.2", "Table 1", "Editorial", "Typo.", "Fix.", "Accepted"])
    sheet.append(["CB", 41, "7.3", None, "misc", "Unclear.", None, None])

    returned = read_form(_saved(book), "iso.xlsx")

    assert (returned.layout, returned.unit) == ("iso", "")
    assert [(r.line, r.citation, r.comment_type, r.body, r.proposed) for r in returned.rows] == [
        (4, "5.1.2 a)", "te", "Too vague.", "Say “shall”."),
        (5, "", "ge", "Overall fine.", ""),
        (6, "7.2 Table 1", "ed", "Typo.", "Fix."),
        (7, "7.3", None, "Unclear.", ""),
    ]


# --- headings and details as units write them -----------------------------------------------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("章条编号（必填）", "clause"),
        ("意见所涉条款", "clause"),
        ("Clause/ Subclause\n(e.g. 3.1)", "clause"),
        ("Article", "clause"),
        ("修改意见及理由", "comment"),
        ("问题描述", "comment"),
        ("Comments", "comment"),
        ("建议修改为", "proposed"),
        ("Proposed change", "proposed"),
        ("修改理由", "reason"),
        ("Justification", "reason"),
        ("Type of comment²", "type"),
        ("处理意见", "ignore"),
        ("原条文", "ignore"),
        ("填写说明：每行填写一条意见，章条编号请写明具体条款，对总体的意见请填写总体。", None),
    ],
)
def test_headings_as_units_write_them(heading, kind):
    assert classify(heading) == kind


@pytest.mark.parametrize(
    ("cells", "found"),
    [
        (
            ["联系人：张三，电话：138 0000 0000；E-mail: zs@example.cn"],
            {"contact": "张三", "phone": "138 0000 0000", "email": "zs@example.cn"},
        ),
        (
            ["单位名称（盖章）：", "", "某公司（北京）", "联 系 人", "李四"],
            {"unit": "某公司（北京）", "contact": "李四"},
        ),
        (["单位名称", "", "联系人", "王五"], {"contact": "王五"}),
        (["Name of unit: Acme Ltd", "Tel: 123"], {"unit": "Acme Ltd", "phone": "123"}),
    ],
)
def test_details_as_units_write_them(cells, found):
    details = Details()

    read_details(cells, details)

    assert details.values == found
