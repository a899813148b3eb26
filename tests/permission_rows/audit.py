"""The audit trail's routes: only administrators search it."""

from tests.permission_roles import ADMIN_ONLY

ROWS = [
    ("GET", "/admin/audit", ADMIN_ONLY),
]
