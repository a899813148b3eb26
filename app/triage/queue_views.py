"""The team's home, the queue of a revision's comments, and one comment's page."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from app.accounts.models import CATEGORY_LABELS, Role, User
from app.accounts.permissions import require
from app.comments.models import (
    CHANNEL_LABELS,
    STANCE_LABELS,
    STATUS_LABELS,
    TYPE_LABELS,
    Comment,
    CommentStatus,
)
from app.comments.quotes import locate_quote
from app.comments.rules import can_read_all_comments
from app.core.extensions import db
from app.core.i18n import safe_next
from app.core.refusal import Refused
from app.core.rendering import render_markdown
from app.core.timeutil import utcnow
from app.measures.models import Measure, Revision
from app.triage import queue as q
from app.triage import team_search
from app.triage.assignment import add_note, assign_comments
from app.triage.blueprint import bp, carry_out, form_refused, staff_revision, team_revision
from app.triage.forms import ActionForm, AssignForm, BulkForm, NoteForm, ResponseForm
from app.triage.grouping import group_comments
from app.triage.history import trail_for_comment
from app.triage.models import (
    DISPOSITION_LABELS,
    RESPONSE_STATE_LABELS,
    CommentNote,
    Event,
    Response,
)
from app.triage.queue_facets import facet_options
from app.triage.responses import respond_to_many
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


def team_members() -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(User.role.in_([Role.TEAM, Role.ADMIN]), User.active.is_(True))
            .order_by(User.name, User.id)
        )
    )


def _assignee(value: str) -> User | None:
    """The chosen team member; refuses an unknown id (the service refuses a non-member)."""
    if not value or not value.isdigit():
        raise Refused(_l("Choose a team member."))
    user = db.session.get(User, int(value))
    if user is None:
        raise Refused(_l("Choose a team member."))
    return user


@bp.get("/team")
@require(can_read_all_comments)
def team_home():
    revisions = list(
        db.session.scalars(
            select(Revision)
            .join(Revision.measure)
            .where(Revision.published_at.is_not(None))
            .order_by(Measure.title, Revision.number)
        )
    )
    return render_template("triage/team_home.html", revisions=revisions, totals=q.revision_totals())


@bp.get("/m/<slug>/r/<int:number>/team/comments")
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
    )
    page = q.load_page(filters, ctx)
    writable = can_triage(current_user)
    form = None
    if writable:
        form = BulkForm()
    events = {e.id: e for e in db.session.scalars(select(Event).filter_by(revision_id=revision.id))}

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
        events=events,
        labels=LABELS,
        form=form,
        members=team_members() if writable else [],
        reasons=(
            {c.id: [team_search.REASON_LABELS[r] for r in found.reasons(c)] for c, *_ in page.rows}
            if found
            else None
        ),
    )


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


@bp.post("/m/<slug>/r/<int:number>/team/comments/bulk")
def bulk_comments(slug: str, number: int):
    revision = team_revision(slug, number)
    form = BulkForm()
    back = safe_next(form.back.data, url_for("triage.list_comments", slug=slug, number=number))
    if not form.validate_on_submit():
        flash(_("The form was not accepted; try again."), "error")
        return redirect(back, 303)
    ids = sorted(set(form.ids.data or []))
    comments = list(
        db.session.scalars(
            select(Comment).where(Comment.revision_id == revision.id, Comment.id.in_(ids))
        )
    )
    now = utcnow()
    try:
        if len(comments) != len(ids) or not ids:
            raise Refused(_l("Select at least one comment."))
        if form.action.data not in ("assign", "unassign", "group", "answer"):
            raise Refused(_l("Choose an action."))
        if form.action.data == "answer":
            done = respond_to_many(
                targets=comments,
                actor=current_user,
                now=now,
                disposition=form.disposition.data,
                reason=form.reason.data or "",
                reason_en=form.reason_en.data or "",
            )
            message = _("%(count)d responses saved as drafts.", count=len(done))
        elif form.action.data == "group":
            group_comments(
                revision=revision,
                comment_ids=ids,
                actor=current_user,
                now=now,
                title=form.title.data or "",
            )
            message = _("%(count)d comments grouped.", count=len(ids))
        else:
            assignee = _assignee(form.assignee.data) if form.action.data == "assign" else None
            changed = assign_comments(
                comments=comments, assignee=assignee, actor=current_user, now=now
            )
            message = _("%(count)d comments changed.", count=changed)
    except Refused as refusal:
        db.session.rollback()
        flash(str(refusal.message), "error")
        return redirect(back, 303)
    db.session.commit()
    flash(message, "success")
    return redirect(back, 303)


def _comment_of(revision: Revision, comment_id: int) -> Comment:
    comment = db.session.get(Comment, comment_id)
    if comment is None or comment.revision_id != revision.id:
        abort(404)
    return comment


def quote_in_context(comment: Comment) -> tuple[str, str, str] | None:
    """(before, quote, after) of the clause text, from the stored offsets; found again by the
    selector when the offsets no longer match (None when the quote cannot be placed)."""
    if not comment.quote_exact or comment.clause is None:
        return None
    text = comment.clause.text
    start, end = comment.quote_start, comment.quote_end
    if start is None or end is None or text[start:end] != comment.quote_exact:
        try:
            start, end = locate_quote(
                text, comment.quote_exact, comment.quote_prefix, comment.quote_suffix
            )
        except Refused:  # the quote no longer occurs: show the text without a highlight
            return None
    return text[:start], text[start:end], text[end:]


@bp.get("/m/<slug>/r/<int:number>/team/comments/<int:comment_id>")
def show_comment(slug: str, number: int, comment_id: int):
    revision = staff_revision(slug, number)
    comment = _comment_of(revision, comment_id)
    same_author = (
        Comment.author_id == comment.author_id
        if comment.author_id is not None
        else (Comment.author_id.is_(None) & (Comment.author_name == comment.author_name))
    )
    others = []
    if comment.author_id is not None or comment.author_name:
        others = list(
            db.session.scalars(
                select(Comment)
                .where(Comment.revision_id == revision.id, same_author, Comment.id != comment.id)
                .options(selectinload(Comment.clause))
                .order_by(Comment.created_at, Comment.id)
            )
        )
    members = []
    if comment.group_id is not None:
        members = list(
            db.session.scalars(
                select(Comment)
                .where(Comment.group_id == comment.group_id, Comment.id != comment.id)
                .options(selectinload(Comment.clause))
                .order_by(Comment.created_at, Comment.id)
            )
        )
    answers = [Response.comment_id == comment.id]
    if comment.group_id is not None:
        answers.append(Response.group_id == comment.group_id)
    responses = list(db.session.scalars(select(Response).where(or_(*answers))))
    notes = list(
        db.session.scalars(
            select(CommentNote)
            .where(CommentNote.comment_id == comment.id)
            .order_by(CommentNote.created_at, CommentNote.id)
        )
    )
    writable = can_triage(current_user)
    assign_form = note_form = None
    if writable:
        assign_form = AssignForm()
        note_form = NoteForm()
    # An ungrouped comment is answered here; a grouped one through its group (the service
    # refuses a direct answer), so its page shows the group's answer and links to the group.
    own = next((r for r in responses if r.comment_id == comment.id), None)
    here = url_for("triage.show_comment", slug=slug, number=number, comment_id=comment.id)
    return render_template(
        "triage/comment.html",
        revision=revision,
        measure=revision.measure,
        comment=comment,
        quote=quote_in_context(comment),
        others=others,
        members=members,
        team=team_members() if writable else [],
        responses=responses,
        notes=notes,
        events=trail_for_comment(comment),
        render_markdown=render_markdown,
        labels=LABELS,
        assign_form=assign_form,
        note_form=note_form,
        response=own,
        response_form=ResponseForm(
            data={
                "disposition": own.disposition.value if own else "",
                "reason": own.reason if own else "",
                "reason_en": own.reason_en if own else "",
            }
        ),
        save_url=url_for(
            "triage.save_comment_response", slug=slug, number=number, comment_id=comment.id
        ),
        back=here,
        action_form=ActionForm(),
        may_write=writable
        and comment.group_id is None
        and comment.status == CommentStatus.SUBMITTED,
        may_review=can_review(current_user),
    )


@bp.post("/m/<slug>/r/<int:number>/team/comments/<int:comment_id>/assign")
def assign_comment(slug: str, number: int, comment_id: int):
    revision = team_revision(slug, number)
    comment = _comment_of(revision, comment_id)
    form = AssignForm()
    here = url_for("triage.show_comment", slug=slug, number=number, comment_id=comment.id)
    if not form.validate_on_submit():
        return form_refused(form, here, _("The form was not accepted; try again."))
    return carry_out(
        lambda: assign_comments(
            comments=[comment],
            assignee=_assignee(form.assignee.data) if form.assignee.data else None,
            actor=current_user,
            now=utcnow(),
        ),
        _("Assignment saved."),
        here,
    )


@bp.post("/m/<slug>/r/<int:number>/team/comments/<int:comment_id>/notes")
def add_comment_note(slug: str, number: int, comment_id: int):
    revision = team_revision(slug, number)
    comment = _comment_of(revision, comment_id)
    form = NoteForm()
    here = url_for("triage.show_comment", slug=slug, number=number, comment_id=comment.id)
    if not form.validate_on_submit():
        return form_refused(form, here + "#notes", _("The note is empty."))
    return carry_out(
        lambda: add_note(comment=comment, actor=current_user, body=form.body.data, now=utcnow()),
        _("Note added."),
        here + "#notes",
    )
