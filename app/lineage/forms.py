"""The forms of the alignment review: a link set by hand, and the plain POSTs (CSRF only)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice

from app.core.forms import Form
from app.lineage.models import LINK_KIND_LABELS


class LinkForm(Form):
    """Old clause → new clause, with the kind. The view offers the two revisions' clauses as
    choices; the service checks the keys and the kind again."""

    from_key = SelectField(_l("Clause of the previous revision"), choices=[], validate_choice=True)
    to_key = SelectField(_l("Clause of this revision"), choices=[], validate_choice=True)
    kind = SelectField(
        _l("Relation"),
        choices=[SelectChoice(kind.value, label) for kind, label in LINK_KIND_LABELS.items()],
    )

    def offer(self, old: list[tuple[str, str]], new: list[tuple[str, str]]) -> LinkForm:
        none = SelectChoice("", _l("— none —"))
        self.from_key.choices = [none, *(SelectChoice(key, label) for key, label in old)]
        self.to_key.choices = [none, *(SelectChoice(key, label) for key, label in new)]
        return self


class PlainForm(Form):
    """A button that posts nothing but its CSRF token (remove a link, confirm)."""
