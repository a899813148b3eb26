"""Storing the alignment of a revision with the one before it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from app.core.extensions import db
from app.legaltext.alignment import align
from app.lineage.models import ClauseLink, LinkKind
from app.measures.models import Clause, Revision


@dataclass(frozen=True)
class StoredClause:
    """A stored clause as the aligner reads it (the parent by key, as in legaltext)."""

    key: str
    kind: str
    parent: str | None
    text: str


def alignable_clauses(revision: Revision) -> list[StoredClause]:
    """The clauses of a stored revision, in document order, for `legaltext.alignment.align`."""
    rows = db.session.execute(
        select(Clause.id, Clause.key, Clause.kind, Clause.parent_id, Clause.text)
        .where(Clause.revision_id == revision.id, Clause.deleted.is_(False))
        .order_by(Clause.position)
    ).all()
    key_of = {row.id: row.key for row in rows}
    return [StoredClause(r.key, r.kind, key_of.get(r.parent_id), r.text) for r in rows]


def previous_revision(revision: Revision) -> Revision | None:
    return db.session.scalar(
        select(Revision).where(
            Revision.measure_id == revision.measure_id, Revision.number == revision.number - 1
        )
    )


def align_revision(*, revision: Revision) -> list[ClauseLink]:
    """(Re)compute the automatic links of ``revision`` with the revision before it; links set
    by hand are kept while both their keys still exist, and the automatic links they
    contradict are left out. Flushes; the caller commits."""
    previous = previous_revision(revision)
    if previous is None:
        return []
    old_items = alignable_clauses(previous)
    new_items = alignable_clauses(revision)
    old_keys = {c.key for c in old_items}
    new_keys = {c.key for c in new_items}
    db.session.execute(
        delete(ClauseLink).where(
            ClauseLink.revision_id == revision.id, ClauseLink.by_hand.is_(False)
        )
    )
    hand = list(
        db.session.scalars(
            select(ClauseLink).where(
                ClauseLink.revision_id == revision.id, ClauseLink.by_hand.is_(True)
            )
        )
    )
    for link in hand:
        if (link.from_key is not None and link.from_key not in old_keys) or (
            link.to_key is not None and link.to_key not in new_keys
        ):
            db.session.delete(link)
    kept = [link for link in hand if link not in db.session.deleted]
    covered_from = {link.from_key for link in kept if link.from_key}
    covered_to = {link.to_key for link in kept if link.to_key}
    for found in align(old_items, new_items):
        if found.from_key in covered_from or found.to_key in covered_to:
            continue
        db.session.add(
            ClauseLink(
                revision_id=revision.id,
                previous_revision_id=previous.id,
                from_key=found.from_key,
                to_key=found.to_key,
                kind=LinkKind(found.kind),
                score=found.score,
            )
        )
    db.session.flush()
    return links_of(revision)


def links_of(revision: Revision) -> list[ClauseLink]:
    return list(
        db.session.scalars(
            select(ClauseLink).where(ClauseLink.revision_id == revision.id).order_by(ClauseLink.id)
        )
    )
