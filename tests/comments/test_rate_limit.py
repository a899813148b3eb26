"""Commenting is rate-limited per client (the shared fixture turns limits off; this app not)."""

from sqlalchemy import func, select

from app.comments.models import Comment
from app.core.extensions import db
from tests.factories import make_open_revision, make_user
from tests.pages import hidden


def test_the_third_comment_within_the_limit_gets_429_and_is_not_stored(limited_app):
    limited_app.config["RATELIMIT_COMMENT"] = "2 per minute"
    revision = make_open_revision(measure="limited-measure")
    user = make_user("participant")
    client = limited_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
    url = f"/m/{revision.measure.slug}/r/1/comment?clause=art1"

    statuses = []
    for n in range(3):
        form = client.get(url).get_data(as_text=True)
        data = {
            "csrf_token": hidden(form, "csrf_token"),
            "form_token": hidden(form, "form_token"),
            "clause": "art1",
            "type": "te",
            "consent": "private",
            "body": f"第{n + 1}条意见",
        }
        statuses.append(client.post(url, data=data).status_code)

    assert statuses == [303, 303, 429]
    assert db.session.scalar(select(func.count()).select_from(Comment)) == 2
