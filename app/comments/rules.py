"""Who may write, read and co-sign comments: pure predicates over a user (or anonymous) and
the comment, revision or unit involved. Views use them through ``require`` or a loader;
services check them again; templates call them to show only what may be done."""

from __future__ import annotations

from datetime import datetime

from app.accounts.models import Role
from app.accounts.permissions import can_speak_for_unit, is_participant, is_team, role_of
from app.comments.models import CommentStatus

READ_ALL = (Role.TEAM, Role.REVIEWER, Role.OFFICIAL, Role.ADMIN)


def can_read_all_comments(user) -> bool:
    """The project team, reviewers, officials and admins read every comment."""
    return role_of(user) in READ_ALL


def can_comment(user, revision, now: datetime) -> bool:
    """Participants comment online while the revision's period is open."""
    return is_participant(user) and revision.is_open(now) and revision.published_at is not None


def can_view_comment(user, comment) -> bool:
    if role_of(user) is None:
        return False
    return comment.author_id == user.id or can_read_all_comments(user)


def can_edit_comment(user, comment, now: datetime) -> bool:
    """The author edits or withdraws a submitted comment while the period is open."""
    return (
        is_participant(user)
        and comment.author_id == user.id
        and comment.status == CommentStatus.SUBMITTED
        and comment.revision.is_open(now)
    )


def can_view_attachment(user, attachment) -> bool:
    return can_view_comment(user, attachment.comment)


def can_decide_cosignature(user, unit, *, unit_has_representative: bool) -> bool:
    """A co-signing unit confirms or declines through its confirmed representative; the team
    (and admins) decide for a unit that has none yet, e.g. on the unit's signed letter."""
    if can_speak_for_unit(user, unit):
        return True
    return is_team(user) and not unit_has_representative


def can_report_comment(user, comment) -> bool:
    """Any signed-in reader reports a published comment, except its author (who edits or
    withdraws it). Visitors sign in first: one report per reader needs to know the reader."""
    return role_of(user) is not None and comment.author_id != user.id
