"""Comment forms: they only translate HTTP input; the services decide what is accepted.

Choices (type, stance, consent) are plain strings here and checked against the enums by the
services, which refuse an unknown value with a message.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, MultipleFileField
from wtforms import BooleanField, Field, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from app.comments.models import CONSENT_LABELS, STANCE_LABELS, TYPE_LABELS, Consent
from app.comments.moderation_models import REPORT_REASON_LABELS
from app.core.forms import Form

TYPE_CHOICES = [(key.value, label) for key, label in TYPE_LABELS.items()]
STANCE_CHOICES = [("", _l("No position")), *((k.value, v) for k, v in STANCE_LABELS.items())]
CONSENT_CHOICES = [(key.value, label) for key, label in CONSENT_LABELS.items()]


class IdListField(Field):
    """Several ``<select multiple>`` values as a list of integer ids."""

    def process_formdata(self, valuelist):
        try:
            self.data = [int(value) for value in valuelist if value != ""]
        except ValueError:
            self.data = []
            raise ValueError(_l("Please choose units from the list.")) from None

    def _value(self):
        return self.data or []


class CommentTextForm(Form):
    """What can be written and rewritten: the text, its quote, type, stance and consent."""

    type = StringField(_l("Type of comment"), default="ge")
    stance = StringField(_l("Position on the clause"), default="")
    body = TextAreaField(
        _l("Comment"), validators=[DataRequired(message=_l("Please write your comment."))]
    )
    proposed = TextAreaField(_l("Proposed change"))
    reason = TextAreaField(_l("Reason"))
    quote_exact = TextAreaField(_l("Quoted text (optional)"))
    quote_prefix = HiddenField()
    quote_suffix = HiddenField()
    consent = StringField(_l("Publication"), default=Consent.PRIVATE.value)

    choices = {"type": TYPE_CHOICES, "stance": STANCE_CHOICES, "consent": CONSENT_CHOICES}


class CommentForm(CommentTextForm):
    form_token = HiddenField()
    clause = HiddenField()
    official_position = BooleanField(
        _l("This is the official position of my unit"), false_values=("", "n", "false")
    )
    cosigners = IdListField(_l("Co-signing units"), default=list)
    attachments = MultipleFileField(_l("Attachments (PDF, DOCX, XLSX)"))
    stamped = FileField(_l("Stamped copy (PDF)"))


class EditCommentForm(CommentTextForm):
    pass


class ActionForm(Form):
    """A button that changes something (withdraw, "no comments"): only its CSRF token."""


class CosignatureDecisionForm(Form):
    """A co-signing unit's confirm or decline; the team gives the reason it decides for one."""

    reason = StringField(_l("Reason (when deciding for the unit)"), validators=[Length(max=500)])


class ReportForm(Form):
    """A reader's report of a published comment: the reason (checked by the service against
    ReportReason) and, for "other" required, what is wrong."""

    reason = StringField(_l("Why do you report this comment?"), default="")
    details = TextAreaField(_l("What is wrong (required for “Other”)"))
    next = HiddenField()

    choices = {"reason": [(key.value, label) for key, label in REPORT_REASON_LABELS.items()]}
