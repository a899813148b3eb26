"""Forms of the feedback-form import: the upload, and the commit of a previewed file."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, StringField
from wtforms.validators import InputRequired

from app.core.forms import Form
from app.triage.entry_forms import UnitFields


class UploadForm(Form):
    file = FileField(
        _l("Returned feedback form (DOCX or XLSX)"),
        validators=[FileRequired(message=_l("Please choose the file to import."))],
    )


class CommitForm(UnitFields, Form):
    author_name = StringField(_l("Name of the person who sent it"))
    received_on = DateField(
        _l("Date received"),
        validators=[InputRequired(message=_l("Please give the date received."))],
    )
