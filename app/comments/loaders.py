"""What the participants' pages load and check before anything else: 404 when the object does
not exist (or may not be seen: no probing), sign in first when anonymous, and a page that
says why (403) when the user may not do this. Each stops the request with ``abort``."""

from __future__ import annotations

from datetime import datetime

from flask import abort, make_response, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from app.accounts.permissions import can_speak_for_unit, is_participant
from app.comments.models import Attachment, Comment
from app.comments.rules import can_edit_comment, can_view_attachment, can_view_comment
from app.comments.services import edit_refusal
from app.core.extensions import db, login_manager
from app.measures.loaders import published_clause, published_revision
from app.measures.models import Clause, Revision


def refusal(message, status: int, title=None):
    """A page that says plainly why something was not done (and that nothing was stored)."""
    page = render_template(
        "comments/refused.html", message=message, title=title or _l("Not accepted")
    )
    return make_response(page, status)


def signed_in():
    """The signed-in user; anonymous visitors are sent to sign in first."""
    if not current_user.is_authenticated:
        abort(login_manager.unauthorized())
    return current_user


def commenting_on(slug: str, number: int, key: str | None) -> tuple[Revision, Clause | None]:
    """The published revision and clause a participant comments on."""
    revision, clause = published_clause(slug, number, key)
    if not is_participant(signed_in()):
        abort(refusal(_("Only participants can comment online."), 403))
    return revision, clause


def speaking_for_unit(slug: str, number: int) -> Revision:
    """The published revision on which the user's unit declares it has no comments: only its
    confirmed representative may."""
    revision = published_revision(slug, number)
    user = signed_in()
    if not can_speak_for_unit(user, user.unit):
        abort(
            refusal(
                _(
                    "Only a confirmed representative of a unit, with a verified e-mail address, "
                    "can declare that it has no comments."
                ),
                403,
            )
        )
    return revision


def viewable_comment(receipt: str) -> Comment:
    """The comment with this receipt, or 404 for anyone who may not see it (no probing).

    Anonymous visitors are sent to sign in first, whatever the receipt: that says nothing
    about whether it exists."""
    user = signed_in()
    comment = db.session.scalar(select(Comment).filter_by(receipt=receipt))
    if comment is None or not can_view_comment(user, comment):
        abort(404)
    return comment


def check_editable(comment: Comment, now: datetime) -> None:
    """Only its author changes or withdraws a comment, while the period is open."""
    if not can_edit_comment(current_user, comment, now):
        abort(refusal(str(edit_refusal(comment, now).message), 403))


def viewable_attachment(attachment_id: int) -> Attachment:
    """The attachment, or 404 for anyone who may not see its comment (as receipts: an
    attachment's existence is not revealed)."""
    user = signed_in()
    found = db.session.get(Attachment, attachment_id)
    if found is None or not can_view_attachment(user, found):
        abort(404)
    return found
