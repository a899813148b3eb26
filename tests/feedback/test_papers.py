"""Letters (意见函) split into clause-anchored segments: letters written for the test, with known
segments, in DOCX, PDF and plain text, scored for the segments found and the clauses read."""

import io
from pathlib import Path

import pytest
from docx import Document

from app.feedback.papers import PaperRefused, split_paper
from app.legaltext import CitationIndex, parse
from testkit import letters

DRAFT = Path(__file__).resolve().parents[2] / "drafts" / "certified-personnel-r1.zh.md"
LETTERS = Path(__file__).resolve().parent / "letters"
ALL = {**letters.LETTERS, "held": letters.HELD_OUT}


@pytest.fixture(scope="module")
def index():
    return CitationIndex(parse(DRAFT.read_text(encoding="utf-8")).clauses)


def _file(name: str, kind: str) -> tuple[bytes, str]:
    letter = ALL[name]
    if kind == "txt":
        return letters.letter_text(letter).encode("utf-8"), f"{name}.txt"
    if kind == "gb18030":
        return letters.letter_text(letter).encode("gb18030"), f"{name}.txt"
    if kind == "docx":
        return letters.letter_docx(letter), f"{name}.docx"
    return (LETTERS / f"{name}.pdf").read_bytes(), f"{name}.pdf"


def _found(index, name, kind) -> list[dict]:
    data, filename = _file(name, kind)
    return [segment.as_json() for segment in split_paper(data, filename, index)]


@pytest.mark.parametrize("kind", ["docx", "pdf", "txt", "gb18030"])
def test_letters_are_split_into_their_points_each_on_its_clause(index, kind):
    total = letters.Score(0, 0, 0, 0)
    for name, letter in ALL.items():
        score = letters.score(letters.expected_segments(letter), _found(index, name, kind))
        print(
            f"{kind:8} {name:7} expected {score.expected} found {score.found} "
            f"matched {score.matched} clauses right {score.clauses_right}"
        )
        assert score.recall >= 0.8 and score.precision >= 0.8, name
        total = total + score
    print(
        f"{kind:8} ALL     segments {total.matched}/{total.expected} found "
        f"(recall {total.recall:.2f}, precision {total.precision:.2f}), "
        f"clause accuracy {total.clause_accuracy:.2f}"
    )
    assert total.recall >= 0.95
    assert total.precision >= 0.95
    assert total.clause_accuracy >= 0.95


def test_the_formal_letter_comes_out_as_its_points_and_nothing_else(index):
    found = _found(index, "formal", "pdf")
    assert [s["clause"] for s in found] == [
        None, None, "art12.p2", "art15", "art9.p1.i3", "art30.p1", "art20.p2", "art20"
    ]  # fmt: skip
    assert (
        found[-1]["text"]
        == "建议增加认证人员如实记录审核过程的义务。\n同时，记录应当保存不少于六年。"
    )
    # the quotes LibreOffice draws apart are back in place
    assert found[4]["text"] == "建议将第九条第一款第（三）项中的“三年”修改为“两年”。"
    everything = "".join(s["text"] for s in found)
    for noise in ("认协函", "国家认证认可监督管理委员会：", "如下意见", "第 1 页", "第1页", "此致",
                  "敬礼", "盖章", "二〇二六年", "联系人", "认证人员管理办法意见"):  # fmt: skip
        assert noise not in everything


def test_quoted_lines_and_the_closing_are_left_out(index):
    found = _found(index, "plain", "txt")
    everything = "".join(s["text"] for s in found)
    assert (
        "原文" not in everything and "此前来函" not in everything and "特此函告" not in everything
    )


def test_a_scanned_pdf_is_refused_as_having_no_text_layer(index):
    with pytest.raises(PaperRefused) as refused:
        split_paper((LETTERS / "scan.pdf").read_bytes(), "scan.pdf", index)
    assert str(refused.value) == (
        "scan.pdf has no text layer: it is a scan (pictures of pages). Please ask the unit "
        "for the DOCX or a PDF saved from it, or type the comments in."
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "letter.txt is empty."),
        (b"%PDF-1.4 not really", "letter.txt is damaged: it cannot be read as a PDF"),
        (b"PK\x03\x04broken", "letter.txt is damaged: it cannot be opened as a .docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "letter.txt is not a DOCX, PDF"),
    ],
)
def test_files_that_are_no_letter_are_refused_with_what_is_wrong(index, data, message):
    with pytest.raises(PaperRefused) as refused:
        split_paper(data, "letter.txt", index)
    assert str(refused.value).startswith(message)


def test_word_list_numbering_counts_as_numbered_points(index):
    document = Document()
    document.add_paragraph("各位领导：")
    for text in ("第五条建议增加保密原则。", "建议增加过渡期。"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("理由：现有人员需要时间适应。")
    out = io.BytesIO()
    document.save(out)
    found = [s.as_json() for s in split_paper(out.getvalue(), "list.docx", index)]
    assert found == [
        {"clause": "art5", "text": "第五条建议增加保密原则。"},
        {"clause": None, "text": "建议增加过渡期。\n理由：现有人员需要时间适应。"},
    ]


def test_without_a_revision_every_point_is_general():
    data, filename = _file("plain", "txt")
    assert {s.clause for s in split_paper(data, filename, None)} == {None}
