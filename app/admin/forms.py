"""The forms of the administrators' unit pages."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, InputRequired, Length

from app.accounts.models import CATEGORY_LABELS
from app.core.forms import Form


class UnitForm(Form):
    name = StringField(_l("Unit name"), validators=[InputRequired(), Length(max=200)])
    name_en = StringField(_l("English name"), validators=[Length(max=200)])
    category = SelectField(
        _l("Category"),
        choices=[SelectChoice(code.value, label) for code, label in CATEGORY_LABELS.items()],
    )


class MergeForm(Form):
    into = IntegerField(validators=[InputRequired()])


class RepresentativeForm(Form):
    user_id = IntegerField(validators=[InputRequired()])
    decision = HiddenField(validators=[AnyOf(["confirm", "revoke"])])
