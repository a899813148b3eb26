"""Accounts: registration, signing in, roles, password resets, units.

Every function takes keyword-only arguments and an explicit actor where one acts; none reads the
request or ``current_user``. They flush; the caller (a view, a CLI command) commits.
"""

from __future__ import annotations

from datetime import datetime

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from app.accounts.models import Role, Unit, UnitCategory, User
from app.audit.writer import record
from app.core.extensions import db
from app.core.mail import send_mail
from app.core.refusal import Refused
from app.core.timeutil import utcnow

PASSWORD_MIN_LENGTH = 10
PASSWORD_MAX_LENGTH = 200
RESET_SALT = "password-reset"

# Compared against when no account has the e-mail, so that a wrong address takes as long to
# refuse as a wrong password (no account enumeration by timing).
_DUMMY_HASH = generate_password_hash("zhengqiu-no-such-account")


class AccountRefused(Refused):
    """An operation on accounts was refused; ``field`` names the form field at fault, if any."""


class EmailTaken(AccountRefused):
    def __init__(self):
        super().__init__(_l("An account with this e-mail address already exists."), "email")


class SignInRefused(AccountRefused):
    """``reason`` is "wrong" (unknown e-mail or wrong password) or "inactive"."""

    def __init__(self, reason: str):
        messages = {
            "wrong": _l("The e-mail address or password is wrong."),
            "inactive": _l("This account has been deactivated. Please contact the administrator."),
        }
        super().__init__(messages[reason])
        self.reason = reason


class ResetRefused(AccountRefused):
    def __init__(self):
        super().__init__(
            _l("This password reset link is invalid, has expired or has already been used.")
        )


def normalise_email(email: str | None) -> str:
    return (email or "").strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def _check_password_policy(password: str) -> None:
    if not PASSWORD_MIN_LENGTH <= len(password) <= PASSWORD_MAX_LENGTH:
        raise AccountRefused(
            _l(
                "The password must have at least %(min)d and at most %(max)d characters.",
                min=PASSWORD_MIN_LENGTH,
                max=PASSWORD_MAX_LENGTH,
            ),
            "password",
        )


def _flush_new(obj, refusal: AccountRefused) -> None:
    """Flush a new row; a unique constraint lost to a concurrent request becomes ``refusal``.

    The failed flush ends the transaction (it is rolled back), as it would be anyway.
    """
    db.session.add(obj)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise refusal from None


def find_or_create_unit(
    *, name: str, category: UnitCategory | str | None = None, region: str = ""
) -> Unit:
    """The unit named exactly ``name`` (after trimming spaces), or a new one.

    A new unit needs a category; an existing unit keeps its own category and region.
    """
    name = (name or "").strip()
    if not name:
        raise AccountRefused(_l("Enter the name of the unit."), "new_unit_name")
    unit = db.session.scalar(select(Unit).where(Unit.name == name))
    if unit is not None:
        return unit
    if not category:
        raise AccountRefused(_l("Choose the category of the new unit."), "new_unit_category")
    unit = Unit(name=name, category=UnitCategory(category), region=(region or "").strip())
    _flush_new(unit, AccountRefused(_l("Please try again."), "new_unit_name"))
    return unit


def create_user(
    *,
    email: str,
    name: str,
    password: str,
    role: Role | str = Role.PARTICIPANT,
    unit: Unit | None = None,
    actor: User | None = None,
    self_registered: bool = False,
) -> User:
    """A new account of any role (admins on the users page, or ``flask users create``, where
    ``actor`` is None). Refuses an e-mail address already in use. Accounts made for someone
    are audited; a participant's own sign-up is not a change by the team."""
    email = normalise_email(email)
    if find_user_by_email(email) is not None:
        raise EmailTaken()
    _check_password_policy(password)
    user = User(email=email, name=name.strip(), role=Role(role), unit=unit)
    user.set_password(password)
    _flush_new(user, EmailTaken())
    if not self_registered:
        record(
            actor=actor,
            action="user.create",
            target_type="user",
            target_id=user.id,
            after={
                "email": user.email,
                "name": user.name,
                "role": user.role,
                "unit": unit.name if unit else None,
            },
        )
        db.session.flush()
    return user


