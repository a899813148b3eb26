"""Queries over a measure's revisions that pages of every area need."""

from __future__ import annotations

from app.measures.models import Measure, Revision


def visible_revisions(measure: Measure, *, with_unpublished: bool) -> list[Revision]:
    """The revisions of ``measure`` in their order, the unpublished ones only when asked (for
    the staff). One query per measure and session: the measure's own ``revisions``."""
    return [r for r in measure.revisions if with_unpublished or r.is_published]
