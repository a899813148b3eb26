"""Signing in through the shared limits: the one service the sign-in page calls."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _

from app.accounts.models import User
from app.accounts.services import SignInRefused, authenticate, find_user_by_email, normalise_email
from app.accounts.sign_in_limits import ACCOUNT, IP, SignInLocked, counters, settings
from app.audit.writer import record
from app.core.mail import send_mail
from app.core.templating import local_datetime
from app.core.timeutil import utcnow


def sign_in(*, email: str, password: str, address: str, now: datetime | None = None) -> User:
    """The user with this e-mail and password, unless the account or address is locked.

    A wrong password or unknown e-mail counts one failure for the typed address and one for the
    network address; the failure that reaches a limit locks, records the lock in the audit
    trail, tells the account's owner, and raises SignInLocked instead of SignInRefused. The
    caller commits in both cases, so that every worker sees the count.
    """
    now = now or utcnow()
    email = normalise_email(email)
    store = counters()
    for kind, key in ((IP, address), (ACCOUNT, email)):
        until = store.locked_until(kind, key, now)
        if until is not None:
            raise SignInLocked(kind, until)
    try:
        user = authenticate(email=email, password=password, now=now)
    except SignInRefused as error:
        if error.reason == "wrong":
            _count_failure(store, email=email, address=address, now=now)
        raise
    store.clear(ACCOUNT, email)  # the owner is back: earlier typos no longer count
    return user


def _count_failure(store, *, email: str, address: str, now: datetime) -> None:
    limits, _window, lock = settings()
    locked = None
    for kind, key in ((ACCOUNT, email), (IP, address)):
        failures = store.fail(kind, key, now)
        if failures < limits[kind]:
            continue
        store.lock(kind, key, now)
        owner = find_user_by_email(email) if kind == ACCOUNT else None
        record(
            actor=None,
            action="sign_in.lock",
            target_type="user" if owner else "sign_in",
            target_id=owner.id if owner else None,
            after={"kind": kind, "key": key, "failures": failures, "until": now + lock},
            at=now,
        )
        if owner is not None:
            _notify_owner(owner, failures=failures, until=now + lock)
        locked = locked or kind
    if locked:
        raise SignInLocked(locked, now + lock)


def _notify_owner(user: User, *, failures: int, until: datetime) -> None:
    send_mail(
        to=user.email,
        subject=_("Signing in to your account has been paused"),
        body=_(
            "Hello %(name)s,\n\nthere were %(failures)s failed attempts to sign in to your "
            "account with a wrong password. To protect it, signing in is paused until "
            "%(until)s (Beijing time).\n\nIf this was you, wait until then or choose a new "
            'password with "Forgot your password?" on the sign-in page. If it was not you, '
            "your password is still safe; you may want to choose a new one.\n",
            name=user.name,
            failures=failures,
            until=local_datetime(until),
        ),
    )
