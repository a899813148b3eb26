"""The back button and "submit" again: a new form token, the same text, one comment."""

from datetime import timedelta

import pytest

from app.comments.models import CommentStatus
from app.core.extensions import db
from app.core.templating import local_datetime
from tests.comments.helpers import post_comment, stored, text
from tests.factories import make_open_revision, make_user


@pytest.fixture
def revision(app):
    return make_open_revision()


def test_a_resubmitted_comment_is_stored_once_and_its_receipt_says_so(revision, client, login_as):
    login_as(make_user())

    first = post_comment(client, revision, "art1", body="建议删除本条。")
    second = post_comment(client, revision, "art1", body="建议删除本条。")  # a new form token

    [comment] = stored()
    assert first.headers["Location"] == f"/comments/{comment.receipt}?received=1"
    assert second.status_code == 303
    assert second.headers["Location"] == f"/comments/{comment.receipt}?received=again"
    page = text(client.get(second.headers["Location"]))
    assert f"此意见已于{local_datetime(comment.created_at)}收到，未重复保存。" in page
    assert "您的意见已收到。" not in page
    assert f'<strong class="receipt">{comment.receipt}</strong>' in page


def test_a_whole_draft_comment_resubmitted_is_stored_once(revision, client, login_as):
    login_as(make_user())

    post_comment(client, revision, None, body="总体同意。")
    post_comment(client, revision, None, body="总体同意。")

    assert [(c.clause_id, c.body) for c in stored()] == [(None, "总体同意。")]


def test_the_same_text_elsewhere_or_by_someone_else_is_a_new_comment(
    revision, app, client, login_as
):
    login_as(make_user(email="a@example.test"))
    post_comment(client, revision, "art1", body="同上。")
    post_comment(client, revision, "art2", body="同上。")
    post_comment(client, revision, None, body="同上。")
    other = app.test_client()
    with other.session_transaction() as session:
        session["_user_id"] = make_user(email="b@example.test").get_id()
    post_comment(other, revision, "art1", body="同上。")

    assert [(c.clause.key if c.clause else None, c.body) for c in stored()] == [
        ("art1", "同上。"),
        ("art2", "同上。"),
        (None, "同上。"),
        ("art1", "同上。"),
    ]


def test_the_same_text_after_the_window_is_a_new_comment(revision, app, client, login_as):
    login_as(make_user())
    post_comment(client, revision, "art1", body="再提一次。")
    [earlier] = stored()
    window = app.config["COMMENT_DUPLICATE_WINDOW"]
    earlier.created_at = earlier.created_at - timedelta(seconds=window + 1)
    db.session.commit()

    response = post_comment(client, revision, "art1", body="再提一次。")

    assert [c.body for c in stored()] == ["再提一次。", "再提一次。"]
    assert response.headers["Location"].endswith("?received=1")


def test_a_withdrawn_comment_written_again_is_a_new_comment(revision, client, login_as):
    login_as(make_user())
    post_comment(client, revision, "art1", body="撤回后重提。")
    [earlier] = stored()
    earlier.status = CommentStatus.WITHDRAWN
    db.session.commit()

    post_comment(client, revision, "art1", body="撤回后重提。")

    assert [c.status for c in stored()] == [CommentStatus.WITHDRAWN, CommentStatus.SUBMITTED]
