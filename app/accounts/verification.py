"""E-mail verification (邮箱验证): a signed, expiring link mailed at sign-up and on request.

An unverified account signs in and comments as a person; speaking for a unit needs a verified
address (see permissions.can_speak_for_unit).
"""

from __future__ import annotations

from datetime import datetime

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from app.accounts.models import User
from app.accounts.services import AccountRefused
from app.core.extensions import db
from app.core.mail import send_mail

VERIFY_SALT = "email-verification"
VERIFY_MAX_AGE = 3 * 24 * 3600

VERIFY_MAIL = """\
{name}，您好：

请在 {days} 天内打开下面的链接，确认 {email} 是您的邮箱地址：

{link}

如果您没有在征求意见平台注册账号，请忽略本邮件。

----

Hello {name},

Open this link within {days} days to confirm that {email} is your e-mail address:

{link}

If you did not create an account on the Zhengqiu consultation platform, ignore this message.
"""


class VerificationRefused(AccountRefused):
    def __init__(self):
        super().__init__(
            _l("This verification link is invalid or has expired. Ask for a new one below.")
        )


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=VERIFY_SALT)


def make_verification_token(user: User) -> str:
    """Bound to the address, so a link for an earlier address verifies nothing."""
    return _serializer().dumps({"user": user.id, "email": user.email})


def send_verification(*, user: User) -> str:
    """Mail the verification link to ``user``; returns the token. Needs a request context or
    SERVER_NAME (the link is absolute)."""
    token = make_verification_token(user)
    link = url_for("trust.verify_email", token=token, _external=True)
    max_age = current_app.config.get("EMAIL_VERIFY_MAX_AGE", VERIFY_MAX_AGE)
    send_mail(
        to=user.email,
        subject="确认邮箱地址 · Confirm your e-mail address — 征求意见平台 Zhengqiu",
        body=VERIFY_MAIL.format(
            name=user.name, email=user.email, link=link, days=max(1, max_age // 86400)
        ),
    )
    return token


def verify_email(*, token: str, now: datetime) -> User:
    """Mark the address of the link's user verified; VerificationRefused for a bad, expired or
    outdated link. Verifying twice keeps the first time."""
    max_age = current_app.config.get("EMAIL_VERIFY_MAX_AGE", VERIFY_MAX_AGE)
    try:
        data = _serializer().loads(token, max_age=max_age)
    except (SignatureExpired, BadSignature):
        raise VerificationRefused() from None
    if not isinstance(data, dict) or not isinstance(data.get("user"), int):
        raise VerificationRefused()
    user = db.session.get(User, data["user"])
    if user is None or not user.active or user.email != data.get("email"):
        raise VerificationRefused()
    if user.email_verified_at is None:
        user.email_verified_at = now
        db.session.flush()
    return user
