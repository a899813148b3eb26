"""The team's events (seminars) and the fast entry form for comments made there, or sent by
letter or e-mail; and the correction of a comment the team entered."""

import secrets
from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.comments.models import CHANNEL_LABELS
from app.comments.services import CommentInput
from app.core.outcome import carry_out
from app.core.refusal import Refused
from app.core.timeutil import to_local, utcnow, zone
from app.triage.entry import EntryInput, edit_on_behalf, enter_comment, entered_by_team
from app.triage.entry_forms import (
    CATEGORY_CHOICES,
    ENTRY_CHANNEL_CHOICES,
    EntryForm,
    EntryTextForm,
    EventForm,
)
from app.triage.events import create_event, edit_event, revision_events
from app.triage.loaders import revision_comment, revision_event, staff_revision, team_revision
from app.triage.queries import unit_choices
from app.triage.rules import can_triage

STICKY = ("channel", "event", "received", "unit")


# --- events -------------------------------------------------------------------------------


def events(slug: str, number: int):
    """Everyone who reads all comments sees the events; the team adds them."""
    posted = request.method == "POST"
    revision = team_revision(slug, number) if posted else staff_revision(slug, number)
    form = EventForm()

    def page(status=200):
        return render_template(
            "triage/events.html",
            revision=revision,
            measure=revision.measure,
            events=revision_events(revision),
            form=form,
            can_change=can_triage(current_user),
        ), status

    if not posted:
        return page()
    if not form.validate():
        return page(400)
    return carry_out(
        lambda: create_event(
            revision=revision,
            actor=current_user,
            title=form.title.data,
            city=form.city.data,
            held_on=form.held_on.data,
            now=utcnow(),
        ),
        lambda event: _("The event %(title)s was added.", title=event.title),
        url_for("triage.events", slug=slug, number=number),
        refusals=Refused,
        refused=lambda refused: refused_page(refused, page),
    )


def refused_page(refused: Refused, page):
    """The page again, with the refusal flashed on it (400)."""
    flash(str(refused.message), "error")
    return page(400)


def edit_event_view(slug: str, number: int, event_id: int):
    revision = team_revision(slug, number)
    event = revision_event(revision, event_id)
    form = EventForm()
    back = url_for("triage.events", slug=slug, number=number)
    if not form.validate():
        flash(_("Please give the event a title and a date."), "error")
        return redirect(back, 303)
    return carry_out(
        lambda: edit_event(
            event=event,
            actor=current_user,
            title=form.title.data,
            city=form.city.data,
            held_on=form.held_on.data,
            now=utcnow(),
        ),
        _("The event was saved."),
        back,
    )


# --- fast entry ---------------------------------------------------------------------------


def _sticky_defaults(form: EntryForm) -> None:
    """Fill the fields kept from one entry to the next from the query string."""
    args = request.args
    if args.get("channel"):
        form.channel.data = args["channel"]
    if args.get("event"):
        form.event_id.data = args["event"]
    if args.get("unit"):
        form.unit_id.data = args["unit"]
    try:
        form.received_on.data = date.fromisoformat(args.get("received", ""))
    except ValueError:
        form.received_on.data = to_local(utcnow(), zone()).date()


def _entry_page(revision, form, *, error=None, status=200, comment=None):
    return render_template(
        "triage/entry.html",
        revision=revision,
        measure=revision.measure,
        form=form,
        error=error,
        events=revision_events(revision),
        units=unit_choices(),
        channel_choices=ENTRY_CHANNEL_CHOICES,
        category_choices=CATEGORY_CHOICES,
        comment=comment,
        closed=revision.has_closed(utcnow()),
    ), status


def enter(slug: str, number: int):
    revision = team_revision(slug, number)
    form = EntryForm()
    if request.method == "GET":
        _sticky_defaults(form)
        form.form_token.data = secrets.token_urlsafe(24)
        return _entry_page(revision, form)
    if not form.validate():
        return _entry_page(revision, form, status=400)
    data = EntryInput(
        author_name=form.author_name.data,
        channel=form.channel.data,
        received_on=form.received_on.data,
        clause=form.clause.data or "",
        unit_id=form.picked_unit_id(),
        new_unit=form.new_unit(),
        event_id=form.picked_event_id(),
        form_token=(form.form_token.data or "")[:64],
        text=CommentInput.from_form(form),
    )

    def enter_one() -> tuple[str, dict]:
        comment, _new = enter_comment(
            revision=revision, actor=current_user, data=data, tz=zone(), now=utcnow()
        )
        # The fields kept for the next entry, read before the commit expires the comment.
        sticky = {
            "channel": comment.channel.value,
            "event": comment.event_id or "",
            "received": form.received_on.data.isoformat(),
            "unit": comment.unit_id or "",
        }
        return comment.receipt, {key: value for key, value in sticky.items() if value != ""}

    return carry_out(
        enter_one,
        lambda entered: _("Comment %(receipt)s was recorded.", receipt=entered[0]),
        None,
        refusals=Refused,
        refused=lambda refused: _entry_page(revision, form, error=refused.message, status=400),
        done_to=lambda entered: url_for("triage.enter", slug=slug, number=number, **entered[1]),
    )


def edit_entered(slug: str, number: int, comment_id: int):
    revision = team_revision(slug, number)
    comment = revision_comment(revision, comment_id)
    if not entered_by_team(comment):
        message = _(
            "Only comments the team entered can be edited here; participants edit their own."
        )
        return render_template(
            "triage/entry.html", revision=revision, measure=revision.measure, refused=message
        ), 409
    form = EntryTextForm(obj=comment if request.method == "GET" else None)
    if request.method == "GET":
        form.type.data, form.consent.data = comment.type.value, comment.consent.value
        form.stance.data = comment.stance.value if comment.stance else ""
        return _edit_page(revision, form, comment)
    if not form.validate():
        return _edit_page(revision, form, comment, status=400)
    return carry_out(
        lambda: edit_on_behalf(
            comment=comment, editor=current_user, data=CommentInput.from_form(form), now=utcnow()
        ),
        lambda changed: (
            _("Comment %(receipt)s was corrected.", receipt=comment.receipt)
            if changed
            else _("Nothing was changed.")
        ),
        url_for("triage.edit_entered", slug=slug, number=number, comment_id=comment.id),
        refusals=Refused,
        refused=lambda refused: _edit_page(
            revision, form, comment, error=refused.message, status=400
        ),
        done_category=lambda changed: "success" if changed else "info",
    )


def _edit_page(revision, form, comment, *, error=None, status=200):
    return render_template(
        "triage/entry.html",
        revision=revision,
        measure=revision.measure,
        form=form,
        comment=comment,
        editing=True,
        error=error,
        channel_labels=CHANNEL_LABELS,
    ), status
