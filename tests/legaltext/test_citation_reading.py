"""Reading citations as people write them in feedback forms, resolved to clause keys."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.legaltext import CitationIndex, Resolution, parse, read_citation
from app.legaltext.numerals import cn_to_int, int_to_cn

from . import test_english, test_standards
from .corpus import corpus_doc, corpus_names
from .test_roundtrip import chinese_drafts, english_drafts, standard_drafts

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CHINESE = "\n".join(
    [
        "第一章 总则",
        "第一条 为了规范认证人员管理，制定本办法。",
        "第二条 本办法适用于下列人员：",
        "（一）认证审核员；",
        "（二）认证检查员；",
        "（三）其他人员，包括：",
        "1. 技术专家；",
        "2. 观察员。",
        "第二章 认证人员",
        "第一节 注册",
        *(f"第{int_to_cn(n)}条 第{n}条的内容。" for n in range(3, 12)),
        "第二节 监督",
        "第十二条 认证机构应当建立人员管理制度。",
        "认证机构应当：",
        "（一）评价人员能力；",
        "（二）保存记录；",
        "（三）开展监督，包括：",
        "1. 现场观察；",
        "2. 记录审查。",
        "违反前款规定的，依法处理。",
        "第十三条 认证人员应当具备下列条件：",
        "（一）完全民事行为能力；",
        "（二）相应学历；",
        "（三）工作经历。",
        "第十四条 申请材料包括：",
        "（一）申请书；",
        "（二）证明。",
        "变更材料包括：",
        "（一）变更申请书。",
        "第三章 附则",
        *(f"第{int_to_cn(n)}条 第{n}条的内容。" for n in range(15, 121)),
        "第一百二十条之一 新增的内容。",
        "第一百二十一条 本办法自发布之日起施行。",
        "附件一 申请表",
        "表格内容。",
    ]
)
STANDARD = "\n".join(
    [
        *(f"{n} 第{n}章\n\n本章内容。" for n in range(1, 5)),
        "5 要求",
        "5.1 通用要求",
        "5.1.1 认证机构应公开信息。",
        "5.1.2 认证机构应具备：",
        "a) 法人资格；",
        "b) 管理体系，包括：",
        "1) 文件控制；",
        "2) 记录控制。",
        "人员应具备能力。",
        *(f"{n} 第{n}章\n\n本章内容。" for n in range(6, 12)),
        "12 评价",
        "12.1 方法",
        "12.2 记录",
        "附录A",
        "（规范性）",
        "人员能力评价",
        "A.1 评价方法",
    ]
)


@pytest.fixture(scope="module")
def chinese():
    return CitationIndex(parse(CHINESE).clauses, family="cn")


@pytest.fixture(scope="module")
def standard():
    doc = parse(STANDARD, family="std")
    return CitationIndex(doc.clauses, family="std")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("第十二条第二款第三项", "art12.p2.i3"),
        ("第12条第2款", "art12.p2"),
        ("十二条", "art12"),
        ("第十二条 第二款", "art12.p2"),
        ("第十二条（三）", "art12.p2.i3"),  # only paragraph 2 has items
        ("第十二条第（三）项", "art12.p2.i3"),
        ("第十二条第二款第三项第一目", "art12.p2.i3.s1"),
        ("第十二条（三）1.", "art12.p2.i3.s1"),
        ("第一百二十条之一", "art120-1"),
        ("120条之一", "art120-1"),
        ("第120条之1", "art120-1"),
        ("第十三条第3项", "art13.p1.i3"),  # one paragraph: its items are the article's
        ("第十三条第一款", "art13.p1"),  # paragraph 1 exists, and is what was named
        ("12", "art12"),
        ("12.2", "art12.p2"),
        ("12.2.3", "art12.p2.i3"),
        ("12(2)(c)", "art12.p2.i3"),
        ("Art. 12", "art12"),
        ("Article 12(2)(c)", "art12.p2.i3"),
        ("Article 12 (2)", "art12.p2"),
        ("article 12, paragraph 2, point (c)", "art12.p2.i3"),
        ("art12.p2", "art12.p2"),
        ("ART12.P2", "art12.p2"),
        ("第１２条第２款", "art12.p2"),
        ("第 十二 条 第 二 款", "art12.p2"),
        ("（第十二条第二款）", "art12.p2"),
        ("第十二条第二款规定", "art12.p2"),
        ("第12条第2款。", "art12.p2"),
        ("“第十二条”；", "art12"),
        ("第十二条条款", "art12"),
        ("第12条款", "art12"),
        ("第十二条（关于监督）", "art12"),
        ("《认证人员管理办法》第十二条", "art12"),
        ("章条编号：第十二条", "art12"),
        ("第二章", "ch2"),
        ("第二章 认证人员", "ch2"),
        ("第二章第二节", "ch2.sec2"),
        ("第二章第二节第十二条", "art12"),
        ("总则", "ch1"),  # a chapter's caption
        ("附件一", "annex1"),
        ("附件1", "annex1"),
        ("第二条第三项1", "art2.p1.i3.s1"),
    ],
)
def test_chinese_forms_resolve(chinese, text, key):
    result = chinese.read(text)
    assert (result.status, result.key) == ("matched", key), result.reason


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("5.1.2 a)", "5.1.2.p1.i1"),
        ("5.1.2a", "5.1.2.p1.i1"),
        ("5.1.2, a)", "5.1.2.p1.i1"),
        ("5.1.2(b)", "5.1.2.p1.i2"),
        ("5.1.2 b) 1)", "5.1.2.p1.i2.s1"),
        ("5.1.2 第2段", "5.1.2.p2"),
        ("5.1.2 第二段", "5.1.2.p2"),
        ("5.1.2", "5.1.2"),
        ("5.1.2条", "5.1.2"),
        ("Clause 5.1.2", "5.1.2"),
        ("条款5.1.2", "5.1.2"),
        ("５．１．２　ａ）", "5.1.2.p1.i1"),
        ("5.1.1", "5.1.1"),  # its only paragraph has the same citation: the clause is meant
        ("5.1.1 第1段", "5.1.1.p1"),
        ("12.2", "12.2"),  # in a standard, 12.2 is the clause 12.2
        ("12", "12"),
        ("第5章", "5"),
        ("附录A", "annexA"),
        ("附录 A", "annexA"),
        ("A.1", "A.1"),
        ("5.1 通用要求", "5.1"),
    ],
)
def test_standard_forms_resolve(standard, text, key):
    result = standard.read(text)
    assert (result.status, result.key) == ("matched", key), result.reason


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Article 1(2)(b)(ii)", "art1.p2.i2.s2"),
        ("Art. 1 para 2 point (c)", "art1.p2.i3"),
        ("Article 2(i)", "art2.p1.i9"),  # the ninth item, as the English parser reads it
        ("Article 3(2)", "art3.p2"),
        ("Part I, Chapter 1", "pt1.ch1"),
        ("Part II", "pt2"),
        ("Section 1", "pt1.ch1.sec1"),
        ("Annex I", "annex1"),
        ("Annex B", "annexB"),
        ("Preamble", "pre"),
    ],
)
def test_english_forms_resolve(text, key):
    result = read_citation(text, parse(test_english.SAMPLE).clauses, family="en")
    assert (result.status, result.key) == ("matched", key), result.reason


@pytest.mark.parametrize(
    "text",
    [
        "总体",
        "通篇",
        "全文",
        "General",
        "整体",
        "",
        "   ",
        "总体意见",
        "对本办法的总体意见",
        "无",
        "—",
    ],
)
def test_comments_on_the_whole_draft(chinese, text):
    assert chinese.read(text) == Resolution("general", reason="a comment on the whole draft")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("第二百条", "there is no article 200 in this revision"),
        ("第十二条第五款", "article 12 has 3 paragraphs, not 5"),
        ("第十三条第二款", "article 13 has 1 paragraph, not 2"),
        ("第十二条第二款第九项", "paragraph 2 of article 12 has 3 items, not 9"),
        ("第一条第一款第一项", "paragraph 1 of article 1 has no items"),
        ("第十二条第四项", "article 12 has no item 4"),
        ("第五章", "there is no chapter 5 in this revision"),
        ("第一章第三节", "chapter 1 has no section 3"),
        ("附件三", "there is no annex 3 in this revision"),
        ("随便写写", "cannot read '随便写写' as a clause citation"),
        ("第十二条、第二百条之一", "there is no article 200-1 in this revision"),
    ],
)
def test_unknown_citations_say_why(chinese, text, reason):
    if "、" in text:  # one of two clauses exists: offered, with the reason for the other
        result = chinese.read(text)
        assert result == Resolution(
            "ambiguous", candidates=("art12",), reason=f"names several clauses; {reason}"
        )
        return
    assert chinese.read(text) == Resolution("unknown", reason=reason)


@pytest.mark.parametrize(
    ("text", "candidates", "reason"),
    [
        ("第三项", ("art2.p1.i3", "art12.p2.i3", "art13.p1.i3"), "item 3 is cited without its article"),
        ("（三）", ("art2.p1.i3", "art12.p2.i3", "art13.p1.i3"), "item 3 is cited without its article"),
        ("第十四条第一项", ("art14.p1.i1", "art14.p2.i1"), "article 14 item 1 fits 2 clauses"),
        ("第十二条、第十三条", ("art12", "art13"), "names several clauses"),
        ("Articles 12 and 13", ("art12", "art13"), "names several clauses"),
        ("第十二条第二款、第三款", ("art12.p2", "art12.p3"), "names several clauses"),
        ("第十二条第一项至第三项", ("art12.p2.i1", "art12.p2.i2", "art12.p2.i3"),
         "names 3 clauses, item 1 of paragraph 2 of article 12 to item 3 of paragraph 2 of article 12"),
        ("第十二条至第十三条", ("art12", "art13"), "names 2 clauses, article 12 to article 13"),
        ("第十二条后增加一条", ("art12",), "read article 12, but not '后增加一条'"),
        ("第一章第十二条", ("art12",), "article 12 is not in chapter 1"),
    ],
)  # fmt: skip
def test_ambiguous_citations_offer_candidates(chinese, text, candidates, reason):
    assert chinese.read(text) == Resolution("ambiguous", candidates=candidates, reason=reason)


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("5.1.2 a)、b)", Resolution("ambiguous", candidates=("5.1.2.p1.i1", "5.1.2.p1.i2"),
                                    reason="names several clauses")),
        ("5.1.1至5.1.2", Resolution("ambiguous", candidates=("5.1.1", "5.1.2"),
                                   reason="names 2 clauses, clause 5.1.1 to clause 5.1.2")),
        ("b)", Resolution("ambiguous", candidates=("5.1.2.p1.i2",),
                          reason="item 2 is cited without its clause")),
        ("5.1.2 d)", Resolution("unknown", reason="clause 5.1.2 has no item 4")),
        ("5.1.9", Resolution("unknown", reason="there is no clause 5.1.9 in this revision")),
        ("附录C", Resolution("unknown", reason="there is no annex C in this revision")),
        ("表1", Resolution("unknown", reason="cannot read '表1' as a clause citation")),
    ],
)  # fmt: skip
def test_standard_citations_that_do_not_match(standard, text, result):
    assert standard.read(text) == result


def test_odd_cells_of_a_spreadsheet(chinese):
    assert chinese.read(12.0).key == "art12"  # Excel turns 12 into a number
    assert chinese.read(12.2).key == "art12.p2"
    assert chinese.read(None).status == "general"
    assert chinese.read("第一百五条") == Resolution(
        "unknown",
        reason="cannot read '第一百五条': ambiguous numeral '一百五' (write 一百零五 or 一百五十)",
    )
    assert chinese.read("第一章第二百条") == Resolution(
        "unknown", reason="there is no article 200 in this revision"
    )


def test_chapters_that_restart_in_each_part_are_ambiguous_alone():
    clauses = parse(test_english.SAMPLE).clauses
    assert read_citation("Chapter 1", clauses, family="en") == Resolution(
        "ambiguous", candidates=("pt1.ch1", "pt2.ch1"), reason="chapter 1 fits 2 clauses"
    )
    assert read_citation("Part II, Chapter 1", clauses, family="en").key == "pt2.ch1"


@dataclass(frozen=True)
class Row:
    """The shape of the app's adapter of a database row."""

    key: str
    kind: str
    number: int | None
    suffix: int
    parent: str | None
    citation: str


