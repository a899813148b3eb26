"""The administrators' list of units (提出单位), what it searches and filters, and editing a
unit. What the pages count in other areas (a unit's comments) and merging units are in
app/admin/, which may import those areas."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, func, or_, select

from app.accounts.models import Unit, UnitCategory, User
from app.accounts.permissions import can_manage_users
from app.audit.writer import changes, record
from app.core.extensions import db
from app.core.like import contains
from app.core.refusal import Refused

UNIT_FIELDS = ["name", "name_en", "category"]


def require_admin(actor) -> None:
    if not can_manage_users(actor):
        raise PermissionError("only an administrator changes units")


def _matching(query: Select, text: str) -> Select:
    """Units whose Chinese or English name contains ``text`` (any case)."""
    text = text.strip()
    if not text:
        return query
    return query.where(or_(contains(Unit.name, text), contains(Unit.name_en, text)))


def units_query(*, text: str = "", category: UnitCategory | None = None) -> Select:
    """The units the list shows, in name order."""
    query = _matching(select(Unit), text)
    if category is not None:
        query = query.where(Unit.category == category)
    return query.order_by(Unit.name, Unit.id)


def category_counts(*, text: str = "") -> dict[UnitCategory, int]:
    """How many units match ``text`` in each category (every category present, zero included)."""
    query = _matching(select(Unit.category, func.count(Unit.id)), text).group_by(Unit.category)
    counts = dict.fromkeys(UnitCategory, 0)
    counts.update({category: count for category, count in db.session.execute(query)})
    return counts


def members_of(unit: Unit) -> list[User]:
    return list(db.session.scalars(select(User).filter_by(unit_id=unit.id).order_by(User.name)))


def base_name(name: str) -> str:
    """A unit's name without its bracketed additions: "中国认证认可协会（CCAA）" and
    "中国认证认可协会" share "中国认证认可协会", which finds one from the other."""
    return re.sub(r"\s*[（(][^）)]*[）)]\s*", "", name).strip() or name


def merge_candidates(unit: Unit, text: str, limit: int = 20) -> list[Unit]:
    """Units ``unit`` may be merged into: those matching ``text``, itself excluded."""
    if not text.strip():
        return []
    query = units_query(text=text).where(Unit.id != unit.id).limit(limit)
    return list(db.session.scalars(query))


def update_unit(*, unit: Unit, name: str, name_en: str, category: UnitCategory, actor) -> None:
    """Rename a unit or change its category, audited with the values before and after.

    A name another unit has is refused: the two are then duplicates, to be merged."""
    require_admin(actor)
    name, name_en = name.strip(), name_en.strip()
    if not name:
        raise Refused(_l("Enter the name of the unit."), "name")
    taken = db.session.scalar(select(Unit.id).where(Unit.name == name, Unit.id != unit.id))
    if taken is not None:
        raise Refused(
            _l("Another unit already has this name: merge the two units instead."), "name"
        )
    unit.name, unit.name_en, unit.category = name, name_en, UnitCategory(category)
    before, after = changes(unit, UNIT_FIELDS)
    if before or after:
        record(
            actor=actor,
            action="unit.edit",
            target_type="unit",
            target_id=unit.id,
            before=before,
            after=after,
        )
    db.session.flush()
