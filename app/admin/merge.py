"""Merging duplicate units (合并重复单位): "中国认证认可协会" and "中国认证认可协会（CCAA）" are
one organisation entered twice. Everything that names the merged unit moves to the kept one in
one transaction, then the merged unit is removed and the merge is audited with both names and
the counts moved.

What names a unit (every ``ForeignKey("units.id")``): its members (users.unit_id), comments in
its name (comments.unit_id), its co-signatures (comment_cosigners), its standing in each
revision's consultation (revision_units) and the feedback forms it returned (form_imports).
A test checks that this list covers every foreign key to units.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, or_, select, update

from app.accounts.admin_units import require_admin
from app.accounts.models import RepresentativeStatus, Unit, User
from app.audit.writer import record
from app.comments.models import (
    Comment,
    Cosignature,
    CosignatureState,
    RevisionUnit,
    comment_cosigners,
)
from app.core.extensions import db
from app.core.refusal import Refused
from app.feedback.models import FormImport

# The columns that reference units.id, as "table.column": what merge_units moves.
MOVED_REFERENCES = {
    "users.unit_id",
    "comments.unit_id",
    "comment_cosigners.unit_id",
    "revision_units.unit_id",
    "form_imports.unit_id",
}


@dataclass(frozen=True)
class MergePlan:
    """What a merge moves (or moved): counts shown on the confirmation page and audited."""

    members: int
    representatives: int  # confirmed ones among the members
    comments: int
    cosignatures: int  # co-signatures that move to the kept unit
    cosignatures_dropped: int  # that would repeat a unit on the same comment
    consultations: int  # revisions whose consultation names the merged unit
    consultations_combined: int  # of which the kept unit was consulted in too
    form_imports: int


def _count(query) -> int:
    return db.session.scalar(query) or 0


def _repeated_cosignatures(merged: Unit, kept: Unit):
    """Co-signature rows a merge removes instead of moving: the merged unit's where the kept
    unit co-signed the same comment, and any co-signature of a comment that, once merged, the
    kept unit wrote itself."""
    cs = comment_cosigners
    other = cs.alias("kept_cosigners")
    both_units = [merged.id, kept.id]
    return or_(
        (cs.c.unit_id == merged.id)
        & or_(
            cs.c.comment_id.in_(select(other.c.comment_id).where(other.c.unit_id == kept.id)),
            cs.c.comment_id.in_(select(Comment.id).where(Comment.unit_id.in_(both_units))),
        ),
        (cs.c.unit_id == kept.id)
        & cs.c.comment_id.in_(select(Comment.id).where(Comment.unit_id == merged.id)),
    )


def _keep_confirmations(merged: Unit, kept: Unit) -> None:
    """Where both units co-signed one comment, the kept unit's row stays and the merged
    unit's goes; a confirmation given under the merged name is carried to the row that stays,
    so the merge never hides a co-signature the unit had confirmed."""
    confirmed_as_merged = select(Cosignature).where(
        Cosignature.unit_id == merged.id,
        Cosignature.state == CosignatureState.CONFIRMED,
        Cosignature.comment_id.in_(
            select(comment_cosigners.c.comment_id).where(comment_cosigners.c.unit_id == kept.id)
        ),
    )
    for theirs in db.session.scalars(confirmed_as_merged).all():
        ours = db.session.get(Cosignature, (theirs.comment_id, kept.id))
        if ours is not None and ours.state != CosignatureState.CONFIRMED:
            ours.state = CosignatureState.CONFIRMED
            ours.decided_by_id = theirs.decided_by_id
            ours.decided_at = theirs.decided_at
            ours.reason = theirs.reason
    db.session.flush()


def merge_plan(*, merged: Unit, kept: Unit) -> MergePlan:
    """What merging ``merged`` into ``kept`` would move, counted without changing anything."""
    cs = comment_cosigners
    kept_revisions = select(RevisionUnit.revision_id).where(RevisionUnit.unit_id == kept.id)
    members = User.unit_id == merged.id
    consultations = RevisionUnit.unit_id == merged.id
    return MergePlan(
        members=_count(select(func.count(User.id)).where(members)),
        representatives=_count(
            select(func.count(User.id)).where(
                members, User.representative == RepresentativeStatus.CONFIRMED
            )
        ),
        comments=_count(select(func.count(Comment.id)).where(Comment.unit_id == merged.id)),
        cosignatures=_count(
            select(func.count())
            .select_from(cs)
            .where(cs.c.unit_id == merged.id, ~_repeated_cosignatures(merged, kept))
        ),
        cosignatures_dropped=_count(
            select(func.count()).select_from(cs).where(_repeated_cosignatures(merged, kept))
        ),
        consultations=_count(select(func.count(RevisionUnit.id)).where(consultations)),
        consultations_combined=_count(
            select(func.count(RevisionUnit.id)).where(
                consultations, RevisionUnit.revision_id.in_(kept_revisions)
            )
        ),
        form_imports=_count(
            select(func.count(FormImport.id)).where(FormImport.unit_id == merged.id)
        ),
    )


def _combine(row: RevisionUnit, into: RevisionUnit) -> None:
    """Both units were consulted in one revision: the kept row takes what only the merged one
    recorded (the invitation, the "no comments" reply, a note); the earlier invitation wins."""
    if row.invited_at is not None and (into.invited_at is None or row.invited_at < into.invited_at):
        into.invited_at, into.invite_channel = row.invited_at, row.invite_channel
    if into.no_comments_at is None and row.no_comments_at is not None:
        into.no_comments_at, into.no_comments_by_id = row.no_comments_at, row.no_comments_by_id
    if row.note and row.note not in into.note:
        into.note = "；".join(part for part in (into.note, row.note) if part)[:200]


def _move_consultations(merged: Unit, kept: Unit) -> None:
    kept_rows = {
        row.revision_id: row
        for row in db.session.scalars(select(RevisionUnit).filter_by(unit_id=kept.id))
    }
    for row in db.session.scalars(select(RevisionUnit).filter_by(unit_id=merged.id)).all():
        if row.revision_id in kept_rows:
            _combine(row, kept_rows[row.revision_id])
            db.session.delete(row)
        else:
            row.unit_id = kept.id
    db.session.flush()


def merge_units(*, merged: Unit, kept: Unit, actor, now: datetime) -> MergePlan:
    """Move everything that names ``merged`` to ``kept``, remove ``merged``, audit the merge.

    All of it happens in one savepoint: if any statement fails, nothing of the merge stays
    in the session. Members keep their standing as representatives: the unit they speak for
    is the same organisation under its kept name."""
    require_admin(actor)
    if merged.id == kept.id:
        raise Refused(_l("A unit cannot be merged into itself."))
    db.session.flush()
    plan = merge_plan(merged=merged, kept=kept)
    cs = comment_cosigners
    with db.session.begin_nested():
        _move_consultations(merged, kept)
        _keep_confirmations(merged, kept)
        db.session.execute(delete(cs).where(_repeated_cosignatures(merged, kept)))
        db.session.execute(update(cs).where(cs.c.unit_id == merged.id).values(unit_id=kept.id))
        for model in (User, Comment, FormImport):
            db.session.execute(
                update(model)
                .where(model.unit_id == merged.id)
                .values(unit_id=kept.id)
                .execution_options(synchronize_session=False)
            )
        record(
            actor=actor,
            action="unit.merge",
            target_type="unit",
            target_id=kept.id,
            before={"merged_unit": merged.name, "merged_unit_id": merged.id},
            after={"kept_unit": kept.name, **asdict(plan)},
            at=now,
        )
        db.session.execute(
            delete(Unit).where(Unit.id == merged.id).execution_options(synchronize_session=False)
        )
        db.session.flush()
    # The statements above bypassed the session's objects: read them afresh.
    db.session.expunge(merged)
    db.session.expire_all()
    return plan
