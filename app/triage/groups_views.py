"""The team's grouping (归并) pages: the groups of a revision, one group, the suggestions."""

from __future__ import annotations

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.comments.models import Comment
from app.core.extensions import db
from app.core.timeutil import utcnow
from app.triage import grouping
from app.triage.blueprint import bp, carry_out, form_refused, staff_revision, team_revision
from app.triage.forms import (
    ActionForm,
    AddToGroupForm,
    DissolveForm,
    MergeForm,
    RenameForm,
    ResponseForm,
    SelectionForm,
)
from app.triage.models import CommentGroup, Response
from app.triage.rules import can_review, can_triage

SCOPES = ("clause", "draft")
TEAM = "/m/<slug>/r/<int:number>/team"


def revision_group(revision, group_id: int) -> CommentGroup:
    group = db.session.get(CommentGroup, group_id)
    if group is None or group.revision_id != revision.id:
        abort(404)
    return group


@bp.get(f"{TEAM}/groups")
def list_groups(slug: str, number: int):
    revision = staff_revision(slug, number)
    sizes = dict(
        db.session.execute(
            select(Comment.group_id, func.count(Comment.id))
            .where(Comment.revision_id == revision.id, Comment.group_id.is_not(None))
            .group_by(Comment.group_id)
        ).all()
    )
    groups = list(
        db.session.scalars(
            select(CommentGroup)
            .where(CommentGroup.revision_id == revision.id)
            .options(selectinload(CommentGroup.clause))
            .order_by(CommentGroup.id)
        )
    )
    responses = {
        r.group_id: r
        for r in db.session.scalars(
            select(Response).where(
                Response.revision_id == revision.id, Response.group_id.is_not(None)
            )
        )
    }
    return render_template(
        "triage/groups.html",
        revision=revision,
        measure=revision.measure,
        groups=groups,
        sizes=sizes,
        responses=responses,
    )


@bp.get(f"{TEAM}/groups/<int:group_id>")
def show_group(slug: str, number: int, group_id: int):
    revision = staff_revision(slug, number)
    group = revision_group(revision, group_id)
    response = grouping.group_response(group)
    response_form = ResponseForm(
        data={
            "disposition": response.disposition.value if response else "",
            "reason": response.reason if response else "",
            "reason_en": response.reason_en if response else "",
        }
    )
    others = list(
        db.session.scalars(
            select(CommentGroup)
            .where(CommentGroup.revision_id == revision.id, CommentGroup.id != group.id)
            .order_by(CommentGroup.id)
        )
    )
    return render_template(
        "triage/group.html",
        revision=revision,
        measure=revision.measure,
        group=group,
        members=grouping.members(group),
        response=response,
        response_form=response_form,
        save_url=url_for(".save_group_response", slug=slug, number=number, group_id=group.id),
        back=url_for(".show_group", slug=slug, number=number, group_id=group.id),
        rename_form=RenameForm(data={"title": group.title}),
        dissolve_form=DissolveForm(),
        others=others,
        may_write=can_triage(current_user),
        may_review=can_review(current_user),
    )


def _group_url(revision, group_id: int) -> str:
    return url_for(
        ".show_group", slug=revision.measure.slug, number=revision.number, group_id=group_id
    )


@bp.post(f"{TEAM}/groups/<int:group_id>/rename")
def rename_group(slug: str, number: int, group_id: int):
    revision = team_revision(slug, number)
    group = revision_group(revision, group_id)
    form, to = RenameForm(), _group_url(revision, group.id)
    if not form.validate():
        return form_refused(form, to)
    return carry_out(
        lambda: grouping.rename_group(
            group=group, title=form.title.data, actor=current_user, now=utcnow()
        ),
        _("The group was renamed."),
        to,
    )


