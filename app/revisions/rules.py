"""Who may upload, replace and publish a revision: pure predicates over a user (or anonymous).

The revision cycle is the project team's work (and an admin's): they upload the next text,
replace it until it is right, and publish it. Reviewers and officials, who read every team
page, read a revision's staff page too; participants and visitors never see an unpublished
revision (app.measures.rules.can_see_unpublished_revisions).
"""

from __future__ import annotations

from app.accounts.permissions import is_team
from app.measures.rules import can_see_unpublished_revisions


def can_read_revision_cycle(user) -> bool:
    """The staff read the state of any revision, published or not."""
    return can_see_unpublished_revisions(user)


def can_change_revisions(user) -> bool:
    """The project team (and admins) upload, replace and publish revisions."""
    return is_team(user)
