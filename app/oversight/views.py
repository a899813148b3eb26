"""The audit trail for administrators: every recorded change, searchable, read-only."""

from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import DateField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from app.accounts.permissions import require
from app.audit.models import ACTION_LABELS, TARGET_LABELS, AuditEvent
from app.audit.queries import search_events
from app.core.extensions import db
from app.core.forms import Form
from app.core.timeutil import local_day_end, local_day_start, zone
from app.measures.models import Measure, Revision
from app.oversight.display import describe
from app.oversight.rules import can_view_audit

bp = Blueprint("audit", __name__)
PER_PAGE = 50
# Every page that includes audit/_trail.html (this one, a comment's trail) puts its rows in words.
bp.add_app_template_global(describe, "describe_audit_events")


class AuditSearchForm(Form):
    """A GET form: searching changes nothing, so it carries no CSRF token."""

    class Meta:
        csrf = False

    q = StringField(_l("Text"), validators=[Optional()])
    actor = StringField(_l("Who (e-mail address or name)"), validators=[Optional()])
    action = SelectField(_l("Action"), validators=[Optional()], validate_choice=False)
    target = SelectField(_l("Object"), validators=[Optional()], validate_choice=False)
    revision = SelectField(_l("Revision"), validators=[Optional()], validate_choice=False)
    since = DateField(_l("From (day)"), validators=[Optional()])
    until = DateField(_l("To (day)"), validators=[Optional()])


def _revisions() -> list[Revision]:
    return list(
        db.session.scalars(select(Revision).join(Measure).order_by(Measure.slug, Revision.number))
    )


def _choices(form: AuditSearchForm, revisions: list[Revision]) -> None:
    stored = set(db.session.scalars(select(AuditEvent.action).distinct()))
    actions = sorted(set(ACTION_LABELS) | stored)
    form.action.choices = [SelectChoice("", _l("Any"))] + [
        SelectChoice(name, ACTION_LABELS.get(name, name)) for name in actions
    ]
    form.target.choices = [SelectChoice("", _l("Any"))] + [
        SelectChoice(name, label) for name, label in TARGET_LABELS.items()
    ]
    form.revision.choices = [SelectChoice("", _l("Any"))] + [
        SelectChoice(str(rev.id), f"{rev.measure.title} · {rev.label or rev.number}")
        for rev in revisions
    ]


def _comment_links(events: list[AuditEvent], revisions: list[Revision]) -> dict[int, str]:
    """The team's page of each comment the events are about (needs the event's revision)."""
    by_id = {rev.id: rev for rev in revisions}
    links = {}
    for event in events:
        revision = by_id.get(event.revision_id)
        if event.target_type == "comment" and event.target_id and revision is not None:
            links[event.id] = (
                f"/m/{quote(revision.measure.slug)}/r/{revision.number}"
                f"/team/comments/{event.target_id}"
            )
    return links


def _page_url(page: int) -> str:
    args = {key: value for key, value in request.args.items() if value and key != "page"}
    if page > 1:
        args["page"] = page
    return url_for("audit.search", **args)


@bp.get("/admin/audit")
@require(can_view_audit)
def search():
    revisions = _revisions()
    form = AuditSearchForm(formdata=request.args)
    _choices(form, revisions)
    page = request.args.get("page", 1, type=int) or 1
    events, total = [], 0
    if form.validate():
        tz = zone()
        revision_id = form.revision.data
        events, total = search_events(
            text=form.q.data,
            actor=form.actor.data,
            action=form.action.data or None,
            target_type=form.target.data or None,
            revision_id=int(revision_id) if revision_id and revision_id.isdigit() else None,
            since=local_day_start(form.since.data, tz) if form.since.data else None,
            until=local_day_end(form.until.data, tz) if form.until.data else None,
            page=page,
            per_page=PER_PAGE,
        )
    pages = max(1, -(-total // PER_PAGE))
    return render_template(
        "audit/list.html",
        form=form,
        events=events,
        total=total,
        page=page,
        pages=pages,
        page_url=_page_url,
        links=_comment_links(events, revisions),
    )
