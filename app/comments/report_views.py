"""Readers report a published comment (举报): the form, and its limit.

Only signed-in readers report: one report per reader and comment needs to know the reader,
and a network address is no reader (an office or a school shares one), so visitors are sent
to sign in first. Reports are also limited per account (RATELIMIT_REPORT), and CSRF-checked
as every form; the team decides (app/triage/moderation_views.py).
"""

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_limiter.util import get_remote_address
from flask_login import current_user

from app.comments.forms import ReportForm
from app.comments.loaders import refusal, signed_in
from app.comments.models import Comment
from app.comments.moderation import report_comment as store_report
from app.comments.moderation import reported_by
from app.comments.publication import is_public
from app.comments.rules import can_report_comment
from app.core.extensions import db, limiter
from app.core.i18n import safe_next
from app.core.outcome import carry_out
from app.core.refusal import Refused
from app.core.timeutil import utcnow
from app.measures.loaders import published_revision

bp = Blueprint("moderation", __name__)


def reporter_key() -> str:
    """Whom the limit counts: the account (visitors are sent to sign in, by address)."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return get_remote_address()


@bp.errorhandler(429)
def too_many_reports(_error):
    return refusal(
        _(
            "You have sent many reports in a short time. Nothing was stored; please try again "
            "in an hour. The team reads every report already sent."
        ),
        429,
        title=_l("Too many reports"),
    )


def reportable_comment(slug: str, number: int, comment_id: int) -> Comment:
    """The published comment to report: sign in first; 404 for a comment that is not
    published now (as for any page the reader may not see)."""
    user = signed_in()
    revision = published_revision(slug, number)
    comment = db.session.get(Comment, comment_id)
    if comment is None or comment.revision_id != revision.id or not is_public(comment, utcnow()):
        abort(404)
    if not can_report_comment(user, comment):
        abort(refusal(_("You cannot report your own comment; you may edit or withdraw it."), 403))
    return comment


def clause_page(comment: Comment) -> str:
    revision = comment.revision
    if comment.clause is None:
        return url_for("measures.revision", slug=revision.measure.slug, number=revision.number)
    page = url_for(
        "measures.clause",
        slug=revision.measure.slug,
        number=revision.number,
        key=comment.clause.key.split(".")[0],
    )
    return f"{page}#comment-{comment.id}"


@bp.route("/m/<slug>/r/<int:number>/comments/<int:comment_id>/report", methods=["GET", "POST"])
@limiter.limit(
    lambda: current_app.config["RATELIMIT_REPORT"], methods=["POST"], key_func=reporter_key
)
def report_comment(slug: str, number: int, comment_id: int):
    comment = reportable_comment(slug, number, comment_id)
    form = ReportForm()
    back = safe_next(form.next.data or request.args.get("next"), clause_page(comment))
    already = comment.id in reported_by(current_user, [comment.id])

    def page(status=200):
        form.next.data = back
        return render_template(
            "comments/report.html",
            comment=comment,
            revision=comment.revision,
            measure=comment.revision.measure,
            form=form,
            back=back,
            already=already,
        ), status

    if request.method == "GET" or already:
        return page()
    if not form.validate_on_submit():
        return page(400)

    def refused(refusal_):
        form.show_refusal(refusal_)
        return page(400)

    return carry_out(
        lambda: store_report(
            comment=comment,
            reporter=current_user,
            reason=form.reason.data or "",
            details=form.details.data or "",
            now=utcnow(),
        ),
        _("Thank you: your report was sent to the drafting team, who will look at it."),
        back,
        refusals=Refused,
        refused=refused,
    )
