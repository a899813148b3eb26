"""What administrators change on a measure: its details and its revisions' comment periods.

Every change is audited with its before and after values. A period shorter than the 30-day
floor (规章制定程序条例 Art. 15) needs a recorded reason; a later closing date is an extension
and needs one too, which the revision page then shows.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l

from app.accounts.permissions import can_manage_users
from app.audit.writer import changes, record
from app.core.extensions import db
from app.core.refusal import Refused
from app.core.timeutil import local_day_end, local_day_start
from app.measures.models import Measure, Revision
from app.measures.services import MEASURE_FIELDS, MIN_PERIOD_DAYS

PERIOD_FIELDS = ["opens_at", "closes_at", "short_period_reason", "extension_reason"]


def _require_admin(actor) -> None:
    if not can_manage_users(actor):
        raise PermissionError("only an administrator changes measures and comment periods")


def update_measure(*, measure: Measure, data: dict[str, str], actor) -> None:
    """Set the measure's titles, drafting unit, person in charge and phone (those in ``data``)."""
    _require_admin(actor)
    if "title" in data and not (data["title"] or "").strip():
        raise Refused(_l("Enter the title of the measure."), "title")
    for name in MEASURE_FIELDS:
        if name in data:
            setattr(measure, name, (data[name] or "").strip())
    before, after = changes(measure, list(MEASURE_FIELDS))
    if before or after:
        record(
            actor=actor,
            action="measure.edit",
            target_type="measure",
            target_id=measure.id,
            before=before,
            after=after,
        )
    db.session.flush()


def set_period(
    *,
    revision: Revision,
    opens_on: date,
    closes_on: date,
    tz: ZoneInfo,
    actor,
    extension_reason: str = "",
    short_period_reason: str = "",
) -> None:
    """Set the comment period from ``opens_on`` to ``closes_on`` inclusive, in ``tz``.

    Closing later than before is an extension and needs ``extension_reason``; closing earlier
    drops an earlier extension's reason. A period shorter than MIN_PERIOD_DAYS needs
    ``short_period_reason`` (kept, or given anew).
    """
    _require_admin(actor)
    extension_reason = (extension_reason or "").strip()
    opens_at, closes_at, short_period_reason = period_bounds(
        opens_on=opens_on, closes_on=closes_on, tz=tz, short_period_reason=short_period_reason
    )
    extended = revision.closes_at is not None and closes_at > revision.closes_at
    if extended and not extension_reason:
        raise Refused(
            _l("The period closes later than before: give the reason for the extension."),
            "extension_reason",
        )
    if extended:
        revision.extension_reason = extension_reason
    elif revision.closes_at is not None and closes_at < revision.closes_at:
        revision.extension_reason = ""
    revision.opens_at, revision.closes_at = opens_at, closes_at
    revision.short_period_reason = short_period_reason
    before, after = changes(revision, PERIOD_FIELDS)
    if before or after:
        record(
            actor=actor,
            action="revision.extend" if extended else "revision.period",
            target_type="revision",
            target_id=revision.id,
            before=before,
            after=after,
            revision_id=revision.id,
        )
    db.session.flush()


def period_bounds(
    *, opens_on: date, closes_on: date, tz: ZoneInfo, short_period_reason: str = ""
) -> tuple[datetime, datetime, str]:
    """A comment period from ``opens_on`` to ``closes_on`` inclusive, in ``tz``: its naive-UTC
    bounds and the reason kept for it ("" unless it is shorter than MIN_PERIOD_DAYS, which
    needs one). Refuses a period that closes before it opens, or a short one without reason."""
    short_period_reason = (short_period_reason or "").strip()
    if closes_on < opens_on:
        raise Refused(_l("The period must close on or after the day it opens."), "closes_on")
    days = (closes_on - opens_on).days + 1
    if days < MIN_PERIOD_DAYS and not short_period_reason:
        raise Refused(
            _l(
                "This period is %(days)s days, shorter than the %(floor)s days the Regulations "
                "on Procedures for Formulating Rules (Art. 15) set: give the reason for the "
                "shorter period.",
                days=days,
                floor=MIN_PERIOD_DAYS,
            ),
            "short_period_reason",
        )
    reason = short_period_reason if days < MIN_PERIOD_DAYS else ""
    return local_day_start(opens_on, tz), local_day_end(closes_on, tz), reason
