"""The alignment review of a revision (app/lineage): staff read it, the team corrects it.

The scenario's revision is the first, so the page says there is nothing to align and the
corrections are refused on their content (a redirect: "ok"). The scenario has no link: removing
link 1 gets past the role check to a 404 for the team and admins, and a 403 for readers.
"""

from tests.permission_roles import STAFF_READ, TEAM_WRITE

ROWS = [
    ("GET", "/m/{slug}/r/1/team/lineage", STAFF_READ),
    ("POST", "/m/{slug}/r/1/team/lineage/links", TEAM_WRITE),
    (
        "POST",
        "/m/{slug}/r/1/team/lineage/links/1/delete",
        {**TEAM_WRITE, "team": "missing", "admin": "missing"},
    ),
    ("POST", "/m/{slug}/r/1/team/lineage/confirm", TEAM_WRITE),
]
