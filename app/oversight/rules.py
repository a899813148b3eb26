"""Who may search the audit trail: a pure predicate over a user (or anonymous)."""

from __future__ import annotations

from app.accounts.models import Role
from app.accounts.permissions import role_of


def can_view_audit(user) -> bool:
    """Admins search the whole audit trail; the readers of a comment see its own trail."""
    return role_of(user) == Role.ADMIN