def test_a_citation_both_families_could_mean_is_ambiguous():
    legal = parse(CHINESE).clauses
    std = parse(STANDARD, family="std").clauses
    rows = [Row(c.key, c.kind, c.number, c.suffix, c.parent, c.citation) for c in legal + std]
    expected = Resolution(
        "ambiguous",
        candidates=("art12.p2", "12.2"),
        reason="'12.2' may mean article 12 paragraph 2 or clause 12.2",
    )
    assert read_citation("12.2", rows, family="cn") == expected
    assert read_citation("12.2", rows, family="std").candidates == ("art12.p2", "12.2")
    assert read_citation("第十二条第二款", rows).key == "art12.p2"


def test_the_same_index_reads_many_rows(chinese):
    rows = ["第十二条", "12.2", "总体", "第二百条"] * 125
    results = [chinese.read(text) for text in rows]
    assert [r.status for r in results[:4]] == ["matched", "matched", "general", "unknown"]
    assert results[:4] * 125 == results
    assert chinese.read("Article 12(2)(c)") == read_citation(
        "Article 12(2)(c)", parse(CHINESE).clauses
    )


def test_std_sample_of_the_parser_tests_reads_back():
    doc = parse(test_standards.SAMPLE)
    index = CitationIndex(doc.clauses, family="std")
    assert index.read("2.1.1 b) 1)").key == "2.1.1.p1.i2.s1"
    assert index.read("附录B").key == "annexB"
    assert index.read("前言").key == "pre"
    assert index.read("附录C") == Resolution(
        "unknown", reason="there is no annex C in this revision"
    )


