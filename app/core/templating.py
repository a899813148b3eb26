"""Jinja filters shared by every page: dates in the consultation's time zone."""

from datetime import datetime, timedelta

from flask import Flask

from app.core.timeutil import to_local, zone


def local_date(value: datetime | None) -> str:
    return to_local(value, zone()).strftime("%Y-%m-%d") if value else ""


def local_datetime(value: datetime | None) -> str:
    return to_local(value, zone()).strftime("%Y-%m-%d %H:%M") if value else ""


def last_day(value: datetime | None) -> str:
    """The last day of a period whose stored end is the exclusive midnight after it."""
    return local_date(value - timedelta(seconds=1)) if value else ""


def register(app: Flask) -> None:
    app.add_template_filter(local_date)
    app.add_template_filter(local_datetime)
    app.add_template_filter(last_day)
