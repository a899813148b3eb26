"""Editing keeps history; withdrawing keeps the comment; both only by the author, while open."""

import pytest

from app.comments.models import CommentStatus, Consent, Stance
from app.comments.receipts import content_sha256
from app.core.extensions import db
from app.measures.models import CommentVisibility
from tests.comments.helpers import english, hidden, message, stored, text
from tests.factories import make_closed_revision, make_comment, make_open_revision, make_user
from tests.pages import cell


@pytest.fixture
def revision(app):
    """A measure that publishes its comments after the period, so consent is asked for."""
    revision = make_open_revision()
    revision.measure.comments_public = CommentVisibility.AFTER
    db.session.commit()
    return revision


def edit_form(client, comment):
    html = text(client.get(f"/comments/{comment.receipt}/edit"))
    return html, hidden(html, "csrf_token")


def test_edit_form_is_filled_with_the_comment(revision, client, login_as):
    author = login_as(make_user())
    comment = make_comment(revision, author, "art2", body="原意见。", reason="原理由。")

    html, _ = edit_form(client, comment)

    assert (
        '<textarea id="body" name="body" rows="8" required aria-describedby="body-hint">原意见。</textarea>'
        in html
    )
    assert '<textarea id="reason" name="reason" rows="4">原理由。</textarea>' in html
    assert '<input type="radio" name="consent" value="private" checked>' in html


def test_each_edit_keeps_the_earlier_text_as_a_version(revision, client, login_as):
    author = login_as(make_user())
    comment = make_comment(revision, author, "art2", body="第一稿意见。")
    receipt, first_sha = comment.receipt, comment.content_sha256
    _, csrf = edit_form(client, comment)

    one = client.post(
        f"/comments/{receipt}/edit",
        data={
            "csrf_token": csrf,
            "type": "ed",
            "stance": "oppose",
            "body": "第二稿意见。",
            "consent": "anonymous",
        },
    )
    two = client.post(
        f"/comments/{receipt}/edit",
        data={
            "csrf_token": csrf,
            "type": "ed",
            "stance": "oppose",
            "body": "第三稿意见。",
            "consent": "anonymous",
        },
    )

    [comment] = stored()
    assert one.status_code == two.status_code == 303
    assert one.headers["Location"] == f"/comments/{receipt}"
    assert comment.receipt == receipt
    assert (comment.body, comment.stance, comment.consent) == (
        "第三稿意见。",
        Stance.OPPOSE,
        Consent.ANONYMOUS,
    )
    assert [(v.number, v.body, v.editor_id) for v in comment.versions] == [
        (1, "第一稿意见。", author.id),
        (2, "第二稿意见。", author.id),
    ]
    assert comment.versions[0].content_sha256 == first_sha
    assert comment.content_sha256 == content_sha256(comment) != first_sha
    assert comment.updated_at >= comment.created_at


def test_an_edit_that_changes_nothing_records_no_version(revision, client, login_as):
    author = login_as(make_user())
    comment = make_comment(revision, author, body="不变。")
    _, csrf = edit_form(client, comment)

    client.post(
        f"/comments/{comment.receipt}/edit",
        data={"csrf_token": csrf, "type": "ge", "body": "不变。", "consent": "private"},
    )

    assert stored()[0].versions == []


def test_withdraw_keeps_the_comment_marked_withdrawn(revision, client, login_as):
    author = login_as(make_user())
    english(client)
    comment = make_comment(revision, author, body="撤回我。")
    _, csrf = edit_form(client, comment)

    response = client.post(f"/comments/{comment.receipt}/withdraw", data={"csrf_token": csrf})

    [kept] = stored()
    assert response.status_code == 303
    assert response.headers["Location"] == "/my/comments"
    assert (kept.status, kept.body) == (CommentStatus.WITHDRAWN, "撤回我。")
    page = text(client.get("/my/comments"))
    assert f"Your comment {kept.receipt} has been withdrawn." in page
    assert cell(page, kept.receipt, "Status") == ("status status-withdrawn", "Withdrawn")


def test_a_withdrawn_comment_cannot_be_edited(revision, client, login_as):
    author = login_as(make_user())
    english(client)
    comment = make_comment(revision, author, status=CommentStatus.WITHDRAWN)

    response = client.get(f"/comments/{comment.receipt}/edit")

    assert response.status_code == 403
    assert message(text(response)) == "This comment has been withdrawn."


def test_after_the_period_the_author_can_no_longer_edit_or_withdraw(app, client, login_as):
    author = login_as(make_user())
    english(client)
    comment = make_comment(make_closed_revision(), author, body="旧意见。")
    csrf = hidden(text(client.get(f"/comments/{comment.receipt}")), "csrf_token")

    edit = client.post(
        f"/comments/{comment.receipt}/edit", data={"csrf_token": csrf, "body": "改", "type": "ge"}
    )
    withdraw = client.post(f"/comments/{comment.receipt}/withdraw", data={"csrf_token": csrf})

    expected = "The comment period has closed; this comment can no longer be changed."
    assert (edit.status_code, message(text(edit))) == (403, expected)
    assert (withdraw.status_code, message(text(withdraw))) == (403, expected)
    [kept] = stored()
    assert (kept.body, kept.status, kept.versions) == ("旧意见。", CommentStatus.SUBMITTED, [])


def test_another_participant_cannot_see_edit_or_withdraw_a_comment(revision, client, login_as):
    comment = make_comment(revision, make_user(), body="别人的。")
    login_as(make_user())
    csrf = hidden(text(client.get("/")), "csrf_token")

    responses = [
        client.get(f"/comments/{comment.receipt}"),
        client.get(f"/comments/{comment.receipt}/edit"),
        client.post(f"/comments/{comment.receipt}/withdraw", data={"csrf_token": csrf}),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404]
    assert stored()[0].status == CommentStatus.SUBMITTED


@pytest.mark.parametrize("receipt", ["existing", "SM-R1-999999"])
def test_anonymous_visitors_are_sent_to_sign_in_whether_or_not_it_exists(revision, client, receipt):
    if receipt == "existing":
        receipt = make_comment(revision, make_user()).receipt
    csrf = hidden(text(client.get("/")), "csrf_token")

    responses = [
        client.get(f"/comments/{receipt}"),
        client.get(f"/comments/{receipt}/edit"),
        client.post(f"/comments/{receipt}/withdraw", data={"csrf_token": csrf}),
    ]

    assert [r.status_code for r in responses] == [302, 302, 302]
    assert [r.headers["Location"].split("?")[0] for r in responses] == ["/sign-in"] * 3
    assert {c.status for c in stored()} <= {CommentStatus.SUBMITTED}


@pytest.mark.parametrize("role", ["team", "reviewer", "official", "admin"])
def test_readers_of_all_comments_see_the_receipt_but_cannot_edit(revision, client, login_as, role):
    comment = make_comment(revision, make_user(), body="可读不可改。")
    login_as(make_user(role))
    english(client)

    receipt = client.get(f"/comments/{comment.receipt}")
    edit = client.get(f"/comments/{comment.receipt}/edit")

    assert f'<strong class="receipt">{comment.receipt}</strong>' in text(receipt)
    assert "/withdraw" not in text(receipt)
    assert (edit.status_code, message(text(edit))) == (
        403,
        "Only the author can change this comment.",
    )


def test_unknown_receipt_is_not_found(revision, client, login_as):
    login_as(make_user())

    assert client.get("/comments/SM-R1-999999").status_code == 404