# -- properties: every clause's own citation, and its messier spellings, read back -----------

_CN_NUMBER = re.compile(r"([第之])([一二三四五六七八九十百千零〇]+)")
_FULL_WIDTH = str.maketrans("0123456789()", "０１２３４５６７８９（）")


def _arabic(citation: str) -> str:
    return _CN_NUMBER.sub(lambda m: m.group(1) + str(cn_to_int(m.group(2))), citation)


CHINESE_STYLES = (
    lambda c: c,
    _arabic,
    lambda c: " ".join(_arabic(c)).translate(_FULL_WIDTH),
    lambda c: f"《办法》{c}的规定。",
)
ENGLISH_STYLES = (
    lambda c: c,
    lambda c: c.replace("Article ", "Art. ").replace("(", " ("),
    str.upper,
    lambda c: f"“{c}”;",
)
STANDARD_STYLES = (
    lambda c: c,
    lambda c: c.replace(" ", ""),
    lambda c: c.translate(_FULL_WIDTH),
    lambda c: f"条款：{c}",
)


def _expected(doc) -> dict[str, str]:
    """Each citation's clause: the first that bears it (a standards clause before its only
    paragraph, whose citation is the same)."""
    first: dict[str, str] = {}
    for clause in doc.clauses:
        first.setdefault(clause.citation, clause.key)
    return first


