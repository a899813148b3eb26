"""What readers may see of the comments: counts per clause, and the published comments.

Publication follows the measure's setting (never / after the period / at once), each
comment's consent, and whether the measure shows names; a comment the team hid
(app/comments/moderation.py) is never shown. The team's published answers to
them are triage's (app/triage/published_answers.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.comments.models import Comment, CommentStatus, Consent
from app.comments.moderation_models import HIDDEN_NOW
from app.core.extensions import db
from app.measures.models import Clause, CommentVisibility, Revision


def comment_counts(revision: Revision) -> dict[int | None, int]:
    """Submitted (not withdrawn) comments per clause id; None counts the general comments."""
    rows = db.session.execute(
        select(Comment.clause_id, func.count(Comment.id))
        .where(Comment.revision_id == revision.id, Comment.status == CommentStatus.SUBMITTED)
        .group_by(Comment.clause_id)
    ).all()
    return {clause_id: count for clause_id, count in rows}


def comments_are_public(revision: Revision, now: datetime) -> bool:
    """Whether the measure publishes comments on this revision now."""
    visibility = revision.measure.comments_public
    if visibility == CommentVisibility.AT_ONCE:
        return True
    return visibility == CommentVisibility.AFTER and revision.has_closed(now)


# What a comment needs, besides its measure's setting and being submitted, to be shown.
PUBLISHABLE = (Comment.consent != Consent.PRIVATE) & ~HIDDEN_NOW


def is_public(comment: Comment, now: datetime) -> bool:
    """Whether everyone may read ``comment`` now, as public_comments lists it (one query for
    its hiding)."""
    return (
        comments_are_public(comment.revision, now)
        and comment.status == CommentStatus.SUBMITTED
        and bool(db.session.scalar(select(PUBLISHABLE).where(Comment.id == comment.id)))
    )


def public_comments(revision: Revision, clause: Clause | None, now: datetime) -> list[Comment]:
    """The comments on ``clause`` (and the clauses under it) that may be shown to everyone.

    Only when the measure publishes comments (at once, or after the period), only submitted
    ones, only with their author's consent, none that the team hid; ``clause=None`` gives
    the general comments.
    """
    if not comments_are_public(revision, now):
        return []
    query = _on_clause(select(Comment), revision, clause).where(PUBLISHABLE)
    # Each is shown with public_author() and its confirmed co-signers: they come with the query.
    query = query.options(
        selectinload(Comment.author), selectinload(Comment.unit), selectinload(Comment.cosigners)
    )
    return list(db.session.scalars(query.order_by(Comment.created_at, Comment.id)))


def hidden_count(revision: Revision, clause: Clause | None, now: datetime) -> int:
    """How many comments ``public_comments`` leaves out because the team hid them (and not
    because their author asked): the clause page says so, apart from the unpublished."""
    if not comments_are_public(revision, now):
        return 0
    query = _on_clause(select(func.count(Comment.id)), revision, clause).where(
        Comment.consent != Consent.PRIVATE, HIDDEN_NOW
    )
    return db.session.scalar(query) or 0


def _on_clause(query, revision: Revision, clause: Clause | None):
    """``query`` narrowed to the submitted comments of ``revision`` on ``clause`` and the
    clauses under it (``None``: the general comments)."""
    query = query.where(
        Comment.revision_id == revision.id, Comment.status == CommentStatus.SUBMITTED
    )
    if clause is None:
        return query.where(Comment.clause_id.is_(None))
    return query.where(Comment.clause_id.in_(_subtree_ids(revision, clause)))


def public_author(comment: Comment) -> str | None:
    """ "Name (unit)" when the measure shows names and the author agreed; None = anonymous."""
    if not comment.revision.measure.names_public or comment.consent != Consent.NAMED:
        return None
    if comment.unit is not None:
        return f"{comment.author_label}（{comment.unit.name}）"
    return comment.author_label


def _subtree_ids(revision: Revision, clause: Clause) -> list[int]:
    pairs = db.session.execute(
        select(Clause.id, Clause.parent_id).where(Clause.revision_id == revision.id)
    ).all()
    children: dict[int, list[int]] = {}
    for clause_id, parent_id in pairs:
        children.setdefault(parent_id, []).append(clause_id)
    found, stack = [], [clause.id]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, ()))
    return found
