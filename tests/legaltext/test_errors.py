"""Refusals: numbering that skips or repeats, bad files — always ParseError with a line."""

import pytest

from app.legaltext import ParseError, parse, parse_file


def _articles(numbers) -> str:
    return "\n".join(f"第{n}条 内容。" for n in numbers)


def _error(text: str, **options) -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse(text, **options)
    return caught.value


def test_skipped_article_is_refused_with_its_line():
    error = _error(_articles([*range(1, 13), 14]))
    assert (
        str(error) == "line 13: article number skips: expected 第十三条 (13), found 第十四条 (14)"
    )
    assert (error.line, error.expected, error.found) == (13, "第十三条", "第十四条")
    assert error.message == str(error)
    assert isinstance(error, ValueError)


def test_repeated_article_is_refused_with_its_line():
    error = _error("# 办法\n\n" + _articles([1, 2, 2, 3]))
    assert str(error) == "line 5: article number repeats: expected 第三条 (3), found 第二条 (2)"


def test_skipped_item_is_refused_with_its_line():
    error = _error("第一条 条件：\n（一）甲；\n（三）丙。")
    assert str(error) == "line 3: item number skips: expected （二） (2), found （三） (3)"


def test_skipped_chapter_and_sub_item_are_refused():
    error = _error("第一章 总则\n第一条 甲。\n第三章 附则\n第二条 乙。")
    assert str(error) == "line 3: chapter number skips: expected 第二章 (2), found 第三章 (3)"
    error = _error("第一条 甲：\n（一）乙：\n1.丙；\n3.丁。")
    assert str(error) == "line 4: sub-item number skips: expected 2. (2), found 3. (3)"


def test_inserted_article_must_follow_its_base():
    error = _error("第一条 甲。\n第一条之二 乙。")
    assert str(error) == (
        "line 2: article number skips: expected 第一条之一 (1-1), found 第一条之二 (1-2)"
    )


def test_force_accepts_skips_and_makes_repeated_keys_unique():
    doc = parse(_articles([1, 2, 2, 4]) + "\n（一）甲；\n（一）乙。", force=True)
    keys = [c.key for c in doc.clauses]
    assert keys == [
        "art1", "art1.p1", "art2", "art2.p1", "art2r2", "art2r2.p1", "art4", "art4.p1",
        "art4.p1.i1", "art4.p1.i1r2",
    ]  # fmt: skip
    assert doc.by_key()["art2r2"].label == "第二条"


def test_force_accepts_a_skipped_item():
    doc = parse("第一条 条件：\n（一）甲；\n（三）丙。", force=True)
    assert [(c.key, c.label) for c in doc.clauses if c.kind == "item"] == [
        ("art1.p1.i1", "（一）"),
        ("art1.p1.i3", "（三）"),
    ]


def test_english_and_standard_repeats_are_refused_unless_forced():
    text = "Article 1\nOne.\nArticle 1\nAgain."
    assert str(_error(text)) == (
        "line 3: article number repeats: expected Article 2 (2), found Article 1 (1)"
    )
    assert [c.key for c in parse(text, force=True).clauses] == [
        "art1", "art1.p1", "art1r2", "art1r2.p1",
    ]  # fmt: skip
    assert [c.key for c in parse("1 范围\n1 范围", family="std", force=True).clauses] == [
        "1",
        "1r2",
    ]


def test_nothing_numbered_is_refused_on_line_1():
    assert (
        str(_error("只是一段文字。\n又一段。")) == "line 1: no articles or numbered clauses found"
    )
    assert str(_error("")) == "line 1: no articles or numbered clauses found"
    assert str(_error("第一条 甲。\nArticle 1")) == "line 1: no articles or numbered clauses found"
    assert str(_error("序言。", family="cn")) == "line 1: no articles found"


def test_text_between_a_heading_and_its_first_article_is_refused():
    error = _error("第一章 总则\n本章规定一般事项。\n第一条 甲。")
    assert str(error) == "line 2: text under 第一章 before its first article: 本章规定一般事项。"


def test_bad_front_matter_is_refused():
    assert str(_error("---\ntitle: x\n第一条 甲。")) == (
        "line 1: front matter opened with '---' on line 1 is never closed with '---'"
    )
    assert str(_error("---\ntitle: x\nnot a pair\n---\n第一条 甲。")) == (
        "line 3: front matter line is not 'key: value': not a pair"
    )
    assert str(_error("---\nfamily: xx\n---\n第一条 甲。")) == (
        "line 1: unknown family 'xx': use cn, en or std"
    )


def test_front_matter_values_comments_and_quotes():
    doc = parse("---\na: 1  # note\nb: C#\nc: \"x # y\"\nd: 'z'\n---\n第一条 甲。")
    assert doc.meta == {"a": "1", "b": "C#", "c": "x # y", "d": "z"}


def test_files_must_be_utf8_markdown_text_or_docx(tmp_path):
    latin = tmp_path / "draft.md"
    latin.write_bytes("第一条 甲。".encode("gb18030"))
    with pytest.raises(ParseError) as caught:
        parse_file(latin)
    assert caught.value.line == 1
    assert str(caught.value).startswith(
        "line 1: the file is not UTF-8 text (byte 0xb5 at offset 0)"
    )
    pdf = tmp_path / "draft.pdf"
    pdf.write_bytes(b"%PDF")
    with pytest.raises(ParseError) as caught:
        parse_file(pdf)
    assert str(caught.value) == "line 1: unsupported file type '.pdf': use .md, .txt or .docx"


def test_parse_file_reads_bom_and_crlf(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes("\ufeff---\r\ntitle: 办法\r\n---\r\n第一条 甲。\r\n乙。\r\n".encode())
    doc = parse_file(path)
    assert doc.meta == {"title": "办法"}
    assert [(c.key, c.line) for c in doc.clauses] == [("art1", 4), ("art1.p1", 4), ("art1.p2", 5)]