def _reads_back(doc, style) -> None:
    index = CitationIndex(doc.clauses, family=doc.family)
    expected = _expected(doc)
    for clause in doc.clauses:
        result = index.read(style(clause.citation))
        assert result.status == "matched", (clause.key, style(clause.citation), result)
        assert result.key == expected[clause.citation]


@PROPERTY
@given(chinese_drafts(), st.sampled_from(CHINESE_STYLES))
def test_every_clause_of_a_generated_chinese_draft_reads_back(generated, style):
    draft, meta = generated
    _reads_back(parse(draft.text(meta)), style)


@PROPERTY
@given(english_drafts(), st.sampled_from(ENGLISH_STYLES))
def test_every_clause_of_a_generated_english_draft_reads_back(generated, style):
    draft, meta = generated
    _reads_back(parse(draft.text(meta)), style)


@PROPERTY
@given(standard_drafts(), st.sampled_from(STANDARD_STYLES))
def test_every_clause_of_a_generated_standard_reads_back(generated, style):
    draft, meta = generated
    doc = parse(draft.text(meta), family="std")
    _reads_back(doc, style)
    for clause in doc.clauses:  # a single paragraph's citation names its clause
        if clause.kind == "paragraph" and clause.citation == doc.by_key()[clause.parent].citation:
            assert _expected(doc)[clause.citation] == clause.parent


@pytest.mark.parametrize("name", corpus_names())
def test_corpus_articles_and_paragraphs_read_back(name):
    doc = corpus_doc(name)
    index = CitationIndex(doc.clauses, family=doc.family)
    for clause in doc.clauses:
        if clause.kind not in ("article", "paragraph"):
            continue
        for text in (clause.citation, _arabic(clause.citation)):
            result = index.read(text)
            assert (result.status, result.key) == ("matched", clause.key), (text, result)
