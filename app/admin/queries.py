"""What the administrators' unit pages count across areas: a unit's members, its comments and
its confirmed representatives."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.accounts.models import RepresentativeStatus, User
from app.comments.models import Comment
from app.core.extensions import db


@dataclass(frozen=True)
class UnitFigures:
    members: int = 0
    comments: int = 0
    representatives: tuple[User, ...] = ()


def figures(unit_ids: list[int]) -> dict[int, UnitFigures]:
    """Members, comments (in the unit's name, withdrawn ones included: they are the unit's
    too) and confirmed representatives of each unit, in three queries for a whole page."""
    if not unit_ids:
        return {}
    members = dict(
        db.session.execute(
            select(User.unit_id, func.count(User.id))
            .where(User.unit_id.in_(unit_ids))
            .group_by(User.unit_id)
        ).all()
    )
    comments = dict(
        db.session.execute(
            select(Comment.unit_id, func.count(Comment.id))
            .where(Comment.unit_id.in_(unit_ids))
            .group_by(Comment.unit_id)
        ).all()
    )
    representatives: dict[int, list[User]] = {}
    for user in db.session.scalars(
        select(User)
        .where(User.unit_id.in_(unit_ids), User.representative == RepresentativeStatus.CONFIRMED)
        .order_by(User.name, User.id)
    ):
        representatives.setdefault(user.unit_id, []).append(user)
    return {
        unit_id: UnitFigures(
            members.get(unit_id, 0),
            comments.get(unit_id, 0),
            tuple(representatives.get(unit_id, ())),
        )
        for unit_id in unit_ids
    }
