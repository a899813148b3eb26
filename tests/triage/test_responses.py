"""Responses (处理意见): the workflow draft → approved → published, its refusals and audit."""

from datetime import datetime

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.refusal import Refused
from app.triage import responses
from app.triage.models import Disposition, Response, ResponseState
from tests.factories import make_comment, make_group, make_open_revision, make_response, make_user
from tests.pages import csrf_token, english, text

NOW = datetime(2026, 1, 10, 8, 0)


@pytest.fixture
def setup(app, db):
    revision = make_open_revision()
    author = make_user()
    comments = [make_comment(revision, author, "art2.p2", body=f"意见{i}。") for i in range(3)]
    return revision, make_user("team"), make_user("reviewer"), comments


def audit(db, action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).filter_by(action=action)))


def refusal(call) -> str:
    with pytest.raises(Refused) as caught:
        call()
    return str(caught.value.message)


def test_draft_on_a_group_is_recorded(db, setup):
    revision, team, _, comments = setup
    group = make_group(revision, comments[:2])

    response = responses.draft_response(
        target=group, actor=team, disposition="partly", reason="部分采纳。", now=NOW
    )
    db.session.commit()

    assert (response.group_id, response.state, response.author_id) == (
        group.id,
        ResponseState.DRAFT,
        team.id,
    )
    (row,) = audit(db, "response.draft")
    assert row.after_data == {
        "group_id": group.id,
        "comment_id": None,
        "disposition": "partly",
        "reason": "部分采纳。",
        "reason_en": "",
        "state": "draft",
    }


@pytest.mark.parametrize(
    "disposition,label", [("partly", "Partially adopted"), ("not_adopted", "Not adopted")]
)
def test_reason_required_for_partly_and_not_adopted(setup, disposition, label):
    _, team, _, comments = setup

    message = refusal(
        lambda: responses.draft_response(
            target=comments[2], actor=team, disposition=disposition, reason="  ", now=NOW
        )
    )

    assert message == f"“{label}” needs a reason (in Chinese)."


def test_adopted_needs_no_reason(setup):
    _, team, _, comments = setup

    response = responses.draft_response(
        target=comments[2], actor=team, disposition="adopted", reason="", now=NOW
    )

    assert (response.comment_id, response.disposition) == (comments[2].id, Disposition.ADOPTED)


def test_a_grouped_comment_is_answered_through_its_group(setup):
    revision, team, _, comments = setup
    make_group(revision, comments[:2], title="删除本条")

    message = refusal(
        lambda: responses.draft_response(
            target=comments[0], actor=team, disposition="noted", reason="说明。", now=NOW
        )
    )

    assert message == (
        f"Comment {comments[0].receipt} is in group “删除本条”: answer it through its group."
    )


def test_second_draft_refused(setup):
    _, team, _, comments = setup
    make_response(comments[2], team)

    message = refusal(
        lambda: responses.draft_response(
            target=comments[2], actor=team, disposition="noted", reason="说明。", now=NOW
        )
    )

    assert message == "This already has a response: edit it instead."


def test_approve_by_its_author_is_refused(setup):
    _, _, _, comments = setup
    admin = make_user("admin")
    response = make_response(comments[2], admin)

    message = refusal(lambda: responses.approve_response(response=response, actor=admin, now=NOW))

    assert message == "You wrote this response: another reviewer must approve it."


def test_team_member_cannot_approve(setup):
    _, team, _, comments = setup
    response = make_response(comments[2], make_user("team"))

    message = refusal(lambda: responses.approve_response(response=response, actor=team, now=NOW))

    assert message == "Only a reviewer approves responses."


