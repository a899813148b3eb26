"""The revision switch: which revision a page shows, and links to the measure's others.

Drawn by the one macro in templates/_revision_switch.html on every page of a revision
(reading, the team's pages, exports, a participant's comment pages). Each page names the
endpoint its links open in the other revisions; an unpublished revision (staff only) opens
at its staff page, where one exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, url_for
from flask_login import current_user

from app.measures.models import Revision
from app.measures.queries import visible_revisions
from app.measures.rules import can_see_unpublished_revisions

# The staff page of a revision (app/revisions): where an unpublished revision is opened.
STAFF_REVISION_PAGE = "revisions.show_revision"


@dataclass(frozen=True)
class SwitchEntry:
    revision: Revision
    url: str | None  # None: nothing to open (an unpublished revision with no staff page)
    current: bool


def revision_url(revision: Revision, endpoint: str = "measures.revision") -> str | None:
    """The page ``endpoint`` of ``revision``; its staff page when it is not published."""
    if not revision.is_published:
        endpoint = STAFF_REVISION_PAGE
    if endpoint not in current_app.view_functions:
        return None
    return url_for(endpoint, slug=revision.measure.slug, number=revision.number)


def revision_switch_entries(revision: Revision, endpoint: str = "measures.revision"):
    """Every revision of ``revision``'s measure the current user may see, in order, each with
    the page ``endpoint`` of it (the shown one marked current)."""
    staff = can_see_unpublished_revisions(current_user)
    return [
        SwitchEntry(other, revision_url(other, endpoint), other.id == revision.id)
        for other in visible_revisions(revision.measure, with_unpublished=staff)
    ]


def register_switch_helpers(bp) -> None:
    """Template globals (not context variables): the macro is imported without context."""
    bp.add_app_template_global(revision_switch_entries, "revision_switch_entries")
    bp.add_app_template_global(revision_url, "revision_url")
    bp.add_app_template_global(can_see_unpublished_revisions, "can_see_unpublished_revisions")
