"""Unit representatives (单位代表): a member's claim to speak for their unit, confirmed by the
project team or by a confirmed representative of the same unit. Every decision is audited and
mailed to the requester."""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.accounts.models import RepresentativeStatus, Role, Unit, User
from app.accounts.permissions import can_confirm_representatives
from app.accounts.services import AccountRefused
from app.audit.writer import record_change
from app.core.extensions import db
from app.core.mail import send_mail

DECISION_MAIL = """\
{name}，您好：

您代表“{unit}”发表意见的申请{decision_zh}。

----

Hello {name},

Your request to speak for {unit} has been {decision_en}.
"""


def request_representation(*, user: User, now: datetime, at_sign_up: bool = False) -> User:
    """Ask to be confirmed as the representative of one's own unit; needs a verified e-mail,
    except ``at_sign_up``, where the verification link has just been mailed: the request then
    waits, and decide_representation confirms it only once the address is verified."""
    if user.role != Role.PARTICIPANT or user.unit is None:
        raise AccountRefused(_l("Only a participant with a unit can ask to represent it."))
    if not user.email_verified and not at_sign_up:
        raise AccountRefused(_l("Please verify your e-mail address first."))
    if user.representative == RepresentativeStatus.CONFIRMED:
        raise AccountRefused(_l("You already represent your unit."))
    user.representative = RepresentativeStatus.PENDING
    user.representative_at = now
    user.representative_by_id = None
    db.session.flush()
    return user


def pending_requests(*, actor: User) -> list[User]:
    """The requests the actor may decide: every unit's for the team, their own unit's for a
    representative."""
    query = (
        select(User)
        .where(User.representative == RepresentativeStatus.PENDING, User.unit_id.is_not(None))
        .order_by(User.representative_at, User.id)
    )
    if actor.role not in (Role.TEAM, Role.ADMIN):
        query = query.where(User.unit_id == actor.unit_id, User.id != actor.id)
    return list(db.session.scalars(query))


def representatives_of(unit: Unit) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(User.unit_id == unit.id, User.representative == RepresentativeStatus.CONFIRMED)
            .order_by(User.name)
        )
    )


def decide_representation(*, actor: User, user: User, confirm: bool, now: datetime) -> User:
    """Confirm or refuse ``user`` as representative of their unit (or, for the team, mark or
    unmark any member). Refused for whoever may not decide for that unit."""
    if user.unit is None or not can_confirm_representatives(actor, user.unit):
        raise AccountRefused(_l("You cannot decide who represents this unit."))
    if actor.id == user.id:
        raise AccountRefused(_l("You cannot confirm yourself."))
    if confirm and not user.email_verified:
        raise AccountRefused(_l("This person has not verified their e-mail address yet."))
    before = {"representative": user.representative.value, "unit": user.unit.name}
    user.representative = (
        RepresentativeStatus.CONFIRMED if confirm else RepresentativeStatus.REFUSED
    )
    user.representative_by_id = actor.id
    user.representative_at = now
    record_change(
        user,
        actor=actor,
        action="user.representative",
        before=before,
        after={"representative": user.representative.value, "unit": user.unit.name},
        at=now,
    )
    db.session.flush()
    send_mail(
        to=user.email,
        subject="单位代表申请 · Unit representative — 征求意见平台 Zhengqiu",
        body=DECISION_MAIL.format(
            name=user.name,
            unit=user.unit.name,
            decision_zh="已获确认" if confirm else "未获确认",
            decision_en="confirmed" if confirm else "declined",
        ),
    )
    return user