def register_participant(
    *,
    email: str,
    name: str,
    password: str,
    unit: Unit | None = None,
    new_unit: dict | None = None,
    represent: bool = False,
    now: datetime | None = None,
) -> User:
    """Sign-up: a participant commenting as an individual (no unit), for an existing ``unit``,
    or for a new unit described by ``new_unit`` (name, category, region). ``represent`` also
    asks to represent that unit, as the account page does (the team confirms it once the
    e-mail address is verified)."""
    if find_user_by_email(email) is not None:
        raise EmailTaken()
    if represent and unit is None and new_unit is None:
        raise AccountRefused(_l("Choose your unit to ask to represent it."), field="represent")
    if new_unit is not None:
        unit = find_or_create_unit(**new_unit)
    user = create_user(email=email, name=name, password=password, unit=unit, self_registered=True)
    if represent:
        from app.accounts.representatives import request_representation  # it imports us

        request_representation(user=user, now=now or utcnow(), at_sign_up=True)
    return user


def authenticate(*, email: str, password: str, now: datetime | None = None) -> User:
    """The user with this e-mail and password, with ``last_login_at`` updated.

    Raises SignInRefused("wrong") for an unknown e-mail or a wrong password alike, and
    SignInRefused("inactive") only to whoever knows a deactivated account's password.
    """
    user = find_user_by_email(email)
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        raise SignInRefused("wrong")
    if not user.check_password(password):
        raise SignInRefused("wrong")
    if not user.active:
        raise SignInRefused("inactive")
    user.last_login_at = now or utcnow()
    db.session.flush()
    return user


def change_password(*, user: User, current_password: str, new_password: str) -> User:
    """The user changes their own password; every other session of theirs ends."""
    if not user.check_password(current_password):
        raise AccountRefused(_l("The current password is wrong."), "current_password")
    _check_password_policy(new_password)
    user.set_password(new_password)
    db.session.flush()
    return user


def change_role(*, actor: User, user: User, role: Role | str) -> User:
    """An admin gives ``user`` another role; admins cannot demote themselves, so at least one
    admin always remains."""
    role = Role(role)
    if user.id == actor.id and role != Role.ADMIN:
        raise AccountRefused(_l("You cannot remove your own administrator role."))
    if user.role != role:
        record(
            actor=actor,
            action="user.role",
            target_type="user",
            target_id=user.id,
            before={"role": user.role},
            after={"role": role},
        )
    user.role = role
    db.session.flush()
    return user


def set_active(*, actor: User, user: User, active: bool) -> User:
    """An admin deactivates (every session of the user ends at once) or reactivates an
    account. Admins cannot deactivate themselves."""
    if user.id == actor.id and not active:
        raise AccountRefused(_l("You cannot deactivate your own account."))
    if user.active != active:
        record(
            actor=actor,
            action="user.active",
            target_type="user",
            target_id=user.id,
            before={"active": user.active},
            after={"active": active},
        )
    user.active = active
    db.session.flush()
    return user


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=RESET_SALT)


def make_reset_token(user: User) -> str:
    """Signed, and bound to the password's version: one reset (or any password change) spends
    every earlier link."""
    return _serializer().dumps({"user": user.id, "version": user.session_version})


RESET_MAIL = """\
{name}，您好：

我们收到了重置您在征求意见平台账号密码的请求。请在 {hours} 小时内打开下面的链接设置新密码（链接只能使用一次）：

{link}

如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。

----

Hello {name},

We received a request to reset the password of your account on the Zhengqiu consultation
platform. Open this link within {hours} hours to choose a new password (it works once):

{link}

If you did not ask for this, ignore this message; your password stays as it is.
"""


def request_password_reset(*, email: str) -> str | None:
    """Mail a reset link to the account with this e-mail, if there is an active one.

    Returns the token (None when no mail was sent); callers answer the same either way.
    The link is absolute: this needs a request context or SERVER_NAME.
    """
    user = find_user_by_email(email)
    if user is None or not user.active:
        return None
    token = make_reset_token(user)
    link = url_for("accounts.reset_password", token=token, _external=True)
    hours = max(1, current_app.config["PASSWORD_RESET_MAX_AGE"] // 3600)
    send_mail(
        to=user.email,
        subject="重置密码 · Reset your password — 征求意见平台 Zhengqiu",
        body=RESET_MAIL.format(name=user.name, link=link, hours=hours),
    )
    return token


def user_for_reset_token(*, token: str) -> User:
    """The user a reset link is for, while it is valid; else ResetRefused."""
    try:
        data = _serializer().loads(token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"])
    except (SignatureExpired, BadSignature):
        raise ResetRefused() from None
    if not isinstance(data, dict):
        raise ResetRefused()
    user = db.session.get(User, data.get("user")) if isinstance(data.get("user"), int) else None
    if user is None or not user.active or user.session_version != data.get("version"):
        raise ResetRefused()
    return user


def reset_password(*, token: str, password: str) -> User:
    """Set a new password from a reset link; the link (and every other one) is spent."""
    user = user_for_reset_token(token=token)
    _check_password_policy(password)
    user.set_password(password)
    db.session.flush()
    return user
