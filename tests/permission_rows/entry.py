"""Events and the fast entry form: the team records, every reader of comments sees events."""

from tests.permission_roles import STAFF_READ, TEAM_WRITE

ROWS = [
    ("GET", "/m/{slug}/r/1/team/events", STAFF_READ),
    ("POST", "/m/{slug}/r/1/team/events", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/events/{event_id}", TEAM_WRITE),
    ("GET", "/m/{slug}/r/1/team/entry", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/entry", TEAM_WRITE),
    # The scenario's comment is a participant's own: the team is let through, then refused (409).
    ("GET", "/m/{slug}/r/1/team/entry/{comment_id}", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/entry/{comment_id}", TEAM_WRITE),
]
