"""Assigning comments and writing internal notes: the services, their refusals and audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.refusal import Refused
from app.core.timeutil import utcnow
from app.triage.assignment import add_note, assign_comments
from app.triage.models import CommentNote
from tests.factories import make_comment, make_open_revision, make_user
from tests.pages import csrf_token, english, text


@pytest.fixture
def setup(app, db):
    revision = make_open_revision()
    author = make_user("participant")
    return {
        "revision": revision,
        "comments": [make_comment(revision, author, "art1", body=f"意见{n}") for n in range(3)],
        "team": make_user("team", name="Tina"),
        "other": make_user("team", name="Tom"),
        "reviewer": make_user("reviewer"),
        "official": make_user("official"),
    }


def audit_rows(db, action):
    return [
        (e.target_id, e.before_data, e.after_data)
        for e in db.session.scalars(select(AuditEvent).filter_by(action=action).order_by("id"))
    ]


def test_assign_comments_audits_each_change(setup, db):
    first, second, third = setup["comments"]
    second.assignee_id = setup["other"].id
    db.session.commit()
    changed = assign_comments(
        comments=[first, second], assignee=setup["team"], actor=setup["team"], now=utcnow()
    )
    db.session.commit()
    assert changed == 2
    assert (first.assignee_id, second.assignee_id, third.assignee_id) == (
        setup["team"].id,
        setup["team"].id,
        None,
    )
    assert audit_rows(db, "comment.assign") == [
        (first.id, {"assignee_id": None}, {"assignee_id": setup["team"].id}),
        (second.id, {"assignee_id": setup["other"].id}, {"assignee_id": setup["team"].id}),
    ]
    assert assign_comments(comments=[first], assignee=None, actor=setup["team"], now=utcnow()) == 1
    assert first.assignee_id is None


@pytest.mark.parametrize("who", ["reviewer", "official"])
def test_assign_refuses_a_non_team_assignee(setup, who):
    with pytest.raises(Refused) as refused:
        assign_comments(
            comments=setup["comments"], assignee=setup[who], actor=setup["team"], now=utcnow()
        )
    assert str(refused.value.message) == (
        "Comments can only be assigned to members of the project team."
    )


def test_assign_refuses_an_empty_selection(setup):
    with pytest.raises(Refused) as refused:
        assign_comments(comments=[], assignee=setup["team"], actor=setup["team"], now=utcnow())
    assert str(refused.value.message) == "Select at least one comment."


def test_add_note_stores_and_audits(setup, db):
    comment = setup["comments"][0]
    note = add_note(comment=comment, actor=setup["team"], body="  需要核实  ", now=utcnow())
    db.session.commit()
    assert (note.body, note.author_id) == ("需要核实", setup["team"].id)
    assert audit_rows(db, "comment.note") == [
        (comment.id, {}, {"note_id": note.id, "body": "需要核实"})
    ]


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001])
def test_add_note_refuses_empty_or_long(setup, db, body):
    with pytest.raises(Refused):
        add_note(comment=setup["comments"][0], actor=setup["team"], body=body, now=utcnow())
    assert db.session.scalars(select(CommentNote)).all() == []


def test_bulk_assign_through_the_queue(setup, client, login_as, db):
    english(client)
    login_as(setup["team"])
    slug = setup["revision"].measure.slug
    url = f"/m/{slug}/r/1/team/comments"
    token = csrf_token(text(client.get(url)))
    ids = [setup["comments"][0].id, setup["comments"][2].id]
    response = client.post(
        url + "/bulk",
        data={"csrf_token": token, "action": "assign", "assignee": setup["other"].id, "ids": ids},
    )
    assert response.status_code == 303
    page = text(client.get(url + "?assignee=" + str(setup["other"].id)))
    assert "2 comments changed." in page
    assert page.count('name="ids"') == 2
    db.session.expire_all()
    assert [e[0] for e in audit_rows(db, "comment.assign")] == ids

    client.post(
        url + "/bulk",
        data={
            "csrf_token": token,
            "action": "assign",
            "assignee": setup["reviewer"].id,
            "ids": ids,
        },
    )
    assert "Comments can only be assigned to members of the project team." in text(client.get(url))


def test_bulk_group_through_the_queue(setup, client, login_as, db):
    english(client)
    login_as(setup["team"])
    url = f"/m/{setup['revision'].measure.slug}/r/1/team/comments"
    token = csrf_token(text(client.get(url)))
    ids = [c.id for c in setup["comments"][:2]]
    client.post(url + "/bulk", data={"csrf_token": token, "action": "group", "ids": ids})
    db.session.expire_all()
    groups = {c.group_id for c in setup["comments"][:2]}
    assert len(groups) == 1 and None not in groups
    assert setup["comments"][2].group_id is None


def test_official_posts_are_refused(setup, client, login_as, db):
    login_as(setup["official"])
    url = f"/m/{setup['revision'].measure.slug}/r/1/team/comments"
    token = csrf_token(text(client.get("/")))
    comment = setup["comments"][0]
    assert (
        client.post(
            url + "/bulk",
            data={
                "csrf_token": token,
                "action": "assign",
                "assignee": setup["team"].id,
                "ids": [comment.id],
            },
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"{url}/{comment.id}/notes", data={"csrf_token": token, "body": "x"}
        ).status_code
        == 403
    )
    db.session.expire_all()
    assert comment.assignee_id is None
    assert audit_rows(db, "comment.assign") == []