@bp.post(f"{TEAM}/groups/<int:group_id>/remove")
def remove_members(slug: str, number: int, group_id: int):
    revision = team_revision(slug, number)
    group = revision_group(revision, group_id)
    form, to = SelectionForm(), _group_url(revision, group.id)
    if not form.validate():
        return form_refused(form, to)
    return carry_out(
        lambda: grouping.remove_from_group(
            group=group, comment_ids=form.comment_id.data, actor=current_user, now=utcnow()
        ),
        _("The comments were removed from the group."),
        to,
        # a group left with one member is dissolved: back to the list then
        lambda kept: to if kept else url_for(".list_groups", slug=slug, number=number),
    )


@bp.post(f"{TEAM}/groups/<int:group_id>/merge")
def merge_group(slug: str, number: int, group_id: int):
    revision = team_revision(slug, number)
    group = revision_group(revision, group_id)
    form, to = MergeForm(), _group_url(revision, group.id)
    if not form.validate():
        return form_refused(form, to)
    other = revision_group(revision, form.other_group.data)
    return carry_out(
        lambda: grouping.merge_groups(groups=[group, other], actor=current_user, now=utcnow()),
        _("The groups were merged."),
        to,
    )


@bp.post(f"{TEAM}/groups/<int:group_id>/dissolve")
def dissolve_group(slug: str, number: int, group_id: int):
    revision = team_revision(slug, number)
    group = revision_group(revision, group_id)
    form, to = DissolveForm(), _group_url(revision, group.id)
    if not form.validate():
        return form_refused(form, to)
    return carry_out(
        lambda: grouping.dissolve_group(group=group, actor=current_user, now=utcnow()),
        _("The group was dissolved."),
        to,
        lambda _none: url_for(".list_groups", slug=slug, number=number),
    )


@bp.get(f"{TEAM}/suggestions")
def suggestions(slug: str, number: int):
    revision = staff_revision(slug, number)
    scope = request.args.get("scope", "clause")
    if scope not in SCOPES:
        scope = "clause"
    clusters = grouping.suggestions(revision, scope=scope)
    ids = [i for cluster in clusters for i in cluster.ids]
    comments = {
        c.id: c
        for c in db.session.scalars(
            select(Comment)
            .where(Comment.id.in_(ids))
            .options(selectinload(Comment.author), selectinload(Comment.clause))
        )
    }
    groups = list(
        db.session.scalars(
            select(CommentGroup)
            .where(CommentGroup.revision_id == revision.id)
            .order_by(CommentGroup.id)
        )
    )
    return render_template(
        "triage/suggestions.html",
        revision=revision,
        measure=revision.measure,
        scope=scope,
        clusters=[c for c in clusters if all(i in comments for i in c.ids)],
        comments=comments,
        groups=groups,
        action_form=ActionForm(),
        may_write=can_triage(current_user),
    )


@bp.post(f"{TEAM}/suggestions/accept")
def accept_suggestion(slug: str, number: int):
    """Accept a cluster (all its comments) or the checked subset of it, as a new group."""
    revision = team_revision(slug, number)
    form = SelectionForm()
    to = url_for(".suggestions", slug=slug, number=number, scope=request.args.get("scope"))
    if not form.validate():
        return form_refused(form, to)
    return carry_out(
        lambda: grouping.group_comments(
            revision=revision,
            comment_ids=form.comment_id.data,
            actor=current_user,
            now=utcnow(),
            title=form.title.data or "",
            similarity=form.similarity.data,
        ),
        _("The comments were grouped."),
        to,
    )


@bp.post(f"{TEAM}/suggestions/add")
def add_suggestion_to_group(slug: str, number: int):
    """Merge a cluster (or its checked subset) into an existing group."""
    revision = team_revision(slug, number)
    form = AddToGroupForm()
    to = url_for(".suggestions", slug=slug, number=number, scope=request.args.get("scope"))
    if not form.validate():
        return form_refused(form, to)
    group = revision_group(revision, form.group_id.data)
    return carry_out(
        lambda: grouping.add_to_group(
            group=group, comment_ids=form.comment_id.data, actor=current_user, now=utcnow()
        ),
        _("The comments were added to the group."),
        to,
    )
