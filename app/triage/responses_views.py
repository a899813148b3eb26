"""The team's answer (处理意见) pages: writing, approving, publishing; responses awaiting review."""

from __future__ import annotations

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.core.extensions import db
from app.core.i18n import current_language, safe_next
from app.core.mail import send_mail
from app.core.outcome import carry_out, form_refused
from app.core.refusal import Refused
from app.core.timeutil import utcnow
from app.lineage.models import LINK_KIND_LABELS
from app.triage import queries, responses
from app.triage.forms import ActionForm, BulkResponseForm, LandingForm, ResponseForm, ReturnForm
from app.triage.grouping import group_label
from app.triage.landings import ADOPTING, landing_phrases, next_revision, parse_keys, set_landings
from app.triage.loaders import (
    publisher_revision,
    reviewer_revision,
    revision_comment,
    revision_group,
    revision_response,
    staff_revision,
    team_revision,
)
from app.triage.models import DISPOSITION_LABELS, RESPONSE_STATE_LABELS, Response
from app.triage.published_answers import published_responses
from app.triage.rules import can_review


def response_reason(response: Response) -> str:
    """The reason in the reader's language: English when the page is English and one exists."""
    if current_language() == "en" and response.reason_en:
        return response.reason_en
    return response.reason


def public_landing_phrases(answers) -> dict:
    """{response id: "见第二稿第十四条"} of published answers, for a reading page: landings in
    published revisions only, in the reader's language, one query for the list."""
    return landing_phrases(list(answers), current_language(), public=True)


def answer_helpers():
    return {
        "published_responses": published_responses,
        "public_landing_phrases": public_landing_phrases,
        "landing_kind_labels": LINK_KIND_LABELS,
        "disposition_labels": DISPOSITION_LABELS,
        "response_state_labels": RESPONSE_STATE_LABELS,
        "response_reason": response_reason,
    }


def _landed(save, landings: str):
    """``save()`` (draft or edit the answer), then its landings in the next revision, when
    there is one: the keys typed for an adopted answer, none for any other disposition."""

    def run():
        response = save()
        later = next_revision(response.revision)
        if later is not None:
            keys = parse_keys(landings) if response.disposition in ADOPTING else []
            set_landings(
                response=response, revision=later, keys=keys, actor=current_user, now=utcnow()
            )
        return response

    return run


def _save(target, form: ResponseForm, to: str):
    fields = {
        "disposition": form.disposition.data,
        "reason": form.reason.data,
        "reason_en": form.reason_en.data,
    }
    landings = form.landings.data or ""
    existing = responses.response_of(target)
    if existing is None:
        return carry_out(
            _landed(
                lambda: responses.draft_response(
                    target=target, actor=current_user, now=utcnow(), **fields
                ),
                landings,
            ),
            _("The response was saved as a draft."),
            to,
        )
    return carry_out(
        _landed(
            lambda: responses.edit_response(
                response=existing, actor=current_user, now=utcnow(), **fields
            ),
            landings,
        ),
        _("The response was saved."),
        to,
    )


def save_landings(slug: str, number: int, response_id: int):
    """Where an answer's change landed, set on its own (also once the answer is published:
    the next revision is written after the answers)."""
    revision = team_revision(slug, number)
    response = revision_response(revision, response_id)
    form = LandingForm()
    to = safe_next(form.next.data, answer_page(response))
    if not form.validate():
        return form_refused(form, to)

    def land():
        later = next_revision(revision)
        if later is None:
            raise Refused(_("There is no later revision yet for the change to land in."))
        return set_landings(
            response=response,
            revision=later,
            keys=parse_keys(form.landings.data),
            actor=current_user,
            now=utcnow(),
        )

    return carry_out(land, _("Where the change landed was saved."), to)


def save_group_response(slug: str, number: int, group_id: int):
    revision = team_revision(slug, number)
    group = revision_group(revision, group_id)
    form = ResponseForm()
    to = url_for(".show_group", slug=slug, number=number, group_id=group.id)
    if not form.validate():
        return form_refused(form, to)
    return _save(group, form, to)


def save_comment_response(slug: str, number: int, comment_id: int):
    revision = team_revision(slug, number)
    comment = revision_comment(revision, comment_id)
    form = ResponseForm()
    to = safe_next(form.next.data, url_for("comments.receipt", receipt=comment.receipt))
    if not form.validate():
        return form_refused(form, to)
    return _save(comment, form, to)


