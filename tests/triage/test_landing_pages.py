"""Where an answer's change landed, on the pages: the answer form's field (suggested by the
alignment, saved with the answer), the form of a published answer, and the phrase participants
read once the next revision is published."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.extensions import db as database
from app.triage.landings import landing_keys
from app.triage.models import Response, ResponseState
from tests.factories import (
    make_closed_revision,
    make_comment,
    make_group,
    make_response,
    make_user,
)
from tests.lineage.helpers import two_revisions
from tests.pages import csrf_token, english, text

PUBLISHED = datetime(2021, 2, 20, 9, 0)


def setup_pair(published: bool):
    first, second = two_revisions(published=published)
    author = make_user("participant", name="Alice")
    comments = [make_comment(first, author, "art2.p2", body=f"意见{i}。") for i in range(2)]
    group = make_group(first, comments, title="认证机构的义务")
    team = make_user("team", name="Tina")
    base = f"/m/{first.measure.slug}/r/1/team"
    return {
        "first": first,
        "second": second,
        "author": author,
        "comments": comments,
        "group": group,
        "team": team,
        "url": f"{base}/groups/{group.id}",
    }


@pytest.fixture
def pair(app, db):
    return setup_pair(published=False)


def field_value(html: str) -> str:
    return re.search(r'<input[^>]*id="landings"[^>]*value="([^"]*)"', html).group(1)


def test_the_answer_form_suggests_the_clause_the_commented_one_became(pair, client, login_as):
    english(client)
    login_as(pair["team"])

    html = text(client.get(pair["url"]))

    assert field_value(html) == "art3.p2"
    suggestions = re.search(r'<p class="landing-suggestions">(.*?)</p>', html, re.S).group(1)
    assert " ".join(re.sub(r"<[^>]+>", "", suggestions).split()) == (
        "Suggested by the alignment: art3.p2 第三条第二款 (Modified)"
    )


def save_answer(client, pair, disposition, landings, reason="", **kwargs):
    """Post the answer form of the commented clause's page, as its CSRF token allows."""
    html = text(client.get(pair["url"]))
    fields = {"disposition": disposition, "reason": reason, "landings": landings}
    return client.post(
        pair["url"] + "/response", data={"csrf_token": csrf_token(html), **fields}, **kwargs
    )


def test_saving_the_answer_saves_where_it_landed(pair, client, login_as):
    english(client)
    team = login_as(pair["team"])

    saved = save_answer(client, pair, "adopted", "art3.p2, art2")

    assert saved.status_code == 303
    response = database.session.scalar(select(Response))
    assert landing_keys(response, pair["second"]) == ["art3.p2", "art2"]
    [event] = database.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "response.landings")
    )
    assert (event.actor_id, event.after_data["landings"]) == (team.id, ["art3.p2", "art2"])
    page = text(client.get(pair["url"]))
    # in the text's order; a draft with no English keeps its Chinese citations
    assert '<dd class="landing">see 第二条 and 第三条第二款 of the Second Draft</dd>' in page
    assert field_value(page) == "art3.p2 art2"


def test_an_unknown_key_refuses_the_whole_save(pair, client, login_as):
    english(client)
    login_as(pair["team"])

    refused = save_answer(client, pair, "adopted", "art3.p2 art30", follow_redirects=True)

    assert "Revision 2 has no clause art30." in text(refused)
    assert database.session.query(Response).count() == 0


def test_a_rejected_answer_keeps_no_landing(pair, client, login_as):
    english(client)
    login_as(pair["team"])

    save_answer(client, pair, "not_adopted", "art3.p2", reason="保持原文。")

    response = database.session.scalar(select(Response))
    assert landing_keys(response, pair["second"]) == []


def test_a_published_answer_gets_its_landings_on_their_own(pair, client, login_as):
    english(client)
    login_as(pair["team"])
    response = make_response(
        pair["group"],
        pair["team"],
        "adopted",
        reason="",
        state=ResponseState.PUBLISHED,
        published_at=PUBLISHED,
    )
    html = text(client.get(pair["url"]))
    assert 'class="response-form"' not in html
    action = f"{pair['url'].rsplit('/groups', 1)[0]}/responses/{response.id}/landings"
    assert f'action="{action}"' in html

    client.post(action, data={"csrf_token": csrf_token(html), "landings": "art3"})

    assert landing_keys(response, pair["second"]) == ["art3"]


def test_no_field_while_there_is_no_later_revision(app, db, client, login_as):
    english(client)
    first = make_closed_revision()
    group = make_group(first, [make_comment(first, make_user(), "art2.p2")], title="只有一稿")
    login_as(make_user("team"))

    html = text(client.get(f"/m/{first.measure.slug}/r/1/team/groups/{group.id}"))

    assert 'id="landings"' not in html
    assert "Where the change landed" not in html


def test_the_landings_route_refuses_without_a_later_revision(app, db, client, login_as):
    english(client)
    first = make_closed_revision()
    group = make_group(first, [make_comment(first, make_user(), "art2.p2")], title="只有一稿")
    team = login_as(make_user("team"))
    response = make_response(group, team, "adopted", reason="")
    url = f"/m/{first.measure.slug}/r/1/team/groups/{group.id}"
    html = text(client.get(url))

    done = client.post(
        f"/m/{first.measure.slug}/r/1/team/responses/{response.id}/landings",
        data={"csrf_token": csrf_token(html), "landings": "art3"},
        follow_redirects=True,
    )

    assert "There is no later revision yet for the change to land in." in text(done)


def _published_answer(pair):
    response = make_response(
        pair["group"],
        pair["team"],
        "adopted",
        reason="",
        state=ResponseState.PUBLISHED,
        published_at=PUBLISHED,
    )
    from app.triage.landings import set_landings

    set_landings(
        response=response, revision=pair["second"], keys=["art3.p2"], actor=pair["team"],
        now=PUBLISHED,
    )  # fmt: skip
    database.session.commit()
    return response


def test_participants_read_where_the_change_landed(app, db, client, login_as):
    pair = setup_pair(published=True)
    _published_answer(pair)
    login_as(pair["author"])

    receipt = text(client.get(f"/comments/{pair['comments'][0].receipt}"))
    mine = text(client.get("/my/comments"))

    assert '<p class="landing">见第二稿第三条第二款</p>' in receipt
    assert '<span class="landing">见第二稿第三条第二款</span>' in mine


def test_an_unpublished_next_revision_is_not_named_to_participants(pair, client, login_as):
    _published_answer(pair)
    login_as(pair["author"])

    receipt = text(client.get(f"/comments/{pair['comments'][0].receipt}"))

    assert "Second Draft" not in receipt and "第二稿第三条" not in receipt
    assert 'class="landing"' not in receipt
