"""Moderation of published comments: readers report, the team hides (or keeps) a comment.

A report is only for a comment everyone can read now; one per reader and comment. Hiding
takes the comment off every public page (publication.PUBLISHABLE) and closes its open
reports; it never deletes or changes the comment, which the team keeps working on as before.
Every step is audited; the views tell the author by mail once the step is committed.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from app.audit.writer import record
from app.comments.models import Comment, CommentStatus
from app.comments.moderation_models import (
    CommentHiding,
    CommentReport,
    ReportReason,
    ReportState,
)
from app.comments.publication import is_public
from app.comments.rules import can_report_comment
from app.comments.text import clean_text
from app.core.extensions import db
from app.core.refusal import Refused

DETAILS_MAX = 1000
HIDING_REASON_MAX = 2000


def report_comment(
    *, comment: Comment, reporter, reason: str, details: str, now: datetime
) -> CommentReport:
    """Store ``reporter``'s report of the published ``comment`` (audited ``comment.report``).

    Refused: a comment that is not public now (hidden meanwhile, withdrawn, or the measure
    stopped publishing), the author's own comment, an unknown reason, "other" without
    words, and a second report by the same reader."""
    if not is_public(comment, now):
        raise Refused(_l("This comment is no longer published; there is nothing to report."))
    if not can_report_comment(reporter, comment):
        raise Refused(_l("You cannot report your own comment; you may edit or withdraw it."))
    try:
        chosen = ReportReason(reason)
    except ValueError:
        raise Refused(_l("Please choose why you report this comment."), field="reason") from None
    details = clean_text(details or "").strip()
    if chosen == ReportReason.OTHER and not details:
        raise Refused(_l("Please say what is wrong with this comment."), field="details")
    if len(details) > DETAILS_MAX:
        raise Refused(
            _l("Please keep the explanation under %(max)d characters.", max=DETAILS_MAX),
            field="details",
        )
    if _report_by(comment, reporter) is not None:
        raise Refused(_l("You have already reported this comment; the team will look at it."))
    report = CommentReport(
        comment_id=comment.id,
        reporter_id=reporter.id,
        reason=chosen,
        details=details,
        created_at=now,
    )
    db.session.add(report)
    db.session.flush()
    record(
        actor=reporter,
        action="comment.report",
        target_type="comment",
        target_id=comment.id,
        after={"receipt": comment.receipt, "report_reason": chosen.value, "details": details},
        revision_id=comment.revision_id,
        at=now,
    )
    return report


def _report_by(comment: Comment, reporter) -> CommentReport | None:
    return db.session.scalar(
        select(CommentReport).where(
            CommentReport.comment_id == comment.id, CommentReport.reporter_id == reporter.id
        )
    )


def reported_by(reader, comment_ids) -> set[int]:
    """The ids among ``comment_ids`` that ``reader`` has reported (empty for a visitor)."""
    ids = list(comment_ids)
    if not ids or reader is None or not reader.is_authenticated:
        return set()
    return set(
        db.session.scalars(
            select(CommentReport.comment_id).where(
                CommentReport.reporter_id == reader.id, CommentReport.comment_id.in_(ids)
            )
        )
    )


def current_hiding(comment: Comment) -> CommentHiding | None:
    """The hiding in force on ``comment``, or None when the public may see it."""
    return db.session.scalar(
        select(CommentHiding)
        .where(CommentHiding.comment_id == comment.id, CommentHiding.unhidden_at.is_(None))
        .order_by(CommentHiding.id.desc())
        .limit(1)
    )


def hidden_reasons(comment_ids) -> dict[int, str]:
    """{comment id: the team's reason} for those of ``comment_ids`` hidden now."""
    ids = list(comment_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        select(CommentHiding.comment_id, CommentHiding.reason)
        .where(CommentHiding.comment_id.in_(ids), CommentHiding.unhidden_at.is_(None))
        .order_by(CommentHiding.id)
    )
    return dict(rows.all())


def hidden_in_revision(revision_id: int) -> dict[int, str]:
    """{comment id: the team's reason} for the revision's comments hidden now (exports)."""
    rows = db.session.execute(
        select(CommentHiding.comment_id, CommentHiding.reason)
        .join(Comment, Comment.id == CommentHiding.comment_id)
        .where(Comment.revision_id == revision_id, CommentHiding.unhidden_at.is_(None))
        .order_by(CommentHiding.id)
    )
    return dict(rows.all())


def hide_comment(*, comment: Comment, actor, reason: str, now: datetime) -> CommentHiding:
    """Hide ``comment`` from the public with the team's ``reason`` and close its open reports
    (audited ``comment.hide``). Refused when it is withdrawn, already hidden, or no reason
    is given."""
    if comment.status != CommentStatus.SUBMITTED:
        raise Refused(_l("A withdrawn comment is not published; there is nothing to hide."))
    if current_hiding(comment) is not None:
        raise Refused(_l("This comment is already hidden from the public."))
    reason = clean_text(reason or "").strip()
    if not reason:
        raise Refused(
            _l("Please give the reason for hiding: the author and the team will read it."),
            field="reason",
        )
    if len(reason) > HIDING_REASON_MAX:
        raise Refused(
            _l("Please keep the reason under %(max)d characters.", max=HIDING_REASON_MAX),
            field="reason",
        )
    hiding = CommentHiding(
        comment_id=comment.id, reason=reason, hidden_by_id=actor.id, hidden_at=now
    )
    db.session.add(hiding)
    closed = _close_reports(comment, actor, ReportState.HIDDEN, now)
    db.session.flush()
    record(
        actor=actor,
        action="comment.hide",
        target_type="comment",
        target_id=comment.id,
        before={"receipt": comment.receipt, "hidden": False},
        after={"receipt": comment.receipt, "hidden": True, "why": reason, "reports_closed": closed},
        revision_id=comment.revision_id,
        at=now,
    )
    return hiding


def unhide_comment(*, comment: Comment, actor, now: datetime) -> CommentHiding:
    """Show ``comment`` to the public again, as its measure and its consent allow (audited
    ``comment.unhide``); the hiding and its reason are kept, closed."""
    hiding = current_hiding(comment)
    if hiding is None:
        raise Refused(_l("This comment is not hidden."))
    db.session.execute(
        update(CommentHiding)
        .where(CommentHiding.comment_id == comment.id, CommentHiding.unhidden_at.is_(None))
        .values(unhidden_at=now, unhidden_by_id=actor.id)
    )
    db.session.refresh(hiding)
    record(
        actor=actor,
        action="comment.unhide",
        target_type="comment",
        target_id=comment.id,
        before={"receipt": comment.receipt, "hidden": True, "why": hiding.reason},
        after={"receipt": comment.receipt, "hidden": False},
        revision_id=comment.revision_id,
        at=now,
    )
    return hiding


def dismiss_reports(*, comment: Comment, actor, now: datetime) -> int:
    """Close ``comment``'s open reports and keep it public (audited
    ``comment.reports_dismiss``); the number closed. Refused when none is open."""
    closed = _close_reports(comment, actor, ReportState.DISMISSED, now)
    if not closed:
        raise Refused(_l("This comment has no open report."))
    record(
        actor=actor,
        action="comment.reports_dismiss",
        target_type="comment",
        target_id=comment.id,
        before={"receipt": comment.receipt},
        after={"receipt": comment.receipt, "reports_closed": closed},
        revision_id=comment.revision_id,
        at=now,
    )
    return closed


def _close_reports(comment: Comment, actor, state: ReportState, now: datetime) -> int:
    result = db.session.execute(
        update(CommentReport)
        .where(CommentReport.comment_id == comment.id, CommentReport.state == ReportState.OPEN)
        .values(state=state, closed_at=now, closed_by_id=actor.id)
        .execution_options(synchronize_session="fetch")
    )
    return result.rowcount or 0


def reports_of(comment: Comment) -> list[CommentReport]:
    """Every report of ``comment``, open ones first, then newest first."""
    return list(
        db.session.scalars(
            select(CommentReport)
            .where(CommentReport.comment_id == comment.id)
            .order_by(CommentReport.state != ReportState.OPEN, CommentReport.id.desc())
        )
    )


def hidings_of(comment: Comment) -> list[CommentHiding]:
    """The comment's hidings, the current one (if any) first, then newest first."""
    return list(
        db.session.scalars(
            select(CommentHiding)
            .where(CommentHiding.comment_id == comment.id)
            .order_by(CommentHiding.unhidden_at.is_not(None), CommentHiding.id.desc())
        )
    )


def moderation_marks(comment_ids) -> tuple[dict[int, str], dict[int, int]]:
    """({comment id: the reason it is hidden}, {comment id: its open reports}) for those of
    ``comment_ids`` hidden or reported now: one statement, even for no ids (a page's
    statements do not depend on its rows)."""
    hidden_reason = (
        select(CommentHiding.reason)
        .where(CommentHiding.comment_id == Comment.id, CommentHiding.unhidden_at.is_(None))
        .order_by(CommentHiding.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    open_reports = (
        select(func.count(CommentReport.id))
        .where(CommentReport.comment_id == Comment.id, CommentReport.state == ReportState.OPEN)
        .scalar_subquery()
    )
    hidden: dict[int, str] = {}
    reported: dict[int, int] = {}
    rows = db.session.execute(
        select(Comment.id, hidden_reason, open_reports).where(Comment.id.in_(list(comment_ids)))
    )
    for comment_id, reason, count in rows:
        if reason is not None:
            hidden[comment_id] = reason
        if count:
            reported[comment_id] = count
    return hidden, reported
