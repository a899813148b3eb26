"""The consulted units (征求意见单位): every reader of comments sees them, the team keeps them."""

from tests.permission_roles import STAFF_READ, TEAM_WRITE

ROWS = [
    ("GET", "/m/{slug}/r/1/team/consulted", STAFF_READ),
    ("POST", "/m/{slug}/r/1/team/consulted", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/consulted/paste", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/consulted/{unit_id}/remove", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/consulted/{unit_id}/no-comments", TEAM_WRITE),
]
