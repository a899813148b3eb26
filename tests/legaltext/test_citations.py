"""Citations: Chinese usage (第十二条第二款第三项), English (Article 12(2)(c)), standards."""

from app.legaltext import parse
from app.legaltext.citations import cite, standard_citation_en

from . import test_chinese, test_english, test_standards


def _articles(count: int) -> str:
    return "\n".join(f"第{n}条 第{n}条的内容。" for n in range(1, count + 1))


def test_cite_agrees_with_the_stored_citation():
    for sample in (test_chinese.SAMPLE, test_english.SAMPLE, test_standards.SAMPLE):
        doc = parse(sample)
        assert [cite(doc, c) for c in doc.clauses] == [c.citation for c in doc.clauses]


def test_chinese_citations_skip_chapters_and_sections():
    text = "第一章 总则\n第一节 一般\n第一条 甲。\n第二节 特别\n第二条 乙：\n（一）丙；\n（二）丁；\n（三）戊。\n己。"
    clauses = parse(text).by_key()
    assert clauses["ch1.sec2"].citation == "第一章第二节"
    assert clauses["art2"].citation == "第二条"
    assert clauses["art2.p1.i3"].citation == "第二条第一款第三项"
    assert clauses["art2.p2"].citation == "第二条第二款"


def test_chinese_inserted_article_paragraph_citation():
    text = _articles(120) + "\n第一百二十条之一 甲。\n乙。\n第一百二十一条 丙。"
    clauses = parse(text).by_key()
    assert clauses["art120-1.p2"].citation == "第一百二十条之一第二款"
    assert clauses["art120-1"].label == "第一百二十条之一"
    assert clauses["art121"].citation == "第一百二十一条"


def test_english_citations_of_paragraphs_items_and_sub_items():
    text = "Chapter 3 Rules\nSection 2 Detail\nArticle 1\n1. One.\n2. Two:\n(a) x;\n(b) y;\n(c) z:\n(i) deep."
    clauses = parse(text, force=True).by_key()
    assert clauses["ch3.sec2"].citation == "Chapter 3, Section 2"
    assert clauses["art1.p2.i3.s1"].citation == "Article 1(2)(c)(i)"
    assert clauses["art1.p2"].citation == "Article 1(2)"


def test_standard_paragraph_citations_name_the_paragraph_only_when_several():
    text = "1 范围\n1.1 总则\n第一段：\na) 甲；\n第二段：\na) 乙；\n1) 丙。\n1.2 单段\n仅一段：\na) 丁。"
    clauses = parse(text, family="std").by_key()
    assert [clauses[k].citation for k in ("1.1.p1", "1.1.p2.i1", "1.1.p2.i1.s1", "1.2.p1.i1")] == [
        "1.1 第1段",
        "1.1 第2段 a)",
        "1.1 第2段 a) 1)",
        "1.2 a)",
    ]


def test_standard_citations_in_english_name_clause_paragraph_and_annex():
    text = "1 范围\n1.1 总则\n第一段：\na) 甲；\n第二段：\na) 乙；\n1) 丙。\n1.2 单段\n仅一段：\na) 丁。"
    clauses = parse(text, family="std").by_key()
    keys = ("1", "1.1.p2", "1.1.p2.i1.s1", "1.2.p1.i1")
    assert [standard_citation_en(clauses[k].citation) for k in keys] == [
        "Clause 1",
        "Clause 1.1, paragraph 2",
        "Clause 1.1, paragraph 2, a) 1)",
        "Clause 1.2, a)",
    ]
    assert standard_citation_en("1 第2段") == "Clause 1, paragraph 2"
    assert standard_citation_en("附录A") == "Annex A"
