"""The adoption report (意见采纳情况说明) of a revision: for everyone, once the period has
closed, each published answer by clause — what was adopted and why — with the counts.

Only published answers appear. A comment's own words appear only where its author consented
to publication, the measure publishes comments and the team did not hide it; its author's name
only where the measure shows names and the author agreed. Otherwise the answer says how many
comments it answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.comments.models import Comment, CommentStatus, Consent
from app.comments.moderation import hidden_in_revision
from app.comments.publication import comments_are_public, public_author
from app.core.extensions import db
from app.measures.models import Clause, Revision
from app.triage.figures import answer_figures
from app.triage.landings import landing_phrases
from app.triage.models import Disposition, Response, ResponseState

GENERAL = -1


@dataclass(slots=True)
class ReportAnswer:
    response: Response
    comments: list[Comment]
    shown: list[tuple[Comment, str | None]] = field(default_factory=list)  # (comment, name)
    withheld: int = 0  # published with consent, but hidden by the team (moderation)

    @property
    def hidden(self) -> int:
        """Not shown at their authors' request."""
        return len(self.comments) - len(self.shown) - self.withheld


@dataclass(slots=True)
class ReportSection:
    clause: Clause | None  # None: the draft as a whole
    answers: list[ReportAnswer]


@dataclass(slots=True)
class AdoptionReport:
    # From triage.figures: comments received, those with a published answer, and those per
    # disposition of their published answer (已公布的处理意见).
    received: int
    answered: int
    by_disposition: dict[Disposition, int]
    sections: list[ReportSection]
    # {answer id: "见第二稿第十四条"}: where its change landed, in a published later revision.
    landings: dict[int, str] = field(default_factory=dict)


def adoption_report(revision: Revision, *, now: datetime, language: str = "zh") -> AdoptionReport:
    comments = list(
        db.session.scalars(
            select(Comment)
            .where(Comment.revision_id == revision.id, Comment.status == CommentStatus.SUBMITTED)
            .options(
                selectinload(Comment.clause),
                selectinload(Comment.author),
                selectinload(Comment.unit),
            )
            .order_by(Comment.id)
        )
    )
    responses = db.session.scalars(
        select(Response).where(
            Response.revision_id == revision.id, Response.state == ResponseState.PUBLISHED
        )
    )
    members: dict[int, list[Comment]] = {}
    for comment in comments:
        if comment.group_id is not None:
            members.setdefault(comment.group_id, []).append(comment)
    own = {comment.id: comment for comment in comments}
    public = comments_are_public(revision, now)
    hidden = set(hidden_in_revision(revision.id)) if public else set()
    answers: list[ReportAnswer] = []
    for response in responses:
        if response.group_id is not None:
            answered = members.get(response.group_id, [])
        else:
            answered = [own[response.comment_id]] if response.comment_id in own else []
        if answered:
            shown = _shown(public, answered, hidden)
            withheld = sum(1 for c in answered if c.id in hidden and c.consent != Consent.PRIVATE)
            answers.append(ReportAnswer(response, answered, shown, withheld))
    figures = answer_figures(revision)  # the published basis, as defined for every page
    return AdoptionReport(
        received=figures.received,
        answered=figures.answered_published,
        by_disposition=figures.published,
        sections=_sections(answers),
        landings=landing_phrases([a.response for a in answers], language, public=True),
    )


def _shown(
    public: bool, comments: list[Comment], hidden: set[int]
) -> list[tuple[Comment, str | None]]:
    """The comments shown with their answer, each with its author's public name (or None),
    under the same rules as the public clause view (publication.public_comments): ``hidden``
    are the ids the team hid."""
    if not public:
        return []
    return [
        (c, public_author(c))
        for c in comments
        if c.consent != Consent.PRIVATE and c.id not in hidden
    ]


def _place(answer: ReportAnswer) -> tuple[int, int]:
    return min((_position(c), c.id) for c in answer.comments)


def _sections(answers: list[ReportAnswer]) -> list[ReportSection]:
    """Answers under the clause of their first comment, in document order."""
    sections: dict[int, ReportSection] = {}
    for answer in sorted(answers, key=_place):
        position, first_id = _place(answer)
        if position not in sections:
            first = next(c for c in answer.comments if c.id == first_id)
            sections[position] = ReportSection(first.clause, [])
        sections[position].answers.append(answer)
    return [sections[position] for position in sorted(sections)]


def _position(comment: Comment) -> int:
    return comment.clause.position if comment.clause is not None else GENERAL
