"""Seminars and events of a revision: listed for the staff, created and edited by the team."""

from datetime import date

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.extensions import db
from app.triage.models import Event
from tests.factories import make_event, make_open_revision, make_user
from tests.pages import csrf_token, english, text


@pytest.fixture
def revision(app):
    return make_open_revision()


def events_url(revision):
    return f"/m/{revision.measure.slug}/r/{revision.number}/team/events"


def test_the_team_creates_an_event_audited(revision, client, login_as):
    english(client)
    team = login_as(make_user("team"))
    token = csrf_token(text(client.get(events_url(revision))))

    response = client.post(
        events_url(revision),
        data={"csrf_token": token, "title": "广州座谈会", "city": "广州", "held_on": "2021-01-20"},
    )

    [event] = db.session.scalars(select(Event)).all()
    assert response.status_code == 303
    assert (event.revision_id, event.title, event.city, event.held_on) == (
        revision.id,
        "广州座谈会",
        "广州",
        date(2021, 1, 20),
    )
    [entry] = db.session.scalars(select(AuditEvent).filter_by(action="event.create")).all()
    assert (entry.actor_id, entry.target_id, entry.after_data) == (
        team.id,
        event.id,
        {"title": "广州座谈会", "city": "广州", "held_on": "2021-01-20"},
    )
    html = text(client.get(response.headers["Location"]))
    assert "The event 广州座谈会 was added." in html
    assert '<th scope="row">广州座谈会</th>' in html


def test_an_event_without_a_title_is_refused(revision, client, login_as):
    english(client)
    login_as(make_user("team"))
    token = csrf_token(text(client.get(events_url(revision))))

    response = client.post(
        events_url(revision), data={"csrf_token": token, "title": "", "held_on": "2021-01-20"}
    )

    assert response.status_code == 400
    assert "Please give a title." in text(response)
    assert db.session.scalars(select(Event)).all() == []


def test_the_team_edits_an_event_with_before_and_after(revision, client, login_as):
    english(client)
    login_as(make_user("team"))
    event = make_event(revision, title="南京座谈会", city="南京", held_on=date(2021, 1, 15))
    token = csrf_token(text(client.get(events_url(revision))))

    client.post(
        f"{events_url(revision)}/{event.id}",
        data={
            "csrf_token": token,
            "title": "南京座谈会",
            "city": "南京市",
            "held_on": "2021-01-16",
        },
    )

    db.session.expire_all()
    assert (event.city, event.held_on) == ("南京市", date(2021, 1, 16))
    [entry] = db.session.scalars(select(AuditEvent).filter_by(action="event.edit")).all()
    assert (entry.before_data, entry.after_data) == (
        {"city": "南京", "held_on": "2021-01-15"},
        {"city": "南京市", "held_on": "2021-01-16"},
    )


def test_an_official_sees_the_events_but_no_form(revision, client, login_as):
    english(client)
    login_as(make_user("official"))
    make_event(revision, title="南京座谈会")

    html = text(client.get(events_url(revision)))

    assert '<th scope="row">南京座谈会</th>' in html
    assert "Add event" not in html
