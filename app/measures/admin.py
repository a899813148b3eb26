"""Administrators' page of measures: their revisions, periods and publication settings."""

from datetime import timedelta

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from wtforms import BooleanField, DateField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length

from app.accounts.permissions import can_manage_users, require
from app.core.extensions import db
from app.core.forms import Form
from app.core.outcome import carry_out
from app.core.refusal import Refused
from app.core.timeutil import to_local, zone
from app.measures.loaders import measure_or_404, revision_or_404
from app.measures.management import set_period, update_measure
from app.measures.models import VISIBILITY_LABELS, Measure, Revision
from app.measures.services import MEASURE_FIELDS, set_publication
from app.measures.switch import register_switch_helpers

bp = Blueprint("measures_admin", __name__, url_prefix="/admin/measures")
# Measures' one blueprint carries the revision switch every area's pages draw.
register_switch_helpers(bp)


class PublicationForm(Form):
    comments_public = SelectField(
        _l("Publication of comments"),
        choices=[SelectChoice(value.value, label) for value, label in VISIBILITY_LABELS.items()],
    )
    names_public = BooleanField(_l("Show the names of authors who agreed"))


class MeasureForm(Form):
    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=300)])
    title_en = StringField(_l("English title"), validators=[Length(max=300)])
    drafting_unit = StringField(_l("Drafting unit"), validators=[Length(max=200)])
    drafting_unit_en = StringField(
        _l("Drafting unit in English"),
        validators=[Length(max=200)],
        description=_l("Shown in the English interface; the Chinese name is shown when empty."),
    )
    person_in_charge = StringField(_l("Person in charge"), validators=[Length(max=100)])
    phone = StringField(_l("Phone"), validators=[Length(max=50)])


class PeriodForm(Form):
    opens_on = DateField(_l("Opens on"), validators=[InputRequired()])
    closes_on = DateField(
        _l("Closes on"),
        validators=[InputRequired()],
        description=_l("Comments are accepted until the end of this day, Beijing time."),
    )
    extension_reason = TextAreaField(
        _l("Reason for the extension"),
        validators=[Length(max=1000)],
        description=_l("Required when the period closes later than before; shown to readers."),
    )
    short_period_reason = TextAreaField(
        _l("Reason for a period shorter than 30 days"),
        validators=[Length(max=1000)],
        description=_l("Required when the period is shorter than 30 days."),
    )


@bp.get("")
@require(can_manage_users)
def list_measures():
    measures = db.session.scalars(select(Measure).order_by(Measure.created_at.desc())).all()
    forms = {}
    for measure in measures:
        form = PublicationForm(prefix=f"m{measure.id}")
        form.comments_public.data = measure.comments_public.value
        form.names_public.data = measure.names_public
        forms[measure.id] = form
    return render_template("measures/admin.html", measures=measures, forms=forms)


@bp.post("/<slug>/publication")
@require(can_manage_users)
def update_publication(slug: str):
    measure = measure_or_404(slug)
    form = PublicationForm(prefix=f"m{measure.id}")
    if not form.validate_on_submit():
        flash(_("Nothing was changed: choose a setting from the list."), "error")
        return redirect(url_for(".list_measures"), 303)
    return carry_out(
        lambda: set_publication(
            measure=measure,
            comments_public=form.comments_public.data,
            names_public=form.names_public.data,
            actor=current_user._get_current_object(),
        ),
        lambda _result: _("Saved: %(policy)s", policy=measure.publication_policy),
        url_for(".list_measures"),
    )


@bp.route("/<slug>", methods=["GET", "POST"])
@require(can_manage_users)
def edit_measure(slug: str):
    measure = measure_or_404(slug)
    form = MeasureForm(obj=measure)
    if not form.validate_on_submit():
        return _measure_page(measure, form)

    def refused(refusal: Refused):
        form.show_refusal(refusal)
        return _measure_page(measure, form)

    return carry_out(
        lambda: update_measure(
            measure=measure,
            data={name: getattr(form, name).data for name in MEASURE_FIELDS},
            actor=current_user._get_current_object(),
        ),
        _("The details of the measure are saved."),
        url_for(".edit_measure", slug=slug),
        refused=refused,
    )


def _measure_page(measure: Measure, form: MeasureForm):
    return render_template("measures/admin_measure.html", measure=measure, form=form)


@bp.route("/<slug>/r/<int:number>/period", methods=["GET", "POST"])
@require(can_manage_users)
def edit_period(slug: str, number: int):
    measure = measure_or_404(slug)
    revision = revision_or_404(measure, number)
    form = PeriodForm()
    if not form.is_submitted():
        tz = zone()
        if revision.opens_at:
            form.opens_on.data = to_local(revision.opens_at, tz).date()
            form.closes_on.data = to_local(revision.closes_at - timedelta(seconds=1), tz).date()
        form.short_period_reason.data = revision.short_period_reason
    if not form.validate_on_submit():
        return _period_page(measure, revision, form)

    def refused(refusal: Refused):
        form.show_refusal(refusal)
        return _period_page(measure, revision, form)

    return carry_out(
        lambda: set_period(
            revision=revision,
            opens_on=form.opens_on.data,
            closes_on=form.closes_on.data,
            tz=zone(),
            extension_reason=form.extension_reason.data,
            short_period_reason=form.short_period_reason.data,
            actor=current_user._get_current_object(),
        ),
        _("The comment period is saved."),
        url_for(".edit_measure", slug=slug),
        refused=refused,
    )


def _period_page(measure: Measure, revision: Revision, form: PeriodForm):
    return render_template(
        "measures/admin_period.html", measure=measure, revision=revision, form=form
    )
