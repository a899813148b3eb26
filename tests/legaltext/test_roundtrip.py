"""Properties: generated drafts parse to the tree they describe and survive render -> parse;
random or truncated input only ever gives a Document or a ParseError."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.legaltext import Document, ParseError, parse, to_markdown
from app.legaltext.frontmatter import format_meta_value
from app.legaltext.numerals import int_to_cn, int_to_roman

from .corpus import corpus_doc, corpus_expected, corpus_names, corpus_text

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CJK = "认证人员管理办法机构应当依照规定执行申请材料审查注册监督检查"
# Words never start with a marker: 本 cannot open 第…条, （一）, 1., 附件 or a clause number.
SENTENCE = st.text(CJK + "abcXYZ0123 ，、", min_size=1, max_size=14).map(lambda s: f"本{s}。")
TITLE = st.text(CJK, min_size=1, max_size=8)
EN_WORDS = st.lists(
    st.sampled_from(["the", "operator", "shall", "comply", "with", "rules", "data", "within"]),
    min_size=1,
    max_size=6,
)
EN_SENTENCE = EN_WORDS.map(lambda words: "Each " + " ".join(words) + ".")
EN_CAPTION = st.lists(
    st.sampled_from(["Scope", "Definitions", "General", "Rules", "Data", "and", "of"]),
    min_size=1,
    max_size=4,
).map(" ".join)
META = st.dictionaries(
    st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True).filter(
        lambda key: key not in ("family", "language")
    ),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20),
    max_size=3,
)


class Draft:
    """Text written line by line, with the keys the parser must find, in order."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.keys: list[str] = []

    def add(self, line: str, key: str | None = None) -> None:
        self.lines.append(line)
        if key:
            self.keys.append(key)

    def text(self, meta: dict[str, str]) -> str:
        head = ["---", *(f"{k}: {format_meta_value(v)}" for k, v in meta.items()), "---"]
        return "\n\n".join((["\n".join(head)] if meta else []) + self.lines)


@st.composite
def chinese_drafts(draw) -> tuple[Draft, dict]:
    draft = Draft()
    if draw(st.booleans()):
        draft.add(draw(SENTENCE), "pre")
    number = 0

    def article(key_number: int, suffix: int) -> None:
        key = f"art{key_number}" + (f"-{suffix}" if suffix else "")
        label = f"第{int_to_cn(key_number)}条" + (f"之{int_to_cn(suffix)}" if suffix else "")
        if draw(st.integers(0, 9)) == 0:
            draft.add(f"{label} （删去）", key)
            draft.keys.append(f"{key}.p1")
            return
        caption = draw(st.one_of(st.none(), TITLE))
        head = f"{label}（{caption}）" if caption else label + draw(st.sampled_from([" ", "　"]))
        for p in range(1, draw(st.integers(1, 3)) + 1):
            if p == 1:
                draft.add(head + draw(SENTENCE), key)
            else:
                draft.add(draw(SENTENCE))
            draft.keys.append(f"{key}.p{p}")
            item_style = draw(st.sampled_from(["（{}）", "({})"]))
            for i in range(1, draw(st.integers(0, 3)) + 1):
                draft.add(item_style.format(int_to_cn(i)) + draw(SENTENCE), f"{key}.p{p}.i{i}")
                sub_style = draw(st.sampled_from(["{}.", "{}．", "（{}）", "({})"]))
                for s in range(1, draw(st.integers(0, 2)) + 1):
                    draft.add(sub_style.format(s) + draw(SENTENCE), f"{key}.p{p}.i{i}.s{s}")

    def articles() -> None:
        nonlocal number
        for _ in range(draw(st.integers(1, 3))):
            number += 1
            article(number, 0)
            for suffix in range(1, draw(st.integers(0, 2)) + 1):
                article(number, suffix)

    def heading(word: str, n: int) -> str:
        marks = draw(st.sampled_from(["", "## ", "### "]))
        return f"{marks}第{int_to_cn(n)}{word}" + draw(st.sampled_from([" ", "　"])) + draw(TITLE)

    def chapters(prefix: str) -> None:
        for c in range(1, draw(st.integers(1, 3)) + 1):
            draft.add(heading("章", c), f"{prefix}ch{c}")
            sections = draw(st.integers(0, 2))
            for s in range(1, sections + 1):
                draft.add(heading("节", s), f"{prefix}ch{c}.sec{s}")
                articles()
            if not sections:
                articles()

    shape = draw(st.sampled_from(["flat", "chapters", "parts"]))
    if shape == "flat":
        articles()
    elif shape == "chapters":
        chapters("")
    else:
        for p in range(1, draw(st.integers(1, 2)) + 1):
            draft.add(heading("编", p), f"pt{p}")
            chapters(f"pt{p}.")
    for n in range(1, draw(st.integers(0, 2)) + 1):
        draft.add(f"附件{draw(st.sampled_from([str(n), int_to_cn(n)]))} {draw(TITLE)}", f"annex{n}")
        for _ in range(draw(st.integers(0, 2))):
            draft.add(draw(SENTENCE))
    return draft, draw(META)


