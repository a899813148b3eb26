"""Storing the alignment of a revision with the one before it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from app.core.extensions import db
from app.legaltext.alignment import align
from app.lineage.merging import levels, with_hand_links
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


def aligned_keys(revision: Revision) -> set[str]:
    """The keys a link may name in ``revision``: its articles and everything inside them."""
    return set(levels(alignable_clauses(revision)))


def previous_revision(revision: Revision) -> Revision | None:
    return db.session.scalar(
        select(Revision).where(
            Revision.measure_id == revision.measure_id, Revision.number == revision.number - 1
        )
    )


def align_revision(*, revision: Revision) -> list[ClauseLink]:
    """(Re)compute the automatic links of ``revision`` with the revision before it.

    Links set by hand are kept while both their keys still exist in the two texts (a hand link
    naming a clause that is gone is dropped). The automatic links around them follow them:
    none touches a clause a hand link names, and the finer clauses of a pair the hand changed
    are aligned inside that pair (`merging.with_hand_links`). When the stored links change,
    a confirmation of the alignment no longer holds and is cleared. Flushes; the caller
    commits."""
    previous = previous_revision(revision)
    if previous is None:
        return []
    old_items = alignable_clauses(previous)
    new_items = alignable_clauses(revision)
    old_keys, new_keys = set(levels(old_items)), set(levels(new_items))
    before = _signature(links_of(revision))
    db.session.execute(
        delete(ClauseLink).where(
            ClauseLink.revision_id == revision.id, ClauseLink.by_hand.is_(False)
        )
    )
    kept = []
    for link in _hand_links(revision):
        if (link.from_key is not None and link.from_key not in old_keys) or (
            link.to_key is not None and link.to_key not in new_keys
        ):
            db.session.delete(link)
        else:
            kept.append(link)
    for found in with_hand_links(align(old_items, new_items), kept, old_items, new_items):
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
    links = links_of(revision)
    if _signature(links) != before:
        revision.lineage_confirmed_at = None
        revision.lineage_confirmed_by_id = None
        db.session.flush()
    return links


def _hand_links(revision: Revision) -> list[ClauseLink]:
    return list(
        db.session.scalars(
            select(ClauseLink)
            .where(ClauseLink.revision_id == revision.id, ClauseLink.by_hand.is_(True))
            .order_by(ClauseLink.id)
        )
    )


def _signature(links: list[ClauseLink]) -> set[tuple]:
    """What a confirmation of the alignment vouched for: every link, as the team saw it."""
    return {(k.from_key, k.to_key, LinkKind(k.kind), k.by_hand) for k in links}


def links_of(revision: Revision) -> list[ClauseLink]:
    return list(
        db.session.scalars(
            select(ClauseLink).where(ClauseLink.revision_id == revision.id).order_by(ClauseLink.id)
        )
    )
