"""Publication consent is asked for only where comments can be published at all."""

import re

import pytest

from app.comments.models import Consent
from app.core.extensions import db
from app.measures.models import CommentVisibility
from tests.comments.helpers import form_url, post_comment, stored
from tests.factories import make_open_revision, make_user


@pytest.fixture
def revision(app):
    return make_open_revision()


def consent_choices(html: str) -> list[str]:
    return re.findall(r'<input type="radio" name="consent" value="([a-z]+)"', html)


def publishing(revision, visibility: CommentVisibility):
    revision.measure.comments_public = visibility
    db.session.commit()


def test_a_measure_that_never_publishes_asks_for_no_consent(revision, client, login_as):
    publishing(revision, CommentVisibility.NEVER)
    login_as(make_user())

    html = client.get(form_url(revision, "art1")).get_data(as_text=True)
    post_comment(client, revision, "art1", body="不公开的意见。", consent="named")

    assert consent_choices(html) == []
    assert "不公开</label>" not in html
    assert '<p class="hint publication-policy">意见不予公开。</p>' in html  # still says why
    [comment] = stored()
    assert comment.consent == Consent.PRIVATE


def test_an_edit_under_a_measure_that_never_publishes_keeps_not_published(
    revision, client, login_as
):
    publishing(revision, CommentVisibility.NEVER)
    login_as(make_user())
    post_comment(client, revision, "art1", body="初稿。")
    [comment] = stored()
    html = client.get(f"/comments/{comment.receipt}/edit").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    client.post(
        f"/comments/{comment.receipt}/edit",
        data={"csrf_token": csrf, "type": "te", "body": "改稿。", "consent": "anonymous"},
    )

    assert consent_choices(html) == []
    assert [(c.body, c.consent) for c in stored()] == [("改稿。", Consent.PRIVATE)]


@pytest.mark.parametrize("visibility", [CommentVisibility.AFTER, CommentVisibility.AT_ONCE])
def test_a_measure_that_publishes_offers_the_consent_choices(
    revision, client, login_as, visibility
):
    publishing(revision, visibility)
    login_as(make_user())

    html = client.get(form_url(revision, "art1")).get_data(as_text=True)
    post_comment(client, revision, "art1", body="可公开的意见。", consent="anonymous")

    assert consent_choices(html) == ["named", "anonymous", "private"]
    [comment] = stored()
    assert comment.consent == Consent.ANONYMOUS


def test_the_teams_entry_form_asks_for_no_consent_where_comments_are_never_published(
    revision, client, login_as
):
    publishing(revision, CommentVisibility.NEVER)
    login_as(make_user("team"))
    url = f"/m/{revision.measure.slug}/r/{revision.number}/team/entry"

    html = client.get(url).get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    client.post(
        url,
        data={
            "csrf_token": csrf,
            "author_name": "赵六",
            "channel": "letter",
            "received_on": "2026-12-01",
            "type": "ge",
            "consent": "named",
            "body": "来信意见。",
        },
    )

    assert consent_choices(html) == []
    assert [(c.body, c.consent) for c in stored()] == [("来信意见。", Consent.PRIVATE)]


def test_the_teams_entry_form_asks_for_consent_where_comments_may_be_published(
    revision, client, login_as
):
    publishing(revision, CommentVisibility.AFTER)
    login_as(make_user("team"))

    html = client.get(f"/m/{revision.measure.slug}/r/{revision.number}/team/entry")

    assert consent_choices(html.get_data(as_text=True)) == ["named", "anonymous", "private"]
