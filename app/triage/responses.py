"""Responses (处理意见): the team's answer to a group or to one comment.

Workflow: draft → approved (by a reviewer or admin who did not write it) → published; only
published responses reach participants. Decisions kept here:

- a comment in a group is answered through its group, never directly;
- editing an approved response sends it back to draft (its approval was for the old text);
  a published response cannot be edited: it is unpublished first;
- unpublishing returns a published response to "approved" (it was approved; nothing in it
  changed), recorded like every other step;
- a reviewer may return a draft or approved response to draft with remarks (required: the
  author must learn what to change); it leaves the reviewers' list until its author saves it
  again, which clears the remarks (the audit trail keeps them).
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.audit.writer import record
from app.comments.models import Comment, CommentStatus
from app.core.extensions import db
from app.core.refusal import Refused
from app.triage.grouping import group_label, members
from app.triage.models import (
    DISPOSITION_LABELS,
    REASON_REQUIRED,
    CommentGroup,
    Disposition,
    Response,
    ResponseState,
)
from app.triage.rules import can_review, can_triage

REASON_MAX = 4000
REMARKS_MAX = 4000
FIELDS = ["disposition", "reason", "reason_en"]
RETURN_FIELDS = ["state", "approver_id", "return_remarks", "returned_by_id"]


def _record(response: Response, action: str, before: dict, after: dict, *, actor, now) -> None:
    record(
        actor=actor,
        action=action,
        target_type="response",
        target_id=response.id,
        before=before,
        after=after,
        revision_id=response.revision_id,
        at=now,
    )


def _values(response: Response, fields: list[str]) -> dict:
    # Read before changing: after a commit the attributes are expired, and SQLAlchemy's
    # history would not know the old values.
    return {name: getattr(response, name) for name in fields}


def _diff(before: dict, after: dict) -> tuple[dict, dict]:
    changed = [k for k in before if before[k] != after[k]]
    return {k: before[k] for k in changed}, {k: after[k] for k in changed}


def _checked(disposition, reason: str, reason_en: str) -> tuple[Disposition, str, str]:
    try:
        disposition = Disposition(disposition)
    except ValueError:
        raise Refused(_l("Choose a disposition from the list.")) from None
    reason, reason_en = (reason or "").strip(), (reason_en or "").strip()
    if disposition in REASON_REQUIRED and not reason:
        raise Refused(
            _l(
                "“%(disposition)s” needs a reason (in Chinese).",
                disposition=DISPOSITION_LABELS[disposition],
            )
        )
    if len(reason) > REASON_MAX or len(reason_en) > REASON_MAX:
        raise Refused(_l("A reason has at most %(n)d characters.", n=REASON_MAX))
    return disposition, reason, reason_en


def response_of(target) -> Response | None:
    column = Response.group_id if isinstance(target, CommentGroup) else Response.comment_id
    return db.session.scalar(select(Response).where(column == target.id))


def _refuse_direct_answer(comment: Comment) -> None:
    if comment.group_id is not None:
        group = db.session.get(CommentGroup, comment.group_id)
        raise Refused(
            _l(
                "Comment %(receipt)s is in group “%(title)s”: answer it through its group.",
                receipt=comment.receipt,
                title=group_label(group),
            )
        )
    if comment.status != CommentStatus.SUBMITTED:
        raise Refused(
            _l("Comment %(receipt)s was withdrawn: it is not answered.", receipt=comment.receipt)
        )


def draft_response(
    *, target, actor, disposition, reason: str, reason_en: str = "", now: datetime
) -> Response:
    """Write the draft response of a group (every member gets it) or of one ungrouped comment."""
    if isinstance(target, Comment):
        _refuse_direct_answer(target)
    if response_of(target) is not None:
        raise Refused(_l("This already has a response: edit it instead."))
    disposition, reason, reason_en = _checked(disposition, reason, reason_en)
    on_group = isinstance(target, CommentGroup)
    response = Response(
        revision_id=target.revision_id,
        group_id=target.id if on_group else None,
        comment_id=None if on_group else target.id,
        disposition=disposition,
        reason=reason,
        reason_en=reason_en,
        state=ResponseState.DRAFT,
        author_id=actor.id,
        created_at=now,
        updated_at=now,
    )
    db.session.add(response)
    db.session.flush()
    _record(
        response,
        "response.draft",
        {},
        {
            "group_id": response.group_id,
            "comment_id": response.comment_id,
            "disposition": disposition,
            "reason": reason,
            "reason_en": reason_en,
            "state": response.state,
        },
        actor=actor,
        now=now,
    )
    return response


def edit_response(
    *, response: Response, actor, disposition, reason: str, reason_en: str = "", now: datetime
) -> Response:
    """Change a response's text; an approved response goes back to draft."""
    if response.state == ResponseState.PUBLISHED:
        raise Refused(_l("A published response cannot be edited: unpublish it first."))
    disposition, reason, reason_en = _checked(disposition, reason, reason_en)
    tracked = [*FIELDS, "state", "approver_id", "return_remarks", "returned_by_id"]
    before = _values(response, tracked)
    changed = (disposition, reason, reason_en) != (
        before["disposition"],
        before["reason"],
        before["reason_en"],
    )
    # Saving a returned response, changed or not, sends it back to the reviewers.
    if changed or response.returned_at is not None:
        response.disposition, response.reason, response.reason_en = disposition, reason, reason_en
        response.state = ResponseState.DRAFT
        response.approver_id = None
        response.approved_at = None
        response.return_remarks, response.returned_by_id = "", None
        response.returned_at = None
        response.updated_at = now
        _record(
            response,
            "response.edit",
            *_diff(before, _values(response, tracked)),
            actor=actor,
            now=now,
        )
    db.session.flush()
    return response


