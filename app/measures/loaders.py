"""Loading a measure's revision by the names people use for it (slug and number)."""

from __future__ import annotations

import click

from app.measures.models import Revision
from app.measures.services import revision_of


def find_revision(slug: str, number: int) -> Revision:
    """Revision ``number`` of measure ``slug`` for a command: it stops with an error when there
    is none (published or not, as the commands work before publication too)."""
    revision = revision_of(slug, number)
    if revision is None:
        raise click.ClickException(f"there is no revision {number} of measure {slug!r}")
    return revision
