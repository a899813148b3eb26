"""Grouping (归并) services: their rules, refusals and audit rows."""

from datetime import datetime

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.comments.models import CommentStatus
from app.core.refusal import Refused
from app.triage import grouping
from app.triage.models import CommentGroup, Response, ResponseState
from tests.factories import (
    make_comment,
    make_group,
    make_open_revision,
    make_response,
    make_user,
)

NOW = datetime(2026, 1, 10, 8, 0)


@pytest.fixture
def setup(app, db):
    revision = make_open_revision()
    author = make_user()
    comments = [make_comment(revision, author, "art2.p2", body=f"意见{i}。") for i in range(5)]
    return revision, make_user("team"), comments


def audit(db, action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).filter_by(action=action)))


def refusal(call) -> str:
    with pytest.raises(Refused) as caught:
        call()
    return str(caught.value.message)


def test_group_comments_records_members_and_clause(db, setup):
    revision, team, comments = setup

    group = grouping.group_comments(
        revision=revision,
        comment_ids=[comments[1].id, comments[0].id],
        actor=team,
        now=NOW,
        title="删除本条",
        similarity=0.91,
    )
    db.session.commit()

    assert [c.id for c in grouping.members(group)] == [comments[0].id, comments[1].id]
    assert group.clause.key == "art2.p2"
    (row,) = audit(db, "group.create")
    assert row.actor_id == team.id and row.at == NOW and row.target_id == group.id
    assert row.after_data == {
        "title": "删除本条",
        "comment_ids": [comments[0].id, comments[1].id],
        "similarity": 0.91,
        "moved_from": {},
    }


def test_group_of_one_is_refused(setup):
    revision, team, comments = setup

    message = refusal(
        lambda: grouping.group_comments(
            revision=revision, comment_ids=[comments[0].id], actor=team, now=NOW
        )
    )

    assert message == "A group needs at least two comments."


def test_comments_of_another_draft_or_withdrawn_are_refused(db, setup):
    revision, team, comments = setup
    other = make_comment(make_open_revision(measure="other-measure"), make_user(), "art1")
    comments[1].status = CommentStatus.WITHDRAWN
    db.session.commit()

    foreign = refusal(
        lambda: grouping.group_comments(
            revision=revision, comment_ids=[comments[0].id, other.id], actor=team, now=NOW
        )
    )
    withdrawn = refusal(
        lambda: grouping.group_comments(
            revision=revision, comment_ids=[comments[0].id, comments[1].id], actor=team, now=NOW
        )
    )

    assert foreign == "Some of these comments are not comments of this draft."
    assert withdrawn == f"Withdrawn comments cannot be grouped: {comments[1].receipt}."


def test_grouping_moves_comments_and_dissolves_the_group_left_with_one(db, setup):
    revision, team, comments = setup
    old = make_group(revision, comments[:2])
    make_response(old, team)
    old_id = old.id

    new = grouping.group_comments(
        revision=revision, comment_ids=[comments[1].id, comments[2].id], actor=team, now=NOW
    )
    db.session.commit()

    assert db.session.get(CommentGroup, old_id) is None
    assert comments[0].group_id is None
    assert [c.id for c in grouping.members(new)] == [comments[1].id, comments[2].id]
    (created,) = audit(db, "group.create")
    assert created.after_data["moved_from"] == {str(comments[1].id): old_id}
    (dissolved,) = audit(db, "group.dissolve")
    assert dissolved.before_data == {"title": "归并意见", "comment_ids": [comments[0].id]}
    (deleted,) = audit(db, "response.delete")
    assert deleted.before_data["reason"] == "已作说明。"
    assert deleted.after_data == {"why": "group dissolved"}
    assert db.session.scalar(select(Response)) is None


def test_a_comment_cannot_leave_a_group_with_a_published_response(db, setup):
    revision, team, comments = setup
    old = make_group(revision, comments[:3])
    make_response(old, team, state=ResponseState.PUBLISHED)

    message = refusal(
        lambda: grouping.group_comments(
            revision=revision, comment_ids=[comments[0].id, comments[3].id], actor=team, now=NOW
        )
    )

    assert message == (
        "The response of group “归并意见” is published: unpublish it before changing its members."
    )


def test_remove_from_group_keeps_a_group_of_two(db, setup):
    revision, team, comments = setup
    group = make_group(revision, comments[:3])

    kept = grouping.remove_from_group(
        group=group, comment_ids=[comments[2].id], actor=team, now=NOW
    )
    db.session.commit()

    assert kept is group
    assert [c.id for c in grouping.members(group)] == [comments[0].id, comments[1].id]
    (row,) = audit(db, "group.remove")
    assert row.before_data == {"comment_ids": [c.id for c in comments[:3]]}
    assert row.after_data == {"comment_ids": [comments[0].id, comments[1].id]}


def test_split_leaving_one_dissolves_and_deletes_the_draft_response(db, setup):
    revision, team, comments = setup
    group = make_group(revision, comments[:2])
    make_response(group, team)
    group_id = group.id

    kept = grouping.remove_from_group(
        group=group, comment_ids=[comments[0].id], actor=team, now=NOW
    )
    db.session.commit()

    assert kept is None
    assert db.session.get(CommentGroup, group_id) is None
    assert comments[1].group_id is None
    assert db.session.scalar(select(Response)) is None
    assert [r.action for r in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))] == [
        "group.remove",
        "response.delete",
        "group.dissolve",
    ]


