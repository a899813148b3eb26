"""diff(old, new, language): the marks a reader sees between two texts of a clause."""

from __future__ import annotations

import re

import pytest

from app.legaltext.diffing import diff


def sides(changes) -> tuple[str, str]:
    old = "".join(text for op, text in changes if op != "insert")
    new = "".join(text for op, text in changes if op != "delete")
    return old, new


@pytest.mark.parametrize(
    ("old", "new", "language"),
    [
        (
            "申请人应当对其所提交材料的真实性负责。",
            "申请人应当对其提交的材料的真实性、准确性负责。",
            "zh",
        ),
        ("", "本办法自发布之日起施行。", "zh"),
        ("本条删去。", "", "zh"),
        ("The applicant shall be responsible.", "The applicant must be fully responsible.", "en"),
    ],
)
def test_the_marks_rebuild_both_texts(old, new, language):
    changes = diff(old, new, language)

    assert sides(changes) == (old, new)
    assert {op for op, _text in changes} <= {"equal", "insert", "delete"}


def test_chinese_is_compared_character_by_character():
    changes = diff(
        "认证人员应当具备相应的专业能力。", "认证人员应当具备相应的专业能力和良好的职业道德。"
    )

    assert changes == [
        ("equal", "认证人员应当具备相应的专业能力"),
        ("insert", "和良好的职业道德"),
        ("equal", "。"),
    ]


def test_a_rewritten_chinese_phrase_reads_as_one_change_not_scattered_characters():
    changes = diff("由国务院认证认可监督管理部门负责", "由市场监督管理总局统一负责", "zh")

    changed = [op for op, _text in changes if op != "equal"]
    assert len(changed) <= 2  # one deletion and one insertion, not a scatter of shared 监督管理


def test_english_is_compared_word_by_word():
    changes = diff(
        "The applicant shall submit the form.", "The applicant must submit the forms.", "en"
    )

    for op, text in changes:
        if op != "equal":
            assert re.fullmatch(r"\w+", text.strip()), (op, text)  # whole words only
    assert ("delete", "shall") in changes and ("insert", "must") in changes
    assert ("delete", "form") in changes and ("insert", "forms") in changes
