"""The rows the team's pages show, read for them here so that the views only load, check,
call and render. Writing happens in the services (assignment, grouping, responses, ...)."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from app.accounts.models import Role, Unit, User
from app.audit.models import AuditEvent
from app.comments.models import Comment
from app.comments.quotes import locate_quote
from app.core.extensions import db
from app.core.refusal import Refused
from app.measures.models import Measure, Revision
from app.triage.history import trail_for_comment
from app.triage.models import CommentGroup, CommentNote, Event, Response

# --- the team's home and the queue -----------------------------------------------------------


def published_revisions() -> list[Revision]:
    """Every published revision, by measure title then number (the team's home)."""
    return list(
        db.session.scalars(
            select(Revision)
            .join(Revision.measure)
            .where(Revision.published_at.is_not(None))
            .order_by(Measure.title, Revision.number)
        )
    )


def team_members() -> list[User]:
    """The active team members and admins, whom comments are assigned to."""
    return list(
        db.session.scalars(
            select(User)
            .where(User.role.in_([Role.TEAM, Role.ADMIN]), User.active.is_(True))
            .order_by(User.name, User.id)
        )
    )


def chosen_member(value: str) -> User:
    """The user a form's assignee field names; refuses an unknown id (the service refuses a
    user who is not a team member)."""
    if not value or not value.isdigit():
        raise Refused(_l("Choose a team member."))
    user = db.session.get(User, int(value))
    if user is None:
        raise Refused(_l("Choose a team member."))
    return user


def events_by_id(revision: Revision) -> dict[int, Event]:
    return {e.id: e for e in db.session.scalars(select(Event).filter_by(revision_id=revision.id))}


def revision_comments(revision: Revision, ids) -> list[Comment]:
    """Those of ``ids`` that are comments of ``revision`` (a posted selection)."""
    return list(
        db.session.scalars(
            select(Comment).where(Comment.id.in_(ids or []), Comment.revision_id == revision.id)
        )
    )


# --- one comment's page ----------------------------------------------------------------------


@dataclass(frozen=True)
class CommentPage:
    comment_id: int
    others: list[Comment]  # the same author's other comments on the revision
    members: list[Comment]  # the other comments of its group
    responses: list[Response]  # its own answer and its group's
    notes: list[CommentNote]
    events: list[AuditEvent]  # its history

    @property
    def own_response(self) -> Response | None:
        return next((r for r in self.responses if r.comment_id == self.comment_id), None)


def _with_clauses(*where) -> list[Comment]:
    return list(
        db.session.scalars(
            select(Comment)
            .where(*where)
            .options(selectinload(Comment.clause))
            .order_by(Comment.created_at, Comment.id)
        )
    )


def comment_page(comment: Comment) -> CommentPage:
    """What the team's page of ``comment`` shows beside the comment itself."""
    others = []
    if comment.author_id is not None or comment.author_name:
        same_author = (
            Comment.author_id == comment.author_id
            if comment.author_id is not None
            else (Comment.author_id.is_(None) & (Comment.author_name == comment.author_name))
        )
        others = _with_clauses(
            Comment.revision_id == comment.revision_id, same_author, Comment.id != comment.id
        )
    members = []
    if comment.group_id is not None:
        members = _with_clauses(Comment.group_id == comment.group_id, Comment.id != comment.id)
    answers = [Response.comment_id == comment.id]
    if comment.group_id is not None:
        answers.append(Response.group_id == comment.group_id)
    notes = db.session.scalars(
        select(CommentNote)
        .where(CommentNote.comment_id == comment.id)
        .order_by(CommentNote.created_at, CommentNote.id)
    )
    return CommentPage(
        comment_id=comment.id,
        others=others,
        members=members,
        responses=list(db.session.scalars(select(Response).where(or_(*answers)))),
        notes=list(notes),
        events=trail_for_comment(comment),
    )


def quote_in_context(comment: Comment) -> tuple[str, str, str] | None:
    """(before, quote, after) of the clause text, from the stored offsets; found again by the
    selector when the offsets no longer match (None when the quote cannot be placed)."""
    if not comment.quote_exact or comment.clause is None:
        return None
    text = comment.clause.text
    start, end = comment.quote_start, comment.quote_end
    if start is None or end is None or text[start:end] != comment.quote_exact:
        try:
            start, end = locate_quote(
                text, comment.quote_exact, comment.quote_prefix, comment.quote_suffix
            )
        except Refused:  # the quote no longer occurs: show the text without a highlight
            return None
    return text[:start], text[start:end], text[end:]


# --- groups ----------------------------------------------------------------------------------


def revision_groups(revision: Revision, *, with_clauses: bool = False) -> list[CommentGroup]:
    query = select(CommentGroup).where(CommentGroup.revision_id == revision.id)
    if with_clauses:
        query = query.options(selectinload(CommentGroup.clause))
    return list(db.session.scalars(query.order_by(CommentGroup.id)))


def other_groups(group: CommentGroup) -> list[CommentGroup]:
    """The revision's other groups, which ``group`` may be merged into."""
    return list(
        db.session.scalars(
            select(CommentGroup)
            .where(CommentGroup.revision_id == group.revision_id, CommentGroup.id != group.id)
            .order_by(CommentGroup.id)
        )
    )


def group_sizes(revision: Revision) -> dict[int, int]:
    return dict(
        db.session.execute(
            select(Comment.group_id, func.count(Comment.id))
            .where(Comment.revision_id == revision.id, Comment.group_id.is_not(None))
            .group_by(Comment.group_id)
        ).all()
    )


def group_responses(revision: Revision) -> dict[int, Response]:
    """The answer of each of the revision's groups that has one, by group id."""
    return {
        r.group_id: r
        for r in db.session.scalars(
            select(Response).where(
                Response.revision_id == revision.id, Response.group_id.is_not(None)
            )
        )
    }


def comments_with_authors(ids) -> dict[int, Comment]:
    """The comments of ``ids`` by id, with their authors and clauses (the suggestions)."""
    return {
        c.id: c
        for c in db.session.scalars(
            select(Comment)
            .where(Comment.id.in_(ids))
            .options(selectinload(Comment.author), selectinload(Comment.clause))
        )
    }


# --- consulted units -------------------------------------------------------------------------


def unit_choices() -> list:
    """(id, name) of every unit, by name: the consulted page's picker."""
    return db.session.execute(select(Unit.id, Unit.name).order_by(Unit.name)).all()
