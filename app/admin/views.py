"""Administrators' pages of units: the list, a unit's details and members, marking its
representatives, and merging a duplicate into the unit it repeats (after a confirmation)."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts import admin_units, representatives
from app.accounts.models import CATEGORY_LABELS, Unit, UnitCategory
from app.accounts.permissions import can_manage_users, require
from app.accounts.services import AccountRefused
from app.admin.forms import MergeForm, RepresentativeForm, UnitForm
from app.admin.loaders import member_or_404, merge_target_or_404, unit_or_404
from app.admin.merge import merge_plan, merge_units
from app.admin.queries import figures
from app.core.extensions import db
from app.core.outcome import carry_out
from app.core.refusal import Refused
from app.core.timeutil import utcnow

bp = Blueprint("units_admin", __name__, url_prefix="/admin/units")
UNITS_PER_PAGE = 50


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
        "admin/units.html",
        page=page,
        figures=figures([unit.id for unit in page.items]),
        q=q,
        category_filter=category_filter,
        categories=CATEGORY_LABELS,
        counts=counts,
        all_count=sum(counts.values()),
        list_url=list_url,
    )


def _unit_page(unit: Unit, form: UnitForm):
    return render_template(
        "admin/unit.html",
        unit=unit,
        form=form,
        figures=figures([unit.id])[unit.id],
        members=admin_units.members_of(unit),
        suggested=admin_units.base_name(unit.name),
    )


@bp.route("/<int:unit_id>", methods=["GET", "POST"])
@require(can_manage_users)
def edit_unit(unit_id: int):
    unit = unit_or_404(unit_id)
    form = UnitForm(obj=unit)
    if not form.validate_on_submit():
        return _unit_page(unit, form)

    def refused(error: Refused):
        form.show_refusal(error)
        return _unit_page(unit, form)

    return carry_out(
        lambda: admin_units.update_unit(
            unit=unit,
            name=form.name.data,
            name_en=form.name_en.data,
            category=form.category.data,
            actor=current_user._get_current_object(),
        ),
        _("The details of the unit are saved."),
        url_for(".edit_unit", unit_id=unit.id),
        refusals=Refused,
        refused=refused,
    )


@bp.post("/<int:unit_id>/representatives")
@require(can_manage_users)
def decide_representative(unit_id: int):
    unit = unit_or_404(unit_id)
    form = RepresentativeForm()
    back = url_for(".edit_unit", unit_id=unit.id)
    if not form.validate_on_submit():  # only a forged or truncated form gets here
        flash(_("Nothing was changed."), "error")
        return redirect(back, 303)
    user = member_or_404(unit, form.user_id.data)
    confirm = form.decision.data == "confirm"
    if confirm:
        done = _("%(name)s now represents %(unit)s.", name=user.name, unit=unit.name)
    else:
        done = _("%(name)s no longer represents %(unit)s.", name=user.name, unit=unit.name)
    return carry_out(
        lambda: representatives.decide_representation(
            actor=current_user._get_current_object(), user=user, confirm=confirm, now=utcnow()
        ),
        done,
        back,
        refusals=AccountRefused,
    )


@bp.get("/<int:unit_id>/merge")
@require(can_manage_users)
def merge_unit(unit_id: int):
    """Choose the unit to keep (by searching), then confirm what will move to it."""
    unit = unit_or_404(unit_id)
    into = request.args.get("into", "")
    kept = merge_target_or_404(unit, int(into)) if into.isdigit() else None
    q = request.args.get("q", admin_units.base_name(unit.name)).strip()[:200]
    return render_template(
        "admin/unit_merge.html",
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
    unit = unit_or_404(unit_id)
    form = MergeForm()
    if not form.validate_on_submit():
        flash(_("Nothing was merged: choose the unit to keep."), "error")
        return redirect(url_for(".merge_unit", unit_id=unit.id), 303)
    kept = unit_or_404(form.into.data)  # itself: the service refuses, and says why
    merged_name = unit.name

    def merged(plan) -> str:
        return _(
            "%(merged)s was merged into %(kept)s. Moved: members %(members)d, "
            "comments %(comments)d.",
            merged=merged_name,
            kept=kept.name,
            members=plan.members,
            comments=plan.comments,
        )

    return carry_out(
        lambda: merge_units(
            merged=unit, kept=kept, actor=current_user._get_current_object(), now=utcnow()
        ),
        merged,
        url_for(".merge_unit", unit_id=unit_id),
        refusals=Refused,
        done_to=lambda _plan: url_for(".edit_unit", unit_id=kept.id),
    )
