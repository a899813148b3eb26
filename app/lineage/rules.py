"""Who may read and correct an alignment: pure predicates over a user (or anonymous).

Lineage sits below comments and triage, so the predicates are built on accounts' roles, and
mirror theirs: everyone who reads every comment (the team, reviewers, officials, admins)
reads the alignment, also of an unpublished revision, since they are the ones who check the
next text; only those who triage (the team and admins) change it. Reviewers approve answers
and officials oversee: they read, as on every team page.
"""

from __future__ import annotations

from app.accounts.models import Role
from app.accounts.permissions import is_team, role_of

READERS = (Role.TEAM, Role.REVIEWER, Role.OFFICIAL, Role.ADMIN)


def can_read_lineage(user) -> bool:
    """The staff who read every comment read the alignment of any revision."""
    return role_of(user) in READERS


def can_correct_lineage(user) -> bool:
    """The project team (and admins) correct links by hand and confirm the alignment."""
    return is_team(user)
