"""Grouping (归并) pages: staff read, the team (and admins) change."""

from tests.permission_roles import STAFF_READ, TEAM_WRITE

ROWS = [
    ("GET", "/m/{slug}/r/1/team/groups", STAFF_READ),
    ("GET", "/m/{slug}/r/1/team/groups/{group_id}", STAFF_READ),
    ("POST", "/m/{slug}/r/1/team/groups/{group_id}/rename", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/groups/{group_id}/remove", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/groups/{group_id}/merge", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/groups/{group_id}/dissolve", TEAM_WRITE),
    ("GET", "/m/{slug}/r/1/team/suggestions", STAFF_READ),
    ("POST", "/m/{slug}/r/1/team/suggestions/accept", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/suggestions/add", TEAM_WRITE),
]
