"""The 修改前后对照表 as a service (app/reading/comparison.py): the rows of two revisions in
the new text's order, each group of linked articles one row with its kind, the changes
marked inside each side's text, unchanged rows counted and collapsed together."""

from __future__ import annotations

import pytest

from app.reading.comparison import chain_of, compare, row_answers
from app.triage.models import ResponseLanding
from tests.factories import make_comment, make_response, make_user
from tests.reading.rounds import third_revision, two_revisions


def shown(paragraphs) -> list[str]:
    """A side of a row as text: the article's number in [], deletions as -{…}, insertions as
    +{…}, one string per line."""
    marks = {"label": "[{}]", "equal": "{}", "insert": "+{{{}}}", "delete": "-{{{}}}"}
    return ["".join(marks[op].format(text) for op, text in line) for line in paragraphs]


def summary(comparison) -> list[tuple[str, list[str], list[str]]]:
    return [
        (row.kind, [a.key for a in row.old], [a.key for a in row.new]) for row in comparison.rows
    ]


@pytest.fixture
def rounds(app, db):
    return two_revisions()


def test_rows_in_the_new_order_with_their_kinds(rounds):
    first, second = rounds
    found = compare([first, second], language="zh")

    assert summary(found) == [
        ("same", ["art1"], ["art1"]),
        ("new", [], ["art2"]),
        ("modified", ["art2"], ["art3"]),
        ("split", ["art3"], ["art4", "art5"]),
        ("renumbered", ["art4"], ["art6"]),
    ]
    assert found.counts == {
        "modified": 1,
        "split": 1,
        "merged": 0,
        "new": 1,
        "deleted": 0,
        "renumbered": 1,
        "same": 1,
    }
    assert found.unchanged == 2
    assert found.rows[4].formerly == "第四条"


def test_the_changes_are_marked_inside_each_side(rounds):
    first, second = rounds
    rows = compare([first, second], language="zh").rows

    modified, split = rows[2], rows[3]
    assert shown(modified.before) == ["[第二条]认证人员应当具备相应的专业能力。"]
    assert shown(modified.after) == ["[第三条]认证人员应当具备相应的专业能力+{和良好的职业道德}。"]
    # one old article cut in two: the old side keeps what went, each new article its line
    assert shown(split.before) == [
        "[第三条]认证机构应当对认证人员进行培训和考核-{，}考核不合格的，不得从事认证活动。"
    ]
    assert shown(split.after) == [
        "[第四条]认证机构应当对认证人员进行培训和考核+{。}",
        "[第五条]考核不合格的+{认证人员}，不得从事认证活动。",
    ]
    assert shown(rows[1].after) == [
        "[第二条]+{国家认证认可监督管理部门负责认证人员的统一管理工作。}"
    ]
    assert rows[1].before == []
    # unchanged rows are not compared: their text is one equal run
    assert shown(rows[4].before) == ["[第四条]本办法自发布之日起施行。"]
    assert shown(rows[4].after) == ["[第六条]本办法自发布之日起施行。"]


def test_what_was_kept_and_what_was_marked_are_each_sides_text(rounds):
    """Put together, a side's equal runs and its marks are exactly its articles' text."""
    first, second = rounds
    for row in compare([first, second], language="zh").rows:
        for articles, side in ((row.old, row.before), (row.new, row.after)):
            words = "\n".join("".join(text for op, text in line if op != "label") for line in side)
            assert words == "\n".join(a.text for a in articles), row.kind


def test_merged_and_deleted_rows_and_a_chain_of_three(rounds):
    _first, second = rounds
    third = third_revision(second)

    found = compare([second, third], language="zh")
    assert summary(found) == [
        ("same", ["art1"], ["art1"]),
        ("deleted", ["art2"], []),  # after the row of the article before it in the old text
        ("renumbered", ["art3"], ["art2"]),
        ("merged", ["art4", "art5"], ["art3"]),
        ("renumbered", ["art6"], ["art4"]),
    ]
    assert shown(found.rows[1].before) == [
        "[第二条]-{国家认证认可监督管理部门负责认证人员的统一管理工作。}"
    ]
    assert found.rows[1].after == []
    assert found.rows[3].formerly == "第四条、第五条"


def test_revisions_in_between_are_followed(rounds):
    """1 → 3 through 2: the article split in 2 and merged again in 3 is one row, changed on
    the way; the one inserted in 2 and deleted in 3 is in no row."""
    first, second = rounds
    third = third_revision(second)

    chain = chain_of([first, second, third], 1, 3)
    assert chain == [first, second, third]
    found = compare(chain, language="zh")
    assert summary(found) == [
        ("same", ["art1"], ["art1"]),
        ("modified", ["art2"], ["art2"]),
        ("modified", ["art3"], ["art3"]),
        ("same", ["art4"], ["art4"]),
    ]
    assert shown(found.rows[2].after) == [
        "[第三条]认证机构应当对认证人员进行培训和考核，考核不合格的+{认证人员}，不得从事认证活动。"
    ]


def test_runs_of_unchanged_rows_are_one_collapsed_block(rounds):
    _first, second = rounds
    third = third_revision(second)
    found = compare([second, third], language="zh")

    assert [(collapsed, [r.index for r in rows]) for collapsed, rows in found.blocks()] == [
        (True, [0]),
        (False, [1]),
        (True, [2]),
        (False, [3]),
        (True, [4]),
    ]
    first = rounds[0]
    whole = compare([first, second], language="zh").blocks()
    assert [(collapsed, len(rows)) for collapsed, rows in whole] == [
        (True, 1),
        (False, 1),
        (False, 1),
        (False, 1),
        (True, 1),
    ]


def test_chain_of_refuses_a_missing_or_backward_pair(rounds):
    first, second = rounds
    assert chain_of([first, second], 1, 2) == [first, second]
    assert chain_of([first, second], 2, 1) is None
    assert chain_of([first, second], 1, 1) is None
    assert chain_of([first, second], 1, 3) is None
    assert chain_of([second], 1, 2) is None  # revision 1 not visible


def test_the_answers_tied_to_each_row(rounds, db):
    """An adopted answer to a comment on the old clause explains its row; an answer merely
    noted does not; an answer landed on a clause of the new text explains that row."""
    first, second = rounds
    team = make_user("team")
    adopted = make_response(make_comment(first, make_user(), "art2"), team, "adopted")
    make_response(make_comment(first, make_user(), "art4"), team, "noted")
    general = make_comment(first, make_user())  # on the whole text: only its landing ties it
    landed = make_response(general, team, "partly")
    db.session.add(ResponseLanding(response=landed, revision=second, clause_key="art2"))
    db.session.commit()

    found = row_answers(compare([first, second], language="zh"))
    assert {index: [r.id for r in answers] for index, answers in found.items()} == {
        1: [landed.id],
        2: [adopted.id],
    }
