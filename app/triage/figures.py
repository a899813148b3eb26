"""A revision's figures about its comments and their answers, each defined here once.

The summary table (exports.summary), the adoption report (exports.adoption) and the team's
dashboard (triage.dashboard) all read them from answer_figures(), so a figure shown on two
pages on the same basis is the same number. Two bases exist and every page names the one it
shows: an answer **approved** by a reviewer (approved or published: 已审定的处理意见, what
officials receive in the summary) and an answer **published** (已公布的处理意见, what
participants and the public see in the adoption report).

Which answer answers a comment: its group's when the comment is grouped (a grouped comment
cannot be answered on its own), else its own. Only submitted comments count.

This lives in triage (which owns responses and groups) because exports imports triage, not the
other way round: both may use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, select

from app.comments.models import Comment, CommentStatus
from app.core.extensions import db
from app.measures.models import Revision
from app.triage.models import Disposition, Response, ResponseState

APPROVED_STATES = (ResponseState.APPROVED, ResponseState.PUBLISHED)


@dataclass(frozen=True, slots=True)
class AnswerFigures:
    received: int = 0  # comments received: submitted, not withdrawn
    # comments by the disposition and state of the answer that answers them
    by_state: dict[Disposition, dict[ResponseState, int]] = field(default_factory=dict)

    def count(self, disposition: Disposition, states=tuple(ResponseState)) -> int:
        per_state = self.by_state.get(disposition, {})
        return sum(per_state.get(state, 0) for state in states)

    def in_state(self, state: ResponseState) -> int:
        return sum(self.count(d, (state,)) for d in Disposition)

    @property
    def approved(self) -> dict[Disposition, int]:
        """Comments per disposition of their approved (or published) answer."""
        return {d: self.count(d, APPROVED_STATES) for d in Disposition}

    @property
    def published(self) -> dict[Disposition, int]:
        """Comments per disposition of their published answer."""
        return {d: self.count(d, (ResponseState.PUBLISHED,)) for d in Disposition}

    @property
    def answered(self) -> int:
        """Comments with an approved answer (已审定的处理意见)."""
        return sum(self.approved.values())

    @property
    def answered_published(self) -> int:
        """Comments with a published answer (已公布的处理意见)."""
        return sum(self.published.values())

    @property
    def unanswered(self) -> int:
        """Comments without an approved answer: no answer, or one still in draft."""
        return self.received - self.answered

    @property
    def drafted(self) -> int:
        """Comments whose answer is still in draft."""
        return self.in_state(ResponseState.DRAFT)

    @property
    def no_answer(self) -> int:
        """Comments no answer (in any state) answers yet."""
        return self.received - sum(self.count(d) for d in Disposition)


def answer_figures(revision: Revision) -> AnswerFigures:
    """The figures of ``revision``'s comments and answers, in one statement."""
    answering = or_(
        and_(Comment.group_id.is_not(None), Response.group_id == Comment.group_id),
        and_(Comment.group_id.is_(None), Response.comment_id == Comment.id),
    )
    rows = db.session.execute(
        select(Response.disposition, Response.state, func.count())
        .select_from(Comment)
        .outerjoin(Response, answering)
        .where(Comment.revision_id == revision.id, Comment.status == CommentStatus.SUBMITTED)
        .group_by(Response.disposition, Response.state)
    )
    received = 0
    by_state: dict[Disposition, dict[ResponseState, int]] = {}
    for disposition, state, count in rows:
        received += count
        if disposition is not None:
            by_state.setdefault(Disposition(disposition), {})[ResponseState(state)] = count
    return AnswerFigures(received=received, by_state=by_state)
