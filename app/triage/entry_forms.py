"""Forms of the events, the fast entry and the consulted units pages.

They only translate HTTP input: choices are plain strings checked by the services, which
refuse an unknown value with a message.
"""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Optional

from app.accounts.models import CATEGORY_LABELS
from app.comments.forms import CONSENT_CHOICES, STANCE_CHOICES, TYPE_CHOICES
from app.comments.models import CHANNEL_LABELS, Channel, Consent
from app.core.forms import Form
from app.triage.entry import NewUnit

ENTRY_CHANNEL_CHOICES = [
    (c.value, CHANNEL_LABELS[c]) for c in (Channel.SEMINAR, Channel.LETTER, Channel.EMAIL)
]
INVITE_CHANNEL_CHOICES = [
    ("letter", _l("Letter")),
    ("email", _l("E-mail")),
    ("online", _l("Online")),
    ("seminar", _l("Seminar")),
    ("other", _l("Other")),
]
# Labels stay lazy (translated when the page is drawn); templates put the code before them.
CATEGORY_CHOICES = [(code.value, label) for code, label in CATEGORY_LABELS.items()]


class EventForm(Form):
    title = StringField(_l("Title"), validators=[DataRequired(message=_l("Please give a title."))])
    city = StringField(_l("City"))
    held_on = DateField(_l("Date"), validators=[InputRequired(message=_l("Please give a date."))])


class UnitFields:
    """A unit picked from the list (its id) or entered new (name, category, region)."""

    unit_id = StringField(_l("Unit"), default="")
    new_unit_name = StringField(_l("Or a new unit: name"))
    new_unit_category = StringField(_l("Category"), default="OT")
    new_unit_region = StringField(_l("Region"))

    def picked_unit_id(self) -> int | None:
        value = (self.unit_id.data or "").strip()
        return int(value) if value.isdigit() else None

    def new_unit(self) -> NewUnit:
        """The unit as entered new (used only when none is picked from the list)."""
        return NewUnit(
            name=self.new_unit_name.data or "",
            category=self.new_unit_category.data or "",
            region=self.new_unit_region.data or "",
        )


class EntryTextForm(Form):
    """What a comment says: the part the team may later correct."""

    type = StringField(_l("Type of comment"), default="ge")
    stance = StringField(_l("Position on the clause"), default="")
    body = TextAreaField(
        _l("Comment"), validators=[DataRequired(message=_l("Please write the comment."))]
    )
    proposed = TextAreaField(_l("Proposed change"))
    reason = TextAreaField(_l("Reason"))
    consent = StringField(_l("Publication"), default=Consent.PRIVATE.value)

    choices = {"type": TYPE_CHOICES, "stance": STANCE_CHOICES, "consent": CONSENT_CHOICES}


class EntryForm(UnitFields, EntryTextForm):
    form_token = HiddenField()
    author_name = StringField(
        _l("Name of the person"),
        validators=[DataRequired(message=_l("Please give the person's name."))],
    )
    channel = StringField(_l("Channel"), default=Channel.SEMINAR.value)
    event_id = StringField(_l("Seminar"), default="")
    received_on = DateField(
        _l("Date received"),
        validators=[InputRequired(message=_l("Please give the date received."))],
    )
    clause = StringField(_l("Clause"))

    def picked_event_id(self) -> int | None:
        value = (self.event_id.data or "").strip()
        return int(value) if value.isdigit() else None


class ConsultedAddForm(UnitFields, Form):
    invited_on = DateField(
        _l("Invited on"), validators=[InputRequired(message=_l("Please give a date."))]
    )
    channel = StringField(_l("Invited by"), default="letter")
    note = StringField(_l("Note"), validators=[Optional()])


class ConsultedPasteForm(Form):
    lines = TextAreaField(
        _l("Units, one per line"),
        validators=[DataRequired(message=_l("Please paste one unit per line."))],
    )
    invited_on = DateField(
        _l("Invited on"), validators=[InputRequired(message=_l("Please give a date."))]
    )
    channel = StringField(_l("Invited by"), default="letter")
