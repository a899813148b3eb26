"""Answering from the team's pages: one ungrouped comment on its own page, a grouped comment
through its group, a selection from the queue."""

from __future__ import annotations

import re

import pytest

from app.triage.models import Response
from tests.factories import make_comment, make_group, make_open_revision, make_response, make_user
from tests.pages import csrf_token, english, text


@pytest.fixture
def setup(app, db):
    revision = make_open_revision()
    author = make_user("participant", name="Alice")
    alone = make_comment(revision, author, "art1", body="单独的意见")
    grouped = make_comment(revision, author, "art2", body="同组一")
    other = make_comment(revision, make_user("participant"), "art2", body="同组二")
    group = make_group(revision, [grouped, other], title="关于第二条")
    team = make_user("team", name="Tina")
    db.session.commit()
    base = f"/m/{revision.measure.slug}/r/1/team"
    return {"base": base, "alone": alone, "grouped": grouped, "group": group, "team": team}


def _summary(html: str) -> list[str]:
    box = re.search(r'<dl class="response-summary[^"]*">(.*?)</dl>', html, re.S).group(1)
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<d[td][^>]*>.*?</d[td]>", box, re.S)
    ]


def test_ungrouped_comment_is_answered_on_its_page(setup, client, login_as, db):
    english(client)
    login_as(setup["team"])
    url = f"{setup['base']}/comments/{setup['alone'].id}"
    html = text(client.get(url))
    assert "No response yet." in html
    assert 'action="' + url + '/response"' in html

    refused = client.post(
        url + "/response",
        data={"csrf_token": csrf_token(html), "disposition": "partly", "reason": "", "next": url},
        follow_redirects=True,
    )
    assert "“Partially adopted” needs a reason (in Chinese)." in text(refused)
    assert db.session.query(Response).count() == 0

    saved = client.post(
        url + "/response",
        data={
            "csrf_token": csrf_token(html),
            "disposition": "partly",
            "reason": "部分采纳，第一款已修改。",
            "reason_en": "Partly: paragraph 1 changed.",
            "next": url,
        },
    )
    assert saved.headers["Location"] == url
    html = text(client.get(url))
    assert _summary(html)[:8] == [
        "State",
        "In draft",
        "Disposition",
        "Partially adopted",
        "Reason",
        "部分采纳，第一款已修改。",
        "Reason in English",
        "Partly: paragraph 1 changed.",
    ]
    # The draft is edited in the same form, which shows its current text.
    assert '<option selected value="partly">Partially adopted</option>' in html
    assert "\r\n部分采纳，第一款已修改。</textarea>" in html
    client.post(
        url + "/response",
        data={"csrf_token": csrf_token(html), "disposition": "adopted", "reason": "", "next": url},
    )
    assert _summary(text(client.get(url)))[:4] == ["State", "In draft", "Disposition", "Adopted"]


def test_grouped_comment_shows_its_groups_answer_and_links_to_it(setup, client, login_as):
    english(client)
    login_as(setup["team"])
    make_response(setup["group"], setup["team"], "not_adopted", reason="不采纳的理由")
    html = text(client.get(f"{setup['base']}/comments/{setup['grouped'].id}"))
    group_url = f"{setup['base']}/groups/{setup['group'].id}"
    assert (
        f'This comment is answered through its group: <a href="{group_url}">关于第二条</a>' in html
    )
    assert "<strong>Not adopted</strong> · In draft · for the group" in html
    assert 'class="response-form"' not in html  # no direct answer to a grouped comment


def test_queue_answers_a_selection(setup, client, login_as, db):
    english(client)
    login_as(setup["team"])
    queue = f"{setup['base']}/comments"
    html = text(client.get(queue))
    assert '<option value="answer">Answer the selection</option>' in html
    response = client.post(
        f"{queue}/bulk",
        data={
            "csrf_token": csrf_token(html),
            "action": "answer",
            "ids": [setup["alone"].id, setup["grouped"].id],
            "disposition": "noted",
            "reason": "已作说明。",
            "back": queue,
        },
        follow_redirects=True,
    )
    assert "2 responses saved as drafts." in text(response)
    answers = {(r.comment_id, r.group_id, r.disposition.value) for r in db.session.query(Response)}
    assert answers == {(setup["alone"].id, None, "noted"), (None, setup["group"].id, "noted")}


def test_queue_answer_without_reason_is_refused(setup, client, login_as, db):
    english(client)
    login_as(setup["team"])
    queue = f"{setup['base']}/comments"
    response = client.post(
        f"{queue}/bulk",
        data={
            "csrf_token": csrf_token(text(client.get(queue))),
            "action": "answer",
            "ids": [setup["alone"].id],
            "disposition": "not_adopted",
            "back": queue,
        },
        follow_redirects=True,
    )
    assert "“Not adopted” needs a reason (in Chinese)." in text(response)
    assert db.session.query(Response).count() == 0
