"""How a POST that calls one service ends, in every area: committed and said so, or rolled back
with the refusal shown; then a 303 (POST/redirect/GET)."""

from flask import flash, redirect
from flask_babel import gettext as _

from app.core.extensions import db
from app.core.refusal import Refused


def carry_out(
    action,
    done_message,
    to: str | None,
    *,
    refusals=Refused,
    done_to=None,
    notes=None,
    refused=None,
    done_category="success",
):
    """Run ``action`` (one service call): commit and flash ``done_message`` (a text, or a
    function of the result), or, when it (or the commit) raises one of ``refusals``
    (exceptions with a translatable ``message``), roll back and flash that. Then 303 to
    ``to``, or after success to ``done_to(result)`` when given.

    For pages that need it: ``done_message=None`` flashes nothing (the next page says it);
    ``done_category`` may be a function of the result; ``notes(result)`` yields further
    messages flashed as "info" after the success one; ``refused(refusal)`` returns the
    response to a refusal instead (the page again with its form and the message), after the
    rollback.
    """
    try:
        result = action()
        db.session.commit()
    except refusals as refusal:
        db.session.rollback()
        if refused is not None:
            return refused(refusal)
        flash(str(refusal.message), "error")
        return redirect(to, code=303)
    if done_message is not None:
        category = done_category(result) if callable(done_category) else done_category
        flash(done_message(result) if callable(done_message) else done_message, category)
    for note in notes(result) if notes else ():
        flash(note, "info")
    return redirect(done_to(result) if done_to else to, code=303)


def form_refused(form, to: str, message: str | None = None):
    """The end of a POST whose form was not accepted: 303 back to ``to`` with the form's first
    error (or ``message``)."""
    errors = [message for messages in form.errors.values() for message in messages]
    flash(message or (str(errors[0]) if errors else _("The form was incomplete.")), "error")
    return redirect(to, code=303)