@st.composite
def english_drafts(draw) -> tuple[Draft, dict]:
    draft = Draft()
    if draw(st.booleans()):
        draft.add(draw(EN_SENTENCE), "pre")
    number = 0

    def article() -> None:
        nonlocal number
        number += 1
        key = f"art{number}"
        form = draw(st.sampled_from(["bare", "same line", "next line"]))
        if form == "same line":
            draft.add(f"Article {number} {draw(EN_CAPTION)}", key)
        else:
            draft.add(f"Article {number}", key)
            if form == "next line":
                draft.add(draw(EN_CAPTION))
        numbered = draw(st.booleans())
        for p in range(1, draw(st.integers(1, 3)) + 1):
            draft.add((f"{p}. " if numbered else "") + draw(EN_SENTENCE), f"{key}.p{p}")
            # Up to (g): "(i)" after "(h)" would be the ninth item by the rule, not a sub-item.
            for i in range(1, draw(st.integers(0, 7 if p == 1 else 2)) + 1):
                draft.add(f"({chr(96 + i)}) " + draw(EN_SENTENCE), f"{key}.p{p}.i{i}")
                for s in range(1, draw(st.integers(0, 4)) + 1):
                    roman = int_to_roman(s).lower()
                    draft.add(f"({roman}) " + draw(EN_SENTENCE), f"{key}.p{p}.i{i}.s{s}")

    def division(word: str, n: int, key: str) -> None:
        shown = draw(st.sampled_from([str(n), int_to_roman(n)]))
        if draw(st.booleans()):
            draft.add(f"{word} {shown} {draw(EN_CAPTION)}", key)
        else:
            draft.add(f"{word.upper()} {shown}", key)
            draft.add(draw(EN_CAPTION).upper())

    def chapters(prefix: str) -> None:
        for c in range(1, draw(st.integers(1, 2)) + 1):
            division("Chapter", c, f"{prefix}ch{c}")
            sections = draw(st.integers(0, 2))
            for s in range(1, sections + 1):
                division("Section", s, f"{prefix}ch{c}.sec{s}")
                for _ in range(draw(st.integers(1, 2))):
                    article()
            for _ in range(0 if sections else draw(st.integers(1, 2))):
                article()

    shape = draw(st.sampled_from(["flat", "chapters", "parts"]))
    if shape == "flat":
        for _ in range(draw(st.integers(1, 3))):
            article()
    elif shape == "chapters":
        chapters("")
    else:
        for p in range(1, draw(st.integers(1, 2)) + 1):
            division("Part", p, f"pt{p}")
            chapters(f"pt{p}.")
    for n in range(1, draw(st.integers(0, 2)) + 1):
        draft.add(f"Annex {int_to_roman(n)} {draw(EN_CAPTION)}", f"annex{n}")
        for _ in range(draw(st.integers(0, 2))):
            draft.add(draw(EN_SENTENCE))
    return draft, draw(META)


@st.composite
def standard_drafts(draw) -> tuple[Draft, dict]:
    draft = Draft()
    if draw(st.booleans()):
        draft.add("前言", "pre")
        draft.add(draw(SENTENCE))

    def body(key: str) -> None:
        for p in range(1, draw(st.integers(0, 2)) + 1):
            draft.add(draw(SENTENCE), f"{key}.p{p}")
            for i in range(1, draw(st.integers(0, 3)) + 1):
                draft.add(f"{chr(96 + i)}) " + draw(SENTENCE), f"{key}.p{p}.i{i}")
                for s in range(1, draw(st.integers(0, 2)) + 1):
                    draft.add(f"{s}) " + draw(SENTENCE), f"{key}.p{p}.i{i}.s{s}")

    def clause(path: tuple, depth: int) -> None:
        key = ".".join(str(part) for part in path)
        if len(path) > 1 and not isinstance(path[0], str) and draw(st.booleans()):
            draft.add(f"{key} {draw(SENTENCE)}", key)  # "5.1.1 text…": the words start at once
            draft.keys.append(f"{key}.p1")
        else:
            draft.add(f"{key} {draw(TITLE)}", key)
            body(key)
        if depth < 3:
            for n in range(1, draw(st.integers(0, 2)) + 1):
                clause((*path, n), depth + 1)

    for n in range(1, draw(st.integers(1, 3)) + 1):
        clause((n,), 1)
    for n in range(draw(st.integers(0, 2))):
        letter = "AB"[n]
        nature = draw(st.sampled_from(["规范性", "资料性"]))
        if draw(st.booleans()):
            draft.add(f"附录{letter}（{nature}）{draw(TITLE)}", f"annex{letter}")
        else:
            draft.add(f"附录{letter}", f"annex{letter}")
            draft.add(f"（{nature}）")
            draft.add(draw(TITLE))
        for _ in range(draw(st.integers(0, 1))):
            draft.add(draw(SENTENCE))
        for c in range(1, draw(st.integers(0, 2)) + 1):
            clause((letter, c), 2)
    return draft, draw(META)


