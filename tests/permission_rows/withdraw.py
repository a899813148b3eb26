"""A participant's withdrawal asks first: the confirmation page (its POST is in the matrix)."""

from tests.permission_roles import AUTHOR_ONLY_WRITE

ROWS = [
    ("GET", "/comments/{receipt}/withdraw", AUTHOR_ONLY_WRITE),
]
