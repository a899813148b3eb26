"""The team's review of an alignment: the page, links set or removed by hand, confirmation."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.core.i18n import current_language
from app.core.outcome import carry_out, form_refused
from app.core.timeutil import utcnow
from app.lineage import queries
from app.lineage.corrections import confirm_alignment, remove_link, set_link
from app.lineage.forms import LinkForm, PlainForm
from app.lineage.loaders import any_revision, revision_link
from app.lineage.models import LINK_KIND_LABELS, LinkKind
from app.lineage.rules import can_correct_lineage, can_read_lineage

bp = Blueprint("lineage", __name__)

PAGE = "/m/<slug>/r/<int:number>/team/lineage"
KIND_LABELS = {kind.value: label for kind, label in LINK_KIND_LABELS.items()}


@bp.get(PAGE)
@require(can_read_lineage)
def review(slug: str, number: int):
    revision = any_revision(slug, number)
    kind = request.args.get("kind", "")
    kind = kind if kind in KIND_LABELS or kind == queries.UNALIGNED else ""
    sort = request.args.get("sort", "")
    sort = sort if sort in queries.SORTS else "score"
    shown = queries.review(revision, kind=kind, sort=sort, language=current_language())
    writable = can_correct_lineage(current_user)
    form = None
    if shown is not None and writable:
        form = LinkForm(
            formdata=None,
            data={
                "from_key": request.args.get("from", ""),
                "to_key": request.args.get("to", ""),
                "kind": request.args.get("as", LinkKind.MODIFIED.value),
            },
        ).offer(shown.old_choices, shown.new_choices)

    def link(**changes) -> str:
        args = {"kind": kind, "sort": sort if sort != "score" else "", **changes}
        return url_for(
            "lineage.review", slug=slug, number=number, **{k: v for k, v in args.items() if v}
        )

    return render_template(
        "lineage/review.html",
        revision=revision,
        measure=revision.measure,
        review=shown,
        kind=kind,
        sort=sort,
        link=link,
        kind_labels=KIND_LABELS,
        unaligned=queries.UNALIGNED,
        form=form,
        plain=PlainForm() if writable else None,
        revision_page=_agreed_url("revisions.show_revision", slug=slug, number=number),
    )


def _agreed_url(endpoint: str, **values) -> str | None:
    """The URL of another area's page once it exists (the revision's staff page belongs to
    app/revisions; this page links to it when that area is registered)."""
    if endpoint not in current_app.view_functions:
        return None
    return url_for(endpoint, **values)


def _here(slug: str, number: int) -> str:
    return url_for("lineage.review", slug=slug, number=number)


@bp.post(f"{PAGE}/links")
@require(can_correct_lineage)
def save_link(slug: str, number: int):
    revision = any_revision(slug, number)
    shown = queries.review(revision, language=current_language())
    back = _here(slug, number)
    if shown is None:
        return form_refused(
            PlainForm(),
            back,
            _("This is the first revision: there is no earlier text to align it with."),
        )
    form = LinkForm().offer(shown.old_choices, shown.new_choices)
    if not form.validate_on_submit():
        return form_refused(form, back + "#correct")
    confirmed = revision.lineage_confirmed_at is not None
    return carry_out(
        lambda: set_link(
            revision=revision,
            from_key=form.from_key.data,
            to_key=form.to_key.data,
            kind=form.kind.data,
            actor=current_user,
            now=utcnow(),
        ),
        _("The link is set by hand."),
        back + "#correct",
        notes=lambda _link: [_withdrawn_message()] if confirmed else [],
        done_to=lambda made: f"{back}#link-{made.id}",
    )


@bp.post(f"{PAGE}/links/<int:link_id>/delete")
@require(can_correct_lineage)
def delete_link(slug: str, number: int, link_id: int):
    revision = any_revision(slug, number)
    link = revision_link(revision, link_id)
    back = _here(slug, number)
    if not PlainForm().validate_on_submit():
        return form_refused(PlainForm(), back, _("The form was not accepted; try again."))
    confirmed = revision.lineage_confirmed_at is not None
    return carry_out(
        lambda: remove_link(link=link, actor=current_user, now=utcnow()),
        lambda by_hand: (
            _("The hand link was removed: the automatic alignment applies to its clauses again.")
            if by_hand
            else _("The link was removed; a clause it leaves alone is marked new or deleted.")
        ),
        back,
        notes=lambda _result: [_withdrawn_message()] if confirmed else [],
    )


@bp.post(f"{PAGE}/confirm")
@require(can_correct_lineage)
def confirm(slug: str, number: int):
    revision = any_revision(slug, number)
    back = _here(slug, number)
    if not PlainForm().validate_on_submit():
        return form_refused(PlainForm(), back, _("The form was not accepted; try again."))
    return carry_out(
        lambda: confirm_alignment(revision=revision, actor=current_user, now=utcnow()),
        _("The alignment is confirmed."),
        back,
    )


def _withdrawn_message() -> str:
    return _("The alignment was confirmed before this change: confirm it again when it is right.")
