"""Administrators' page of measures: their revisions, periods and publication settings."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from wtforms import BooleanField, SelectField
from wtforms.fields.choices import SelectChoice

from app.accounts.permissions import can_manage_users, require
from app.extensions import db
from app.forms import Form
from app.measures.models import VISIBILITY_LABELS, Measure
from app.measures.services import set_publication

bp = Blueprint("measures_admin", __name__, url_prefix="/admin/measures")


class PublicationForm(Form):
    comments_public = SelectField(
        _l("Publication of comments"),
        choices=[SelectChoice(value.value, label) for value, label in VISIBILITY_LABELS.items()],
    )
    names_public = BooleanField(_l("Show the names of authors who agreed"))


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
    measure = db.session.scalar(select(Measure).filter_by(slug=slug))
    if measure is None:
        return render_template("error.html", code=404, error=None), 404
    form = PublicationForm(prefix=f"m{measure.id}")
    if not form.validate_on_submit():
        flash(_("Nothing was changed: choose a setting from the list."), "error")
        return redirect(url_for(".list_measures"), 303)
    set_publication(
        measure=measure,
        comments_public=form.comments_public.data,
        names_public=form.names_public.data,
        actor=current_user._get_current_object(),
    )
    db.session.commit()
    flash(_("Saved: %(policy)s", policy=measure.publication_policy), "success")
    return redirect(url_for(".list_measures"), 303)
