"""A reviewer returns an answer to draft with remarks: stored, shown to its author on the
answer's page, audited, mailed to the author; off the reviewers' list until saved again."""

from __future__ import annotations

import re

import pytest

from app.audit.models import AuditEvent
from app.triage.models import ResponseState
from tests.accounts.helpers import sent_mail
from tests.factories import make_comment, make_open_revision, make_response, make_user
from tests.pages import csrf_token, english, text


@pytest.fixture
def answer(app, db):
    revision = make_open_revision()
    comment = make_comment(revision, make_user("participant"), "art1", body="单独的意见")
    author = make_user("team", name="Tina", email="tina@example.org")
    response = make_response(comment, author, "partly", reason="部分采纳的理由")
    reviewer = make_user("reviewer", name="Rita")
    base = f"/m/{revision.measure.slug}/r/1/team"
    return {
        "response": response,
        "author": author,
        "reviewer": reviewer,
        "reviews": f"{base}/reviews",
        "page": f"{base}/comments/{comment.id}",
        "return": f"{base}/responses/{response.id}/return",
        "comment": comment,
    }


def _flashes(html: str) -> list[str]:
    return re.findall(r'<p class="flash flash--\w+">(.*?)</p>', html)


def test_reviewer_returns_with_remarks_and_the_author_reads_them(answer, client, login_as, db):
    english(client)
    login_as(answer["reviewer"])
    html = text(client.get(answer["reviews"]))
    assert 'action="' + answer["return"] + '"' in html
    done = client.post(
        answer["return"],
        data={"csrf_token": csrf_token(html), "remarks": "理由请引用第三条。"},
        follow_redirects=True,
    )
    assert _flashes(text(done)) == ["The response was returned to its author with your remarks."]
    assert "No response is awaiting approval." in text(done)  # back with its author

    db.session.refresh(answer["response"])
    assert answer["response"].state == ResponseState.DRAFT
    event = db.session.query(AuditEvent).filter_by(action="response.return").one()
    assert (event.actor_id, event.after_data["return_remarks"]) == (
        answer["reviewer"].id,
        "理由请引用第三条。",
    )

    mail = sent_mail()
    assert [m["To"] for m in mail] == ["tina@example.org"]
    assert "理由请引用第三条。" in mail[0].get_content()
    assert answer["page"] in mail[0].get_content()

    login_as(answer["author"])
    page = text(client.get(answer["page"]))
    notice = re.search(r'<div class="notice return-remarks".*?</div>', page, re.S).group(0)
    assert (
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", notice))
        .strip()
        .startswith("Returned by Rita on ")
    )
    assert '<p class="remarks">理由请引用第三条。</p>' in notice

    # The author saves it again: the remarks are cleared, and reviewers see it once more.
    client.post(
        answer["page"] + "/response",
        data={
            "csrf_token": csrf_token(page),
            "disposition": "partly",
            "reason": "部分采纳，依据第三条。",
            "next": answer["page"],
        },
    )
    assert "return-remarks" not in text(client.get(answer["page"]))
    login_as(answer["reviewer"])
    assert "部分采纳，依据第三条。" in text(client.get(answer["reviews"]))


def test_an_approved_response_can_be_returned_too(answer, client, login_as, db):
    english(client)
    answer["response"].state = ResponseState.APPROVED
    answer["response"].approver_id = answer["reviewer"].id
    db.session.commit()
    login_as(answer["reviewer"])
    page = text(client.get(answer["page"]))
    client.post(answer["return"], data={"csrf_token": csrf_token(page), "remarks": "再核实。"})
    db.session.refresh(answer["response"])
    assert (answer["response"].state, answer["response"].approver_id) == (ResponseState.DRAFT, None)


def test_remarks_are_required(answer, client, login_as, db):
    english(client)
    login_as(answer["reviewer"])
    html = text(client.get(answer["reviews"]))
    done = client.post(
        answer["return"],
        data={"csrf_token": csrf_token(html), "remarks": "  "},
        follow_redirects=True,
    )
    assert _flashes(text(done)) == ["Say what should change: the remarks are required."]
    db.session.refresh(answer["response"])
    assert answer["response"].returned_at is None
    assert sent_mail() == []


def test_the_author_cannot_return_their_own_response(answer, client, login_as, db):
    english(client)
    answer["author"].role = answer["reviewer"].role  # a reviewer who wrote the answer
    db.session.commit()
    login_as(answer["author"])
    html = text(client.get(answer["reviews"]))
    assert 'action="' + answer["return"] + '"' not in html
    done = client.post(
        answer["return"],
        data={"csrf_token": csrf_token(html), "remarks": "x"},
        follow_redirects=True,
    )
    assert _flashes(text(done)) == ["You wrote this response: edit it instead of returning it."]
