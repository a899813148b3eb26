"""A comment's history on the team's comment page (app.triage.history)."""

from datetime import datetime

from app.audit.writer import record
from app.triage.history import trail_for_comment
from tests.factories import make_comment, make_group, make_open_revision, make_response, make_user


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2021, 1, day, hour)


def test_trail_for_comment_includes_its_group_and_its_answers(db):
    revision = make_open_revision()
    team = make_user("team")
    author = make_user()
    comment = make_comment(revision, author, "art2.p2")
    other = make_comment(revision, author, "art2.p2", body="另一条。")
    old_group = make_group(revision, [comment])
    group = make_group(revision, [comment, other])
    response = make_response(group, team)
    other_response = make_response(other, team)
    rid = revision.id

    def ev(action, target_type, target_id, day, **data):
        return record(
            actor=team, action=action, target_type=target_type, target_id=target_id,
            revision_id=rid, at=at(day), **data,
        )  # fmt: skip

    expected = [
        ev("group.create", "group", old_group.id, 1, after={"comment_ids": [comment.id]}),
        ev("comment.assign", "comment", comment.id, 2),
        ev("group.remove", "group", old_group.id, 3, before={"comment_ids": [comment.id]}),
        ev("group.create", "group", group.id, 4, after={"comment_ids": [comment.id, other.id]}),
        ev("response.draft", "response", response.id, 5),
        ev("response.approve", "response", response.id, 6),
    ]
    ev("comment.assign", "comment", other.id, 2)
    ev("response.draft", "response", other_response.id, 5)
    ev("group.create", "group", 999, 1, after={"comment_ids": [other.id, comment.id * 100]})
    db.session.commit()

    trail = trail_for_comment(comment)

    assert [e.id for e in trail] == [e.id for e in expected]


def test_trail_for_an_ungrouped_comment_includes_its_own_answer_only(db):
    revision = make_open_revision()
    team = make_user("team")
    author = make_user()
    comment = make_comment(revision, author, "art2.p2")
    other = make_comment(revision, author, "art2.p2", body="另一条。")
    own = make_response(comment, team)
    others_answer = make_response(other, team)

    def ev(action, target_type, target_id, day):
        return record(
            actor=team, action=action, target_type=target_type, target_id=target_id,
            revision_id=revision.id, at=at(day),
        )  # fmt: skip

    expected = [
        ev("comment.assign", "comment", comment.id, 1),
        ev("response.draft", "response", own.id, 2),
    ]
    ev("response.draft", "response", others_answer.id, 2)
    ev("group.create", "group", 999, 3)  # names no comment at all
    db.session.commit()

    trail = trail_for_comment(comment)

    assert [e.id for e in trail] == [e.id for e in expected]
    assert [e.actor.name for e in trail] == [team.name, team.name]
