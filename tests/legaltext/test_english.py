"""English drafts: Part/Chapter/Section, Article N (+ caption), 1. paragraphs, (a), (i), Annex."""

import pytest

from app.legaltext import ParseError, parse

SAMPLE = """---
title: Regulation on Certified Personnel
language: en
---
Whereas the parties agree:

(1) recital one;

PART I
GENERAL

Chapter 1 Scope and definitions

Article 1
Subject matter

1. This Regulation lays down rules.

2. It applies to:

(a) goods;

(b) services, including:

(i) transport;

(ii) storage;

(c) rights.

Article 2 Definitions

For the purposes of this Regulation:

(a) 'draft' means a text;

(b) b;

(c) c;

(d) d;

(e) e;

(f) f;

(g) g;

(h) 'holder' means:

(i) the next item, not a sub-item;

(j) j.

Section 1 Details

Article 3

This is a plain paragraph.

And another one.

Part 2 Final provisions

Chapter 1 End

Article 4 - Entry into force

This Regulation enters into force today.

Annex I Forms

Form A text.

Annex B Tables
"""

ROWS = [
    ("pre", "preamble", None, "Preamble", "", None, "Preamble"),
    ("pt1", "part", 1, "Part I", "GENERAL", None, "Part I"),
    ("pt1.ch1", "chapter", 1, "Chapter 1", "Scope and definitions", "pt1", "Part I, Chapter 1"),
    ("art1", "article", 1, "Article 1", "Subject matter", "pt1.ch1", "Article 1"),
    ("art1.p1", "paragraph", 1, "1.", "", "art1", "Article 1(1)"),
    ("art1.p2", "paragraph", 2, "2.", "", "art1", "Article 1(2)"),
    ("art1.p2.i1", "item", 1, "(a)", "", "art1.p2", "Article 1(2)(a)"),
    ("art1.p2.i2", "item", 2, "(b)", "", "art1.p2", "Article 1(2)(b)"),
    ("art1.p2.i2.s1", "subitem", 1, "(i)", "", "art1.p2.i2", "Article 1(2)(b)(i)"),
    ("art1.p2.i2.s2", "subitem", 2, "(ii)", "", "art1.p2.i2", "Article 1(2)(b)(ii)"),
    ("art1.p2.i3", "item", 3, "(c)", "", "art1.p2", "Article 1(2)(c)"),
    ("art2", "article", 2, "Article 2", "Definitions", "pt1.ch1", "Article 2"),
    ("art2.p1", "paragraph", 1, "", "", "art2", "Article 2(1)"),
    *[
        (f"art2.p1.i{n}", "item", n, f"({letter})", "", "art2.p1", f"Article 2({letter})")
        for n, letter in enumerate("abcdefghij", start=1)
    ],
    ("pt1.ch1.sec1", "section", 1, "Section 1", "Details", "pt1.ch1",
     "Part I, Chapter 1, Section 1"),
    ("art3", "article", 3, "Article 3", "", "pt1.ch1.sec1", "Article 3"),
    ("art3.p1", "paragraph", 1, "", "", "art3", "Article 3(1)"),
    ("art3.p2", "paragraph", 2, "", "", "art3", "Article 3(2)"),
    ("pt2", "part", 2, "Part II", "Final provisions", None, "Part II"),
    ("pt2.ch1", "chapter", 1, "Chapter 1", "End", "pt2", "Part II, Chapter 1"),
    ("art4", "article", 4, "Article 4", "Entry into force", "pt2.ch1", "Article 4"),
    ("art4.p1", "paragraph", 1, "", "", "art4", "Article 4(1)"),
    ("annex1", "annex", 1, "Annex I", "Forms", None, "Annex I"),
    ("annexB", "annex", 2, "Annex B", "Tables", None, "Annex B"),
]  # fmt: skip


def _rows(doc):
    return [
        (c.key, c.kind, c.number, c.label, c.caption, c.parent, c.citation) for c in doc.clauses
    ]


def test_english_sample_builds_the_clause_tree():
    doc = parse(SAMPLE)
    assert _rows(doc) == ROWS
    assert (doc.family, doc.language) == ("en", "en")


def test_english_sample_texts():
    clauses = parse(SAMPLE).by_key()
    assert clauses["pre"].text == "Whereas the parties agree:\n(1) recital one;"
    assert clauses["art1"].text == (
        "1. This Regulation lays down rules.\n2. It applies to:\n(a) goods;\n"
        "(b) services, including:\n(i) transport;\n(ii) storage;\n(c) rights."
    )
    assert clauses["art1.p2"].text == "It applies to:"
    assert clauses["art2.p1.i9"].text == "the next item, not a sub-item;"
    assert clauses["art3"].text == "This is a plain paragraph.\nAnd another one."
    assert clauses["annex1"].text == "Form A text."


def test_english_sub_item_v_continues_sub_items_inside_an_item():
    text = "Article 1\n1. Rules:\n(a) first:\n(i) one;\n(ii) two;\n(iii) three;\n(iv) four;\n(v) five;\n(b) second."
    keys = [c.key for c in parse(text).clauses]
    assert keys[-3:] == ["art1.p1.i1.s4", "art1.p1.i1.s5", "art1.p1.i2"]


def test_english_single_paragraph_article_cites_items_without_paragraph():
    doc = parse("Article 1\nThe following apply:\n(a) one;\n(b) two.")
    assert [c.citation for c in doc.clauses] == [
        "Article 1", "Article 1(1)", "Article 1(a)", "Article 1(b)",
    ]  # fmt: skip


def test_english_flush_out_words_stay_in_their_numbered_paragraph():
    doc = parse(
        "Article 1\n1. Member States shall:\n(a) act;\n(b) report,\nwithin a month.\n2. Done."
    )
    clauses = doc.by_key()
    assert clauses["art1.p1"].text == "Member States shall:\nwithin a month."
    assert [c.key for c in doc.clauses if c.kind == "paragraph"] == ["art1.p1", "art1.p2"]


def test_english_article_line_with_a_sentence_is_text():
    doc = parse("Article 1\nScope\nArticle 12 shall apply mutatis mutandis.\nArticle 2\nMore.")
    assert doc.by_key()["art1.p1"].text == "Article 12 shall apply mutatis mutandis."
    assert [c.key for c in doc.clauses if c.kind == "article"] == ["art1", "art2"]


def test_english_paragraph_numbers_must_run_on():
    with pytest.raises(ParseError) as caught:
        parse("Article 1\n1. One.\n3. Three.")
    assert str(caught.value) == "line 3: paragraph number skips: expected 2. (2), found 3. (3)"
