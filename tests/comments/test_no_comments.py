"""A unit's representative may declare that it has no comments (无意见) on a revision."""

from sqlalchemy import select

from app.comments.models import CommentStatus, RevisionUnit
from app.core.extensions import db
from tests.comments.helpers import english, message, post_comment, text, tokens
from tests.factories import (
    make_closed_revision,
    make_comment,
    make_open_revision,
    make_unit,
    make_user,
)

URL = "/m/sample-measure/r/1/no-comments"


def replies():
    db.session.expire_all()
    return [
        (r.unit.name, r.no_comments_at is not None, r.no_comments_by_id)
        for r in db.session.scalars(select(RevisionUnit).order_by(RevisionUnit.id))
    ]


def test_a_unit_member_records_no_comments(app, client, login_as):
    revision = make_open_revision()
    user = login_as(make_user(unit=make_unit("华信认证有限公司"), representative=True))
    english(client)
    csrf = tokens(client, revision)["csrf_token"]

    response = client.post(URL, data={"csrf_token": csrf})

    assert response.status_code == 303
    assert replies() == [("华信认证有限公司", True, user.id)]
    assert "Recorded: 华信认证有限公司 has no comments on this revision." in text(
        client.get(response.headers["Location"])
    )
    form = text(client.get("/m/sample-measure/r/1/comment"))
    assert "华信认证有限公司 declared that it has no comments on this revision on " in form


def test_refused_when_the_unit_already_commented(app, client, login_as):
    revision = make_open_revision()
    unit = make_unit("华信认证有限公司")
    make_comment(revision, make_user(unit=unit), "art1")
    login_as(make_user(unit=unit, representative=True))
    english(client)
    csrf = tokens(client, revision)["csrf_token"]

    response = client.post(URL, data={"csrf_token": csrf})

    assert response.status_code == 409
    assert message(text(response)) == (
        "Your unit has already submitted comments on this revision, so it cannot declare that "
        "it has no comments."
    )
    assert replies() == []


def test_a_withdrawn_comment_does_not_prevent_it(app, client, login_as):
    revision = make_open_revision()
    unit = make_unit("华信认证有限公司")
    make_comment(revision, make_user(unit=unit), "art1", status=CommentStatus.WITHDRAWN)
    login_as(make_user(unit=unit, representative=True))
    csrf = tokens(client, revision)["csrf_token"]

    client.post(URL, data={"csrf_token": csrf})

    assert [r[:2] for r in replies()] == [("华信认证有限公司", True)]


def test_a_later_comment_from_the_unit_clears_the_declaration(app, client, login_as):
    revision = make_open_revision()
    unit = make_unit("华信认证有限公司")
    login_as(make_user(unit=unit, representative=True))
    client.post(URL, data={"csrf_token": tokens(client, revision)["csrf_token"]})

    post_comment(client, revision, "art1", body="还是有意见。")

    assert replies() == [("华信认证有限公司", False, None)]


def test_an_individual_cannot_declare_for_a_unit(app, client, login_as):
    revision = make_open_revision()
    login_as(make_user())
    english(client)
    csrf = tokens(client, revision)["csrf_token"]

    response = client.post(URL, data={"csrf_token": csrf})

    assert response.status_code == 403
    assert message(text(response)) == (
        "Only a confirmed representative of a unit, with a verified e-mail address, can "
        "declare that it has no comments."
    )
    assert replies() == []


def test_not_after_the_period(app, client, login_as):
    make_closed_revision()
    login_as(make_user(unit=make_unit(), representative=True))
    english(client)
    csrf = tokens(client, make_open_revision(measure="other"))["csrf_token"]

    response = client.post(URL, data={"csrf_token": csrf})

    assert message(text(response)) == (
        "The comment period has closed; comments are no longer accepted online."
    )
    assert replies() == []


def test_the_form_offers_it_only_to_unit_members(app, client, login_as):
    make_open_revision()
    login_as(make_user())

    assert "no-comments" not in text(client.get("/m/sample-measure/r/1/comment"))
