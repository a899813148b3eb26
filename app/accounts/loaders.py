"""What account views load from the URL: 404 when it does not exist."""

from flask import abort

from app.accounts.models import User
from app.core.extensions import db


def user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user
