"""The team's grouping (归并) pages: the groups of a revision, one group, the suggestions."""

from __future__ import annotations

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.core.i18n import current_language
from app.core.outcome import carry_out, form_refused
from app.core.timeutil import utcnow
from app.triage import grouping, queries
from app.triage.forms import (
    ActionForm,
    AddToGroupForm,
    DissolveForm,
    LandingForm,
    MergeForm,
    RenameForm,
    ResponseForm,
    SelectionForm,
)
from app.triage.landings import landing_box
from app.triage.loaders import revision_group, staff_revision, team_revision
from app.triage.rules import can_review, can_triage

SCOPES = ("clause", "draft")


def list_groups(slug: str, number: int):
    revision = staff_revision(slug, number)
    return render_template(
        "triage/groups.html",
        revision=revision,
        measure=revision.measure,
        groups=queries.revision_groups(revision, with_clauses=True),
        sizes=queries.group_sizes(revision),
        responses=queries.group_responses(revision),
    )


def show_group(slug: str, number: int, group_id: int):
    revision = staff_revision(slug, number)
    group = revision_group(revision, group_id)
    response = grouping.group_response(group)
    landing = landing_box(revision, group, response, current_language())
    response_form = ResponseForm(
        data={
            "disposition": response.disposition.value if response else "",
            "reason": response.reason if response else "",
            "reason_en": response.reason_en if response else "",
            "landings": landing.prefill if landing else "",
        }
    )
    return render_template(
        "triage/group.html",
        revision=revision,
        measure=revision.measure,
        group=group,
        members=grouping.members(group),
        response=response,
        response_form=response_form,
        landing=landing,
        landing_form=LandingForm(data={"landings": landing.prefill}) if landing else None,
        save_url=url_for(".save_group_response", slug=slug, number=number, group_id=group.id),
        back=url_for(".show_group", slug=slug, number=number, group_id=group.id),
        rename_form=RenameForm(data={"title": group.title}),
        dissolve_form=DissolveForm(),
        others=queries.other_groups(group),
        may_write=can_triage(current_user),
        may_review=can_review(current_user),
    )


def _group_url(revision, group_id: int) -> str:
    return url_for(
        ".show_group", slug=revision.measure.slug, number=revision.number, group_id=group_id
    )


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
        done_to=lambda kept: to if kept else url_for(".list_groups", slug=slug, number=number),
    )


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
        done_to=lambda _none: url_for(".list_groups", slug=slug, number=number),
    )


def suggestions(slug: str, number: int):
    revision = staff_revision(slug, number)
    scope = request.args.get("scope", "clause")
    if scope not in SCOPES:
        scope = "clause"
    clusters = grouping.suggestions(revision, scope=scope)
    ids = [i for cluster in clusters for i in cluster.ids]
    comments = queries.comments_with_authors(ids)
    return render_template(
        "triage/suggestions.html",
        revision=revision,
        measure=revision.measure,
        scope=scope,
        clusters=[c for c in clusters if all(i in comments for i in c.ids)],
        comments=comments,
        groups=queries.revision_groups(revision),
        action_form=ActionForm(),
        may_write=can_triage(current_user),
    )


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
