"""The team's moderation of a published comment, from its triage page: hide it from the public
with a reason (its author is told by mail), show it again, or keep it and close its reports.

The services are comments' (app/comments/moderation.py); each step is committed before its
mail goes out, so an author is never told of a hiding that was rolled back.
"""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import TextAreaField
from wtforms.validators import Length

from app.comments import moderation
from app.comments.moderation_models import CommentHiding
from app.core.extensions import db
from app.core.forms import Form
from app.core.mail import send_mail
from app.core.outcome import carry_out, form_refused
from app.core.timeutil import utcnow
from app.triage.forms import ActionForm
from app.triage.loaders import revision_comment, team_revision


class HideForm(Form):
    """The team's reason for hiding; the service requires it."""

    reason = TextAreaField(
        _l("Reason (the author reads it; it stays in the summary table and the audit trail)"),
        validators=[Length(max=moderation.HIDING_REASON_MAX)],
    )


HIDDEN_MAIL = """{name}：

您的意见 {receipt}（{where}）已被起草组隐藏，不再向公众展示。理由：
The drafting team hid your comment {receipt} ({where_en}) from the public. The reason:

{reason}

意见本身仍予保留并照常处理；隐藏只影响公众能否看到。
The comment is kept and will still be answered; only readers no longer see it.

{link}
"""

SHOWN_MAIL = """{name}：

起草组已恢复公开您的意见 {receipt}（{where}）。
The drafting team shows your comment {receipt} ({where_en}) to the public again.

{link}
"""


def _page(slug: str, number: int, comment_id: int) -> str:
    return url_for("triage.show_comment", slug=slug, number=number, comment_id=comment_id)


def _tell_author(hiding: CommentHiding, template: str) -> None:
    """Mail the comment's author (none for a comment entered for someone without an
    account): what happened, why, and the link to their comment's page."""
    comment = hiding.comment
    if comment.author is None or not comment.author.email:
        return
    clause = comment.clause
    send_mail(
        to=comment.author.email,
        subject=(
            f"您的意见已被隐藏 · Your comment was hidden — {comment.receipt}"
            if template is HIDDEN_MAIL
            else f"您的意见已恢复公开 · Your comment is shown again — {comment.receipt}"
        ),
        body=template.format(
            name=comment.author.name,
            receipt=comment.receipt,
            where=clause.citation if clause else "总体意见",
            where_en=(clause.citation_en or clause.citation) if clause else "whole draft",
            reason=hiding.reason,
            link=url_for("comments.receipt", receipt=comment.receipt, _external=True),
        ),
    )


def _then_tell(step, template: str):
    """``step`` (a service call returning the hiding), committed, then the author told."""

    def run():
        hiding = step()
        db.session.commit()
        _tell_author(hiding, template)
        return hiding

    return run


def hide_comment(slug: str, number: int, comment_id: int):
    revision = team_revision(slug, number)
    comment = revision_comment(revision, comment_id)
    here = _page(slug, number, comment.id)
    form = HideForm()
    if not form.validate_on_submit():
        return form_refused(form, here + "#moderation", _("The form was not accepted; try again."))
    step = _then_tell(
        lambda: moderation.hide_comment(
            comment=comment, actor=current_user, reason=form.reason.data or "", now=utcnow()
        ),
        HIDDEN_MAIL,
    )
    return carry_out(
        step,
        _("The comment is hidden from the public; its author was told why."),
        here + "#moderation",
    )


def unhide_comment(slug: str, number: int, comment_id: int):
    revision = team_revision(slug, number)
    comment = revision_comment(revision, comment_id)
    here = _page(slug, number, comment.id)
    form = ActionForm()
    if not form.validate_on_submit():
        return form_refused(form, here + "#moderation")
    step = _then_tell(
        lambda: moderation.unhide_comment(comment=comment, actor=current_user, now=utcnow()),
        SHOWN_MAIL,
    )
    return carry_out(
        step,
        _("The comment is shown to the public again, as its publication settings allow."),
        here + "#moderation",
    )


def dismiss_reports(slug: str, number: int, comment_id: int):
    revision = team_revision(slug, number)
    comment = revision_comment(revision, comment_id)
    here = _page(slug, number, comment.id)
    form = ActionForm()
    if not form.validate_on_submit():
        return form_refused(form, here + "#moderation")
    return carry_out(
        lambda: moderation.dismiss_reports(comment=comment, actor=current_user, now=utcnow()),
        lambda closed: _("%(count)d reports closed; the comment stays public.", count=closed),
        here + "#moderation",
    )
