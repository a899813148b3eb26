"""The team's blueprint and what its pages share: the revision they work on."""

from flask import Blueprint, abort
from flask_login import current_user

from app.accounts.permissions import can_read_all_comments
from app.extensions import login_manager
from app.measures.views import published_revision

bp = Blueprint("triage", __name__)


def staff_revision(slug: str, number: int):
    """The published revision, for those who read every comment (team, reviewers, officials,
    admins): anonymous visitors are sent to sign in, participants get 403."""
    if not current_user.is_authenticated:
        abort(login_manager.unauthorized())
    if not can_read_all_comments(current_user):
        abort(403)
    return published_revision(slug, number)
