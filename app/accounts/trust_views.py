"""Pages of trust: verifying an e-mail address, asking to represent one's unit and deciding
such requests. The page that lists the requests also lists co-signatures, so it lives in
comments (``cosignatures.list_requests``, app/comments/cosignature_views.py)."""

from flask import Blueprint, abort, current_app, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from app.accounts import representatives, verification
from app.accounts.loaders import user_or_404
from app.accounts.models import User
from app.accounts.permissions import can_see_unit_requests, require
from app.accounts.services import AccountRefused
from app.core.extensions import limiter
from app.core.outcome import carry_out
from app.core.timeutil import utcnow

bp = Blueprint("trust", __name__)


@bp.get("/account/verify/<token>")
def verify_email(token):
    return carry_out(
        lambda: verification.verify_email(token=token, now=utcnow()),
        _("Your e-mail address is verified."),
        url_for("accounts.account" if current_user.is_authenticated else "accounts.sign_in"),
        refusals=AccountRefused,
        done_to=lambda _user: url_for("accounts.account"),
    )


@bp.post("/account/verify")
@login_required
@limiter.limit(lambda: current_app.config.get("RATELIMIT_VERIFY", "3 per hour"))
def resend_verification():
    if not FlaskForm().validate_on_submit():
        abort(400)
    if current_user.email_verified:
        flash(_("Your e-mail address is already verified."), "info")
    else:
        verification.send_verification(user=current_user._get_current_object())
        flash(
            _("We have sent a new verification link to %(email)s.", email=current_user.email),
            "success",
        )
    return redirect(url_for("accounts.account"), code=303)


@bp.post("/account/representative")
@login_required
def request_representation():
    if not FlaskForm().validate_on_submit():
        abort(400)
    return carry_out(
        lambda: representatives.request_representation(
            user=current_user._get_current_object(), now=utcnow()
        ),
        _("Your request to represent your unit has been sent to the project team."),
        url_for("accounts.account"),
        refusals=AccountRefused,
    )


def _decided(user: User) -> str:
    return _("%(name)s now represents %(unit)s.", name=user.name, unit=user.unit.name)


def _declined(user: User) -> str:
    return _("The request of %(name)s was declined.", name=user.name)


@bp.post("/representatives/<int:user_id>/confirm", defaults={"decision": "confirm"})
@bp.post("/representatives/<int:user_id>/refuse", defaults={"decision": "refuse"})
@require(can_see_unit_requests)
def decide(user_id, decision):
    if not FlaskForm().validate_on_submit():
        abort(400)
    user = user_or_404(user_id)
    return carry_out(
        lambda: representatives.decide_representation(
            actor=current_user._get_current_object(),
            user=user,
            confirm=decision == "confirm",
            now=utcnow(),
        ),
        _decided if decision == "confirm" else _declined,
        url_for("cosignatures.list_requests"),
        refusals=AccountRefused,
    )
