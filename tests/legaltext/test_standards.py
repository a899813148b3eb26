"""Standards drafted to GB/T 1.1: chapters, nested clauses, 段, a) items, 1) sub-items, 附录."""

import pytest

from app.legaltext import ParseError, parse

SAMPLE = """---
title: 认证机构能力要求
---
# 认证机构能力要求

前言

本文件按照GB/T 1.1—2020的规定起草。

1 范围

本文件规定了认证机构的能力要求。

2 要求

2.1 通用要求

2.1.1 认证机构应具备下列条件：

a) 法人资格；

b) 管理体系，包括：

1) 文件控制；

2) 记录控制；

c) 人员。

2.1.2 认证机构应公开信息。

第二段文字。

2.2 人员

应配备足够的人员。

附录A
（规范性）
人员能力评价

本附录规定了评价方法。

A.1 评价方法

A.1.1 采用笔试。

附　录　B（资料性）示例

B.1 示例一
"""

ROWS = [
    ("pre", "preamble", None, "前言", "", None, "前言"),
    ("1", "chapter", 1, "1", "范围", None, "1"),
    ("1.p1", "paragraph", 1, "第1段", "", "1", "1"),
    ("2", "chapter", 2, "2", "要求", None, "2"),
    ("2.1", "article", 1, "2.1", "通用要求", "2", "2.1"),
    ("2.1.1", "article", 1, "2.1.1", "", "2.1", "2.1.1"),
    ("2.1.1.p1", "paragraph", 1, "第1段", "", "2.1.1", "2.1.1"),
    ("2.1.1.p1.i1", "item", 1, "a)", "", "2.1.1.p1", "2.1.1 a)"),
    ("2.1.1.p1.i2", "item", 2, "b)", "", "2.1.1.p1", "2.1.1 b)"),
    ("2.1.1.p1.i2.s1", "subitem", 1, "1)", "", "2.1.1.p1.i2", "2.1.1 b) 1)"),
    ("2.1.1.p1.i2.s2", "subitem", 2, "2)", "", "2.1.1.p1.i2", "2.1.1 b) 2)"),
    ("2.1.1.p1.i3", "item", 3, "c)", "", "2.1.1.p1", "2.1.1 c)"),
    ("2.1.2", "article", 2, "2.1.2", "", "2.1", "2.1.2"),
    ("2.1.2.p1", "paragraph", 1, "第1段", "", "2.1.2", "2.1.2 第1段"),
    ("2.1.2.p2", "paragraph", 2, "第2段", "", "2.1.2", "2.1.2 第2段"),
    ("2.2", "article", 2, "2.2", "人员", "2", "2.2"),
    ("2.2.p1", "paragraph", 1, "第1段", "", "2.2", "2.2"),
    ("annexA", "annex", 1, "附录A（规范性）", "人员能力评价", None, "附录A"),
    ("A.1", "article", 1, "A.1", "评价方法", "annexA", "A.1"),
    ("A.1.1", "article", 1, "A.1.1", "", "A.1", "A.1.1"),
    ("A.1.1.p1", "paragraph", 1, "第1段", "", "A.1.1", "A.1.1"),
    ("annexB", "annex", 2, "附录B（资料性）", "示例", None, "附录B"),
    ("B.1", "article", 1, "B.1", "示例一", "annexB", "B.1"),
]


def _rows(doc):
    return [
        (c.key, c.kind, c.number, c.label, c.caption, c.parent, c.citation) for c in doc.clauses
    ]


def test_standard_sample_builds_the_clause_tree():
    doc = parse(SAMPLE, family="std")
    assert _rows(doc) == ROWS
    assert (doc.family, doc.language) == ("std", "zh")


def test_standard_family_is_detected_from_numbered_clauses():
    assert parse(SAMPLE).family == "std"


def test_standard_sample_texts_and_counts():
    doc = parse(SAMPLE)
    clauses = doc.by_key()
    assert clauses["pre"].text == "本文件按照GB/T 1.1—2020的规定起草。"
    assert clauses["pre"].label == "前言"
    assert clauses["2.1.1"].text == (
        "认证机构应具备下列条件：\na) 法人资格；\nb) 管理体系，包括：\n1) 文件控制；\n"
        "2) 记录控制；\nc) 人员。"
    )
    assert clauses["2.1.2"].text == "认证机构应公开信息。\n第二段文字。"
    assert clauses["2"].text == ""
    assert clauses["annexA"].text == "本附录规定了评价方法。"
    assert doc.counts() == {
        "parts": 0, "chapters": 2, "sections": 0, "articles": 7, "paragraphs": 6,
        "items": 3, "subitems": 2, "annexes": 2,
    }  # fmt: skip


def test_standard_clause_out_of_place_is_refused():
    with pytest.raises(ParseError) as caught:
        parse("1 范围\n本文件规定。\n2 要求\n2.1 通用\n2.3 人员", family="std")
    assert str(caught.value) == "line 5: clause number skips: expected 2.2 (2), found 2.3 (3)"
    with pytest.raises(ParseError) as caught:
        parse("1 范围\n1.1 通用\n1.1.1.1 太深", family="std")
    assert str(caught.value) == (
        "line 3: clause number does not follow: expected 1.1.1, found 1.1.1.1"
    )


def test_preamble_heading_is_its_label_not_its_text():
    document = parse(
        "前言\n\n本文件由某技术委员会提出。\n\n1 范围\n\n本文件规定了要求。\n", family="std"
    )

    preamble = document.by_key()["pre"]
    assert preamble.label == "前言"
    assert preamble.text == "本文件由某技术委员会提出。"
