"""Who may see what of a measure's revisions: pure predicates over a user (or anonymous)."""

from __future__ import annotations

from app.accounts.models import Role
from app.accounts.permissions import role_of

# Those who work on or oversee the consultation: the team's pages are theirs.
STAFF = (Role.TEAM, Role.REVIEWER, Role.OFFICIAL, Role.ADMIN)


def can_see_unpublished_revisions(user) -> bool:
    """An unpublished revision (uploaded, not yet published) is shown to the staff only: the
    team, reviewers, officials and admins."""
    return role_of(user) in STAFF
