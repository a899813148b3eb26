"""The administrators' measure pages: details, revisions and comment periods."""

from tests.permission_roles import ADMIN_ONLY

ROWS = [
    ("GET", "/admin/measures/{slug}", ADMIN_ONLY),
    ("POST", "/admin/measures/{slug}", ADMIN_ONLY),
    ("GET", "/admin/measures/{slug}/r/1/period", ADMIN_ONLY),
    ("POST", "/admin/measures/{slug}/r/1/period", ADMIN_ONLY),
]
