"""Co-signatures (联名): a unit named on a comment confirms before its name appears.

The unit's confirmed representative decides; for a unit that has none yet the project team
decides on the unit's behalf, with a reason (e.g. the unit's signed letter). Every decision is
audited and mailed to the comment's author.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.accounts.models import RepresentativeStatus, User
from app.accounts.permissions import can_speak_for_unit, is_team
from app.audit.writer import record
from app.comments.models import Comment, CommentStatus, Cosignature, CosignatureState
from app.comments.rules import can_decide_cosignature
from app.core.extensions import db
from app.core.mail import send_mail
from app.core.refusal import Refused

DECISION_MAIL = """\
{name}，您好：

您的意见 {receipt} 列出的联名单位“{unit}”{decision_zh}联名。{shown_zh}

----

Hello {name},

{unit} has {decision_en} to co-sign your comment {receipt}.{shown_en}
"""


def represented_unit_ids(unit_ids) -> set[int]:
    """Of ``unit_ids``, the units that have a confirmed representative."""
    unit_ids = set(unit_ids)
    if not unit_ids:
        return set()
    return set(
        db.session.scalars(
            select(User.unit_id).where(
                User.unit_id.in_(unit_ids),
                User.representative == RepresentativeStatus.CONFIRMED,
                User.email_verified_at.is_not(None),
                User.active.is_(True),
            )
        )
    )


def pending_cosignatures(*, actor: User) -> list[Cosignature]:
    """The co-signatures waiting on submitted comments that ``actor`` sees: every unit's for
    the team, their own unit's for a representative."""
    query = (
        select(Cosignature)
        .join(Comment, Comment.id == Cosignature.comment_id)
        .where(
            Cosignature.state == CosignatureState.PENDING,
            Comment.status == CommentStatus.SUBMITTED,
        )
        .options(selectinload(Cosignature.comment), selectinload(Cosignature.unit))
        .order_by(Comment.created_at, Comment.id, Cosignature.unit_id)
    )
    if not is_team(actor):
        query = query.where(Cosignature.unit_id == actor.unit_id)
    return list(db.session.scalars(query))


def decide_cosignature(
    *, actor: User, cosignature: Cosignature, confirm: bool, reason: str = "", now: datetime
) -> Cosignature:
    """Confirm or decline a pending co-signature, for the co-signing unit.

    Refused unless ``actor`` is that unit's confirmed representative, or the team deciding for
    a unit without one (then ``reason`` is required); refused once decided, or for a withdrawn
    comment. Flushed, audited, and mailed to the author.
    """
    unit, comment = cosignature.unit, cosignature.comment
    has_representative = unit.id in represented_unit_ids([unit.id])
    if not can_decide_cosignature(actor, unit, unit_has_representative=has_representative):
        if is_team(actor):
            raise Refused(_l("This unit has a representative, who decides for it."))
        raise Refused(_l("Only a confirmed representative of this unit can decide."))
    if cosignature.state != CosignatureState.PENDING:
        raise Refused(_l("This co-signature has already been decided."))
    if comment.status != CommentStatus.SUBMITTED:
        raise Refused(_l("This comment has been withdrawn."))
    reason = (reason or "").strip()
    on_behalf = not can_speak_for_unit(actor, unit)
    if on_behalf and not reason:
        raise Refused(
            _l("Give the reason for deciding on the unit's behalf, e.g. its signed letter.")
        )
    before = {"unit": unit.name, "cosignature": cosignature.state.value}
    cosignature.state = CosignatureState.CONFIRMED if confirm else CosignatureState.DECLINED
    cosignature.decided_by_id = actor.id
    cosignature.decided_at = now
    cosignature.reason = reason[:500]
    after = {"unit": unit.name, "cosignature": cosignature.state.value}
    if reason:
        after["reason"] = cosignature.reason
    record(
        actor=actor,
        action="comment.cosignature",
        target_type="comment",
        target_id=comment.id,
        revision_id=comment.revision_id,
        before=before,
        after=after,
        at=now,
    )
    db.session.flush()
    if comment.author is not None:
        _mail_author(comment, unit.name, confirm)
    return cosignature


def _mail_author(comment: Comment, unit_name: str, confirm: bool) -> None:
    send_mail(
        to=comment.author.email,
        subject=f"联名确认 · Co-signature — {comment.receipt}",
        body=DECISION_MAIL.format(
            name=comment.author.name,
            receipt=comment.receipt,
            unit=unit_name,
            decision_zh="已同意" if confirm else "未同意",
            decision_en="agreed" if confirm else "declined",
            shown_zh="该单位现作为联名单位显示。" if confirm else "该单位不会作为联名单位显示。",
            shown_en=(
                " It is now shown as a co-signing unit."
                if confirm
                else " It will not be shown as a co-signing unit."
            ),
        ),
    )


def reopen_cosignatures(*, comment: Comment, actor: User, now: datetime) -> None:
    """After the author rewords a comment, its confirmed co-signers confirm again: they put
    their name to the earlier text. Audited per unit; declined ones stay declined."""
    for cosignature in comment.cosignatures_in(CosignatureState.CONFIRMED):
        cosignature.state = CosignatureState.PENDING
        cosignature.decided_by_id = None
        cosignature.decided_at = None
        cosignature.reason = ""
        record(
            actor=actor,
            action="comment.cosignature",
            target_type="comment",
            target_id=comment.id,
            revision_id=comment.revision_id,
            before={"unit": cosignature.unit.name, "cosignature": "confirmed"},
            after={"unit": cosignature.unit.name, "cosignature": "pending"},
            at=now,
        )
    db.session.flush()
