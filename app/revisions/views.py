"""The team's pages of the revision cycle: upload the next text, its staff page (state,
alignment, trail), replace it while unpublished, publish it with its label and period."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.core.outcome import carry_out, form_refused
from app.core.refusal import Refused
from app.core.timeutil import utcnow, zone
from app.lineage.loaders import any_revision
from app.lineage.models import LINK_KIND_LABELS
from app.measures.loaders import measure_or_404
from app.revisions import queries
from app.revisions.forms import PublishForm, ReplaceForm, UploadForm
from app.revisions.rules import can_change_revisions, can_read_revision_cycle
from app.revisions.services import (
    MAX_DRAFT_BYTES,
    next_number,
    publish_revision,
    replace_revision,
    unpublished_revision,
    upload_revision,
)

bp = Blueprint("revisions", __name__)
KIND_LABELS = {kind.value: label for kind, label in LINK_KIND_LABELS.items()}

PAGE = "/m/<slug>/r/<int:number>/team/revision"


def _file(field) -> tuple[bytes, str] | None:
    """The uploaded file of ``field`` as (bytes, filename), read no further than one byte
    past the limit (the service refuses it with its size)."""
    upload = field.data
    if not upload or not getattr(upload, "filename", ""):
        return None
    try:
        return upload.read(MAX_DRAFT_BYTES + 1), upload.filename
    finally:
        upload.close()  # a large upload is spooled to a temporary file: let it go now


@bp.route("/m/<slug>/team/revisions/new", methods=["GET", "POST"])
@require(can_change_revisions)
def new_revision(slug: str):
    measure = measure_or_404(slug)
    waiting = unpublished_revision(measure)
    form = UploadForm()
    if not form.validate_on_submit():
        return _upload_page(measure, form, waiting)
    chinese, english = _file(form.file), _file(form.file_en)

    def refused(refusal: Refused):
        form.show_refusal(refusal)
        return _upload_page(measure, form, unpublished_revision(measure))

    return carry_out(
        lambda: upload_revision(
            measure=measure,
            data=chinese[0],
            filename=chinese[1],
            english=english,
            actor=current_user._get_current_object(),
            tz=zone(),
        ),
        lambda revision: _(
            "Revision %(number)s is stored, unpublished, and aligned with revision "
            "%(previous)s: review the alignment, then publish it.",
            number=revision.number,
            previous=revision.number - 1,
        ),
        None,
        refused=refused,
        done_to=lambda revision: url_for("lineage.review", slug=slug, number=revision.number),
    )


def _upload_page(measure, form, waiting):
    return render_template(
        "revisions/new.html",
        measure=measure,
        form=form,
        waiting=waiting,
        number=next_number(measure),
        revisions=measure.revisions,
    )


@bp.get(PAGE)
@require(can_read_revision_cycle)
def show_revision(slug: str, number: int):
    revision = any_revision(slug, number)
    writable = can_change_revisions(current_user) and not revision.is_published
    return render_template(
        "revisions/show.html",
        measure=revision.measure,
        revision=revision,
        state=queries.revision_state(revision),
        kind_labels=KIND_LABELS,
        events=queries.revision_trail(revision),
        replace_form=ReplaceForm() if writable else None,
        writable=writable,
        now=utcnow(),
    )


@bp.post(f"{PAGE}/replace", endpoint="replace_revision")
@require(can_change_revisions)
def replace(slug: str, number: int):
    revision = any_revision(slug, number)
    back = url_for(".show_revision", slug=slug, number=number)
    form = ReplaceForm()
    if not form.validate_on_submit():
        return form_refused(form, back + "#replace")
    data, filename = _file(form.file)
    return carry_out(
        lambda: replace_revision(
            revision=revision,
            data=data,
            filename=filename,
            actor=current_user._get_current_object(),
            tz=zone(),
        ),
        _("The text is replaced; the alignment is computed again (links set by hand are kept)."),
        back + "#replace",
        done_to=lambda _revision: back,
    )


@bp.route(f"{PAGE}/publish", methods=["GET", "POST"], endpoint="publish_revision")
@require(can_change_revisions)
def publish(slug: str, number: int):
    revision = any_revision(slug, number)
    if revision.is_published:
        return redirect(url_for(".show_revision", slug=slug, number=number), 303)
    form = PublishForm()
    if not form.is_submitted() and revision.label:
        form.label.data = revision.label
    if not form.validate_on_submit():
        return _publish_page(revision, form)

    def refused(refusal: Refused):
        form.show_refusal(refusal)
        return _publish_page(revision, form)

    return carry_out(
        lambda: publish_revision(
            revision=revision,
            label=form.label.data,
            opens_on=form.opens_on.data,
            closes_on=form.closes_on.data,
            short_period_reason=form.short_period_reason.data or "",
            no_period=form.no_period.data,
            actor=current_user._get_current_object(),
            now=utcnow(),
            tz=zone(),
        ),
        lambda published: _(
            "%(label)s is published: everyone who may read the measure sees it.",
            label=published.label,
        ),
        None,
        refused=refused,
        done_to=lambda published: url_for("measures.revision", slug=slug, number=number),
    )


def _publish_page(revision, form):
    return render_template(
        "revisions/publish.html",
        measure=revision.measure,
        revision=revision,
        state=queries.revision_state(revision),
        kind_labels=KIND_LABELS,
        form=form,
        now=utcnow(),
    )
