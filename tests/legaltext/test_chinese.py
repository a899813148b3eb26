"""Chinese legal drafts: 编/章/节, 第X条 (之一, captions), 款, 项, 目, 附件, 序言."""

from app.legaltext import parse

SAMPLE = """---
measure: certified-personnel            # slug
title: 认证人员管理办法（征求意见稿）
revision: 1
---
为了加强认证人员管理，现公开征求意见。

目录

第一编 总则

第一章 一般规定

第二编 附则

第一编　总则

## 第一章　一般规定

第一条（目的）为了规范认证人员管理，制定本办法。

第二条 认证人员应当具备下列条件：

（一）具有完全民事行为能力；

(二)具备相应能力，包括：

1．专业知识；

2.审核技能；

（三）其他条件。

前款第二项规定的能力，由认证机构评价。

第二条之一 （删去）

### 第二章 注 册

#### 第一节 申请

第三条 （市）区认证监管部门受理申请。

申请应当提交下列材料：

（一）申请表，包括：

（1）基本信息；

（2）工作经历；

（二）身份证明。

#### 第二节 审查

第四条 审查人员不得少于两人。

第二编 附则

第一章 附则

第五条 本办法自发布之日起施行。

① 本注释不计入条文。

附件一 认证人员注册申请表

申请人：

说明：（略）

## 填表说明

按实填写。
"""

ROWS = [
    ("pre", "preamble", None, 0, "序言", "", None, "序言"),
    ("pt1", "part", 1, 0, "第一编", "总则", None, "第一编"),
    ("pt1.ch1", "chapter", 1, 0, "第一章", "一般规定", "pt1", "第一编第一章"),
    ("art1", "article", 1, 0, "第一条", "目的", "pt1.ch1", "第一条"),
    ("art1.p1", "paragraph", 1, 0, "第一款", "", "art1", "第一条第一款"),
    ("art2", "article", 2, 0, "第二条", "", "pt1.ch1", "第二条"),
    ("art2.p1", "paragraph", 1, 0, "第一款", "", "art2", "第二条第一款"),
    ("art2.p1.i1", "item", 1, 0, "（一）", "", "art2.p1", "第二条第一款第一项"),
    ("art2.p1.i2", "item", 2, 0, "（二）", "", "art2.p1", "第二条第一款第二项"),
    ("art2.p1.i2.s1", "subitem", 1, 0, "1.", "", "art2.p1.i2", "第二条第一款第二项第一目"),
    ("art2.p1.i2.s2", "subitem", 2, 0, "2.", "", "art2.p1.i2", "第二条第一款第二项第二目"),
    ("art2.p1.i3", "item", 3, 0, "（三）", "", "art2.p1", "第二条第一款第三项"),
    ("art2.p2", "paragraph", 2, 0, "第二款", "", "art2", "第二条第二款"),
    ("art2-1", "article", 2, 1, "第二条之一", "", "pt1.ch1", "第二条之一"),
    ("art2-1.p1", "paragraph", 1, 0, "第一款", "", "art2-1", "第二条之一第一款"),
    ("pt1.ch2", "chapter", 2, 0, "第二章", "注册", "pt1", "第一编第二章"),
    ("pt1.ch2.sec1", "section", 1, 0, "第一节", "申请", "pt1.ch2", "第一编第二章第一节"),
    ("art3", "article", 3, 0, "第三条", "", "pt1.ch2.sec1", "第三条"),
    ("art3.p1", "paragraph", 1, 0, "第一款", "", "art3", "第三条第一款"),
    ("art3.p2", "paragraph", 2, 0, "第二款", "", "art3", "第三条第二款"),
    ("art3.p2.i1", "item", 1, 0, "（一）", "", "art3.p2", "第三条第二款第一项"),
    ("art3.p2.i1.s1", "subitem", 1, 0, "（1）", "", "art3.p2.i1", "第三条第二款第一项第一目"),
    ("art3.p2.i1.s2", "subitem", 2, 0, "（2）", "", "art3.p2.i1", "第三条第二款第一项第二目"),
    ("art3.p2.i2", "item", 2, 0, "（二）", "", "art3.p2", "第三条第二款第二项"),
    ("pt1.ch2.sec2", "section", 2, 0, "第二节", "审查", "pt1.ch2", "第一编第二章第二节"),
    ("art4", "article", 4, 0, "第四条", "", "pt1.ch2.sec2", "第四条"),
    ("art4.p1", "paragraph", 1, 0, "第一款", "", "art4", "第四条第一款"),
    ("pt2", "part", 2, 0, "第二编", "附则", None, "第二编"),
    ("pt2.ch1", "chapter", 1, 0, "第一章", "附则", "pt2", "第二编第一章"),
    ("art5", "article", 5, 0, "第五条", "", "pt2.ch1", "第五条"),
    ("art5.p1", "paragraph", 1, 0, "第一款", "", "art5", "第五条第一款"),
    ("annex1", "annex", 1, 0, "附件一", "认证人员注册申请表", None, "附件一"),
    ("annex2", "annex", 2, 0, "填表说明", "", None, "填表说明"),
]


def _rows(doc):
    return [
        (c.key, c.kind, c.number, c.suffix, c.label, c.caption, c.parent, c.citation)
        for c in doc.clauses
    ]


def test_chinese_sample_builds_the_clause_tree():
    doc = parse(SAMPLE)
    assert _rows(doc) == ROWS
    assert [c.position for c in doc.clauses] == list(range(len(ROWS)))
    assert (doc.family, doc.language) == ("cn", "zh")


