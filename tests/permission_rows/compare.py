"""The comparison of two revisions (修改前后对照表) and its downloads: public, like the reading
pages (visibility is the revisions', tested in tests/reading/test_compare_page.py).

The scenario has one revision: a revision compared with itself gets past the routing to a 400
for everyone ("ok"); its revision 2 does not exist, so 1...2 is a 404 for everyone."""

from tests.permission_roles import EVERYONE, ROLES

NOWHERE = dict.fromkeys(ROLES, "missing")

ROWS = [
    ("GET", "/m/{slug}/compare/{old}...{old}", EVERYONE),
    ("GET", "/m/{slug}/compare/{old}...{new}", NOWHERE),
    ("GET", "/m/{slug}/compare/{old}...{old}.{fmt}", EVERYONE),
    ("GET", "/m/{slug}/compare/{old}...{new}.{fmt}", NOWHERE),
]
