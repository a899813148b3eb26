"""Answer (处理意见) pages: the team writes, reviewers approve, both publish; officials read."""

from tests.permission_roles import REVIEW_WRITE, STAFF_READ, TEAM_WRITE

PUBLISHERS = {**STAFF_READ, "official": "forbidden"}

ROWS = [
    ("POST", "/m/{slug}/r/1/team/groups/{group_id}/response", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/comments/{comment_id}/response", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/responses", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/responses/{response_id}/approve", REVIEW_WRITE),
    ("POST", "/m/{slug}/r/1/team/responses/{response_id}/return", REVIEW_WRITE),
    ("POST", "/m/{slug}/r/1/team/responses/{response_id}/publish", PUBLISHERS),
    ("POST", "/m/{slug}/r/1/team/responses/{response_id}/unpublish", PUBLISHERS),
    ("GET", "/m/{slug}/r/1/team/reviews", STAFF_READ),
]
