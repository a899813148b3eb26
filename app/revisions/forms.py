"""The forms of the revision cycle: the upload of the next text, its replacement, publication."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DateField, StringField, TextAreaField
from wtforms.validators import Length, Optional

from app.core.forms import Form

DRAFT_FILES = _l("Markdown (.md), text (.txt) or Word (.docx), at most 10 MB.")


class UploadForm(Form):
    file = FileField(
        _l("Text of the next revision (Chinese)"),
        validators=[FileRequired(message=_l("Please choose the file of the draft."))],
        description=DRAFT_FILES,
    )
    file_en = FileField(
        _l("English translation (optional)"),
        description=_l("Its clauses must be those of the Chinese text."),
    )


class ReplaceForm(Form):
    file = FileField(
        _l("New text (Chinese, or the English translation)"),
        validators=[FileRequired(message=_l("Please choose the file of the draft."))],
        description=DRAFT_FILES,
    )


class PublishForm(Form):
    label = StringField(
        _l("Label"),
        validators=[Length(max=100)],
        description=_l("As readers will see it: 第二稿, 送审稿 …"),
    )
    opens_on = DateField(_l("Opens on"), validators=[Optional()])
    closes_on = DateField(
        _l("Closes on"),
        validators=[Optional()],
        description=_l("Comments are accepted until the end of this day, Beijing time."),
    )
    short_period_reason = TextAreaField(
        _l("Reason for a period shorter than 30 days"),
        validators=[Length(max=1000)],
        description=_l("Required when the period is shorter than 30 days."),
    )
    no_period = BooleanField(
        _l("No comment period: publish the text only (e.g. the 送审稿)"),
    )


class PlainForm(Form):
    """A button that posts nothing but its CSRF token."""
