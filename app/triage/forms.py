"""Forms of the team's pages (queue, grouping 归并, answers 处理意见): they only read HTTP input; the
services judge it (and say why when they refuse)."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    FloatField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from app.core.forms import Form
from app.triage.assignment import NOTE_MAX_CHARS
from app.triage.models import DISPOSITION_LABELS


def comment_ids_field():
    # The choices are the page's comments; the service checks they belong to the draft.
    return SelectMultipleField(_l("Comments"), coerce=int, validate_choice=False)


class ActionForm(Form):
    """A button that posts its CSRF token and where to go back to (approve, publish…)."""

    next = HiddenField()


class ReturnForm(Form):
    """A reviewer's return of a response to draft; the service requires the remarks."""

    remarks = TextAreaField(_l("Remarks for the author"), validators=[Length(max=4000)])
    next = HiddenField()


class DissolveForm(Form):
    # Dissolving deletes the group's unpublished response: the team says it means it.
    confirm = BooleanField(
        _l("Yes, dissolve the group and delete its draft response"),
        validators=[DataRequired(_l("Tick the box to confirm that the group is dissolved."))],
    )


class RenameForm(Form):
    title = StringField(_l("Title"), validators=[Length(max=200)])


class SelectionForm(Form):
    """Comments checked on a page: to group, to remove from a group."""

    comment_id = comment_ids_field()
    title = StringField(_l("Title"), validators=[Optional(), Length(max=200)])
    similarity = FloatField(validators=[Optional()])


class AddToGroupForm(Form):
    comment_id = comment_ids_field()
    group_id = IntegerField(_l("Group"), validators=[DataRequired()])


class MergeForm(Form):
    other_group = IntegerField(_l("Merge with group"), validators=[DataRequired()])


class ResponseForm(Form):
    disposition = SelectField(
        _l("Disposition"),
        choices=[SelectChoice(value.value, label) for value, label in DISPOSITION_LABELS.items()],
        validators=[DataRequired()],
    )
    reason = TextAreaField(_l("Reason (Chinese)"), validators=[Length(max=4000)])
    reason_en = TextAreaField(_l("Reason in English (optional)"), validators=[Length(max=4000)])
    # Shown once a later revision exists; the service checks the keys against it.
    landings = StringField(
        _l("Where the change landed (clauses of the next revision)"),
        validators=[Length(max=2000)],
    )
    next = HiddenField()


class LandingForm(Form):
    """Where a (published) answer's change landed, set on its own."""

    landings = StringField(
        _l("Where the change landed (clauses of the next revision)"),
        validators=[Length(max=2000)],
    )
    next = HiddenField()


class BulkResponseForm(ResponseForm):
    comment_id = comment_ids_field()


class BulkForm(Form):
    # Plain strings: the view reads the action, the service judges the assignee.
    action = StringField()
    assignee = StringField()
    title = StringField(validators=[Length(max=200)])
    # The answer (处理意见) for action "answer"; the service judges it like a single answer.
    disposition = StringField()
    reason = TextAreaField(validators=[Length(max=4000)])
    reason_en = TextAreaField(validators=[Length(max=4000)])
    ids = SelectMultipleField(coerce=int, validate_choice=False)
    back = HiddenField()


class AssignForm(Form):
    assignee = StringField()


class NoteForm(Form):
    body = TextAreaField(
        _l("Internal note"), validators=[DataRequired(), Length(max=NOTE_MAX_CHARS)]
    )
