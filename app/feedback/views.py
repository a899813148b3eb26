"""The team's import of returned feedback forms: upload, preview each row, commit at once."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.comments.forms import ActionForm
from app.core import outcome
from app.core.outcome import carry_out, form_refused
from app.core.refusal import Refused
from app.core.timeutil import to_local, utcnow, zone
from app.feedback import letter_views  # noqa: F401 (its routes, on the same blueprint)
from app.feedback.blueprint import bp
from app.feedback.forms import CommitForm, UploadForm
from app.feedback.importing import (
    commit_import,
    discard_upload,
    preview_returned,
    read_returned_form,
    upload_form,
)
from app.feedback.loaders import form_import_of
from app.feedback.queries import imports_of, unit_named, units_by_name
from app.measures.loaders import published_revision
from app.triage.entry_forms import CATEGORY_CHOICES
from app.triage.rules import can_triage


def _max_bytes() -> int:
    return current_app.config["FORM_IMPORT_MAX_BYTES"]


def _imports_url(revision) -> str:
    return url_for("feedback.form_imports", slug=revision.measure.slug, number=revision.number)


def _import_url(revision, import_id: int) -> str:
    return url_for(
        "feedback.show_form_import",
        slug=revision.measure.slug,
        number=revision.number,
        import_id=import_id,
    )


@bp.route("/m/<slug>/r/<int:number>/team/forms", methods=["GET", "POST"])
@require(can_triage)
def form_imports(slug: str, number: int):
    revision = published_revision(slug, number)
    form = UploadForm()
    if request.method == "POST":
        if not form.validate():
            return form_refused(form, _imports_url(revision))
        upload = form.file.data
        data = upload.read(_max_bytes() + 1)
        return carry_out(
            lambda: upload_form(
                revision=revision,
                filename=upload.filename or "",
                data=data,
                actor=current_user,
                now=utcnow(),
                max_bytes=_max_bytes(),
            ),
            _("The form was read. Check each row, then import."),
            _imports_url(revision),
            done_to=lambda found: _import_url(revision, found.id),
        )
    return render_template(
        "feedback/imports.html",
        revision=revision,
        measure=revision.measure,
        form=form,
        imports=imports_of(revision),
    )


@bp.route("/m/<slug>/r/<int:number>/team/forms/<int:import_id>", methods=["GET", "POST"])
@require(can_triage)
def show_form_import(slug: str, number: int, import_id: int):
    """The preview (GET), and the commit of every row not skipped (POST)."""
    revision = published_revision(slug, number)
    form_import = form_import_of(revision, import_id)
    try:
        returned = read_returned_form(
            form_import.data, form_import.filename, max_bytes=_max_bytes()
        )
    except Refused as refused:  # the limits changed since the upload
        flash(str(refused.message), "error")
        return redirect(_imports_url(revision), code=303)
    form = CommitForm.for_lines({row.line for row in returned.rows})
    if request.method == "GET":
        today = to_local(utcnow(), zone()).date()
        form.fill_from(returned, known_unit=unit_named(returned.unit), today=today)

    def page(error=None, status=200):
        overrides, skipped = form.corrections()
        return render_template(
            "feedback/preview.html",
            revision=revision,
            measure=revision.measure,
            form_import=form_import,
            returned=returned,
            rows=preview_returned(revision, returned, overrides),
            skipped=skipped,
            overrides=overrides,
            form=form,
            units=units_by_name(),
            categories=CATEGORY_CHOICES,
            error=error,
        ), status

    if request.method == "GET" or form_import.committed:
        return page()
    if not form.validate():
        return page(_("Please give the date received."), 400)
    return outcome.carry_out(
        lambda: commit_import(
            form_import=form_import,
            choices=form.choices(),
            actor=current_user,
            tz=zone(),
            now=utcnow(),
            max_bytes=_max_bytes(),
        ),
        lambda comments: _("%(count)d comments were imported.", count=len(comments)),
        _import_url(revision, import_id),
        refusals=Refused,
        refused=lambda refused: page(refused.message, 400),
    )


@bp.post("/m/<slug>/r/<int:number>/team/forms/<int:import_id>/discard")
@require(can_triage)
def discard_form_import(slug: str, number: int, import_id: int):
    revision = published_revision(slug, number)
    form_import = form_import_of(revision, import_id)
    form = ActionForm()
    if not form.validate():
        return form_refused(form, _imports_url(revision))
    return carry_out(
        lambda: discard_upload(form_import=form_import, actor=current_user, now=utcnow()),
        _("The uploaded form was discarded."),
        _imports_url(revision),
    )
