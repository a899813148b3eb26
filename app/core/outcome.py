"""How a POST that calls one service ends, in every area: committed and said so, or rolled back
with the refusal shown; then a 303 (POST/redirect/GET)."""

from flask import flash, redirect

from app.core.extensions import db


def carry_out(
    action,
    done_message,
    to: str | None,
    *,
    refusals,
    done_to=None,
    on_refusal=None,
    done_category="success",
):
    """Run ``action`` (one service call): commit and flash ``done_message`` (a text, or a
    function of the result), or, when it (or the commit) raises one of ``refusals``
    (exceptions with a translatable ``message``), roll back and flash that. Then 303 to
    ``to``, or after success to ``done_to(result)`` when given.

    For pages that need it: ``done_message=None`` flashes nothing (the next page says it);
    ``done_category`` may be a function of the result; ``on_refusal(refusal)`` returns the
    response to a refusal instead (a form shown again with the message), after the rollback.
    """
    try:
        result = action()
        db.session.commit()
    except refusals as refusal:
        db.session.rollback()
        if on_refusal is not None:
            return on_refusal(refusal)
        flash(str(refusal.message), "error")
        return redirect(to, code=303)
    if done_message is not None:
        category = done_category(result) if callable(done_category) else done_category
        flash(done_message(result) if callable(done_message) else done_message, category)
    return redirect(done_to(result) if done_to else to, code=303)
