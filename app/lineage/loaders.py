"""A lineage page's objects: the revision (published or not: every reader is staff), the
link of that revision, or 404."""

from __future__ import annotations

from flask import abort

from app.core.extensions import db
from app.lineage.models import ClauseLink
from app.measures.loaders import measure_or_404, revision_or_404
from app.measures.models import Revision


def any_revision(slug: str, number: int) -> Revision:
    """Revision ``number`` of measure ``slug``, published or not (gate the route first)."""
    return revision_or_404(measure_or_404(slug), number)


def revision_link(revision: Revision, link_id: int) -> ClauseLink:
    link = db.session.get(ClauseLink, link_id)
    if link is None or link.revision_id != revision.id:
        abort(404)
    return link
