"""Withdrawing asks first: the GET page shows what would be withdrawn and what that means;
only its POST withdraws, once; nobody but the author is offered or allowed it."""

import re
from datetime import datetime

import pytest

from app.comments.models import CommentStatus
from tests.comments.helpers import english, hidden, message, stored, text
from tests.factories import make_closed_revision, make_comment, make_open_revision, make_user


@pytest.fixture
def revision(app):
    return make_open_revision()


def squash(html: str) -> str:
    """The page's visible words, tags dropped and spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def main(html: str) -> str:
    return squash(html.split("<main", 1)[1].split("</main>", 1)[0].split(">", 1)[1])


def test_the_confirmation_page_shows_the_comment_and_withdraws_nothing(revision, client, login_as):
    author = login_as(make_user())
    english(client)
    comment = make_comment(
        revision,
        author,
        "art3.p1.i2",
        body="建议删除本项。",
        reason="重复。",
        created_at=datetime(2026, 11, 21, 2, 5),
    )

    response = client.get(f"/comments/{comment.receipt}/withdraw?next=/my/comments")

    html = text(response)
    assert response.status_code == 200
    assert main(html) == (
        f"Withdraw comment {comment.receipt}? "
        f"Receipt {comment.receipt} Draft 样例管理办法（征求意见稿） · Draft for Comments (revision 1) "
        f"Clause 第三条第二项 Received 2026-11-21 10:05 "
        "Comment 建议删除本项。 Reason 重复。 "
        "What withdrawing means "
        "A withdrawn comment is not published, not answered and not counted in the summary of "
        "comments. The record is kept: the drafting team can still see that this comment was "
        "received and then withdrawn, under the same receipt number. A withdrawal cannot be "
        "undone. While the comment period is open you can submit a new comment instead. "
        "Withdraw this comment Cancel, keep the comment"
    )
    assert '<a class="button" href="/my/comments">Cancel, keep the comment</a>' in html
    assert stored()[0].status == CommentStatus.SUBMITTED


def test_cancel_goes_back_to_the_receipt_and_never_off_the_site(revision, client, login_as):
    author = login_as(make_user())
    english(client)
    comment = make_comment(revision, author)
    cancel = f'<a class="button" href="/comments/{comment.receipt}">Cancel, keep the comment</a>'

    plain = text(client.get(f"/comments/{comment.receipt}/withdraw"))
    elsewhere = text(client.get(f"/comments/{comment.receipt}/withdraw?next=//evil.example/"))

    assert cancel in plain
    assert cancel in elsewhere


def test_the_post_withdraws_once(revision, client, login_as):
    author = login_as(make_user())
    english(client)
    comment = make_comment(revision, author, body="撤回我。")
    csrf = hidden(text(client.get(f"/comments/{comment.receipt}/withdraw")), "csrf_token")

    first = client.post(f"/comments/{comment.receipt}/withdraw", data={"csrf_token": csrf})
    [withdrawn] = stored()
    at = withdrawn.updated_at
    second = client.post(f"/comments/{comment.receipt}/withdraw", data={"csrf_token": csrf})

    [kept] = stored()
    assert (first.status_code, first.headers["Location"]) == (303, "/my/comments")
    assert (second.status_code, second.headers["Location"]) == (303, "/my/comments")
    assert (kept.status, kept.body, kept.updated_at) == (CommentStatus.WITHDRAWN, "撤回我。", at)
    page = text(client.get("/my/comments"))
    assert f"Your comment {kept.receipt} has been withdrawn." in page
    assert f"Your comment {kept.receipt} was already withdrawn." in page
    assert '<td class="status status-withdrawn" data-label="Status">Withdrawn</td>' in page


def test_a_post_without_the_csrf_token_withdraws_nothing(revision, client, login_as):
    author = login_as(make_user())
    comment = make_comment(revision, author)

    response = client.post(f"/comments/{comment.receipt}/withdraw", data={})

    assert response.status_code == 400
    assert stored()[0].status == CommentStatus.SUBMITTED


def test_another_participants_comment_is_neither_shown_nor_withdrawn(revision, client, login_as):
    comment = make_comment(revision, make_user(), body="别人的。")
    login_as(make_user())
    csrf = hidden(text(client.get("/")), "csrf_token")

    shown = client.get(f"/comments/{comment.receipt}/withdraw")
    posted = client.post(f"/comments/{comment.receipt}/withdraw", data={"csrf_token": csrf})

    assert (shown.status_code, posted.status_code) == (404, 404)
    assert "别人的" not in text(shown)
    assert stored()[0].status == CommentStatus.SUBMITTED


@pytest.mark.parametrize("role", ["team", "reviewer", "official", "admin"])
def test_staff_who_read_the_comment_cannot_withdraw_it(revision, client, login_as, role):
    comment = make_comment(revision, make_user())
    login_as(make_user(role))
    english(client)

    response = client.get(f"/comments/{comment.receipt}/withdraw")

    assert (response.status_code, message(text(response))) == (
        403,
        "Only the author can change this comment.",
    )


def test_a_withdrawn_or_closed_comment_has_no_confirmation_page(app, client, login_as):
    author = login_as(make_user())
    english(client)
    withdrawn = make_comment(make_open_revision(), author, status=CommentStatus.WITHDRAWN)
    closed = make_comment(make_closed_revision(measure="old-measure"), author)

    again = client.get(f"/comments/{withdrawn.receipt}/withdraw")
    late = client.get(f"/comments/{closed.receipt}/withdraw")

    assert (again.status_code, message(text(again))) == (403, "This comment has been withdrawn.")
    assert (late.status_code, message(text(late))) == (
        403,
        "The comment period has closed; this comment can no longer be changed.",
    )


def test_the_receipt_and_my_comments_link_to_the_confirmation(revision, client, login_as):
    author = login_as(make_user())
    english(client)
    comment = make_comment(revision, author)

    receipt = text(client.get(f"/comments/{comment.receipt}"))
    mine = text(client.get("/my/comments"))

    assert (
        f'<a class="button button--danger" href="/comments/{comment.receipt}/withdraw">Withdraw</a>'
    ) in receipt
    assert f'<a href="/comments/{comment.receipt}/withdraw?next=/my/comments">Withdraw</a>' in mine
    assert 'method="post" action="/comments/' not in receipt + mine
