"""The participants' pages' queries."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.accounts.models import Unit
from app.comments.models import Comment
from app.core.extensions import db


def comments_by(author) -> list[Comment]:
    """The author's comments, newest first, with their clause and revision ("my comments")."""
    return list(
        db.session.scalars(
            select(Comment)
            .where(Comment.author_id == author.id)
            .options(selectinload(Comment.clause), selectinload(Comment.revision))
            .order_by(Comment.created_at.desc(), Comment.id.desc())
        )
    )


def cosigner_choices(unit: Unit) -> list[tuple[int, str]]:
    """The units a representative may name as co-signers: every other unit, by name."""
    others = db.session.scalars(select(Unit).where(Unit.id != unit.id).order_by(Unit.name))
    return [(u.id, u.name) for u in others]
