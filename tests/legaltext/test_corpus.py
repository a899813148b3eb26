"""Real regulations (../shared/corpus): every reference count must come out exactly."""

import time

import pytest

from app.legaltext import parse

from .corpus import corpus_doc, corpus_expected, corpus_names, corpus_text, require

COUNTED = ("parts", "chapters", "sections", "articles", "paragraphs", "items", "subitems")


@pytest.mark.parametrize("name", corpus_names())
def test_corpus_counts_match_reference(name):
    expected = {key: corpus_expected()[name][key] for key in COUNTED}
    counts = corpus_doc(name).counts()
    assert {key: counts[key] for key in COUNTED} == expected


@pytest.mark.parametrize("name", corpus_names())
def test_corpus_article_numbers_match_reference(name):
    articles = [c for c in corpus_doc(name).clauses if c.kind == "article"]
    numbers = [c.number + (0.5 if c.suffix else 0) for c in articles]
    assert numbers == corpus_expected()[name]["article_numbers"]


@pytest.mark.parametrize("name", corpus_names())
def test_corpus_paragraphs_per_article_match_reference(name):
    doc = corpus_doc(name)
    paragraphs = [len(doc.children(c.key)) for c in doc.clauses if c.kind == "article"]
    assert paragraphs == corpus_expected()[name]["article_paragraphs"]


@pytest.mark.parametrize("name", corpus_names())
def test_corpus_keys_are_unique_and_titles_read(name):
    doc = corpus_doc(name)
    assert len(doc.by_key()) == len(doc.clauses)
    assert doc.meta["title"] == corpus_text(name).split("\n", 1)[0].removeprefix("# ")
    assert (doc.family, doc.language) == ("cn", "zh")


def test_criminal_code_parts_restart_chapters_and_insert_articles():
    require("law-criminal-code.md")
    clauses = corpus_doc("law-criminal-code.md").by_key()
    assert (clauses["pt2.ch1"].label, clauses["pt2.ch1"].caption) == ("第一章", "危害国家安全罪")
    assert clauses["pt2.ch1"].citation == "第二编第一章"
    inserted = clauses["art120-1"]
    assert (inserted.number, inserted.suffix, inserted.citation) == (120, 1, "第一百二十条之一")
    assert clauses["art120-1.p2"].citation == "第一百二十条之一第二款"
    assert clauses["art120-1"].parent == "pt2.ch2"


def test_criminal_code_keeps_deleted_articles():
    require("law-criminal-code.md")
    doc = corpus_doc("law-criminal-code.md")
    deleted = [c.key for c in doc.clauses if c.deleted]
    assert deleted == ["art199"]
    assert doc.by_key()["art199"].text == "（删去）"


def test_criminal_code_supplementary_heading_annexes_and_footnote():
    require("law-criminal-code.md")
    doc = corpus_doc("law-criminal-code.md")
    clauses = doc.by_key()
    assert (clauses["div1"].kind, clauses["div1"].label, clauses["div1"].number) == (
        "part",
        "附则",
        None,
    )
    assert clauses["art452"].parent == "div1"
    assert [(c.key, c.label) for c in doc.clauses if c.kind == "annex"] == [
        ("annex1", "附件一"),
        ("annex2", "附件二"),
    ]
    assert clauses["annex2"].text.split("\n")[1] == "1．关于禁毒的决定"
    assert doc.meta["notes"].startswith("① 刑法、历次刑法修正案")
    assert doc.meta["info"].split("\n")[0] == "1979年7月1日 第五届全国人民代表大会第二次会议通过"


def test_ningbo_bracket_after_a_space_is_not_a_caption():
    require("local-ningbo-preschool-2012.md")
    article = corpus_doc("local-ningbo-preschool-2012.md").by_key()["art13"]
    assert article.caption == ""
    assert article.text.startswith("（市）区教育行政部门应当自受理许可申请之日起")


def test_shenzhen_list_resumes_after_lines_between_its_items():
    require("local-shenzhen-real-estate-registration-2021.md")
    doc = corpus_doc("local-shenzhen-real-estate-registration-2021.md")
    keys = [c.key for c in doc.clauses if c.key.startswith("art29.")]
    assert keys == [
        "art29.p1", "art29.p1.i2", "art29.p1.i3", "art29.p1.i3.s1", "art29.p2", "art29.p3",
        "art29.p4", "art29.p5", "art29.p6", "art29.p7", "art29.p8", "art29.p1.i4",
    ]  # fmt: skip
    assert doc.by_key()["art29.p1.i4"].citation == "第二十九条第一款第四项"


def test_jinan_sub_items_mix_full_width_points():
    require("local-jinan-construction-archives-2014.md")
    clauses = corpus_doc("local-jinan-construction-archives-2014.md").by_key()
    assert [clauses[f"art6.p1.i1.s{n}"].label for n in (8, 9)] == ["8.", "9."]
    assert clauses["art6.p1.i1.s9"].citation == "第六条第一项第九目"


def test_criminal_code_parses_well_under_half_a_second():
    require("law-criminal-code.md")
    text = corpus_text("law-criminal-code.md")
    best = min(_timed(parse, text) for _ in range(3))
    assert best < 0.5, f"parsing the criminal code took {best:.3f} s"


def _timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start
