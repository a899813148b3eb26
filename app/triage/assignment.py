"""Who on the team handles a comment, and the team's internal notes on it.

Both are changes by the team, so both are audited in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from flask_babel import lazy_gettext as _l

from app.accounts.models import User
from app.audit.writer import record_change
from app.comments.models import Comment
from app.core.extensions import db
from app.core.refusal import Refused
from app.triage.models import CommentNote
from app.triage.rules import can_triage

NOTE_MAX_CHARS = 5000


def assign_comments(
    *, comments: Iterable[Comment], assignee: User | None, actor: User, now: datetime
) -> int:
    """Give ``comments`` to ``assignee`` (None: to no one). Returns how many changed hands;
    a comment already with that person is left alone and not audited."""
    comments = list(comments)
    if not comments:
        raise Refused(_l("Select at least one comment."))
    if not can_triage(actor):
        raise Refused(_l("Only the project team assigns comments."))
    if assignee is not None and (not assignee.is_active or not can_triage(assignee)):
        # Reviewers and officials cannot act on a comment, so it would sit with them unseen.
        raise Refused(_l("Comments can only be assigned to members of the project team."))
    if len({comment.revision_id for comment in comments}) > 1:
        raise Refused(_l("The selected comments belong to different revisions."))
    new_id = assignee.id if assignee is not None else None
    changed = 0
    for comment in comments:
        if comment.assignee_id == new_id:
            continue
        before = comment.assignee_id
        comment.assignee_id = new_id
        comment.assignee = assignee
        record_change(
            comment,
            actor=actor,
            action="comment.assign",
            before={"assignee_id": before},
            after={"assignee_id": new_id},
            at=now,
        )
        changed += 1
    db.session.flush()
    return changed


def add_note(*, comment: Comment, actor: User, body: str, now: datetime) -> CommentNote:
    """An internal note of the team on ``comment``; never shown to participants."""
    body = (body or "").strip()
    if not body:
        raise Refused(_l("The note is empty."))
    if len(body) > NOTE_MAX_CHARS:
        raise Refused(_l("A note is at most %(count)d characters long.", count=NOTE_MAX_CHARS))
    if not can_triage(actor):
        raise Refused(_l("Only the project team writes notes."))
    note = CommentNote(comment_id=comment.id, author_id=actor.id, body=body, created_at=now)
    db.session.add(note)
    db.session.flush()
    record_change(
        comment,
        actor=actor,
        action="comment.note",
        after={"note_id": note.id, "body": body},
        at=now,
    )
    return note
