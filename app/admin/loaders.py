"""What the administrators' unit pages load from the URL or a form: 404 when it does not exist
(the pages are gated by ``require(can_manage_users)`` before they load anything)."""

from flask import abort

from app.accounts.models import Unit, User
from app.core.extensions import db


def unit_or_404(unit_id: int) -> Unit:
    unit = db.session.get(Unit, unit_id)
    if unit is None:
        abort(404)
    return unit


def member_or_404(unit: Unit, user_id: int) -> User:
    """A member of ``unit``: a user of another unit is not found from this unit's page."""
    user = db.session.get(User, user_id)
    if user is None or user.unit_id != unit.id:
        abort(404)
    return user


def merge_target_or_404(unit: Unit, unit_id: int) -> Unit:
    """The unit to keep when merging ``unit``: another unit, never ``unit`` itself."""
    kept = unit_or_404(unit_id)
    if kept.id == unit.id:
        abort(404)
    return kept
