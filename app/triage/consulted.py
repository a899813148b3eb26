"""The consulted units (征求意见单位) of a revision, and how each replied.

A unit is consulted when its RevisionUnit row has an invitation date. Its reply is read, not
stored: it replied with comments when it has submitted comments on the revision (any
channel, in its own name or co-signing), replied "no comments" (无意见) when it declared so
and has no comments, otherwise it has not replied. The summary's footer counts them:
① consulted = ② replied + ④ not replied, and ③ with comments ≤ ②.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, union
from sqlalchemy.orm import contains_eager

from app.accounts.models import Unit, UnitCategory
from app.audit.writer import record
from app.comments.models import (
    Comment,
    CommentStatus,
    CosignatureState,
    RevisionUnit,
    comment_cosigners,
)
from app.core.extensions import db
from app.core.refusal import Refused
from app.core.timeutil import local_day_start, zone
from app.measures.models import Revision
from app.triage.entry import NewUnit, find_or_create_unit

INVITE_CHANNELS = ("letter", "email", "online", "seminar", "other")
_FIELDS = re.compile(r"\t|,|，")


class Reply(enum.StrEnum):
    COMMENTS = "comments"
    NO_COMMENTS = "no_comments"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Figures:
    """The footer's figures; ``uninvited`` counts units that commented without an invitation
    (they are not part of ① to ④)."""

    consulted: int
    replied: int
    with_comments: int
    no_comments: int
    not_replied: int
    uninvited: int = 0


@dataclass(frozen=True, slots=True)
class ConsultedRow:
    unit: Unit
    invitation: RevisionUnit
    reply: Reply


@dataclass(slots=True)
class PasteReport:
    added: list[str]
    duplicates: list[tuple[int, str]]  # (line number, name): already on the list or repeated


class PasteRefused(Refused):
    """A pasted list with bad lines: nothing was stored; ``lines`` are (number, message)."""

    def __init__(self, lines: list[tuple[int, str]]) -> None:
        super().__init__(_l("Nothing was added: some lines could not be read."))
        self.lines = lines


def commenting_unit_ids(revision: Revision) -> set[int]:
    """Units with submitted comments on the revision, in their name or as co-signers (once
    they confirmed: a unit merely named has not replied)."""
    own = select(Comment.unit_id).where(
        Comment.revision_id == revision.id,
        Comment.status == CommentStatus.SUBMITTED,
        Comment.unit_id.is_not(None),
    )
    cosigned = (
        select(comment_cosigners.c.unit_id)
        .join(Comment, Comment.id == comment_cosigners.c.comment_id)
        .where(
            Comment.revision_id == revision.id,
            Comment.status == CommentStatus.SUBMITTED,
            comment_cosigners.c.state == CosignatureState.CONFIRMED,
        )
    )
    return set(db.session.scalars(union(own, cosigned)))


def _invitations(revision: Revision) -> list[RevisionUnit]:
    return list(
        db.session.scalars(
            select(RevisionUnit)
            .join(Unit, Unit.id == RevisionUnit.unit_id)
            .options(contains_eager(RevisionUnit.unit))  # every row shows its unit
            .where(RevisionUnit.revision_id == revision.id, RevisionUnit.invited_at.is_not(None))
            .order_by(Unit.name)
        )
    )


def _reply(invitation: RevisionUnit, commenting: set[int]) -> Reply:
    if invitation.unit_id in commenting:
        return Reply.COMMENTS
    if invitation.no_comments_at is not None:
        return Reply.NO_COMMENTS
    return Reply.NONE


@dataclass(frozen=True, slots=True)
class Consultation:
    """The consulted units' page in one reading: rows, footer figures, uninvited units."""

    rows: list[ConsultedRow]
    figures: Figures
    uninvited: list[Unit]