def test_remove_refuses_comments_outside_the_group(setup):
    revision, team, comments = setup
    group = make_group(revision, comments[:2])

    message = refusal(
        lambda: grouping.remove_from_group(
            group=group, comment_ids=[comments[3].id], actor=team, now=NOW
        )
    )

    assert message == "Choose members of this group to remove."


def test_add_to_group_deletes_the_comments_own_draft_response(db, setup):
    revision, team, comments = setup
    group = make_group(revision, comments[:2])
    make_response(comments[2], team)

    grouping.add_to_group(group=group, comment_ids=[comments[2].id], actor=team, now=NOW)
    db.session.commit()

    assert comments[2].group_id == group.id
    (row,) = audit(db, "group.add")
    assert row.after_data["comment_ids"] == [c.id for c in comments[:3]]
    assert audit(db, "response.delete")[0].after_data == {"why": "comment grouped"}


def test_add_refuses_a_comment_with_its_own_published_response(setup):
    revision, team, comments = setup
    group = make_group(revision, comments[:2])
    make_response(comments[2], team, state=ResponseState.PUBLISHED)

    message = refusal(
        lambda: grouping.add_to_group(
            group=group, comment_ids=[comments[2].id], actor=team, now=NOW
        )
    )

    assert message == (
        f"Comment {comments[2].receipt} has a published response of its own: unpublish it "
        "before grouping the comment."
    )


def test_merge_keeps_the_published_response_and_deletes_the_other(db, setup):
    revision, team, comments = setup
    first = make_group(revision, comments[:2], title="甲")
    second = make_group(revision, comments[2:4], title="乙")
    make_response(first, team)
    published = make_response(second, team, state=ResponseState.PUBLISHED)
    second_id = second.id

    merged = grouping.merge_groups(groups=[first, second], actor=team, now=NOW)
    db.session.commit()

    assert merged is first
    assert db.session.get(CommentGroup, second_id) is None
    assert [c.id for c in grouping.members(first)] == [c.id for c in comments[:4]]
    assert db.session.scalars(select(Response)).all() == [published]
    assert published.group_id == first.id
    (row,) = audit(db, "group.merge")
    assert row.after_data == {
        "comment_ids": [c.id for c in comments[:4]],
        "response_id": published.id,
    }


def test_merge_refuses_two_published_responses(setup):
    revision, team, comments = setup
    first = make_group(revision, comments[:2])
    second = make_group(revision, comments[2:4])
    make_response(first, team, state=ResponseState.PUBLISHED)
    make_response(second, team, state=ResponseState.PUBLISHED)

    message = refusal(lambda: grouping.merge_groups(groups=[first, second], actor=team, now=NOW))

    assert message == "Two of these groups have published responses: unpublish one before merging."


def test_rename_records_before_and_after(db, setup):
    revision, team, comments = setup
    group = make_group(revision, comments[:2], title="旧")

    grouping.rename_group(group=group, title="  新标题 ", actor=team, now=NOW)
    db.session.commit()

    (row,) = audit(db, "group.rename")
    assert (row.before_data, row.after_data) == ({"title": "旧"}, {"title": "新标题"})


def test_dissolve_refused_while_published(setup):
    revision, team, comments = setup
    group = make_group(revision, comments[:2], title="甲")
    make_response(group, team, state=ResponseState.PUBLISHED)

    message = refusal(lambda: grouping.dissolve_group(group=group, actor=team, now=NOW))

    assert message == (
        "The response of group “甲” is published: unpublish it before changing its members."
    )


def test_suggestions_cluster_near_identical_ungrouped_comments(db, setup):
    revision, team, comments = setup
    text = "建议将第二条第二款中的认证机构修改为认证机构及其分支机构，以便明确适用范围。"
    author = make_user()
    near = [
        make_comment(revision, author, "art2.p2", body=text),
        make_comment(revision, author, "art2.p2", body=text + "谢谢。"),
        make_comment(revision, author, "art2.p2", body=text.replace("建议", "我们建议")),
    ]

    found = grouping.suggestions(revision, scope="clause")
    grouping.group_comments(
        revision=revision, comment_ids=[c.id for c in near], actor=team, now=NOW
    )
    db.session.commit()
    after = grouping.suggestions(revision, scope="clause")

    assert [sorted(s.ids) for s in found] == [[c.id for c in near]]
    assert after == []


def test_the_groups_clause_follows_its_members(db, setup):
    revision, team, comments = setup
    elsewhere = make_comment(revision, make_user(), "art1", body="另一条款的意见。")
    group = grouping.group_comments(
        revision=revision, comment_ids=[c.id for c in comments[:2]], actor=team, now=NOW
    )
    assert group.clause.key == "art2.p2"

    grouping.add_to_group(group=group, comment_ids=[elsewhere.id], actor=team, now=NOW)
    db.session.commit()
    assert group.clause_id is None  # now spanning two clauses

    grouping.remove_from_group(group=group, comment_ids=[elsewhere.id], actor=team, now=NOW)
    db.session.commit()
    assert group.clause.key == "art2.p2"
