"""Pages of trust: verifying an e-mail address and confirming unit representatives."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from app.accounts import representatives, verification
from app.accounts.models import User
from app.accounts.permissions import (
    can_decide_cosignature,
    can_speak_for_unit,
    can_triage,
    is_participant,
    require,
)
from app.accounts.services import AccountRefused
from app.comments import cosignatures
from app.comments.forms import CosignatureDecisionForm
from app.comments.models import Cosignature
from app.core.extensions import db, limiter
from app.core.outcome import carry_out
from app.core.refusal import Refused
from app.core.timeutil import utcnow

bp = Blueprint("trust", __name__)


def _may_see_requests(user) -> bool:
    """The team sees every unit's requests; a confirmed representative their own unit's."""
    return can_triage(user) or (is_participant(user) and can_speak_for_unit(user, user.unit))


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


@bp.get("/representatives")
@require(_may_see_requests)
def list_requests():
    actor = current_user._get_current_object()
    waiting = cosignatures.pending_cosignatures(actor=actor)
    represented = cosignatures.represented_unit_ids(c.unit_id for c in waiting)
    return render_template(
        "accounts/representatives.html",
        requests=representatives.pending_requests(actor=actor),
        form=FlaskForm(),
        # (co-signature, whether the actor may decide it, whether on the unit's behalf)
        cosignatures=[
            (
                c,
                can_decide_cosignature(
                    actor, c.unit, unit_has_representative=c.unit_id in represented
                ),
                not can_speak_for_unit(actor, c.unit),
            )
            for c in waiting
        ],
        cosign_form=CosignatureDecisionForm(),
    )


def _decided(user: User) -> str:
    return _("%(name)s now represents %(unit)s.", name=user.name, unit=user.unit.name)


def _declined(user: User) -> str:
    return _("The request of %(name)s was declined.", name=user.name)


@bp.post("/representatives/<int:user_id>/confirm", defaults={"decision": "confirm"})
@bp.post("/representatives/<int:user_id>/refuse", defaults={"decision": "refuse"})
@require(_may_see_requests)
def decide(user_id, decision):
    if not FlaskForm().validate_on_submit():
        abort(400)
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return carry_out(
        lambda: representatives.decide_representation(
            actor=current_user._get_current_object(),
            user=user,
            confirm=decision == "confirm",
            now=utcnow(),
        ),
        _decided if decision == "confirm" else _declined,
        url_for("trust.list_requests"),
        refusals=AccountRefused,
    )


@bp.post(
    "/representatives/cosignatures/<int:comment_id>/<int:unit_id>/confirm",
    defaults={"decision": "confirm"},
)
@bp.post(
    "/representatives/cosignatures/<int:comment_id>/<int:unit_id>/decline",
    defaults={"decision": "decline"},
)
@require(_may_see_requests)
def decide_cosignature(comment_id, unit_id, decision):
    form = CosignatureDecisionForm()
    if not form.validate_on_submit():
        abort(400)
    cosignature = db.session.get(Cosignature, (comment_id, unit_id))
    if cosignature is None:
        abort(404)
    values = {"unit": cosignature.unit.name, "receipt": cosignature.comment.receipt}
    if decision == "confirm":
        done = _("%(unit)s co-signs comment %(receipt)s.", **values)
    else:
        done = _("%(unit)s declined to co-sign comment %(receipt)s.", **values)
    return carry_out(
        lambda: cosignatures.decide_cosignature(
            actor=current_user._get_current_object(),
            cosignature=cosignature,
            confirm=decision == "confirm",
            reason=form.reason.data or "",
            now=utcnow(),
        ),
        done,
        url_for("trust.list_requests"),
        refusals=Refused,
    )
