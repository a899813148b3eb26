"""20 participants × 50 comments at once, against the app under gunicorn on loopback, on SQLite
and on PostgreSQL: every receipt a participant received names exactly one stored comment of
theirs, no comment is stored without a receipt, and a double-clicked form stores one comment."""

import time
from collections import Counter

import pytest
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from app.accounts.models import Role, User
from app.comments.models import Comment
from app.core.extensions import db
from testkit.participants import (
    Browser,
    Outcome,
    comment_fields,
    post_comments,
    receipt_of,
    run_participants,
)
from testkit.servers import serve_gunicorn
from tests.factories import PASSWORD, make_open_revision, make_unit

CLIENTS = 20
COMMENTS = 50
DOUBLE_EVERY = 10  # every 10th form of every 4th participant is sent twice at the same moment
KEYS = ["art1", "art2.p1", "art2.p2", "art3.p1.i1", "art3.p1.i2", "art4", ""]
TIME_LIMIT = 120


@pytest.fixture
def participants(app):
    """The open revision and one participant per client, half of them speaking for a unit."""
    revision = make_open_revision()
    unit = make_unit()
    password_hash = generate_password_hash(PASSWORD)  # one hash: scrypt is slow on purpose
    users = [
        User(
            email=f"load{i:02d}@example.org",
            name=f"参与者{i:02d}",
            role=Role.PARTICIPANT,
            unit=unit if i % 2 else None,
            password_hash=password_hash,
        )
        for i in range(CLIENTS)
    ]
    db.session.add_all(users)
    db.session.commit()
    return revision, [(user.id, user.email) for user in users]


@pytest.mark.slow
@pytest.mark.committed  # gunicorn's workers read the participants from the database
def test_concurrent_comments_each_get_one_receipt_and_one_row(app, participants, tmp_path):
    revision, users = participants
    slug, number = revision.measure.slug, revision.number
    config = {
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        "SECRET_KEY": "concurrency-test",
        "RATELIMIT_ENABLED": False,
    }
    with serve_gunicorn(config, tmp_path) as server:

        def work(index: int):
            with Browser(server.port) as browser:  # closed even if a request fails
                browser.sign_in(users[index][1], PASSWORD)
                outcomes = post_comments(
                    browser,
                    index,
                    slug=slug,
                    number=number,
                    keys=KEYS,
                    count=COMMENTS,
                    deadline=time.monotonic() + TIME_LIMIT,
                    double_every=DOUBLE_EVERY if index % 4 == 0 else 0,
                )
                resent = _send_twice_in_turn(browser, slug, number) if index == 1 else []
            return [(outcome, False) for outcome in outcomes] + [(o, True) for o in resent]

        results = run_participants(CLIENTS, work)

    outcomes = [outcome for outcome, _ in results]
    assert Counter(o.status for o in outcomes) == {303: len(outcomes)}
    forms = {(o.participant, o.form_token) for o in outcomes}
    assert len(forms) == CLIENTS * COMMENTS + 1  # every form answered, plus the resent one
    by_form: dict = {}
    for outcome in outcomes:
        by_form.setdefault((outcome.participant, outcome.form_token), set()).add(outcome.receipt)
    assert all(len(receipts) == 1 for receipts in by_form.values())  # a resent form: same receipt
    assert sum(1 for o in outcomes if o.double) == 2 * 5 * (COMMENTS // DOUBLE_EVERY)

    db.session.remove()  # a fresh session: read what the server committed
    stored = db.session.execute(
        select(Comment.receipt, Comment.author_id).where(Comment.revision_id == revision.id)
    ).all()
    assert None not in {receipt for receipt, _ in stored}
    assert Counter(receipt for receipt, _ in stored).most_common(1)[0][1] == 1
    received = {(o.receipt, users[o.participant][0]) for o in outcomes}
    assert set(stored) == received  # each receipt: exactly one comment, by the one who sent it
    assert len(stored) == CLIENTS * COMMENTS + 1


def _send_twice_in_turn(browser: Browser, slug: str, number: int):
    """A form resent after its first answer (the back button, then submit again)."""
    action, hidden = browser.comment_form(slug, number, "art1")
    fields = comment_fields(hidden, "（重新提交）")
    replies = [browser.request("POST", action, fields) for _ in range(2)]
    return [
        Outcome(1, reply.status, receipt_of(reply), reply.seconds, hidden["form_token"])
        for reply in replies
    ]


def test_a_normal_app_has_no_bare_bench_endpoint(app, client):
    response = client.post("/bench/bare", data={"body": "x"})

    assert response.status_code == 404
    assert "/bench/bare" not in {rule.rule for rule in app.url_map.iter_rules()}