def respond_to_selection(slug: str, number: int):
    """One answer for the comments checked in a list (bulk action)."""
    revision = team_revision(slug, number)
    form = BulkResponseForm()
    to = safe_next(form.next.data, url_for(".list_groups", slug=slug, number=number))
    if not form.validate():
        return form_refused(form, to)
    targets = queries.revision_comments(revision, form.comment_id.data)
    return carry_out(
        lambda: responses.respond_to_many(
            targets=targets,
            actor=current_user,
            now=utcnow(),
            disposition=form.disposition.data,
            reason=form.reason.data,
            reason_en=form.reason_en.data,
        ),
        _("The responses were saved as drafts."),
        to,
    )


def _step(
    load,
    slug: str,
    number: int,
    response_id: int,
    service,
    done: str,
    form_class=ActionForm,
    fields=lambda form: {},
):
    """One step of a response's review (approve, return, publish, unpublish): the revision by
    ``load`` (the loader of those who may take the step), the response, the form, then
    ``service(response=, actor=, now=, **fields(form))``, back to the reviews."""
    revision = load(slug, number)
    response = revision_response(revision, response_id)
    form = form_class()
    to = safe_next(form.next.data, url_for(".reviews", slug=slug, number=number))
    if not form.validate():
        return form_refused(form, to)
    return carry_out(
        lambda: service(response=response, actor=current_user, now=utcnow(), **fields(form)),
        done,
        to,
    )


def approve_response(slug: str, number: int, response_id: int):
    return _step(
        reviewer_revision,
        slug,
        number,
        response_id,
        responses.approve_response,
        _("The response was approved."),
    )


RETURN_MAIL = """{name}：

{reviewer} 将您起草的处理意见退回修改（{target}）。
{reviewer} returned the response you drafted ({target}) with these remarks:

{remarks}

{link}
"""


def answer_page(response: Response, *, external: bool = False) -> str:
    """The page where a response is written: its group's, or its one comment's (named in full:
    other areas' pages link to it too)."""
    slug, number = response.revision.measure.slug, response.revision.number
    if response.group_id is not None:
        return url_for(
            "triage.show_group",
            slug=slug,
            number=number,
            group_id=response.group_id,
            _external=external,
        )
    return url_for(
        "triage.show_comment",
        slug=slug,
        number=number,
        comment_id=response.comment_id,
        _external=external,
    )


def _notify_returned(response: Response) -> None:
    target = response.comment.receipt if response.comment_id else group_label(response.group)
    send_mail(
        to=response.author.email,
        subject=f"处理意见已退回 · Response returned — {target}",
        body=RETURN_MAIL.format(
            name=response.author.name,
            reviewer=response.returned_by.name,
            target=target,
            remarks=response.return_remarks,
            link=answer_page(response, external=True),
        ),
    )


def _return_and_notify(*, response: Response, actor, now, remarks: str) -> Response:
    done = responses.return_response(response=response, actor=actor, remarks=remarks, now=now)
    db.session.commit()  # the mail tells of a stored return, never of a rolled-back one
    _notify_returned(done)
    return done


def return_response(slug: str, number: int, response_id: int):
    """A reviewer returns a response to draft with remarks; its author is told by mail."""
    return _step(
        reviewer_revision,
        slug,
        number,
        response_id,
        _return_and_notify,
        _("The response was returned to its author with your remarks."),
        form_class=ReturnForm,
        fields=lambda form: {"remarks": form.remarks.data},
    )


def publish_response(slug: str, number: int, response_id: int):
    return _step(
        publisher_revision,
        slug,
        number,
        response_id,
        responses.publish_response,
        _("The response was published: its comments' authors can read it."),
    )


def unpublish_response(slug: str, number: int, response_id: int):
    return _step(
        publisher_revision,
        slug,
        number,
        response_id,
        responses.unpublish_response,
        _("The response was unpublished: participants no longer see it."),
    )


def reviews(slug: str, number: int):
    """Responses in draft, for reviewers to approve (never their own)."""
    revision = staff_revision(slug, number)
    waiting = responses.awaiting_approval(revision)
    return render_template(
        "triage/reviews.html",
        revision=revision,
        measure=revision.measure,
        waiting=[(r, responses.answered_comments(r)) for r in waiting],
        action_form=ActionForm(),
        return_form=ReturnForm(),
        may_review=can_review(current_user),
    )
