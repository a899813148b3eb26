"""The consulted units page (征求意见单位): the list, its replies and figures, its changes."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from app.accounts.models import Unit
from app.comments.forms import ActionForm
from app.core.extensions import db
from app.core.refusal import Refused
from app.core.timeutil import to_local, utcnow, zone
from app.triage.blueprint import bp, staff_revision, team_revision
from app.triage.consulted import (
    PasteRefused,
    Reply,
    add_consulted_unit,
    consultation,
    paste_consulted_units,
    record_no_comments_reply,
    remove_consulted_unit,
)
from app.triage.entry import NewUnit
from app.triage.entry_forms import (
    CATEGORY_CHOICES,
    INVITE_CHANNEL_CHOICES,
    ConsultedAddForm,
    ConsultedPasteForm,
)
from app.triage.rules import can_triage


def _page(revision, *, add_form=None, paste_form=None, error=None, paste_errors=(), status=200):
    today = to_local(utcnow(), zone()).date()
    add_form = add_form or ConsultedAddForm(formdata=None, invited_on=today)
    paste_form = paste_form or ConsultedPasteForm(formdata=None, invited_on=today)
    overview = consultation(revision)
    return render_template(
        "triage/consulted.html",
        revision=revision,
        measure=revision.measure,
        rows=overview.rows,
        figures=overview.figures,
        uninvited=overview.uninvited,
        units=db.session.execute(select(Unit.id, Unit.name).order_by(Unit.name)).all(),
        add_form=add_form,
        paste_form=paste_form,
        action_form=ActionForm(),
        channel_choices=INVITE_CHANNEL_CHOICES,
        category_choices=CATEGORY_CHOICES,
        can_change=can_triage(current_user),
        error=error,
        paste_errors=paste_errors,
        Reply=Reply,
    ), status


def _back(slug, number):
    return redirect(url_for("triage.consulted", slug=slug, number=number), 303)


@bp.route("/m/<slug>/r/<int:number>/team/consulted", methods=["GET", "POST"])
def consulted(slug: str, number: int):
    revision = staff_revision(slug, number)
    if request.method == "GET":
        return _page(revision)
    if not can_triage(current_user):
        abort(403)
    form = ConsultedAddForm()
    if not form.validate():
        return _page(revision, add_form=form, status=400)
    try:
        row = add_consulted_unit(
            revision=revision,
            actor=current_user,
            invited_on=form.invited_on.data,
            channel=form.channel.data,
            note=form.note.data or "",
            unit_id=form.picked_unit_id(),
            new_unit=NewUnit(
                name=form.new_unit_name.data or "",
                category=form.new_unit_category.data or "",
                region=form.new_unit_region.data or "",
            ),
            now=utcnow(),
        )
        name = row.unit.name
        db.session.commit()
    except Refused as refused:
        db.session.rollback()
        return _page(revision, add_form=form, error=refused.message, status=400)
    flash(_("%(unit)s was added to the consulted units.", unit=name), "success")
    return _back(slug, number)


@bp.route("/m/<slug>/r/<int:number>/team/consulted/paste", methods=["POST"])
def paste_consulted(slug: str, number: int):
    revision = team_revision(slug, number)
    form = ConsultedPasteForm()
    if not form.validate():
        return _page(revision, paste_form=form, status=400)
    try:
        report = paste_consulted_units(
            revision=revision,
            actor=current_user,
            text=form.lines.data,
            invited_on=form.invited_on.data,
            channel=form.channel.data,
            now=utcnow(),
        )
        db.session.commit()
    except PasteRefused as refused:
        db.session.rollback()
        lines = [_("Line %(number)d: %(problem)s", number=n, problem=p) for n, p in refused.lines]
        return _page(
            revision, paste_form=form, error=refused.message, paste_errors=lines, status=400
        )
    except Refused as refused:
        db.session.rollback()
        return _page(revision, paste_form=form, error=refused.message, status=400)
    flash(_("%(count)d units were added.", count=len(report.added)), "success")
    for number_, name in report.duplicates:
        flash(
            _("Line %(number)d: %(unit)s is already on the list.", number=number_, unit=name),
            "info",
        )
    return _back(slug, number)


def _unit_or_404(unit_id: int) -> Unit:
    unit = db.session.get(Unit, unit_id)
    if unit is None:
        abort(404)
    return unit


@bp.route("/m/<slug>/r/<int:number>/team/consulted/<int:unit_id>/remove", methods=["POST"])
def remove_consulted(slug: str, number: int, unit_id: int):
    revision = team_revision(slug, number)
    unit = _unit_or_404(unit_id)
    if not ActionForm().validate():
        abort(400)
    try:
        remove_consulted_unit(revision=revision, unit=unit, actor=current_user, now=utcnow())
        db.session.commit()
        flash(_("%(unit)s was removed from the consulted units.", unit=unit.name), "success")
    except Refused as refused:
        db.session.rollback()
        flash(str(refused.message), "error")
    return _back(slug, number)


@bp.route("/m/<slug>/r/<int:number>/team/consulted/<int:unit_id>/no-comments", methods=["POST"])
def no_comments_consulted(slug: str, number: int, unit_id: int):
    revision = team_revision(slug, number)
    unit = _unit_or_404(unit_id)
    if not ActionForm().validate():
        abort(400)
    try:
        record_no_comments_reply(
            revision=revision,
            unit=unit,
            actor=current_user,
            no_comments=request.form.get("clear") != "1",
            now=utcnow(),
        )
        db.session.commit()
        flash(_("The reply of %(unit)s was recorded.", unit=unit.name), "success")
    except Refused as refused:
        db.session.rollback()
        flash(str(refused.message), "error")
    return _back(slug, number)
