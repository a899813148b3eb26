"""What participants and readers see of the team's answers: only published responses, a
comment's own or its group's (a draft or an approved-but-unpublished one never shows)."""

from __future__ import annotations

from sqlalchemy import select

from app.comments.models import Comment
from app.core.extensions import db
from app.triage.models import Response, ResponseState


def published_responses(comments) -> dict:
    """{comment id: its published response} — the comment's own or its group's; a draft or an
    approved-but-unpublished response never reaches participants. One query for the list."""
    comments = list(comments)
    if not comments:
        return {}
    group_ids = {c.group_id for c in comments if c.group_id is not None}
    query = select(Response).where(Response.state == ResponseState.PUBLISHED)
    own = Response.comment_id.in_([c.id for c in comments])
    query = query.where(own | Response.group_id.in_(group_ids)) if group_ids else query.where(own)
    found = list(db.session.scalars(query))
    by_comment = {r.comment_id: r for r in found if r.comment_id is not None}
    by_group = {r.group_id: r for r in found if r.group_id is not None}
    answers = {}
    for comment in comments:
        response = by_group.get(comment.group_id) if comment.group_id else None
        response = response or by_comment.get(comment.id)
        if response is not None:
            answers[comment.id] = response
    return answers


def published_response_for(comment: Comment):
    """The published response a comment's author reads (its own or its group's), or None."""
    return published_responses([comment]).get(comment.id)
