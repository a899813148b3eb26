"""How a POST that calls one service ends, in every area: committed and said so, or rolled back
with the refusal shown; then a 303 (POST/redirect/GET)."""

from flask import flash, redirect

from app.core.extensions import db


def carry_out(action, done_message, to: str, *, refusals, done_to=None, on_refusal=None):
    """Run ``action`` (one service call): commit and flash ``done_message`` (a text, or a
    function of the result), or, when it raises one of ``refusals`` (exceptions with a
    translatable ``message``), roll back and flash that. Then 303 to ``to``, or after success
    to ``done_to(result)`` when given. A page that shows the refusal with the form as it was
    posted passes ``on_refusal(refusal)``: after the rollback, its response is the answer."""
    try:
        result = action()
    except refusals as refusal:
        db.session.rollback()
        if on_refusal is not None:
            return on_refusal(refusal)
        flash(str(refusal.message), "error")
        return redirect(to, code=303)
    db.session.commit()
    flash(done_message(result) if callable(done_message) else done_message, "success")
    return redirect(done_to(result) if done_to else to, code=303)
