"""The team's search box finds a comment by its words, its receipt number, its author's name
or its unit's name, says why each matched, and goes straight to a comment its receipt names."""

from __future__ import annotations

import re
from html import unescape

import pytest

from app.comments.models import Channel, CommentStatus
from app.core.extensions import db
from app.triage.team_search import Reason, search_comments
from tests.factories import make_comment, make_open_revision, make_unit, make_user
from tests.pages import english, text


@pytest.fixture
def world(app):
    revision = make_open_revision()
    association = make_unit("中国认证认可协会", "AS")
    company = make_unit("北京华信认证有限公司", "CB")
    li = make_user("participant", unit=association, name="李建国")
    wang = make_user("participant", unit=company, name="王小明")
    c = {
        "li": make_comment(revision, li, "art2", body="建议明确继续教育学时。"),
        "wang": make_comment(revision, wang, "art4", body="建议删除本条。"),
        "text": make_comment(revision, wang, "art1", body="认证认可协会应当参与监督。"),
        "letter": letter(revision, "art3", "来信：施行日期过早。", "赵六"),
    }
    return {"revision": revision, "c": c, "association": association}


def letter(revision, key: str, body: str, name: str):
    """A letter the team recorded: the sender's name, no account."""
    comment = make_comment(revision, make_user(), key, body=body, channel=Channel.LETTER)
    comment.author, comment.author_name = None, name
    db.session.commit()
    return comment


def reasons(world, query: str, viewer) -> dict[str, list[Reason]]:
    """{comment's name: why it matched} for every comment of the world that matched."""
    found = search_comments(query, revision_id=world["revision"].id, viewer=viewer)
    return {
        name: found.reasons(comment)
        for name, comment in world["c"].items()
        if found.reasons(comment)
    }


@pytest.mark.parametrize(
    "query,expected",
    [
        ("认证认可协会", {"li": [Reason.UNIT], "text": [Reason.TEXT]}),  # part of the unit's name
        ("华信认证", {"wang": [Reason.UNIT], "text": [Reason.UNIT]}),
        ("李建国", {"li": [Reason.AUTHOR]}),
        ("小明", {"wang": [Reason.AUTHOR], "text": [Reason.AUTHOR]}),
        ("赵六", {"letter": [Reason.AUTHOR]}),  # recorded by name, no account
        ("继续教育", {"li": [Reason.TEXT]}),
        ("%", {}),  # LIKE's wildcards are plain characters
        ("_", {}),
    ],
)
def test_words_names_and_units_each_find_their_comments(world, query, expected):
    team = make_user("team", name="队员")

    assert reasons(world, query, team) == expected


def test_a_receipt_number_is_found_whole_by_its_end_or_start_in_any_case(world):
    team = make_user("team", name="队员")
    receipt = world["c"]["wang"].receipt  # SM-R1-000123

    for query in (receipt, receipt.lower(), receipt[-6:], receipt[:-1].lower()):
        found = reasons(world, query, team)
        assert found.get("wang") == [Reason.RECEIPT], query


def test_only_readers_of_every_comment_match_names_units_and_receipts(world):
    participant = make_user("participant", name="旁观者")
    receipt = world["c"]["wang"].receipt

    assert reasons(world, "认证认可协会", participant) == {"text": [Reason.TEXT]}
    assert reasons(world, "李建国", participant) == {}
    assert reasons(world, receipt, participant) == {}


def test_a_renamed_unit_is_found_by_its_new_name_at_once(world):
    team = make_user("team", name="队员")
    world["association"].name = "中国认证协会"
    db.session.commit()

    assert reasons(world, "中国认证协会", team) == {"li": [Reason.UNIT]}
    assert reasons(world, "认证认可协会", team) == {"text": [Reason.TEXT]}


# -- the queue page -----------------------------------------------------------------------


def queue(client, world, query: str):
    revision = world["revision"]
    return client.get(
        f"/m/{revision.measure.slug}/r/{revision.number}/team/comments", query_string={"q": query}
    )


def rows(html: str) -> list[tuple[str, str]]:
    """(receipt, "Matched on: …") of each row of the queue, in order."""
    found = re.findall(
        r'<tr class="queue-row[^"]*">.*?>([A-Z]+-R\d+-\d{6})</a>.*?'
        r'<span class="match-reasons">([^<]*)</span>',
        html,
        flags=re.S,
    )
    return [(receipt, unescape(why)) for receipt, why in found]


@pytest.mark.parametrize("role", ["team", "reviewer", "official", "admin"])
def test_the_queue_lists_what_matched_and_why(world, client, login_as, role):
    login_as(make_user(role, name="读者"))
    english(client)
    c = world["c"]

    html = text(queue(client, world, "认证认可协会"))

    assert rows(html) == [  # document order: art1, then art2
        (c["text"].receipt, "Matched on: Comment text"),
        (c["li"].receipt, "Matched on: Unit's name"),
    ]


def test_the_reasons_are_named_in_chinese(world, client, login_as):
    login_as(make_user("team", name="队员"))
    c = world["c"]

    html = text(queue(client, world, "王小明"))

    assert rows(html) == [(c["text"].receipt, "匹配：提交人"), (c["wang"].receipt, "匹配：提交人")]


def test_a_receipt_end_that_also_occurs_in_words_is_listed_first(world, client, login_as):
    login_as(make_user("team", name="队员"))
    english(client)
    target = world["c"]["wang"]  # on art4
    number = target.receipt[-6:]
    mention = letter(world["revision"], "art1", f"参见第 {number} 号来信。", "钱七")

    html = text(queue(client, world, number))

    assert rows(html) == [
        (target.receipt, "Matched on: Receipt number"),
        (mention.receipt, "Matched on: Comment text"),
    ]


@pytest.mark.parametrize("how", ["whole", "lower case", "end"])
def test_a_receipt_that_names_one_comment_goes_straight_to_it(world, client, login_as, how):
    login_as(make_user("team", name="队员"))
    english(client)
    target = world["c"]["wang"]
    target.status = CommentStatus.WITHDRAWN  # not in the default queue, still found
    db.session.commit()
    query = {
        "whole": target.receipt,
        "lower case": target.receipt.lower(),
        "end": target.receipt[-6:],
    }[how]
    revision = world["revision"]

    response = queue(client, world, query)

    page = f"/m/{revision.measure.slug}/r/{revision.number}/team/comments/{target.id}"
    assert (response.status_code, response.headers["Location"]) == (303, page)
    shown = text(client.get(page))
    assert f"Comment {target.receipt}, found by its receipt number." in shown


def test_a_receipt_of_another_revision_goes_to_that_revision(world, client, login_as):
    login_as(make_user("team", name="队员"))
    other = make_open_revision(measure="other-measure")
    elsewhere = make_comment(other, make_user(), "art2", body="别处的意见。")

    response = queue(client, world, elsewhere.receipt)

    assert (response.status_code, response.headers["Location"]) == (
        303,
        f"/m/other-measure/r/1/team/comments/{elsewhere.id}",
    )


def test_participants_still_cannot_open_the_queue(world, client, login_as):
    login_as(make_user("participant", name="旁观者"))

    assert queue(client, world, world["c"]["wang"].receipt).status_code == 403
