"""The team's home, the queue of a revision's comments, and one comment's page."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.models import CATEGORY_LABELS
from app.accounts.permissions import require
from app.comments import moderation
from app.comments.models import (
    CHANNEL_LABELS,
    STANCE_LABELS,
    STATUS_LABELS,
    TYPE_LABELS,
    Comment,
    CommentStatus,
)
from app.comments.moderation_models import REPORT_REASON_LABELS, REPORT_STATE_LABELS
from app.comments.publication import comments_are_public
from app.comments.rules import can_read_all_comments
from app.core.i18n import current_language, safe_next
from app.core.outcome import carry_out, form_refused
from app.core.rendering import render_markdown
from app.core.timeutil import utcnow
from app.triage import queries, team_search
from app.triage import queue as q
from app.triage.assignment import add_note, assign_comments
from app.triage.bulk import act_on_selection
from app.triage.forms import (
    ActionForm,
    AssignForm,
    BulkForm,
    LandingForm,
    NoteForm,
    ResponseForm,
)
from app.triage.landings import landing_box
from app.triage.loaders import revision_comment, staff_revision, team_revision
from app.triage.models import DISPOSITION_LABELS, RESPONSE_STATE_LABELS
from app.triage.moderation_views import HideForm
from app.triage.queue_facets import facet_options
from app.triage.rules import can_review, can_triage

LABELS = {
    "type": TYPE_LABELS,
    "stance": STANCE_LABELS,
    "status": STATUS_LABELS,
    "channel": CHANNEL_LABELS,
    "category": CATEGORY_LABELS,
    "disposition": DISPOSITION_LABELS,
    "state": RESPONSE_STATE_LABELS,
}


@require(can_read_all_comments)
def team_home():
    return render_template(
        "triage/team_home.html",
        revisions=queries.published_revisions(),
        totals=q.revision_totals(),
    )


def list_comments(slug: str, number: int):
    revision = staff_revision(slug, number)
    filters = q.QueueFilters.from_args(request.args)
    found = None
    if filters.q:
        found = team_search.search_comments(filters.q, revision_id=revision.id, viewer=current_user)
        named = team_search.named_comment(found, revision_id=revision.id)
        if named is not None:
            return _go_to_named(named)
    ctx = q.Context(
        revision_id=revision.id,
        clauses=q.revision_clauses(revision.id),
        user_id=current_user.id,
        search=found,
        carried=q.carried_over(revision),
    )
    page = q.load_page(filters, ctx)
    writable = can_triage(current_user)

    def link(**changes) -> str:
        return url_for("triage.list_comments", slug=slug, number=number, **filters.args(**changes))

    return render_template(
        "triage/queue.html",
        link=link,
        facets=facet_options(page, filters, {c.key: c for c in ctx.clauses}, link),
        revision=revision,
        measure=revision.measure,
        filters=filters,
        page=page,
        clauses={c.key: c for c in ctx.clauses},
        carried=ctx.carried,
        successors=_successor_citations(ctx),
        events=queries.events_by_id(revision),
        labels=LABELS,
        form=BulkForm() if writable else None,
        members=queries.team_members() if writable else [],
        marks=_marks([c.id for c, *_ in page.rows]),
        reasons=(
            {c.id: [team_search.REASON_LABELS[r] for r in found.reasons(c)] for c, *_ in page.rows}
            if found
            else None
        ),
    )


def _marks(comment_ids: list[int]) -> dict:
    """The page's rows that are hidden from the public, and those with open reports (how
    many)."""
    hidden, reported = moderation.moderation_marks(comment_ids)
    return {"hidden": hidden, "reported": reported}


def _successor_citations(ctx: q.Context) -> dict[int, str]:
    """{old clause id: the citations of what it became in this revision}, for the carried-over
    comments' rows ("now 第三条")."""
    if ctx.carried is None:
        return {}
    english = current_language() == "en"
    by_key = {c.key: (c.citation_en if english else "") or c.citation or c.key for c in ctx.clauses}
    separator = ", " if english else "、"
    return {
        old: separator.join(by_key[k] for k in keys if k in by_key)
        for old, keys in ctx.carried.successors.items()
    }


def _go_to_named(comment: Comment):
    flash(_("Comment %(receipt)s, found by its receipt number.", receipt=comment.receipt))
    target = comment.revision
    return redirect(
        url_for(
            "triage.show_comment",
            slug=target.measure.slug,
            number=target.number,
            comment_id=comment.id,
        ),
        303,
    )


