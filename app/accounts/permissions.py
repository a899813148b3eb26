"""Who may do what: pure predicates over a user (or anonymous) and the objects involved.

Views use them through ``require``; templates call them to show only what may be done.
"""

from __future__ import annotations

from datetime import datetime
from functools import wraps

from flask import abort
from flask_login import current_user

from app.accounts.models import Role

READ_ALL = (Role.TEAM, Role.REVIEWER, Role.OFFICIAL, Role.ADMIN)


def _role(user) -> Role | None:
    return user.role if user is not None and user.is_authenticated else None


def is_participant(user) -> bool:
    return _role(user) == Role.PARTICIPANT


def can_read_all_comments(user) -> bool:
    """The project team, reviewers, officials and admins read every comment."""
    return _role(user) in READ_ALL


def can_triage(user) -> bool:
    """The project team (and admins) group, answer, assign and record comments."""
    return _role(user) in (Role.TEAM, Role.ADMIN)


def can_review(user) -> bool:
    """Reviewers (and admins) approve answers; never their own (checked by the service)."""
    return _role(user) in (Role.REVIEWER, Role.ADMIN)


def can_view_audit(user) -> bool:
    """Admins search the whole audit trail; the readers of a comment see its own trail."""
    return _role(user) == Role.ADMIN


def can_manage_users(user) -> bool:
    return _role(user) == Role.ADMIN


def can_comment(user, revision, now: datetime) -> bool:
    """Participants comment online while the revision's period is open."""
    return is_participant(user) and revision.is_open(now) and revision.published_at is not None


def can_view_comment(user, comment) -> bool:
    if _role(user) is None:
        return False
    return comment.author_id == user.id or can_read_all_comments(user)


def can_edit_comment(user, comment, now: datetime) -> bool:
    """The author edits or withdraws a submitted comment while the period is open."""
    from app.comments.models import CommentStatus

    return (
        is_participant(user)
        and comment.author_id == user.id
        and comment.status == CommentStatus.SUBMITTED
        and comment.revision.is_open(now)
    )


def can_view_attachment(user, attachment) -> bool:
    return can_view_comment(user, attachment.comment)


def can_speak_for_unit(user, unit) -> bool:
    """Only the unit's confirmed representative, with a verified e-mail address, may mark
    official positions, add co-signers and declare "no comments" in its name; any other member
    comments as a person."""
    return (
        is_participant(user)
        and unit is not None
        and user.unit_id == unit.id
        and user.email_verified
        and user.is_representative
    )


def can_confirm_representatives(user, unit) -> bool:
    """The team (and admins) confirm any unit's representatives; a unit's confirmed
    representative confirms their colleagues."""
    if can_triage(user):
        return True
    return can_speak_for_unit(user, unit)


def can_decide_cosignature(user, unit, *, unit_has_representative: bool) -> bool:
    """A co-signing unit confirms or declines through its confirmed representative; the team
    (and admins) decide for a unit that has none yet, e.g. on the unit's signed letter."""
    if can_speak_for_unit(user, unit):
        return True
    return can_triage(user) and not unit_has_representative


def require(predicate, *args_from_view):
    """Decorator: 401 (sign in) for anonymous users, 403 when ``predicate(current_user)`` fails.

    Use for predicates over the user alone; views check object-level predicates themselves
    after loading the object (404 before 403).
    """

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                from app.core.extensions import login_manager

                return login_manager.unauthorized()
            if not predicate(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorate
