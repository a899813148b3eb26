"""A participant's submit, edit, withdraw and "no comments" are in the audit trail: one row
each, in the same transaction as the change, and none for what was refused or not stored."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.comments.services import CommentInput, Refused, submit_comment, withdraw_comment
from app.core.extensions import db
from app.core.timeutil import utcnow
from tests.comments.helpers import english, hidden, post_comment, stored, text, tokens
from tests.factories import make_comment, make_open_revision, make_unit, make_user


@pytest.fixture
def revision(app):
    return make_open_revision()


def audited() -> list[tuple]:
    db.session.expire_all()
    return [
        (
            e.action,
            e.actor_id,
            e.target_type,
            e.target_id,
            e.revision_id,
            e.before_data,
            e.after_data,
        )
        for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
    ]


def test_submitting_records_one_row_naming_the_receipt(revision, client, login_as):
    author = login_as(make_user(name="李四"))

    response = post_comment(
        client, revision, "art2.p2", type="te", stance="amend", body="建议明确义务。"
    )

    [comment] = stored()
    assert response.status_code == 303
    assert audited() == [
        (
            "comment.submit",
            author.id,
            "comment",
            comment.id,
            revision.id,
            {},
            {
                "receipt": comment.receipt,
                "clause": "art2.p2",
                "type": "te",
                "stance": "amend",
                "consent": "private",
                "unit": None,
                "official_position": False,
                "content_sha256": comment.content_sha256,
            },
        )
    ]
    assert db.session.scalar(select(AuditEvent.at)) == comment.created_at


def test_a_general_comment_of_a_representative_names_its_unit_and_cosigners(
    revision, client, login_as
):
    unit = make_unit("华信认证有限公司")
    cosigner = make_unit("中国认证认可协会", "AS")
    login_as(make_user(unit=unit, representative=True))

    post_comment(
        client,
        revision,
        type="ge",
        body="总体意见。",
        official_position="y",
        cosigners=str(cosigner.id),
    )

    [(_action, *_rest, after)] = audited()
    assert (after["clause"], after["unit"], after["official_position"], after["cosigners"]) == (
        None,
        "华信认证有限公司",
        True,
        ["中国认证认可协会"],
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"body": ""},  # refused by the form
        {"body": "意见。", "quote_exact": "条款中没有的文字"},  # refused by the service
    ],
)
def test_a_refused_submission_records_nothing(revision, client, login_as, fields):
    login_as(make_user())
    english(client)

    response = post_comment(client, revision, "art2", **fields)

    assert response.status_code == 400
    assert stored() == []
    assert audited() == []


def test_a_resubmitted_comment_is_recorded_once(revision, client, login_as):
    login_as(make_user())

    first = post_comment(client, revision, "art2", body="同一条意见。")
    again = post_comment(client, revision, "art2", body="同一条意见。")  # back, then submit

    [comment] = stored()
    assert again.headers["Location"] == f"/comments/{comment.receipt}?received=again"
    assert first.status_code == again.status_code == 303
    assert [row[0] for row in audited()] == ["comment.submit"]


def test_the_row_is_rolled_back_with_the_comment(revision, app):
    """The same transaction: without its commit there is neither a comment nor its row."""
    author = make_user()

    submit_comment(
        revision=revision,
        clause=None,
        author=author,
        data=CommentInput(body="未提交的意见。", form_token="nonce-1"),
        attachments=[],
        now=utcnow(),
    )
    db.session.rollback()

    assert stored() == []
    assert audited() == []


def edit(client, comment, **fields):
    html = text(client.get(f"/comments/{comment.receipt}/edit"))
    data = {"csrf_token": hidden(html, "csrf_token"), "type": "ge", "consent": "private"}
    return client.post(f"/comments/{comment.receipt}/edit", data={**data, **fields})


def test_editing_records_the_fields_that_changed(revision, client, login_as):
    author = login_as(make_user())
    comment = make_comment(revision, author, "art2", body="原意见。", reason="原理由。")

    response = edit(client, comment, type="ed", body="新意见。", reason="原理由。")
    unchanged = edit(client, comment, type="ed", body="新意见。", reason="原理由。")

    assert response.status_code == unchanged.status_code == 303
    assert audited() == [
        (
            "comment.edit",
            author.id,
            "comment",
            comment.id,
            revision.id,
            {"receipt": comment.receipt, "type": "ge", "body": "原意见。"},
            {"receipt": comment.receipt, "type": "ed", "body": "新意见。"},
        )
    ]


def test_editing_the_quote_records_its_text(revision, client, login_as):
    author = login_as(make_user())
    comment = make_comment(revision, author, "art2", body="意见。")

    edit(client, comment, body="意见。", quote_exact="认证人员")

    [(*_, before, after)] = audited()
    assert (before, after) == (
        {"receipt": comment.receipt, "quote_exact": ""},
        {"receipt": comment.receipt, "quote_exact": "认证人员"},
    )


def test_withdrawing_records_the_status(revision, client, login_as):
    author = login_as(make_user())
    comment = make_comment(revision, author, "art2")
    csrf = tokens(client, revision)["csrf_token"]

    response = client.post(f"/comments/{comment.receipt}/withdraw", data={"csrf_token": csrf})

    assert response.status_code == 303
    assert audited() == [
        (
            "comment.withdraw",
            author.id,
            "comment",
            comment.id,
            revision.id,
            {"receipt": comment.receipt, "status": "submitted"},
            {"receipt": comment.receipt, "status": "withdrawn"},
        )
    ]


def test_a_refused_withdrawal_records_nothing(revision, app):
    author = make_user()
    comment = make_comment(revision, author, "art2")
    revision.closes_at = utcnow() - timedelta(days=1)
    db.session.commit()

    with pytest.raises(Refused):
        withdraw_comment(comment=comment, actor=author, now=utcnow())
    db.session.rollback()

    assert audited() == []


def test_no_comments_and_the_comment_that_replaces_it_are_recorded(revision, client, login_as):
    unit = make_unit("华信认证有限公司")
    user = login_as(make_user(unit=unit, representative=True))
    english(client)
    csrf = tokens(client, revision)["csrf_token"]
    client.post("/m/sample-measure/r/1/no-comments", data={"csrf_token": csrf})

    post_comment(client, revision, "art2", body="后来又有意见。")

    [declared, submitted] = audited()
    assert declared[:5] == ("unit.no_comments", user.id, "unit", unit.id, revision.id)
    assert declared[5] == {"unit": "华信认证有限公司", "no_comments_at": None}
    assert declared[6]["unit"] == "华信认证有限公司"
    assert declared[6]["no_comments_at"] >= (utcnow() - timedelta(minutes=5)).isoformat()
    assert (submitted[0], submitted[6]["no_comments_cleared"]) == ("comment.submit", True)


def test_the_team_entering_a_comment_is_recorded_once(revision, client, login_as):
    """Entry on behalf has its own row (comment.enter); it does not pass through submit."""
    from app.core.timeutil import zone
    from app.triage.entry import EntryInput, enter_comment

    team = make_user("team")

    enter_comment(
        revision=revision,
        actor=team,
        data=EntryInput(
            author_name="王五",
            channel="letter",
            received_on=utcnow().date() - timedelta(days=1),
            text=CommentInput(body="来信意见。"),
        ),
        tz=zone(),
        now=utcnow(),
    )
    db.session.commit()

    assert [row[0] for row in audited()] == ["comment.enter"]
