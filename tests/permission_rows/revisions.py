"""The revision cycle (app/revisions): staff read a revision's page, the team uploads,
replaces and publishes.

The scenario's revision 1 is published: replacing or publishing it is refused on its content
(a redirect: "ok"), uploading with no file shows the form again ("ok").
"""

from tests.permission_roles import STAFF_READ, TEAM_WRITE

ROWS = [
    ("GET", "/m/{slug}/team/revisions/new", TEAM_WRITE),
    ("POST", "/m/{slug}/team/revisions/new", TEAM_WRITE),
    ("GET", "/m/{slug}/r/1/team/revision", STAFF_READ),
    ("POST", "/m/{slug}/r/1/team/revision/replace", TEAM_WRITE),
    ("GET", "/m/{slug}/r/1/team/revision/publish", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/revision/publish", TEAM_WRITE),
]