def test_workflow_with_audit_rows(db, setup):
    _, team, reviewer, comments = setup
    response = make_response(comments[2], team)

    responses.approve_response(response=response, actor=reviewer, now=NOW)
    db.session.commit()
    responses.publish_response(response=response, actor=team, now=NOW)
    db.session.commit()
    responses.unpublish_response(response=response, actor=reviewer, now=NOW)
    db.session.commit()

    assert (response.state, response.approver_id, response.published_at) == (
        ResponseState.APPROVED,
        reviewer.id,
        None,
    )
    rows = list(db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    assert [(r.action, r.before_data, r.after_data) for r in rows] == [
        ("response.approve", {"state": "draft", "approver_id": None},
         {"state": "approved", "approver_id": reviewer.id}),
        ("response.publish", {"state": "approved"}, {"state": "published"}),
        ("response.unpublish", {"state": "published"}, {"state": "approved"}),
    ]  # fmt: skip


def test_only_approved_responses_are_published(setup):
    _, team, _, comments = setup
    response = make_response(comments[2], team)

    message = refusal(lambda: responses.publish_response(response=response, actor=team, now=NOW))

    assert message == "Only an approved response can be published."


def test_editing_an_approved_response_sends_it_back_to_draft(db, setup):
    _, team, reviewer, comments = setup
    response = make_response(comments[2], team, state=ResponseState.APPROVED)
    response.approver_id = reviewer.id
    db.session.commit()

    responses.edit_response(
        response=response, actor=team, disposition="not_adopted", reason="不宜采纳。", now=NOW
    )
    db.session.commit()

    assert (response.state, response.approver_id) == (ResponseState.DRAFT, None)
    (row,) = audit(db, "response.edit")
    assert row.before_data == {
        "disposition": "noted",
        "reason": "已作说明。",
        "state": "approved",
        "approver_id": reviewer.id,
    }
    assert row.after_data == {
        "disposition": "not_adopted",
        "reason": "不宜采纳。",
        "state": "draft",
        "approver_id": None,
    }


def test_editing_a_published_response_is_refused(setup):
    _, team, _, comments = setup
    response = make_response(comments[2], team, state=ResponseState.PUBLISHED)

    message = refusal(
        lambda: responses.edit_response(
            response=response, actor=team, disposition="adopted", reason="", now=NOW
        )
    )

    assert message == "A published response cannot be edited: unpublish it first."


def test_respond_to_many_answers_groups_once_and_edits_drafts(db, setup):
    revision, team, _, comments = setup
    group = make_group(revision, comments[:2])
    lone = make_comment(revision, make_user(), "art1")
    existing = make_response(lone, team)

    done = responses.respond_to_many(
        targets=[comments[0], comments[1], lone],
        actor=team,
        disposition="out_of_scope",
        reason="",
        now=NOW,
    )
    db.session.commit()

    assert [(r.group_id, r.comment_id) for r in done] == [(group.id, None), (None, lone.id)]
    assert done[1] is existing
    assert {r.disposition for r in db.session.scalars(select(Response))} == {
        Disposition.OUT_OF_SCOPE
    }


def test_reviews_page_refuses_approval_by_the_author(app, client, login_as, db, setup):
    revision, _, _, comments = setup
    admin = login_as(make_user("admin", name="管理员"))
    english(client)
    response = make_response(comments[2], admin)
    page = text(client.get(f"/m/{revision.measure.slug}/r/1/team/reviews"))

    after = client.post(
        f"/m/{revision.measure.slug}/r/1/team/responses/{response.id}/approve",
        data={"csrf_token": csrf_token(page)},
        follow_redirects=True,
    )

    assert (
        '<p class="flash flash--error">You wrote this response: another reviewer must approve '
        "it.</p>"
    ) in text(after)
    assert db.session.get(Response, response.id).state == ResponseState.DRAFT


def test_group_page_saves_a_draft_and_the_reviewer_approves_it(app, client, login_as, db, setup):
    revision, team, reviewer, comments = setup
    group = make_group(revision, comments[:2], title="删除本条")
    url = f"/m/{revision.measure.slug}/r/1/team/groups/{group.id}"
    login_as(team)
    english(client)
    token = csrf_token(text(client.get(url)))

    saved = client.post(
        f"{url}/response",
        data={"csrf_token": token, "disposition": "not_adopted", "reason": ""},
        follow_redirects=True,
    )
    client.post(
        f"{url}/response",
        data={"csrf_token": token, "disposition": "not_adopted", "reason": "与上位法不符。"},
    )
    login_as(reviewer)
    response = db.session.scalar(select(Response))
    client.post(
        f"/m/{revision.measure.slug}/r/1/team/responses/{response.id}/approve",
        data={"csrf_token": token, "next": url},
    )
    page = text(client.get(url))

    assert '<p class="flash flash--error">“Not adopted” needs a reason (in Chinese).</p>' in text(
        saved
    )
    assert '<p class="flash flash--success">The response was approved.</p>' in page
    assert '<dd class="response-state response-state--approved">Approved</dd>' in page
    assert '<dd class="reason">与上位法不符。</dd>' in page


def test_officials_read_but_cannot_write(app, client, login_as, setup):
    revision, team, _, comments = setup
    group = make_group(revision, comments[:2], title="删除本条")
    login_as(make_user("official"))
    url = f"/m/{revision.measure.slug}/r/1/team/groups/{group.id}"

    page = text(client.get(url))
    posted = client.post(f"{url}/response", data={"csrf_token": csrf_token(page)})

    assert "<h1>删除本条</h1>" in page
    assert 'class="response-form"' not in page
    assert posted.status_code == 403
