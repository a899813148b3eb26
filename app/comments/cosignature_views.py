"""The page of a unit's requests (/representatives): who asks to represent the unit, and the
comments that name it as co-signer (联名), with the co-signature decisions.

It sits in comments because it shows both: accounts' representation requests (a lower area)
and comments' co-signatures. The representation decisions it links to stay in accounts
(``trust.decide``)."""

from flask import Blueprint, abort, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from app.accounts import representatives
from app.accounts.permissions import can_see_unit_requests, can_speak_for_unit, require
from app.comments import cosignatures
from app.comments.forms import CosignatureDecisionForm
from app.comments.models import Cosignature
from app.comments.rules import can_decide_cosignature
from app.core.extensions import db
from app.core.outcome import carry_out
from app.core.refusal import Refused
from app.core.timeutil import utcnow

bp = Blueprint("cosignatures", __name__)


def cosignature_or_404(comment_id: int, unit_id: int) -> Cosignature:
    cosignature = db.session.get(Cosignature, (comment_id, unit_id))
    if cosignature is None:
        abort(404)
    return cosignature


@bp.get("/representatives")
@require(can_see_unit_requests)
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


@bp.post(
    "/representatives/cosignatures/<int:comment_id>/<int:unit_id>/confirm",
    defaults={"decision": "confirm"},
)
@bp.post(
    "/representatives/cosignatures/<int:comment_id>/<int:unit_id>/decline",
    defaults={"decision": "decline"},
)
@require(can_see_unit_requests)
def decide_cosignature(comment_id, unit_id, decision):
    form = CosignatureDecisionForm()
    if not form.validate_on_submit():
        abort(400)
    cosignature = cosignature_or_404(comment_id, unit_id)
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
        url_for("cosignatures.list_requests"),
        refusals=Refused,
    )
