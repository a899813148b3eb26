"""The team's split of a unit's letter (意见函) by clause: record a letter for a unit, or open
one a comment carries; preview its points; commit them as comments at once."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.comments.forms import ActionForm
from app.comments.models import Attachment
from app.core import outcome
from app.core.extensions import db
from app.core.outcome import carry_out, form_refused
from app.core.refusal import Refused
from app.core.timeutil import to_local, utcnow, zone
from app.feedback.blueprint import bp
from app.feedback.forms import LetterForm, posted_segments
from app.feedback.queries import units_by_name
from app.feedback.splitting import (
    SPLIT_LINE,
    LetterInput,
    commit_split,
    record_letter,
    split_into,
    split_letter,
    splittable_name,
)
from app.measures.citing import citation_index
from app.measures.loaders import published_revision
from app.triage.entry_forms import CATEGORY_CHOICES
from app.triage.loaders import revision_comment
from app.triage.rules import can_triage


def _max_bytes() -> int:
    return current_app.config["ATTACHMENT_MAX_BYTES"]


def _split_url(revision, comment_id: int, attachment_id: int) -> str:
    return url_for(
        "feedback.split_letter_page",
        slug=revision.measure.slug,
        number=revision.number,
        comment_id=comment_id,
        attachment_id=attachment_id,
    )


@bp.route("/m/<slug>/r/<int:number>/team/letters", methods=["GET", "POST"])
@require(can_triage)
def record_letter_page(slug: str, number: int):
    """Record a letter a unit sent (its comment "见附件" and the file), then split it."""
    revision = published_revision(slug, number)
    form = LetterForm()
    here = url_for("feedback.record_letter_page", slug=slug, number=number)
    if request.method == "POST":
        if not form.validate():
            return form_refused(form, here)
        upload = form.file.data
        data = upload.read(_max_bytes() + 1)
        if len(data) > _max_bytes():
            flash(_("The letter is larger than the limit of %(mb)d MB.", mb=_max_bytes() >> 20),
                  "error")  # fmt: skip
            return redirect(here, code=303)
        return carry_out(
            lambda: record_letter(
                revision=revision,
                letter=LetterInput(
                    filename=upload.filename or "",
                    data=data,
                    author_name=form.author_name.data or "",
                    received_on=form.received_on.data,
                    unit_id=form.picked_unit_id(),
                    new_unit=form.new_unit(),
                ),
                actor=current_user,
                tz=zone(),
                now=utcnow(),
            ),
            _("The letter was recorded. Check its points, then split it."),
            here,
            done_to=lambda comment: _split_url(revision, comment.id, comment.attachments[0].id),
        )
    form.received_on.data = form.received_on.data or to_local(utcnow(), zone()).date()
    return render_template(
        "feedback/letter.html",
        revision=revision,
        measure=revision.measure,
        form=form,
        units=units_by_name(),
        categories=CATEGORY_CHOICES,
    )


@bp.route(
    "/m/<slug>/r/<int:number>/team/comments/<int:comment_id>/letters/<int:attachment_id>/split",
    methods=["GET", "POST"],
)
@require(can_triage)
def split_letter_page(slug: str, number: int, comment_id: int, attachment_id: int):
    """The preview of a letter's points (GET), and their commit as comments (POST)."""
    revision = published_revision(slug, number)
    comment = revision_comment(revision, comment_id)
    attachment = db.session.get(Attachment, attachment_id)
    back = url_for("triage.show_comment", slug=slug, number=number, comment_id=comment.id)
    if attachment is None or attachment.comment_id != comment.id:
        abort(404)
    if not splittable_name(attachment.filename):
        flash(_("Only DOCX, PDF and text letters can be split by clause."), "error")
        return redirect(back, code=303)
    try:
        segments = split_letter(
            revision, attachment.data, attachment.filename, max_bytes=_max_bytes()
        )
    except Refused as refused:
        flash(str(refused.message), "error")
        return redirect(back, code=303)
    form = ActionForm()
    index = citation_index(revision)
    done = split_into(attachment)

    def page(error=None, status=200, posted=None):
        return render_template(
            "feedback/split.html",
            revision=revision,
            measure=revision.measure,
            comment=comment,
            attachment=attachment,
            segments=segments,
            posted={p.index: p for p in posted or []},
            clauses=[(c.key, c.citation) for c in index.clauses if c.kind != "preamble"],
            form=form,
            done=done,
            split_line=SPLIT_LINE,
            error=error,
        ), status

    if request.method == "GET" or done:
        return page()
    posted = posted_segments(request.form)
    if not form.validate():
        return page(_("The form has expired; please try again."), 400, posted)
    return outcome.carry_out(
        lambda: commit_split(
            attachment=attachment,
            posted=posted,
            actor=current_user,
            tz=zone(),
            now=utcnow(),
            max_bytes=_max_bytes(),
        ),
        lambda comments: _("The letter was split into %(count)d comments.", count=len(comments)),
        back,
        refusals=Refused,
        refused=lambda refused: page(refused.message, 400, posted),
    )


@bp.app_context_processor
def letter_helpers():
    """Whether the reader may split letters (the comment page shows the link to the team)."""
    return {"can_split_letters": lambda: can_triage(current_user), "splittable": splittable_name}
