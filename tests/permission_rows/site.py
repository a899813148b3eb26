"""Site-wide files every browser asks for: the favicon."""

from tests.permission_roles import EVERYONE

ROWS = [
    ("GET", "/favicon.ico", EVERYONE),
]