def consultation(revision: Revision) -> Consultation:
    """Each consulted unit with its invitation and reply (by name), the figures ①–④, and the
    units that commented without being consulted — from one reading of each table."""
    commenting = commenting_unit_ids(revision)
    invitations = _invitations(revision)
    rows = [ConsultedRow(i.unit, i, _reply(i, commenting)) for i in invitations]
    uninvited_ids = commenting - {i.unit_id for i in invitations}
    uninvited = []
    if uninvited_ids:
        uninvited = list(
            db.session.scalars(select(Unit).where(Unit.id.in_(uninvited_ids)).order_by(Unit.name))
        )
    return Consultation(rows, _figures([row.reply for row in rows], len(uninvited_ids)), uninvited)


def consultation_figures(revision: Revision) -> Figures:
    """① consulted, ② replied, ③ replied with comments, "no comments", ④ not replied; and
    the units that commented without being consulted."""
    commenting = commenting_unit_ids(revision)
    invitations = _invitations(revision)
    replies = [_reply(i, commenting) for i in invitations]
    return _figures(replies, len(commenting - {i.unit_id for i in invitations}))


def _figures(replies: list[Reply], uninvited: int) -> Figures:
    with_comments = replies.count(Reply.COMMENTS)
    no_comments = replies.count(Reply.NO_COMMENTS)
    return Figures(
        consulted=len(replies),
        replied=with_comments + no_comments,
        with_comments=with_comments,
        no_comments=no_comments,
        not_replied=replies.count(Reply.NONE),
        uninvited=uninvited,
    )


def _channel(channel: str) -> str:
    if channel not in INVITE_CHANNELS:
        raise Refused(_l("Please choose how the unit was invited."))
    return channel


def _row(revision: Revision, unit: Unit) -> RevisionUnit | None:
    return db.session.scalar(
        select(RevisionUnit).filter_by(revision_id=revision.id, unit_id=unit.id)
    )


def _invite(revision, unit, *, invited_on, channel, note, actor, now, source) -> RevisionUnit:
    row = _row(revision, unit)
    if row is None:  # a row may exist already: the unit declared "no comments" uninvited
        row = RevisionUnit(revision_id=revision.id, unit_id=unit.id)
        db.session.add(row)
    row.invited_at = local_day_start(invited_on, zone())
    row.invite_channel = channel
    row.note = note
    db.session.flush()
    record(
        actor=actor,
        action="consulted.add",
        target_type="unit",
        target_id=unit.id,
        after={
            "unit": unit.name,
            "invited_on": invited_on,
            "channel": channel,
            "note": note,
            "source": source,
        },
        revision_id=revision.id,
        at=now,
    )
    return row


def add_consulted_unit(
    *,
    revision: Revision,
    actor,
    invited_on: date,
    channel: str,
    note: str = "",
    unit_id: int | None = None,
    new_unit: NewUnit | None = None,
    now: datetime,
) -> RevisionUnit:
    """Put one unit (picked, or entered by name and created if unknown) on the list."""
    channel = _channel(channel)
    note = (note or "").strip()
    if len(note) > 200:
        raise Refused(_l("The note is too long (at most 200 characters)."))
    if new_unit is not None and (new_unit.name or "").strip():
        unit = find_or_create_unit(new=new_unit, actor=actor, revision=revision, now=now)
    elif unit_id is not None and (unit := db.session.get(Unit, unit_id)) is not None:
        pass
    else:
        raise Refused(_l("Please pick a unit or enter a new one."))
    row = _row(revision, unit)
    if row is not None and row.invited_at is not None:
        raise Refused(_l("%(unit)s is already on the list.", unit=unit.name))
    return _invite(
        revision,
        unit,
        invited_on=invited_on,
        channel=channel,
        note=note,
        actor=actor,
        now=now,
        source="one",
    )


