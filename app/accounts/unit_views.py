"""Administrators' pages of units: the list, a unit's details and members, marking its
representatives, and merging a duplicate into the unit it repeats (after a confirmation)."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import HiddenField, IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, InputRequired, Length

from app.accounts import admin_units, representatives
from app.accounts.admin_units import UnitRefused
from app.accounts.models import CATEGORY_LABELS, Unit, UnitCategory, User
from app.accounts.permissions import can_manage_users, require
from app.accounts.services import AccountRefused
from app.accounts.unit_merge import merge_plan, merge_units
from app.core.extensions import db
from app.core.forms import Form
from app.core.timeutil import utcnow

bp = Blueprint("units_admin", __name__, url_prefix="/admin/units")
UNITS_PER_PAGE = 50


class UnitForm(Form):
    name = StringField(_l("Unit name"), validators=[InputRequired(), Length(max=200)])
    name_en = StringField(_l("English name"), validators=[Length(max=200)])
    category = SelectField(
        _l("Category"),
        choices=[SelectChoice(code.value, label) for code, label in CATEGORY_LABELS.items()],
    )


class MergeForm(Form):
    into = IntegerField(validators=[InputRequired()])


class RepresentativeForm(Form):
    user_id = IntegerField(validators=[InputRequired()])
    decision = HiddenField(validators=[AnyOf(["confirm", "revoke"])])


def _unit(unit_id: int) -> Unit:
    unit = db.session.get(Unit, unit_id)
    if unit is None:
        abort(404)
    return unit


def list_url(category: str | None = None, page: int | None = None, q: str = "") -> str:
    pairs = (("q", q), ("category", category), ("page", page))
    return url_for("units_admin.list_units", **{key: value for key, value in pairs if value})


@bp.get("")
@require(can_manage_users)
def list_units():
    category_filter = request.args.get("category", "")
    q = request.args.get("q", "").strip()[:200]
    if category_filter and category_filter not in {code.value for code in UnitCategory}:
        abort(404)
    category = UnitCategory(category_filter) if category_filter else None
    counts = admin_units.category_counts(text=q)
    query = admin_units.units_query(text=q, category=category)
    # The counts per category already give the total: no second COUNT for the pager.
    page = db.paginate(query, per_page=UNITS_PER_PAGE, error_out=False, count=False)
    page.total = counts[category] if category else sum(counts.values())
    return render_template(
        "accounts/admin_units.html",
        page=page,
        figures=admin_units.figures([unit.id for unit in page.items]),
        q=q,
        category_filter=category_filter,
        categories=CATEGORY_LABELS,
        counts=counts,
        all_count=sum(counts.values()),
        list_url=list_url,
    )


def _unit_page(unit: Unit, form: UnitForm):
    return render_template(
        "accounts/admin_unit.html",
        unit=unit,
        form=form,
        figures=admin_units.figures([unit.id])[unit.id],
        members=admin_units.members_of(unit),
        suggested=admin_units.base_name(unit.name),
    )


@bp.route("/<int:unit_id>", methods=["GET", "POST"])
@require(can_manage_users)
def edit_unit(unit_id: int):
    unit = _unit(unit_id)
    form = UnitForm(obj=unit)
    if form.validate_on_submit():
        try:
            admin_units.update_unit(
                unit=unit,
                name=form.name.data,
                name_en=form.name_en.data,
                category=form.category.data,
                actor=current_user._get_current_object(),
            )
        except UnitRefused as error:
            db.session.rollback()
            getattr(form, error.field).errors = [error.message]
        else:
            db.session.commit()
            flash(_("The details of the unit are saved."), "success")
            return redirect(url_for(".edit_unit", unit_id=unit.id), 303)
    return _unit_page(unit, form)


@bp.post("/<int:unit_id>/representatives")
@require(can_manage_users)
def decide_representative(unit_id: int):
    unit = _unit(unit_id)
    form = RepresentativeForm()
    back = url_for(".edit_unit", unit_id=unit.id)
    if not form.validate_on_submit():  # only a forged or truncated form gets here
        flash(_("Nothing was changed."), "error")
        return redirect(back, 303)
    user = db.session.get(User, form.user_id.data)
    if user is None or user.unit_id != unit.id:
        abort(404)
    confirm = form.decision.data == "confirm"
    try:
        representatives.decide_representation(
            actor=current_user._get_current_object(), user=user, confirm=confirm, now=utcnow()
        )
    except AccountRefused as error:
        db.session.rollback()
        flash(str(error.message), "error")
        return redirect(back, 303)
    db.session.commit()
    if confirm:
        flash(_("%(name)s now represents %(unit)s.", name=user.name, unit=unit.name), "success")
    else:
        flash(
            _("%(name)s no longer represents %(unit)s.", name=user.name, unit=unit.name),
            "success",
        )
    return redirect(back, 303)


@bp.get("/<int:unit_id>/merge")
@require(can_manage_users)
def merge_unit(unit_id: int):
    """Choose the unit to keep (by searching), then confirm what will move to it."""
    unit = _unit(unit_id)
    kept = None
    if request.args.get("into", "").isdigit():
        kept = db.session.get(Unit, int(request.args["into"]))
        if kept is None or kept.id == unit.id:
            abort(404)
    q = request.args.get("q", admin_units.base_name(unit.name)).strip()[:200]
    return render_template(
        "accounts/admin_unit_merge.html",
        unit=unit,
        kept=kept,
        q=q,
        candidates=[] if kept else admin_units.merge_candidates(unit, q),
        plan=merge_plan(merged=unit, kept=kept) if kept else None,
        form=MergeForm(),
    )


@bp.post("/<int:unit_id>/merge")
@require(can_manage_users)
def merge_unit_confirmed(unit_id: int):
    unit = _unit(unit_id)
    form = MergeForm()
    if not form.validate_on_submit():
        flash(_("Nothing was merged: choose the unit to keep."), "error")
        return redirect(url_for(".merge_unit", unit_id=unit.id), 303)
    kept = _unit(form.into.data)
    merged_name = unit.name
    try:
        plan = merge_units(
            merged=unit, kept=kept, actor=current_user._get_current_object(), now=utcnow()
        )
    except UnitRefused as error:
        db.session.rollback()
        flash(str(error.message), "error")
        return redirect(url_for(".merge_unit", unit_id=unit_id), 303)
    db.session.commit()
    flash(
        _(
            "%(merged)s was merged into %(kept)s. Moved: members %(members)d, "
            "comments %(comments)d.",
            merged=merged_name,
            kept=kept.name,
            members=plan.members,
            comments=plan.comments,
        ),
        "success",
    )
    return redirect(url_for(".edit_unit", unit_id=kept.id), 303)
