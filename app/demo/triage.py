"""Example triage for `flask demo`: the two seminars of the 认证人员管理办法 draft (Nanjing and
Guangzhou, January 2021) with the comments recorded there, a letter and a late e-mail, groups
accepted from the suggestion engine, answers in every state, assignments and a note.

Everything goes through the team's own services, so the demo has the audit trail a real
consultation would have. Deterministic (``random.Random(2021)``), and added once: the caller
runs it only when it has just added the example comments.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time

from sqlalchemy import select

from app.accounts.models import Role, User
from app.comments.models import Comment, CommentStatus
from app.comments.services import CommentInput
from app.core.extensions import db
from app.demo.content import SHANGHAI, TOPICS
from app.demo.seminars import ANSWERS, LETTERS, SEMINARS
from app.measures.models import Revision
from app.triage.assignment import add_note, assign_comments
from app.triage.entry import EntryInput, NewUnit, enter_comment
from app.triage.events import create_event
from app.triage.grouping import group_comments, suggestions
from app.triage.models import ResponseState
from app.triage.responses import approve_response, draft_response, publish_response

GROUPS_ACCEPTED = 30  # the other suggestions stay open: the demo shows work in progress


def load_example_triage(revision: Revision) -> list[str]:
    """Seminars, entered comments, groups, answers and assignments on ``revision``."""
    team = _staff(Role.TEAM)
    reviewer = _staff(Role.REVIEWER)
    if team is None or reviewer is None:
        return ["example triage: skipped (no team or reviewer account)"]
    rng = random.Random(2021)
    entered = _seminars(revision, team) + _letters(revision, team)
    groups, answered = _groups_and_answers(revision, team, reviewer)
    _assignments(rng, revision, team)
    return [
        f"example triage: {len(SEMINARS)} seminars, {entered} comments entered by the team, "
        f"{groups} groups, {answered} answers"
    ]


def _staff(role: Role) -> User | None:
    return db.session.scalar(
        select(User).where(User.role == role, User.active.is_(True)).order_by(User.id).limit(1)
    )


def _at(day: date, hour: int = 18) -> datetime:
    """A local moment of ``day`` as the naive UTC the database keeps."""
    local = datetime.combine(day, time(hour), SHANGHAI)
    return local.astimezone(UTC).replace(tzinfo=None)


def _seminars(revision: Revision, team: User) -> int:
    count = 0
    for title, city, held_on, remarks in SEMINARS:
        event = create_event(
            revision=revision, actor=team, title=title, city=city, held_on=held_on,
            now=_at(held_on, 9),
        )  # fmt: skip
        for person, unit, category, clause, kind, body, proposed in remarks:
            type_code, _, stance = kind.partition(":")
            _enter(
                revision, team, now=_at(held_on),
                data=EntryInput(
                    author_name=person, channel="seminar", received_on=held_on, clause=clause,
                    new_unit=NewUnit(name=unit, category=category), event_id=event.id,
                    text=CommentInput(body=body, type=type_code, stance=stance,
                                      proposed=proposed, consent="private"),
                ),
            )  # fmt: skip
            count += 1
    return count


def _letters(revision: Revision, team: User) -> int:
    for person, unit, category, channel, received_on, clause, body in LETTERS:
        _enter(
            revision, team, now=_at(max(received_on, date(2021, 2, 9))),
            data=EntryInput(
                author_name=person, channel=channel, received_on=received_on, clause=clause,
                new_unit=NewUnit(name=unit, category=category),
                text=CommentInput(body=body, type="te", consent="private"),
            ),
        )  # fmt: skip
    return len(LETTERS)


def _enter(revision: Revision, team: User, *, data: EntryInput, now: datetime) -> None:
    comment, _new = enter_comment(revision=revision, actor=team, data=data, tz=SHANGHAI, now=now)
    comment.example = True


def _groups_and_answers(revision: Revision, team: User, reviewer: User) -> tuple[int, int]:
    """Accept the engine's suggestions of near-identical comments as groups, and answer the
    groups whose point the drafting team has an answer to, in the states such answers reach."""
    db.session.flush()
    grouped_on = date(2021, 2, 10)
    groups = answered = 0
    # Copies only: the same-point suggestions are left for the team to review, as they should.
    copies = suggestions(revision, scope="clause", tiers=("copies",))
    for number, suggestion in enumerate(copies):
        members = db.session.scalars(select(Comment).where(Comment.id.in_(suggestion.ids))).all()
        answer = _answer_for(members)
        if answer is None and groups >= GROUPS_ACCEPTED:
            continue  # left as suggestions, for the team to review on the suggestions page
        title = answer[0] if answer else _topic_title(members)
        group = group_comments(
            revision=revision, comment_ids=suggestion.ids, actor=team, title=title,
            similarity=suggestion.similarity, now=_at(grouped_on, 10 + number % 8),
        )  # fmt: skip
        groups += 1
        if answer is None:
            continue
        _title, disposition, reason, reason_en, state = answer
        response = draft_response(
            target=group, actor=team, disposition=disposition, reason=reason,
            reason_en=reason_en, now=_at(date(2021, 2, 15), 15),
        )  # fmt: skip
        answered += 1
        if state in (ResponseState.APPROVED, ResponseState.PUBLISHED):
            approve_response(response=response, actor=reviewer, now=_at(date(2021, 2, 18), 11))
        if state == ResponseState.PUBLISHED:
            publish_response(response=response, actor=team, now=_at(date(2021, 2, 22), 9))
    return groups, answered


def _topic_title(members: list[Comment]) -> str:
    """A short title: the start of the point every member makes (they share a template)."""
    for topic in TOPICS:
        if all(topic.body in member.body for member in members):
            return topic.body[:24].rstrip("，。、") + "……"
    return members[0].body[:24] + "……"


def _answer_for(members: list[Comment]):
    for key, answer in ANSWERS.items():
        if all(key in member.body for member in members):
            return answer
    return None


def _assignments(rng, revision: Revision, team: User) -> None:
    """A share of the still unanswered comments sits with the team member, with a note."""
    open_comments = db.session.scalars(
        select(Comment)
        .where(
            Comment.revision_id == revision.id,
            Comment.group_id.is_(None),
            Comment.status == CommentStatus.SUBMITTED,
        )
        .order_by(Comment.id)
    ).all()
    chosen = rng.sample(open_comments, min(40, len(open_comments)))
    now = _at(date(2021, 2, 11), 10)
    assign_comments(comments=chosen, assignee=team, actor=team, now=now)
    add_note(
        comment=chosen[0], actor=team, now=now,
        body="与注册机构核实现行做法后答复；涉及第二稿结构调整，暂缓归并。",
    )  # fmt: skip
