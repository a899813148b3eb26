"""Account forms: they translate HTTP input; the rules on stored data live in services."""

import re
import unicodedata

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length, ValidationError

from app.accounts.models import CATEGORY_LABELS, ROLE_LABELS
from app.accounts.services import PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, normalise_email
from app.core.forms import Form

EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
# Bidirectional embeddings, overrides and isolates make a name display other than it reads.
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def strip(value):
    return value.strip() if isinstance(value, str) else value


def plain_text(form, field):
    """Names are shown to others: no control characters, no right-to-left tricks."""
    value = field.data or ""
    if any(unicodedata.category(c) == "Cc" or c in BIDI_CONTROLS for c in value):
        raise ValidationError(_l("Remove the control or text-direction characters."))


def email_address(form, field):
    if not EMAIL_PATTERN.fullmatch(field.data or ""):
        raise ValidationError(_l("Enter an e-mail address like name@example.com."))


def optional_int(value):
    if value in (None, "", "None"):
        return None
    return int(value)


def email_field():
    return StringField(
        _l("E-mail address"),
        filters=[normalise_email],
        validators=[
            DataRequired(_l("Enter your e-mail address.")),
            Length(max=254),
            email_address,
        ],
    )


def new_password_fields(label=None):
    password = PasswordField(
        label or _l("Password"),
        validators=[
            DataRequired(_l("Enter a password.")),
            Length(
                min=PASSWORD_MIN_LENGTH,
                max=PASSWORD_MAX_LENGTH,
                message=_l("The password must have at least %(min)d characters."),
            ),
        ],
        description=_l("At least %(min)d characters.", min=PASSWORD_MIN_LENGTH),
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[
            DataRequired(_l("Repeat the password.")),
            EqualTo("password", _l("The two passwords are not the same.")),
        ],
    )
    return password, confirm


def name_field():
    return StringField(
        _l("Name"),
        filters=[strip],
        validators=[DataRequired(_l("Enter your name.")), Length(max=100), plain_text],
    )


def category_choices():
    return [SelectChoice("", _l("Choose a category"))] + [
        SelectChoice(code.value, label) for code, label in CATEGORY_LABELS.items()
    ]


class RegisterForm(Form):
    name = name_field()
    email = email_field()
    password, confirm = new_password_fields()
    unit_mode = RadioField(
        _l("In whose name do you comment?"),
        choices=[
            SelectChoice("individual", _l("I comment as an individual")),
            SelectChoice("existing", _l("For a unit in the list")),
            SelectChoice("new", _l("For a unit not in the list")),
        ],
        default="individual",
        validators=[InputRequired(_l("Choose how you comment."))],
    )
    unit_id = SelectField(_l("Unit"), coerce=optional_int, validate_choice=False)
    new_unit_name = StringField(
        _l("Name of the unit"), filters=[strip], validators=[Length(max=200), plain_text]
    )
    new_unit_category = SelectField(_l("Category"), choices=category_choices, validate_choice=False)
    new_unit_region = StringField(
        _l("Region"),
        filters=[strip],
        validators=[Length(max=100), plain_text],
        description=_l("Province or city, e.g. 北京市"),
    )

    represent = BooleanField(
        _l("I ask to represent this unit"),
        description=_l(
            "To give the unit's official position and add co-signing units. The project team "
            "confirms it once you have verified your e-mail address."
        ),
    )

    def validate_unit_id(self, field):
        if self.unit_mode.data != "existing":
            return
        if field.data is None or field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(_l("Choose your unit from the list."))

    def validate_new_unit_name(self, field):
        if self.unit_mode.data == "new" and not field.data:
            raise ValidationError(_l("Enter the name of the unit."))

    def validate_new_unit_category(self, field):
        if self.unit_mode.data == "new" and field.data not in CATEGORY_LABELS:
            raise ValidationError(_l("Choose the category of the new unit."))


class SignInForm(Form):
    email = StringField(
        _l("E-mail address"),
        filters=[normalise_email],
        validators=[DataRequired(_l("Enter your e-mail address.")), Length(max=254)],
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(_l("Enter your password.")), Length(max=PASSWORD_MAX_LENGTH)],
    )
    remember = BooleanField(_l("Keep me signed in on this device"))


class ForgotPasswordForm(Form):
    email = email_field()


class ResetPasswordForm(Form):
    password, confirm = new_password_fields(_l("New password"))


class ChangePasswordForm(Form):
    current_password = PasswordField(
        _l("Current password"),
        validators=[DataRequired(_l("Enter your current password.")), Length(max=200)],
    )
    password, confirm = new_password_fields(_l("New password"))


def role_choices():
    return [SelectChoice(role.value, label) for role, label in ROLE_LABELS.items()]


class NewUserForm(Form):
    """An admin creates an account of any role, with a first password to hand over."""

    name = name_field()
    email = email_field()
    role = SelectField(_l("Role"), choices=role_choices)
    unit_id = SelectField(_l("Unit"), coerce=optional_int, validate_choice=False)
    password, confirm = new_password_fields(_l("First password"))

    def validate_unit_id(self, field):
        if field.data is not None and field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(_l("Choose a unit from the list."))


class RoleForm(Form):
    role = SelectField(_l("Role"), choices=role_choices)


class ActiveForm(Form):
    active = SelectField(choices=[SelectChoice("1"), SelectChoice("0")])
