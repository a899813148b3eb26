"""The consulted units page (征求意见单位): the list, its replies and figures, its changes."""

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.comments.forms import ActionForm
from app.core.outcome import carry_out
from app.core.refusal import Refused
from app.core.timeutil import to_local, utcnow, zone
from app.triage.consulted import (
    PasteRefused,
    Reply,
    add_consulted_unit,
    consultation,
    paste_consulted_units,
    record_no_comments_reply,
    remove_consulted_unit,
)
from app.triage.entry_forms import (
    CATEGORY_CHOICES,
    INVITE_CHANNEL_CHOICES,
    ConsultedAddForm,
    ConsultedPasteForm,
)
from app.triage.loaders import staff_revision, team_revision, unit_or_404
from app.triage.queries import unit_choices
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
        units=unit_choices(),
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


def _back(slug, number) -> str:
    return url_for("triage.consulted", slug=slug, number=number)


def consulted(slug: str, number: int):
    if request.method == "GET":
        return _page(staff_revision(slug, number))
    revision = team_revision(slug, number)
    form = ConsultedAddForm()
    if not form.validate():
        return _page(revision, add_form=form, status=400)
    return carry_out(
        lambda: add_consulted_unit(
            revision=revision,
            actor=current_user,
            invited_on=form.invited_on.data,
            channel=form.channel.data,
            note=form.note.data or "",
            unit_id=form.picked_unit_id(),
            new_unit=form.new_unit(),
            now=utcnow(),
        ),
        lambda row: _("%(unit)s was added to the consulted units.", unit=row.unit.name),
        _back(slug, number),
        refused=lambda refused: _page(revision, add_form=form, error=refused.message, status=400),
    )


def _paste_refused(revision, form):
    """The page again with the pasted list and what was wrong with it (each bad line)."""

    def answer(refused: Refused):
        lines = ()
        if isinstance(refused, PasteRefused):
            lines = [
                _("Line %(number)d: %(problem)s", number=n, problem=p) for n, p in refused.lines
            ]
        return _page(
            revision, paste_form=form, error=refused.message, paste_errors=lines, status=400
        )

    return answer


def paste_consulted(slug: str, number: int):
    revision = team_revision(slug, number)
    form = ConsultedPasteForm()
    if not form.validate():
        return _page(revision, paste_form=form, status=400)
    return carry_out(
        lambda: paste_consulted_units(
            revision=revision,
            actor=current_user,
            text=form.lines.data,
            invited_on=form.invited_on.data,
            channel=form.channel.data,
            now=utcnow(),
        ),
        lambda report: _("%(count)d units were added.", count=len(report.added)),
        _back(slug, number),
        notes=lambda report: [
            _("Line %(number)d: %(unit)s is already on the list.", number=n, unit=name)
            for n, name in report.duplicates
        ],
        refused=_paste_refused(revision, form),
    )


def remove_consulted(slug: str, number: int, unit_id: int):
    revision = team_revision(slug, number)
    unit = unit_or_404(unit_id)
    if not ActionForm().validate():
        abort(400)
    return carry_out(
        lambda: remove_consulted_unit(
            revision=revision, unit=unit, actor=current_user, now=utcnow()
        ),
        lambda _none: _("%(unit)s was removed from the consulted units.", unit=unit.name),
        _back(slug, number),
    )


def no_comments_consulted(slug: str, number: int, unit_id: int):
    revision = team_revision(slug, number)
    unit = unit_or_404(unit_id)
    if not ActionForm().validate():
        abort(400)
    return carry_out(
        lambda: record_no_comments_reply(
            revision=revision,
            unit=unit,
            actor=current_user,
            no_comments=request.form.get("clear") != "1",
            now=utcnow(),
        ),
        lambda _none: _("The reply of %(unit)s was recorded.", unit=unit.name),
        _back(slug, number),
    )
