"""The queue's bulk actions: one service for the comments checked in the queue."""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l

from app.core.refusal import Refused
from app.measures.models import Revision
from app.triage.assignment import assign_comments
from app.triage.grouping import group_comments
from app.triage.queries import chosen_member, revision_comments
from app.triage.responses import respond_to_many

ACTIONS = ("assign", "unassign", "group", "answer")


def act_on_selection(
    *,
    revision: Revision,
    comment_ids: list[int],
    action: str,
    actor,
    now: datetime,
    assignee: str = "",
    title: str = "",
    disposition: str = "",
    reason: str = "",
    reason_en: str = "",
) -> int:
    """Assign, unassign, group or answer (as drafts) the comments ``comment_ids`` of
    ``revision``; ``assignee`` is the posted id of the team member for "assign". Refuses an
    empty selection, one with a comment of another revision, and an unknown action. Returns
    how many comments were answered, grouped or changed."""
    ids = sorted(set(comment_ids))
    comments = revision_comments(revision, ids)
    if len(comments) != len(ids) or not ids:
        raise Refused(_l("Select at least one comment."))
    if action not in ACTIONS:
        raise Refused(_l("Choose an action."))
    if action == "answer":
        done = respond_to_many(
            targets=comments,
            actor=actor,
            now=now,
            disposition=disposition,
            reason=reason,
            reason_en=reason_en,
        )
        return len(done)
    if action == "group":
        group_comments(revision=revision, comment_ids=ids, actor=actor, now=now, title=title)
        return len(ids)
    member = chosen_member(assignee) if action == "assign" else None
    return assign_comments(comments=comments, assignee=member, actor=actor, now=now)
