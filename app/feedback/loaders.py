"""Loading what the feedback pages and the form download name in their URL: 404 when absent."""

from __future__ import annotations

from flask import abort

from app.accounts.models import Unit
from app.core.extensions import db
from app.feedback.models import FormImport
from app.triage.rules import can_triage


def form_import_of(revision, import_id: int) -> FormImport:
    """The upload ``import_id`` of ``revision`` (404 when there is none, or of another)."""
    found = db.session.get(FormImport, import_id)
    if found is None or found.revision_id != revision.id:
        abort(404)
    return found


def addressed_unit(user, unit_arg: str | None) -> Unit | None:
    """The unit the team names (?unit=ID) to send a form with its name: 404 when it does not
    exist; None without one, and for everyone else (whose ?unit= is ignored)."""
    if not can_triage(user) or not (unit_arg or "").isdigit():
        return None
    unit = db.session.get(Unit, int(unit_arg))
    if unit is None:
        abort(404)
    return unit
