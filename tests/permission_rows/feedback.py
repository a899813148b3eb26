"""The feedback form: any signed-in reader downloads it; only the team imports returned ones."""

from tests.permission_roles import EVERYONE, SIGNED_IN, TEAM_WRITE

ROWS = [
    ("GET", "/m/{slug}/r/1/feedback-form.{fmt}", SIGNED_IN),
    ("GET", "/m/{slug}/r/1/feedback-form.docx?lang=en", SIGNED_IN),
    ("GET", "/m/{slug}/r/1/adoption", EVERYONE),
    ("GET", "/m/{slug}/r/1/team/forms", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/forms", TEAM_WRITE),
    ("GET", "/m/{slug}/r/1/team/forms/{import_id}", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/forms/{import_id}", TEAM_WRITE),
    # The team's discard removes the upload: the admin, who tries after it, finds nothing.
    ("POST", "/m/{slug}/r/1/team/forms/{import_id}/discard", {**TEAM_WRITE, "admin": "missing"}),
]

# Letters split by clause (意见函): the team only. The scenario's attachment is a PDF with no
# text, so the split page sends the team back to the comment with the refusal ("ok").
ROWS += [
    ("GET", "/m/{slug}/r/1/team/letters", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/letters", TEAM_WRITE),
    ("GET", "/m/{slug}/r/1/team/comments/{comment_id}/letters/{attachment_id}/split", TEAM_WRITE),
    ("POST", "/m/{slug}/r/1/team/comments/{comment_id}/letters/{attachment_id}/split", TEAM_WRITE),
]
