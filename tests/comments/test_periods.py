"""The comment period is enforced on the server: no form and no storing outside it."""

from datetime import date, timedelta

import pytest

from tests.comments.helpers import english, form_url, message, stored, text, tokens
from tests.factories import make_closed_revision, make_open_revision, make_revision, make_user


def not_yet_open():
    start = date.today() + timedelta(days=3)
    return make_revision(opens=start.isoformat(), closes=(start + timedelta(days=30)).isoformat())


CASES = [
    (not_yet_open, "The comment period has not opened yet."),
    (
        make_closed_revision,
        "The comment period has closed; comments are no longer accepted online.",
    ),
]


@pytest.mark.parametrize(("make", "refusal"), CASES)
def test_outside_the_period_the_form_is_not_offered(app, client, login_as, make, refusal):
    revision = make()
    login_as(make_user())
    english(client)

    response = client.get(form_url(revision, "art1"))

    html = text(response)
    assert response.status_code == 200
    assert message(html) == refusal
    assert 'name="form_token"' not in html
    assert "<textarea" not in html


@pytest.mark.parametrize(("make", "refusal"), CASES)
def test_outside_the_period_a_post_is_refused_and_nothing_stored(
    app, client, login_as, make, refusal
):
    revision = make()
    open_revision = make_open_revision(measure="open-one")
    login_as(make_user())
    english(client)
    token = tokens(client, open_revision)  # a genuine token, from a form that was offered

    response = client.post(
        form_url(revision, "art1"),
        data={**token, "clause": "art1", "type": "ge", "body": "迟到的意见。"},
    )

    assert response.status_code == 403
    assert message(text(response)) == refusal
    assert stored() == []


def test_the_revision_page_offers_comment_links_only_while_open(app, client):
    make_open_revision()
    make_closed_revision(measure="closed-one")

    open_html = text(client.get("/m/sample-measure/r/1"))
    closed_html = text(client.get("/m/closed-one/r/1"))

    assert 'href="/m/sample-measure/r/1/comment?clause=art2"' in open_html
    assert 'href="/m/sample-measure/r/1/comment"' in open_html
    assert "/comment?" not in closed_html
    assert 'href="/m/closed-one/r/1/comment"' not in closed_html
