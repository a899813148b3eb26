"""Commenting is rate-limited per client (the shared fixture turns limits off; this app not)."""

import re

from sqlalchemy import func, select

from app import create_app
from app.comments.models import Comment
from app.extensions import db, limiter
from tests.conftest import IsolatedClient
from tests.factories import make_open_revision, make_user


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}"[^>]*value="([^"]*)"', html).group(1)


def test_the_third_comment_within_the_limit_gets_429_and_is_not_stored(database_url, tmp_path):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SERVER_NAME": "zhengqiu.test",
            "MAIL_FOLDER": str(tmp_path / "mail"),
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_COMMENT": "2 per minute",
        }
    )
    app.test_client_class = IsolatedClient
    try:
        with app.app_context():
            revision = make_open_revision(measure="limited-measure")
            user = make_user("participant")
            client = app.test_client()
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
            for table in reversed(db.metadata.sorted_tables):  # leave the database empty
                db.session.execute(table.delete())
            db.session.commit()
            db.session.remove()
            db.engine.dispose()
    finally:
        limiter.enabled = False
