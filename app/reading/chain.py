"""The stored links of a chain of revisions (each with the one before it), for the pages that
follow clauses across several revisions: a clause's history, the comparison of two revisions."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from app.core.extensions import db
from app.lineage.models import ClauseLink
from app.measures.models import Revision


def chain_links(order: list[Revision]) -> dict[int, list]:
    """{revision id: its links with the revision before it in ``order``}, rows of (revision_id,
    previous_revision_id, from_key, to_key, kind) in the order they were stored; one query.
    A revision whose links name another previous revision (not the one before it in
    ``order``) has none here."""
    pairs = {r.id: previous.id for previous, r in zip(order, order[1:], strict=False)}
    if not pairs:
        return defaultdict(list)
    rows = db.session.execute(
        select(
            ClauseLink.revision_id,
            ClauseLink.previous_revision_id,
            ClauseLink.from_key,
            ClauseLink.to_key,
            ClauseLink.kind,
        )
        .where(ClauseLink.revision_id.in_(list(pairs)))
        .order_by(ClauseLink.id)
    ).all()
    found: dict[int, list] = defaultdict(list)
    for row in rows:
        if pairs.get(row.revision_id) == row.previous_revision_id:
            found[row.revision_id].append(row)
    return found
