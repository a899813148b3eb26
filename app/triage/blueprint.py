"""The team's blueprint and what its pages share: the revision they work on, and the way a
POST carries out one service call."""

from flask import Blueprint, abort, flash, redirect
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import can_read_all_comments, can_triage
from app.core import outcome
from app.core.extensions import login_manager
from app.core.refusal import Refused
from app.measures.loaders import published_revision

bp = Blueprint("triage", __name__)


def staff_revision(slug: str, number: int):
    """The published revision, for those who read every comment (team, reviewers, officials,
    admins): anonymous visitors are sent to sign in, participants get 403."""
    if not current_user.is_authenticated:
        abort(login_manager.unauthorized())
    if not can_read_all_comments(current_user):
        abort(403)
    return published_revision(slug, number)


def team_revision(slug: str, number: int):
    """The revision, for the project team (and admins), who change things: 403 otherwise."""
    revision = staff_revision(slug, number)
    if not can_triage(current_user):
        abort(403)
    return revision


def carry_out(action, done_message: str, to: str, done_to=None):
    """``app.core.outcome.carry_out`` for the team's services, which refuse with Refused."""
    return outcome.carry_out(action, done_message, to, refusals=Refused, done_to=done_to)


def form_refused(form, to: str, message: str | None = None):
    """303 back to ``to`` with the form's first error (or ``message``)."""
    errors = [message for messages in form.errors.values() for message in messages]
    flash(message or (str(errors[0]) if errors else _("The form was incomplete.")), "error")
    return redirect(to, code=303)
