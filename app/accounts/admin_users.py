"""The administrators' list of accounts: search by name, e-mail or unit, filter by role."""

from __future__ import annotations

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import selectinload

from app.accounts.models import Role, Unit, User
from app.core.extensions import db
from app.core.like import contains


def _matching(query: Select, text: str) -> Select:
    """Accounts whose name, e-mail address or unit name contains ``text`` (any case)."""
    text = text.strip()
    if not text:
        return query
    return query.outerjoin(Unit, User.unit_id == Unit.id).where(
        or_(contains(User.name, text), contains(User.email, text), contains(Unit.name, text))
    )


def users_query(*, text: str = "", role: Role | None = None) -> Select:
    """The accounts the list shows, in name order, units loaded with them."""
    query = _matching(select(User), text)
    if role is not None:
        query = query.where(User.role == role)
    return query.options(selectinload(User.unit)).order_by(User.name, User.id)


def role_counts(*, text: str = "") -> dict[Role, int]:
    """How many accounts match ``text`` in each role (every role present, zero included)."""
    query = _matching(select(User.role, func.count(User.id)), text).group_by(User.role)
    counts = dict.fromkeys(Role, 0)
    counts.update({role: count for role, count in db.session.execute(query)})
    return counts
