"""Forms of the feedback-form import: the upload, and the commit of a previewed file."""

from __future__ import annotations

import re
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DateField, StringField
from wtforms.validators import InputRequired

from app.core.forms import Form
from app.feedback.importing import CommitChoices
from app.triage.entry_forms import UnitFields

OVERRIDE_MAX = 200  # a corrected citation is short


def _shortened(text: str | None) -> str | None:
    return text[:OVERRIDE_MAX] if text else text


class UploadForm(Form):
    file = FileField(
        _l("Returned feedback form (DOCX or XLSX)"),
        validators=[FileRequired(message=_l("Please choose the file to import."))],
    )


class CommitForm(UnitFields, Form):
    """Who sent the form and when, and for each row of the file (its line) the clause as
    corrected (``clause-<line>``) and whether it is skipped (``skip-<line>``)."""

    author_name = StringField(_l("Name of the person who sent it"))
    received_on = DateField(
        _l("Date received"),
        validators=[InputRequired(message=_l("Please give the date received."))],
    )
    lines: tuple[int, ...] = ()

    @classmethod
    def for_lines(cls, lines) -> CommitForm:
        """The form for a file with these rows (WTForms' dynamic form composition)."""

        class RowsForm(cls):
            pass

        for line in lines:
            setattr(RowsForm, f"clause-{line}", StringField(filters=[_shortened]))
            setattr(RowsForm, f"skip-{line}", BooleanField())
        RowsForm.lines = tuple(sorted(lines))
        return RowsForm()

    def corrections(self) -> tuple[dict[int, str], frozenset[int]]:
        """The clauses corrected (a box left out of the post is no correction) and the rows
        skipped."""
        overrides = {
            line: self[f"clause-{line}"].data
            for line in self.lines
            if self[f"clause-{line}"].data is not None
        }
        return overrides, frozenset(line for line in self.lines if self[f"skip-{line}"].data)

    def fill_from(self, returned, *, known_unit, today: date) -> None:
        """What the page proposes before the team decides: the sender as on the form (its unit
        picked when the unit is known by that name, else offered as a new one), received today."""
        self.received_on.data = today
        self.author_name.data = returned.contact
        self.unit_id.data = str(known_unit.id) if known_unit else ""
        self.new_unit_name.data = "" if known_unit else returned.unit.strip()

    def choices(self) -> CommitChoices:
        overrides, skipped = self.corrections()
        return CommitChoices(
            author_name=(self.author_name.data or "").strip(),
            received_on=self.received_on.data,
            unit_id=self.picked_unit_id(),
            new_unit=self.new_unit(),
            overrides=overrides,
            skipped=skipped,
        )


class LetterForm(UnitFields, Form):
    """A unit's letter (意见函) the team records, to split it by clause."""

    file = FileField(
        _l("The letter (DOCX or PDF)"),
        validators=[FileRequired(message=_l("Please choose the letter."))],
    )
    author_name = StringField(
        _l("Name of the person who sent it"),
        validators=[InputRequired(message=_l("Please give the name of who sent it."))],
    )
    received_on = DateField(
        _l("Date received"),
        validators=[InputRequired(message=_l("Please give the date received."))],
    )


_SEGMENT_FIELD = re.compile(r"^(text|clause|merge|skip)-(\d{1,6})$")
SEGMENT_TEXT_MAX = 20_000


def posted_segments(formdata) -> list:
    """Each point the split page sent back (``text-<i>``, ``clause-<i>``, ``merge-<i>``,
    ``skip-<i>``), by index as posted: the service checks them against the letter."""
    from app.feedback.splitting import PostedSegment

    fields: dict[int, dict[str, str]] = {}
    for name in formdata:
        found = _SEGMENT_FIELD.match(name)
        if found:
            fields.setdefault(int(found.group(2)), {})[found.group(1)] = formdata.get(name, "")
    return [
        PostedSegment(
            index=index,
            text=(values.get("text") or "")[:SEGMENT_TEXT_MAX],
            clause=(values.get("clause") or "").strip()[:OVERRIDE_MAX],
            merge=bool(values.get("merge")),
            skip=bool(values.get("skip")),
        )
        for index, values in sorted(fields.items())
    ]
