"""Who may work on the comments of a revision: pure predicates over a user (or anonymous)."""

from __future__ import annotations

from app.accounts.models import Role
from app.accounts.permissions import is_team, role_of


def can_triage(user) -> bool:
    """The project team (and admins) group, answer, assign and record comments."""
    return is_team(user)


def can_review(user) -> bool:
    """Reviewers (and admins) approve answers; never their own (checked by the service)."""
    return role_of(user) in (Role.REVIEWER, Role.ADMIN)