def test_chinese_sample_texts_and_lines():
    clauses = parse(SAMPLE).by_key()
    assert clauses["pre"].text == "为了加强认证人员管理，现公开征求意见。"
    assert clauses["art1"].text == "为了规范认证人员管理，制定本办法。"
    assert clauses["art2"].text == (
        "认证人员应当具备下列条件：\n（一）具有完全民事行为能力；\n（二）具备相应能力，包括：\n"
        "1.专业知识；\n2.审核技能；\n（三）其他条件。\n前款第二项规定的能力，由认证机构评价。"
    )
    assert clauses["art2.p1"].text == "认证人员应当具备下列条件："
    assert clauses["art2.p1.i2"].text == "具备相应能力，包括："
    assert clauses["art3.p1"].text == "（市）区认证监管部门受理申请。"
    assert clauses["annex1"].text == "申请人：\n说明：（略）"
    assert clauses["annex2"].text == "按实填写。"
    assert clauses["pt1.ch1"].text == ""
    assert [clauses[k].line for k in ("pre", "pt1", "art1", "art2.p1.i2.s1", "annex2")] == [
        6, 16, 20, 28, 72,
    ]  # fmt: skip


def test_chinese_sample_deleted_article_meta_and_counts():
    doc = parse(SAMPLE)
    assert [c.key for c in doc.clauses if c.deleted] == ["art2-1"]
    assert doc.meta == {
        "measure": "certified-personnel",
        "title": "认证人员管理办法（征求意见稿）",
        "revision": "1",
        "notes": "① 本注释不计入条文。",
    }
    assert doc.counts() == {
        "parts": 2, "chapters": 3, "sections": 2, "articles": 6, "paragraphs": 8,
        "items": 5, "subitems": 4, "annexes": 2,
    }  # fmt: skip


def test_chinese_heading_forms_all_read_as_chapters():
    text = "第一章总则\n第一条 甲。\n## 第二章　管 理\n第二条 乙。\n第三章 附 则\n第三条 丙。\n第四章\n罚则\n第四条 丁。"
    doc = parse(text)
    chapters = [(c.key, c.caption) for c in doc.clauses if c.kind == "chapter"]
    assert chapters == [("ch1", "总则"), ("ch2", "管理"), ("ch3", "附则"), ("ch4", "罚则")]


def test_chinese_article_numbers_in_digits_and_full_width():
    doc = parse("第1条 甲。\n第２条 乙。\n第一十三条 丙。".replace("一十三", "3"))
    assert [(c.key, c.label) for c in doc.clauses if c.kind == "article"] == [
        ("art1", "第一条"),
        ("art2", "第二条"),
        ("art3", "第三条"),
    ]


def test_chinese_caption_rules():
    text = (
        "第一条（目的）为了甲。\n第二条 （定义） 本办法所称乙。\n第三条 （市）区丙。\n"
        "第四条【适用】丁。\n第五条（本条所称的，是指）戊。"
    )
    doc = parse(text)
    got = [(c.caption, c.text) for c in doc.clauses if c.kind == "article"]
    assert got == [
        ("目的", "为了甲。"),
        ("定义", "本办法所称乙。"),
        ("", "（市）区丙。"),
        ("适用", "丁。"),
        ("", "（本条所称的，是指）戊。"),
    ]


def test_chinese_single_paragraph_article_cites_items_without_paragraph():
    doc = parse("第一条 有下列情形之一的，不予注册：\n（一）甲；\n1.子目；\n（二）乙。")
    assert [c.citation for c in doc.clauses] == [
        "第一条", "第一条第一款", "第一条第一项", "第一条第一项第一目", "第一条第二项",
    ]  # fmt: skip


def test_chinese_article_words_on_the_next_line_fill_the_first_paragraph():
    doc = parse("第一条\n为了规范管理，制定本办法。\n本办法适用于全国。")
    assert [(c.key, c.text) for c in doc.clauses if c.kind == "paragraph"] == [
        ("art1.p1", "为了规范管理，制定本办法。"),
        ("art1.p2", "本办法适用于全国。"),
    ]


def test_chinese_line_quoting_another_article_stays_a_paragraph():
    doc = parse("第一条 甲。\n第三十条规定的情形除外。\n第二条 乙。")
    assert [c.key for c in doc.clauses] == ["art1", "art1.p1", "art1.p2", "art2", "art2.p1"]
    assert doc.by_key()["art1.p2"].text == "第三十条规定的情形除外。"


def test_chinese_lawrefbook_info_block_and_title():
    doc = parse("# 某某条例\n\n2020年1月1日 公布\n\n<!-- INFO END -->\n\n第一条 甲。")
    assert doc.meta == {"title": "某某条例", "info": "2020年1月1日 公布"}
    assert [c.key for c in doc.clauses] == ["art1", "art1.p1"]


def test_chinese_sub_item_marker_outside_an_item_is_a_paragraph():
    doc = parse("第一条 甲：\n1.乙；\n2.丙。")
    assert [c.key for c in doc.clauses] == ["art1", "art1.p1", "art1.p2", "art1.p3"]


def test_chinese_liang_and_lettered_annexes():
    doc = parse("第一条 甲。\n第两条 乙。\n附录A 术语\n甲：乙。\n附件2\n表格。")
    assert [(c.key, c.label, c.caption) for c in doc.clauses if c.kind != "paragraph"] == [
        ("art1", "第一条", ""),
        ("art2", "第二条", ""),
        ("annexA", "附录A", "术语"),
        ("annex2", "附件2", ""),
    ]
    assert doc.by_key()["annexA"].text == "甲：乙。"
