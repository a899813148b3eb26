"""Loaders of a measure, a revision and a clause for every area's pages and commands.

A page's loader 404s when the object does not exist (or is not published); a command's
loader stops with a message. Areas above measures import these, never another area's views.
"""

from __future__ import annotations

import click
from flask import abort
from sqlalchemy import bindparam, select
from sqlalchemy.orm import contains_eager

from app.core.extensions import db
from app.measures.models import Clause, Measure, Revision
from app.measures.services import revision_of

# Built once, with bound parameters: every page of a revision starts with one of these, and
# building the statement cost as much as running it.
_PUBLISHED = (
    select(Revision)
    .join(Measure)
    .options(contains_eager(Revision.measure))  # every page shows the measure too
    .where(Measure.slug == bindparam("slug"), Revision.number == bindparam("number"))
    .where(Revision.published_at.is_not(None))
)
_PUBLISHED_WITH_CLAUSE = _PUBLISHED.add_columns(Clause).outerjoin(
    Clause, (Clause.revision_id == Revision.id) & (Clause.key == bindparam("key"))
)


def published_measure(slug: str) -> Measure:
    """The measure ``slug`` with a published revision; 404 otherwise."""
    found = db.session.scalar(select(Measure).filter_by(slug=slug))
    if found is None or found.latest_published_revision is None:
        abort(404)
    return found


def published_revision(slug: str, number: int) -> Revision:
    """Revision ``number`` of measure ``slug``, published; 404 otherwise."""
    revision = db.session.scalar(_PUBLISHED, {"slug": slug, "number": number})
    if revision is None:
        abort(404)
    return revision


def published_clause(slug: str, number: int, key: str | None) -> tuple[Revision, Clause | None]:
    """The published revision and its clause ``key`` (None for no key) in one query; 404 when
    either does not exist."""
    if not key:
        return published_revision(slug, number), None
    found = db.session.execute(
        _PUBLISHED_WITH_CLAUSE, {"slug": slug, "number": number, "key": key}
    ).first()
    if found is None or found[1] is None:
        abort(404)
    return found[0], found[1]


def find_revision(slug: str, number: int) -> Revision:
    """Revision ``number`` of measure ``slug``, published or not, for a command; stops the
    command with a message when there is none."""
    revision = revision_of(slug, number)
    if revision is None:
        raise click.ClickException(f"there is no revision {number} of measure {slug!r}")
    return revision


def measure_or_404(slug: str) -> Measure:
    """The measure ``slug``, published or not (the administrators' pages); 404 otherwise."""
    found = db.session.scalar(select(Measure).filter_by(slug=slug))
    if found is None:
        abort(404)
    return found


def revision_or_404(measure: Measure, number: int) -> Revision:
    """Revision ``number`` of ``measure``, published or not; 404 otherwise."""
    found = db.session.scalar(select(Revision).filter_by(measure_id=measure.id, number=number))
    if found is None:
        abort(404)
    return found
