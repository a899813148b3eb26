"""Moderation of published comments: readers report them, the team hides, shows again and
closes reports (app/comments/report_views.py, app/triage/moderation_views.py).

The scenario's measure does not publish comments, so there is nothing to report: visitors
are sent to sign in first (one report per reader), every signed-in reader gets a 404, as for
a page they may not see. The team's steps get past the role check to a refusal on their
content (an empty reason, a comment not hidden, no open report: a redirect, "ok").
"""

from tests.permission_roles import ROLES, TEAM_WRITE

NOTHING_TO_REPORT = {"anonymous": "signin", **dict.fromkeys(ROLES[1:], "missing")}

ROWS = [
    ("GET", "/m/{slug}/r/1/comments/{comment_id}/report", NOTHING_TO_REPORT),
    ("POST", "/m/{slug}/r/1/comments/{comment_id}/report", NOTHING_TO_REPORT),
    ("POST", "/m/{slug}/r/1/team/comments/{comment_id}/hide", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/comments/{comment_id}/unhide", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/comments/{comment_id}/reports/dismiss", TEAM_WRITE),
]