def _check_round_trip(doc: Document) -> None:
    again = parse(to_markdown(doc))
    assert again == doc
    assert again.to_json() == doc.to_json()


@FAST
@given(chinese_drafts())
def test_generated_chinese_drafts_parse_and_round_trip(generated):
    draft, meta = generated
    doc = parse(draft.text(meta))
    assert [c.key for c in doc.clauses] == draft.keys
    assert (doc.meta, doc.family) == (meta, "cn")
    _check_round_trip(doc)


@FAST
@given(english_drafts())
def test_generated_english_drafts_parse_and_round_trip(generated):
    draft, meta = generated
    doc = parse(draft.text(meta))
    assert [c.key for c in doc.clauses] == draft.keys
    assert (doc.meta, doc.family) == (meta, "en")
    _check_round_trip(doc)


@FAST
@given(standard_drafts())
def test_generated_standard_drafts_parse_and_round_trip(generated):
    draft, meta = generated
    doc = parse(draft.text(meta), family="std")
    assert [c.key for c in doc.clauses] == draft.keys
    assert doc.meta == meta
    _check_round_trip(doc)


@pytest.mark.parametrize("name", corpus_names())
def test_corpus_files_round_trip(name):
    _check_round_trip(corpus_doc(name))


FRAGMENTS = [
    "第一条", "第二条", "第十条之一", "第一章", "第一编", "第一节", "（一）", "（二）", "(一)", "1.",
    "2．", "（1）", "(2)", "附件", "附件一", "附录A", "（规范性）", "A.1", "1 范围", "5.1", "a)",
    "1)", "Article 1", "Chapter 1", "Part I", "Section 1", "(a)", "(i)", "(ii)", "Annex I", "# ",
    "## ", "---", "title: x", "<!-- INFO END -->", "①", "目录", "（删去）", "（目的）", " ", "　",
    "\n", "文字。", "：", "Scope", "第零条", "第十十条", "Part 0", "0 引言",
]  # fmt: skip
MARKER_LINES = st.lists(
    st.lists(st.sampled_from(FRAGMENTS), max_size=4).map("".join), max_size=30
).map("\n".join)


def _document_or_parse_error(text: str, **options) -> None:
    try:
        doc = parse(text, **options)
    except ParseError as error:
        assert error.line >= 1
        assert str(error).startswith(f"line {error.line}: ")
        return
    assert len(doc.by_key()) == len(doc.clauses)
    to_markdown(doc)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.text(max_size=300), MARKER_LINES),
    st.booleans(),
    st.sampled_from([None, "cn", "en", "std"]),
)
def test_random_text_gives_a_document_or_a_parse_error(text, force, family):
    _document_or_parse_error(text, force=force, family=family)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_truncated_corpus_files_give_a_document_or_a_parse_error(data):
    names = sorted(corpus_expected())
    if not names:
        pytest.skip("../shared/corpus is absent")
    text = corpus_text(data.draw(st.sampled_from(names)))
    lines = text.split("\n")
    start = data.draw(st.integers(0, len(lines)))
    end = data.draw(st.integers(start, len(lines)))
    cut = data.draw(st.integers(0, len(text)))
    piece = data.draw(
        st.sampled_from(
            ["\n".join(lines[:end]), "\n".join(lines[start:end]), text[:cut], text[cut:]]
        )
    )
    _document_or_parse_error(piece, force=data.draw(st.booleans()))


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("第1条\n（删去）", {}),  # deleted words on the line below the article number
        ("第1条\n(0)", {}),  # words that would read as a caption on the article's line
        ("\n---\ntitle: x\n---\n第1条\n---", {}),  # front matter after a blank line; a rule
        ("## #\n第1条", {}),  # heading marks only
        ("Article 1\n:0", {}),
        ("Article 0. :0", {"force": True}),
        ("1 范围\n附录A\n(规范性)0", {"family": "std"}),
        ('---\na: "\\ufeff"\n---\n第一条 甲。', {}),  # invisible characters in a meta value
    ],
)
def test_edge_cases_found_by_fuzzing_round_trip(text, options):
    doc = parse(text, **options)
    assert parse(to_markdown(doc), **options) == doc