BULK_DONE = {
    "answer": lambda count: _("%(count)d responses saved as drafts.", count=count),
    "group": lambda count: _("%(count)d comments grouped.", count=count),
    "assign": lambda count: _("%(count)d comments changed.", count=count),
    "unassign": lambda count: _("%(count)d comments changed.", count=count),
}


def bulk_comments(slug: str, number: int):
    revision = team_revision(slug, number)
    form = BulkForm()
    back = safe_next(form.back.data, url_for("triage.list_comments", slug=slug, number=number))
    if not form.validate_on_submit():
        return form_refused(form, back, _("The form was not accepted; try again."))
    action = form.action.data
    return carry_out(
        lambda: act_on_selection(
            revision=revision,
            comment_ids=form.ids.data or [],
            action=action,
            actor=current_user,
            now=utcnow(),
            assignee=form.assignee.data or "",
            title=form.title.data or "",
            disposition=form.disposition.data,
            reason=form.reason.data or "",
            reason_en=form.reason_en.data or "",
        ),
        lambda count: BULK_DONE[action](count),
        back,
    )


def show_comment(slug: str, number: int, comment_id: int):
    revision = staff_revision(slug, number)
    comment = revision_comment(revision, comment_id)
    shown = queries.comment_page(comment)
    writable = can_triage(current_user)
    # An ungrouped comment is answered here; a grouped one through its group (the service
    # refuses a direct answer), so its page shows the group's answer and links to the group.
    own = shown.own_response
    landing = landing_box(revision, comment, own, current_language())
    here = url_for("triage.show_comment", slug=slug, number=number, comment_id=comment.id)
    return render_template(
        "triage/comment.html",
        revision=revision,
        measure=revision.measure,
        comment=comment,
        quote=queries.quote_in_context(comment),
        others=shown.others,
        members=shown.members,
        team=queries.team_members() if writable else [],
        responses=shown.responses,
        notes=shown.notes,
        events=shown.events,
        render_markdown=render_markdown,
        labels=LABELS,
        assign_form=AssignForm() if writable else None,
        note_form=NoteForm() if writable else None,
        response=own,
        response_form=ResponseForm(
            data={
                "disposition": own.disposition.value if own else "",
                "reason": own.reason if own else "",
                "reason_en": own.reason_en if own else "",
                "landings": landing.prefill if landing else "",
            }
        ),
        landing=landing,
        landing_form=LandingForm(data={"landings": landing.prefill}) if landing else None,
        save_url=url_for(
            "triage.save_comment_response", slug=slug, number=number, comment_id=comment.id
        ),
        back=here,
        action_form=ActionForm(),
        may_write=writable
        and comment.group_id is None
        and comment.status == CommentStatus.SUBMITTED,
        may_review=can_review(current_user),
        moderation=_moderation(comment, writable),
    )


def _moderation(comment: Comment, writable: bool) -> dict:
    """The moderation box of a comment's page: its reports, its hidings, the forms."""
    return {
        "reports": moderation.reports_of(comment),
        "hidings": moderation.hidings_of(comment),
        "hidden": moderation.current_hiding(comment),
        "public_now": comments_are_public(comment.revision, utcnow()),
        "reason_labels": REPORT_REASON_LABELS,
        "state_labels": REPORT_STATE_LABELS,
        "hide_form": HideForm() if writable else None,
    }


def assign_comment(slug: str, number: int, comment_id: int):
    revision = team_revision(slug, number)
    comment = revision_comment(revision, comment_id)
    form = AssignForm()
    here = url_for("triage.show_comment", slug=slug, number=number, comment_id=comment.id)
    if not form.validate_on_submit():
        return form_refused(form, here, _("The form was not accepted; try again."))
    return carry_out(
        lambda: assign_comments(
            comments=[comment],
            assignee=queries.chosen_member(form.assignee.data) if form.assignee.data else None,
            actor=current_user,
            now=utcnow(),
        ),
        _("Assignment saved."),
        here,
    )


def add_comment_note(slug: str, number: int, comment_id: int):
    revision = team_revision(slug, number)
    comment = revision_comment(revision, comment_id)
    form = NoteForm()
    here = url_for("triage.show_comment", slug=slug, number=number, comment_id=comment.id)
    if not form.validate_on_submit():
        return form_refused(form, here + "#notes", _("The note is empty."))
    return carry_out(
        lambda: add_note(comment=comment, actor=current_user, body=form.body.data, now=utcnow()),
        _("Note added."),
        here + "#notes",
    )
