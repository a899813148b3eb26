"""The queue, the team's home and one comment's page."""

from tests.permission_roles import STAFF_READ, TEAM_WRITE

ROWS = [
    ("GET", "/team", STAFF_READ),
    ("GET", "/m/{slug}/r/1/team/comments", STAFF_READ),
    ("POST", "/m/{slug}/r/1/team/comments/bulk", TEAM_WRITE),
    ("GET", "/m/{slug}/r/1/team/comments/{comment_id}", STAFF_READ),
    ("POST", "/m/{slug}/r/1/team/comments/{comment_id}/assign", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/comments/{comment_id}/notes", TEAM_WRITE),
]
