"""The team's import of returned feedback forms: upload, preview each row, commit at once.

Pages live with the team's other pages (the ``triage`` blueprint)."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.accounts.models import Unit
from app.comments.forms import ActionForm
from app.core.extensions import db
from app.core.outcome import carry_out, form_refused
from app.core.refusal import Refused
from app.core.timeutil import to_local, utcnow, zone
from app.exports.models import FormImport
from app.feedback.forms import CommitForm, UploadForm
from app.feedback.importing import (
    ClauseReader,
    CommitChoices,
    commit_import,
    discard_upload,
    preview_rows,
    read_returned_form,
    upload_form,
)
from app.triage.blueprint import bp
from app.triage.entry import NewUnit
from app.triage.entry_forms import CATEGORY_CHOICES
from app.triage.loaders import team_revision

OVERRIDE_MAX = 200  # a corrected citation is short


def _max_bytes() -> int:
    return current_app.config["FORM_IMPORT_MAX_BYTES"]


def _imports_url(revision) -> str:
    return url_for("triage.form_imports", slug=revision.measure.slug, number=revision.number)


def _form_import(revision, import_id: int) -> FormImport:
    found = db.session.get(FormImport, import_id)
    if found is None or found.revision_id != revision.id:
        abort(404)
    return found


@bp.route("/m/<slug>/r/<int:number>/team/forms", methods=["GET", "POST"])
def form_imports(slug: str, number: int):
    revision = team_revision(slug, number)
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
            done_to=lambda found: url_for(
                "triage.show_form_import", slug=slug, number=number, import_id=found.id
            ),
        )
    imports = db.session.scalars(
        select(FormImport)
        .where(FormImport.revision_id == revision.id)
        .options(joinedload(FormImport.uploaded_by), joinedload(FormImport.unit))
        .order_by(FormImport.uploaded_at.desc(), FormImport.id.desc())
    ).all()
    return render_template(
        "feedback/imports.html",
        revision=revision,
        measure=revision.measure,
        form=form,
        imports=imports,
    )


def _overrides(lines: set[int]) -> tuple[dict[int, str], frozenset[int]]:
    """The clause corrections and skipped rows the preview page posts (clause-N, skip-N)."""
    overrides, skipped = {}, set()
    for line in lines:
        corrected = request.form.get(f"clause-{line}")
        if corrected is not None:
            overrides[line] = corrected[:OVERRIDE_MAX]
        if request.form.get(f"skip-{line}"):
            skipped.add(line)
    return overrides, frozenset(skipped)


@bp.route("/m/<slug>/r/<int:number>/team/forms/<int:import_id>", methods=["GET", "POST"])
def show_form_import(slug: str, number: int, import_id: int):
    """The preview (GET), and the commit of every row not skipped (POST)."""
    revision = team_revision(slug, number)
    form_import = _form_import(revision, import_id)
    try:
        returned = read_returned_form(
            form_import.data, form_import.filename, max_bytes=_max_bytes()
        )
    except Refused as refused:  # the limits changed since the upload
        flash(str(refused.message), "error")
        return redirect(_imports_url(revision), code=303)
    lines = {row.line for row in returned.rows}
    overrides, skipped = _overrides(lines) if request.method == "POST" else ({}, frozenset())
    form = CommitForm()
    if request.method == "GET":
        form.received_on.data = to_local(utcnow(), zone()).date()
        form.author_name.data = returned.contact
        known = db.session.scalar(select(Unit).filter_by(name=returned.unit.strip()))
        form.unit_id.data = str(known.id) if known else ""
        form.new_unit_name.data = "" if known else returned.unit.strip()
    error, status = None, 200
    if request.method == "POST" and form_import.state == "preview":
        if not form.validate():
            error, status = _("Please give the date received."), 400
        else:
            choices = CommitChoices(
                author_name=_sender_name(form, returned),
                received_on=form.received_on.data,
                unit_id=form.picked_unit_id(),
                new_unit=NewUnit(
                    name=form.new_unit_name.data or "",
                    category=form.new_unit_category.data or "",
                    region=form.new_unit_region.data or "",
                ),
                overrides=overrides,
                skipped=skipped,
            )
            try:
                comments = commit_import(
                    form_import=form_import,
                    choices=choices,
                    actor=current_user,
                    tz=zone(),
                    now=utcnow(),
                    max_bytes=_max_bytes(),
                )
                db.session.commit()
            except Refused as refused:
                db.session.rollback()
                form_import = _form_import(revision, import_id)
                error, status = refused.message, 400
            else:
                flash(_("%(count)d comments were imported.", count=len(comments)), "success")
                return redirect(
                    url_for("triage.show_form_import", slug=slug, number=number,
                            import_id=import_id),
                    code=303,
                )  # fmt: skip
    rows = preview_rows(ClauseReader(revision), returned.rows, overrides)
    return render_template(
        "feedback/preview.html",
        revision=revision,
        measure=revision.measure,
        form_import=form_import,
        returned=returned,
        rows=rows,
        skipped=skipped,
        overrides=overrides,
        form=form,
        units=db.session.scalars(select(Unit).order_by(Unit.name)).all(),
        categories=CATEGORY_CHOICES,
        error=error,
    ), status


def _sender_name(form: CommitForm, returned) -> str:
    """Who the comments are recorded for: the name typed, else the unit (typed, picked or on
    the form); empty when nothing names anyone, which the import refuses with its reason."""
    picked = db.session.get(Unit, form.picked_unit_id()) if form.picked_unit_id() else None
    for name in (
        form.author_name.data,
        form.new_unit_name.data,
        picked.name if picked else "",
        returned.contact,
        returned.unit,
    ):
        if name and name.strip():
            return name.strip()
    return ""


@bp.post("/m/<slug>/r/<int:number>/team/forms/<int:import_id>/discard")
def discard_form_import(slug: str, number: int, import_id: int):
    revision = team_revision(slug, number)
    form_import = _form_import(revision, import_id)
    form = ActionForm()
    if not form.validate():
        return form_refused(form, _imports_url(revision))
    return carry_out(
        lambda: discard_upload(form_import=form_import, actor=current_user, now=utcnow()),
        _("The uploaded form was discarded."),
        _imports_url(revision),
    )
