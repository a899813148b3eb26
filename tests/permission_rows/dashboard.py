"""Permission-matrix rows of the dashboard."""

from tests.permission_roles import STAFF_READ

ROWS = [
    ("GET", "/m/{slug}/r/1/team/dashboard", STAFF_READ),
]