def parse_unit_lines(text: str) -> tuple[list[tuple[int, NewUnit]], list[tuple[int, str]]]:
    """Lines of ``name[<tab or comma>category[<tab or comma>region]]`` → units and errors."""
    units, errors = [], []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        if not raw.strip():
            continue
        parts = [part.strip() for part in _FIELDS.split(raw)]
        name = re.sub(r"\s+", " ", parts[0])
        if len(parts) > 3:
            errors.append((number, _l("too many fields: give a name, a category and a region")))
        elif not name:
            errors.append((number, _l("the unit's name is missing")))
        elif len(name) > 200:
            errors.append((number, _l("the unit's name is too long")))
        elif len(parts) > 1 and parts[1] and parts[1].upper() not in UnitCategory.__members__:
            errors.append((number, _l("unknown unit category “%(code)s”", code=parts[1])))
        else:
            category = parts[1].upper() if len(parts) > 1 and parts[1] else ""
            region = parts[2] if len(parts) > 2 else ""
            units.append((number, NewUnit(name=name, category=category, region=region)))
    return units, errors


def paste_consulted_units(
    *, revision: Revision, actor, text: str, invited_on: date, channel: str, now: datetime
) -> PasteReport:
    """Add a pasted list of units, all or nothing: a bad line refuses the whole list with a
    line-numbered report. Unknown units are created (category OT unless given); units
    already on the list, or repeated in the paste, are reported and skipped."""
    channel = _channel(channel)
    units, errors = parse_unit_lines(text)
    if errors:
        raise PasteRefused(errors)
    if not units:
        raise Refused(_l("Please paste one unit per line."))
    report = PasteReport(added=[], duplicates=[])
    seen: set[str] = set()
    for number, new in units:
        if new.name in seen:
            report.duplicates.append((number, new.name))
            continue
        seen.add(new.name)
        existing = db.session.scalar(select(Unit).filter_by(name=new.name))
        row = _row(revision, existing) if existing is not None else None
        if row is not None and row.invited_at is not None:
            report.duplicates.append((number, new.name))
            continue
        unit = existing or find_or_create_unit(new=new, actor=actor, revision=revision, now=now)
        _invite(
            revision,
            unit,
            invited_on=invited_on,
            channel=channel,
            note="",
            actor=actor,
            now=now,
            source=f"paste, line {number}",
        )
        report.added.append(unit.name)
    return report


def remove_consulted_unit(*, revision: Revision, unit: Unit, actor, now: datetime) -> None:
    """Take a unit off the list (audited ``consulted.remove`` with what it was). A "no
    comments" declaration it made is a reply, and stays."""
    row = _row(revision, unit)
    if row is None or row.invited_at is None:
        raise Refused(_l("%(unit)s is not on the list.", unit=unit.name))
    before = {
        "unit": unit.name,
        "invited_at": row.invited_at,
        "channel": row.invite_channel,
        "note": row.note,
    }
    if row.no_comments_at is None:
        db.session.delete(row)
    else:
        row.invited_at, row.invite_channel, row.note = None, "", ""
    db.session.flush()
    record(
        actor=actor,
        action="consulted.remove",
        target_type="unit",
        target_id=unit.id,
        before=before,
        revision_id=revision.id,
        at=now,
    )


def record_no_comments_reply(
    *, revision: Revision, unit: Unit, actor, no_comments: bool, now: datetime
) -> None:
    """Record (or withdraw) a consulted unit's reply that it has no comments, received by
    letter or e-mail (audited ``consulted.no_comments``)."""
    row = _row(revision, unit)
    if row is None or row.invited_at is None:
        raise Refused(_l("%(unit)s is not on the list.", unit=unit.name))
    before = {"no_comments_at": row.no_comments_at}
    row.no_comments_at = now if no_comments else None
    row.no_comments_by_id = actor.id if no_comments else None
    db.session.flush()
    record(
        actor=actor,
        action="consulted.no_comments",
        target_type="unit",
        target_id=unit.id,
        before=before,
        after={"no_comments_at": row.no_comments_at},
        revision_id=revision.id,
        at=now,
    )
