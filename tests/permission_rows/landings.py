"""Answers tied to the changes: where an answer's change landed, and the consistency check.

The scenario's revision is the first: the check page says there is nothing to check (staff
read it, "ok"), and setting landings gets past the role check to a refusal on its content (no
later revision yet: a redirect, "ok") for the team and admins.
"""

from tests.permission_roles import STAFF_READ, TEAM_WRITE

ROWS = [
    ("POST", "/m/{slug}/r/1/team/responses/{response_id}/landings", TEAM_WRITE),
    ("GET", "/m/{slug}/r/1/team/consistency", STAFF_READ),
]