def approve_response(*, response: Response, actor, now: datetime) -> Response:
    """A reviewer (or admin) who did not write the response approves it."""
    if not can_review(actor):
        raise Refused(_l("Only a reviewer approves responses."))
    if response.author_id == actor.id:
        raise Refused(_l("You wrote this response: another reviewer must approve it."))
    if response.state != ResponseState.DRAFT:
        raise Refused(_l("Only a response in draft can be approved."))
    before = _values(response, ["state", "approver_id"])
    response.state = ResponseState.APPROVED
    response.approver_id = actor.id
    response.approved_at = now
    after = _values(response, ["state", "approver_id"])
    _record(response, "response.approve", before, after, actor=actor, now=now)
    db.session.flush()
    return response


def return_response(*, response: Response, actor, remarks: str, now: datetime) -> Response:
    """A reviewer sends a draft or approved response back to its author, saying why."""
    if not can_review(actor):
        raise Refused(_l("Only a reviewer returns responses."))
    if response.author_id == actor.id:
        raise Refused(_l("You wrote this response: edit it instead of returning it."))
    if response.state == ResponseState.PUBLISHED:
        raise Refused(_l("A published response cannot be returned: unpublish it first."))
    remarks = (remarks or "").strip()
    if not remarks:
        raise Refused(_l("Say what should change: the remarks are required."))
    if len(remarks) > REMARKS_MAX:
        raise Refused(_l("Remarks have at most %(n)d characters.", n=REMARKS_MAX))
    before = _values(response, RETURN_FIELDS)
    response.state = ResponseState.DRAFT
    response.approver_id = None
    response.approved_at = None
    response.return_remarks = remarks
    response.returned_by_id = actor.id
    response.returned_at = now
    _record(
        response, "response.return", before, _values(response, RETURN_FIELDS), actor=actor, now=now
    )
    db.session.flush()
    return response


def publish_response(*, response: Response, actor, now: datetime) -> Response:
    """Publish an approved response: from now on its comments' authors read it."""
    _refuse_unless_publisher(actor)
    if response.state != ResponseState.APPROVED:
        raise Refused(_l("Only an approved response can be published."))
    return _publication(response, ResponseState.PUBLISHED, now, actor=actor, now=now)


def unpublish_response(*, response: Response, actor, now: datetime) -> Response:
    """Take a published response back (to "approved"): participants no longer see it."""
    _refuse_unless_publisher(actor)
    if response.state != ResponseState.PUBLISHED:
        raise Refused(_l("This response is not published."))
    return _publication(response, ResponseState.APPROVED, None, actor=actor, now=now)


def _refuse_unless_publisher(actor) -> None:
    if not (can_triage(actor) or can_review(actor)):
        raise Refused(_l("Only the project team or a reviewer publishes responses."))


def _publication(response: Response, state: ResponseState, published_at, *, actor, now):
    """Move a response into or out of publication, audited."""
    before = response.state
    response.state = state
    response.published_at = published_at
    action = "response.publish" if state == ResponseState.PUBLISHED else "response.unpublish"
    _record(response, action, {"state": before}, {"state": state}, actor=actor, now=now)
    db.session.flush()
    return response


def respond_to_many(
    *, targets, actor, disposition, reason: str, reason_en: str = "", now: datetime
) -> list[Response]:
    """One answer for a selection: each comment's group (or the comment itself) gets a draft,
    or has its unpublished response edited. A published response among them refuses all."""
    disposition, reason, reason_en = _checked(disposition, reason, reason_en)
    resolved: dict[tuple[str, int], object] = {}
    for target in targets:
        if isinstance(target, Comment) and target.group_id is not None:
            target = db.session.get(CommentGroup, target.group_id)
        elif isinstance(target, Comment):
            _refuse_direct_answer(target)
        kind = "group" if isinstance(target, CommentGroup) else "comment"
        resolved[(kind, target.id)] = target
    if not resolved:
        raise Refused(_l("Choose at least one comment."))
    existing = {key: response_of(target) for key, target in resolved.items()}
    if any(r is not None and r.state == ResponseState.PUBLISHED for r in existing.values()):
        raise Refused(_l("Some of these already have a published response: unpublish them first."))
    done = []
    for key, target in resolved.items():
        fields = {"disposition": disposition, "reason": reason, "reason_en": reason_en}
        if existing[key] is None:
            done.append(draft_response(target=target, actor=actor, now=now, **fields))
        else:
            done.append(edit_response(response=existing[key], actor=actor, now=now, **fields))
    return done


def awaiting_approval(revision) -> list[Response]:
    return list(
        db.session.scalars(
            select(Response)
            .where(
                Response.revision_id == revision.id,
                Response.state == ResponseState.DRAFT,
                Response.returned_at.is_(None),
            )
            .order_by(Response.updated_at, Response.id)
        )
    )


def answered_comments(response: Response) -> list[Comment]:
    """The comments a response answers: its group's members, or its one comment."""
    if response.group_id is not None:
        return members(response.group)
    return [response.comment]
