"""The administrators' unit pages: the list, a unit's details, its representatives, merging."""

from tests.permission_roles import ADMIN_ONLY

ROWS = [
    ("GET", "/admin/units", ADMIN_ONLY),
    ("GET", "/admin/units/{unit_id}", ADMIN_ONLY),
    ("POST", "/admin/units/{unit_id}", ADMIN_ONLY),
    ("POST", "/admin/units/{unit_id}/representatives", ADMIN_ONLY),
    ("GET", "/admin/units/{unit_id}/merge", ADMIN_ONLY),
    ("POST", "/admin/units/{unit_id}/merge", ADMIN_ONLY),
]
