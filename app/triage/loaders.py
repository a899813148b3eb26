"""What the team's pages load before they act: the revision, for whom a predicate lets in
(sign in first, else 403), then the revision's object by its id (404 if it is not one of the
revision's). The one way a triage view loads and checks."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from app.accounts.models import Unit
from app.comments.models import Comment
from app.comments.rules import can_read_all_comments
from app.core.extensions import db, login_manager
from app.lineage.loaders import any_revision
from app.measures.loaders import published_revision
from app.triage.models import CommentGroup, Event, Response
from app.triage.rules import can_review, can_triage


def can_publish(user) -> bool:
    """The team and reviewers publish and unpublish approved answers."""
    return can_triage(user) or can_review(user)


def revision_loader(predicate):
    """A loader of the published revision for the users ``predicate`` lets through; every one
    of them reads every comment, so the check happens before the revision is looked up."""

    def load(slug: str, number: int):
        if not current_user.is_authenticated:
            abort(login_manager.unauthorized())
        if not (can_read_all_comments(current_user) and predicate(current_user)):
            abort(403)
        return published_revision(slug, number)

    load.__doc__ = f"The published revision, for users who pass {predicate.__name__}."
    return load


# Those who read every comment (team, reviewers, officials, admins): participants get 403.
staff_revision = revision_loader(can_read_all_comments)
# The project team (and admins), who change things.
team_revision = revision_loader(can_triage)
# Reviewers (and admins), who approve and return answers.
reviewer_revision = revision_loader(can_review)
publisher_revision = revision_loader(can_publish)


def staff_any_revision(slug: str, number: int):
    """The revision, published or not, for those who read every comment (the team checks the
    next text before it is published); participants get 403."""
    if not current_user.is_authenticated:
        abort(login_manager.unauthorized())
    if not can_read_all_comments(current_user):
        abort(403)
    return any_revision(slug, number)


def _of_revision(model, object_id: int, revision):
    found = db.session.get(model, object_id)
    if found is None or found.revision_id != revision.id:
        abort(404)
    return found


def revision_comment(revision, comment_id: int) -> Comment:
    return _of_revision(Comment, comment_id, revision)


def revision_event(revision, event_id: int) -> Event:
    return _of_revision(Event, event_id, revision)


def revision_group(revision, group_id: int) -> CommentGroup:
    return _of_revision(CommentGroup, group_id, revision)


def revision_response(revision, response_id: int) -> Response:
    return _of_revision(Response, response_id, revision)


def unit_or_404(unit_id: int) -> Unit:
    unit = db.session.get(Unit, unit_id)
    if unit is None:
        abort(404)
    return unit
