"""Times are stored as naive UTC and shown in the consultation's zone (Asia/Shanghai)."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app


def zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["TIMEZONE"])


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def to_local(value: datetime, tz: ZoneInfo) -> datetime:
    """A stored naive-UTC datetime as an aware datetime in ``tz``."""
    return value.replace(tzinfo=UTC).astimezone(tz)


def local_day_start(day: date, tz: ZoneInfo) -> datetime:
    """00:00 of ``day`` in ``tz``, as naive UTC: when a comment period opens."""
    return datetime.combine(day, time.min, tz).astimezone(UTC).replace(tzinfo=None)


def local_day_end(day: date, tz: ZoneInfo) -> datetime:
    """24:00 of ``day`` in ``tz`` (the start of the next day), as naive UTC.

    A period that "closes 2021-02-08" accepts comments for the whole of that day, so the
    boundary is exclusive at midnight that follows it.
    """
    return local_day_start(day + timedelta(days=1), tz)
