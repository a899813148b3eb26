"""Sign-in limits that every worker process shares: per account and per network address.

Flask-Limiter's ``memory://`` storage keeps one set of counters per gunicorn worker, so four
workers let four times the limit through, and a limit keyed only by address locked out every
colleague behind an office's one NAT address. Here failures are counted where all workers see
them: in the database by default (the ``login_failures`` table), or in the shared storage
RATELIMIT_STORAGE_URI names when it is not ``memory://`` (Redis), through the ``limits`` library
that Flask-Limiter already depends on.

An account is locked for SIGNIN_LOCK_MINUTES after SIGNIN_ACCOUNT_LIMIT failures within
SIGNIN_WINDOW_MINUTES; its owner gets a notice. The key is the typed e-mail address, whether or
not an account has it, so that the lock message does not tell who has an account. An address is
locked only after SIGNIN_IP_LIMIT failures, high enough for an office; one colleague's failures
lock that colleague's account, not the others'.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import Index, String, delete, func, select
from sqlalchemy.orm import Mapped, mapped_column

from app.core.extensions import db

ACCOUNT, IP = "account", "ip"
LOCK = {ACCOUNT: "account_lock", IP: "ip_lock"}


class LoginFailure(db.Model):
    """One failed sign-in (kind "account" or "ip") or one lock (kind "account_lock"/"ip_lock")."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_kind_key_at", "kind", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(254))
    at: Mapped[datetime] = mapped_column(index=True)


class SignInLocked(Exception):
    """Sign-in refused because the account (``kind`` "account") or address ("ip") is locked."""

    def __init__(self, kind: str, until: datetime):
        messages = {
            ACCOUNT: _l(
                "Too many failed attempts to sign in with this e-mail address. Signing in with "
                "it is paused for %(minutes)s minutes. If you have forgotten your password, you "
                "can choose a new one.",
                minutes=current_app.config["SIGNIN_LOCK_MINUTES"],
            ),
            IP: _l(
                "Too many failed attempts to sign in from your network. Please try again in "
                "%(minutes)s minutes.",
                minutes=current_app.config["SIGNIN_LOCK_MINUTES"],
            ),
        }
        super().__init__(messages[kind])
        self.message = messages[kind]
        self.kind = kind
        self.until = until


def settings() -> tuple[dict[str, int], timedelta, timedelta]:
    config = current_app.config
    limits = {ACCOUNT: int(config["SIGNIN_ACCOUNT_LIMIT"]), IP: int(config["SIGNIN_IP_LIMIT"])}
    return (
        limits,
        timedelta(minutes=int(config["SIGNIN_WINDOW_MINUTES"])),
        timedelta(minutes=int(config["SIGNIN_LOCK_MINUTES"])),
    )


class DatabaseCounters:
    """Failures and locks as rows; ``now`` is passed in, so tests move the clock."""

    def locked_until(self, kind: str, key: str, now: datetime) -> datetime | None:
        _, _, lock = settings()
        last = db.session.scalar(
            select(func.max(LoginFailure.at)).where(
                LoginFailure.kind == LOCK[kind], LoginFailure.key == key
            )
        )
        return last + lock if last is not None and last + lock > now else None

    def fail(self, kind: str, key: str, now: datetime) -> int:
        """Record a failure; the number of failures in the window since the last lock ended."""
        _, window, lock = settings()
        db.session.add(LoginFailure(kind=kind, key=key, at=now))
        db.session.flush()
        since = now - window
        last_lock = db.session.scalar(
            select(func.max(LoginFailure.at)).where(
                LoginFailure.kind == LOCK[kind], LoginFailure.key == key
            )
        )
        if last_lock is not None:
            since = max(since, last_lock + lock)
        return db.session.scalar(
            select(func.count()).where(
                LoginFailure.kind == kind, LoginFailure.key == key, LoginFailure.at >= since
            )
        )

    def lock(self, kind: str, key: str, now: datetime) -> None:
        db.session.add(LoginFailure(kind=LOCK[kind], key=key, at=now))
        _, window, lock = settings()
        # Pruning rides on the rare lock: nothing older than a window and a lock still counts.
        db.session.execute(delete(LoginFailure).where(LoginFailure.at < now - window - lock))
        db.session.flush()

    def clear(self, kind: str, key: str) -> None:
        db.session.execute(
            delete(LoginFailure).where(LoginFailure.kind == kind, LoginFailure.key == key)
        )


class SharedStorageCounters:
    """The same counters in Flask-Limiter's shared storage (Redis); its clock is the server's."""

    def __init__(self, uri: str):
        from limits import RateLimitItemPerSecond
        from limits.storage import storage_from_string
        from limits.strategies import MovingWindowRateLimiter

        self.limiter = MovingWindowRateLimiter(storage_from_string(uri))
        limits, window, lock = settings()
        self.items = {
            kind: RateLimitItemPerSecond(limits[kind], int(window.total_seconds()))
            for kind in (ACCOUNT, IP)
        }
        self.lock_item = RateLimitItemPerSecond(1, int(lock.total_seconds()))

    def locked_until(self, kind: str, key: str, now: datetime) -> datetime | None:
        reset, remaining = self.limiter.get_window_stats(self.lock_item, LOCK[kind], key)
        if remaining:
            return None
        return datetime.fromtimestamp(reset, UTC).replace(tzinfo=None)

    def fail(self, kind: str, key: str, now: datetime) -> int:
        item = self.items[kind]
        self.limiter.hit(item, kind, key)
        _, remaining = self.limiter.get_window_stats(item, kind, key)
        return item.amount - remaining

    def lock(self, kind: str, key: str, now: datetime) -> None:
        self.limiter.hit(self.lock_item, LOCK[kind], key)
        self.limiter.clear(self.items[kind], kind, key)  # a fresh count after the lock

    def clear(self, kind: str, key: str) -> None:
        self.limiter.clear(self.items[kind], kind, key)


def counters():
    uri = current_app.config.get("RATELIMIT_STORAGE_URI") or "memory://"
    if uri.startswith("memory://"):
        return DatabaseCounters()
    return SharedStorageCounters(uri)
