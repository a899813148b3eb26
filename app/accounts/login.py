"""Flask-Login wiring: the session names a user and the version of their password."""

from flask import Flask
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager
from sqlalchemy.orm import joinedload

from app.core.extensions import db


def configure_login(app: Flask, manager: LoginManager) -> None:
    manager.init_app(app)
    manager.login_view = "accounts.sign_in"
    manager.login_message = _l("Please sign in to continue.")
    manager.login_message_category = "info"
    manager.session_protection = "basic"

    @manager.user_loader
    def load_user(session_id: str):
        from app.accounts.models import User

        user_id, _, version = session_id.partition(":")
        if not user_id.isdigit():
            return None
        # The unit comes along: the pages and the comment form of a participant all need it.
        user = db.session.get(User, int(user_id), options=[joinedload(User.unit)])
        # A changed password (or a deactivated account) ends every other session.
        if user is None or str(user.session_version) != version or not user.active:
            return None
        return user
