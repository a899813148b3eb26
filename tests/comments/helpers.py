"""Shared steps of the comments tests: the English interface, the form's tokens, posting."""

import re

from sqlalchemy import select

from app.comments.models import Comment
from app.core.extensions import db
from tests.pages import english, hidden, text  # noqa: F401  (the comments tests' vocabulary)


def form_url(revision, key: str | None = None) -> str:
    url = f"/m/{revision.measure.slug}/r/{revision.number}/comment"
    return f"{url}?clause={key}" if key else url


def tokens(client, revision, key: str | None = None) -> dict:
    response = client.get(form_url(revision, key))
    assert response.status_code == 200, response.get_data(as_text=True)
    html = response.get_data(as_text=True)
    return {"csrf_token": hidden(html, "csrf_token"), "form_token": hidden(html, "form_token")}


def post_comment(client, revision, key: str | None = None, *, token=None, **fields):
    """POST the comment form as a browser would, after GETting it for its tokens."""
    data = dict(token or tokens(client, revision, key))
    data.setdefault("clause", key or "")
    data.setdefault("type", "te")
    data.update(fields)
    return client.post(form_url(revision, key), data=data, content_type="multipart/form-data")


def stored() -> list[Comment]:
    db.session.expire_all()
    return list(db.session.scalars(select(Comment).order_by(Comment.id)))


def message(html: str) -> str:
    """The refusal shown on a page (role=alert)."""
    found = re.search(r'role="alert">([^<]*)<', html)
    return found.group(1) if found else ""
