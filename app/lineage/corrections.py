"""The team's corrections of an alignment: a link set by hand, a wrong link removed, the
alignment confirmed. Each is recorded in the audit trail.

A confirmation vouches for the links as they stood: any later change by hand withdraws it
(the team confirms again), and the audit row of the change says so. Keeping a confirmation
over links nobody confirmed would let the consistency check and the compare page lean on an
alignment that no one checked.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l

from app.audit.writer import record
from app.core.extensions import db
from app.core.refusal import Refused
from app.legaltext.alignment import similarity
from app.lineage.merging import levels
from app.lineage.models import ClauseLink, LinkKind
from app.lineage.services import (
    align_revision,
    alignable_clauses,
    links_of,
    previous_revision,
)
from app.measures.models import Revision


def _previous_or_refuse(revision: Revision) -> Revision:
    previous = previous_revision(revision)
    if previous is None:
        raise Refused(_l("This is the first revision: there is no earlier text to align it with."))
    return previous


def set_link(
    *,
    revision: Revision,
    from_key: str | None,
    to_key: str | None,
    kind: str,
    actor,
    now: datetime,
) -> ClauseLink:
    """Link clause ``from_key`` of the previous revision to ``to_key`` of ``revision`` by hand
    (``new``: no ``from_key``; ``deleted``: no ``to_key``). Hand links that contradict it are
    replaced (a clause links to one clause, unless the links are all ``split`` from it or all
    ``merged`` into it); the automatic links are aligned again around it."""
    previous = _previous_or_refuse(revision)
    try:
        kind = LinkKind(kind)
    except ValueError:
        raise Refused(_l("Choose how the clauses are related."), field="kind") from None
    from_key, to_key = from_key or None, to_key or None
    _check_shape(kind, from_key, to_key)
    old, new = alignable_clauses(previous), alignable_clauses(revision)
    if from_key is not None and from_key not in levels(old):
        raise Refused(_l("Choose a clause of the previous revision."), field="from_key")
    if to_key is not None and to_key not in levels(new):
        raise Refused(_l("Choose a clause of this revision."), field="to_key")
    hand = [link for link in links_of(revision) if link.by_hand]
    if any((h.from_key, h.to_key, LinkKind(h.kind)) == (from_key, to_key, kind) for h in hand):
        raise Refused(_l("This link is already set by hand."))
    replaced = [h for h in hand if _contradicts(h, from_key, to_key, kind)]
    for link in replaced:
        db.session.delete(link)
    texts_old = {c.key: c.text for c in old}
    texts_new = {c.key: c.text for c in new}
    link = ClauseLink(
        revision_id=revision.id,
        previous_revision_id=previous.id,
        from_key=from_key,
        to_key=to_key,
        kind=kind,
        score=similarity(texts_old[from_key], texts_new[to_key]) if from_key and to_key else 0.0,
        by_hand=True,
        set_by_id=actor.id,
        created_at=now,
    )
    db.session.add(link)
    db.session.flush()
    withdrawn = _withdraw_confirmation(revision)
    align_revision(revision=revision)
    after = {"from_clause": from_key, "to_clause": to_key, "link_kind": kind}
    if replaced:
        after["replaces"] = [_described(h) for h in replaced]
    if withdrawn:
        after["confirmation_withdrawn"] = True
    record(
        actor=actor,
        action="lineage.link",
        target_type="clause_link",
        target_id=link.id,
        after=after,
        revision_id=revision.id,
        at=now,
    )
    db.session.flush()
    return link


def _check_shape(kind: LinkKind, from_key: str | None, to_key: str | None) -> None:
    if kind == LinkKind.NEW:
        if from_key is not None:
            raise Refused(_l("A new clause has no clause in the previous revision."), "from_key")
        if to_key is None:
            raise Refused(_l("Choose the new clause."), field="to_key")
    elif kind == LinkKind.DELETED:
        if to_key is not None:
            raise Refused(_l("A deleted clause has no clause in this revision."), "to_key")
        if from_key is None:
            raise Refused(_l("Choose the deleted clause."), field="from_key")
    elif from_key is None:
        raise Refused(_l("Choose a clause of the previous revision."), field="from_key")
    elif to_key is None:
        raise Refused(_l("Choose a clause of this revision."), field="to_key")


def _contradicts(existing: ClauseLink, from_key, to_key, kind: LinkKind) -> bool:
    """Whether a stored hand link cannot stand beside the new one: they share a clause and are
    not two parts of one split (same old clause) or of one merge (same new clause)."""
    existing_kind = LinkKind(existing.kind)
    if from_key is not None and existing.from_key == from_key:
        split = kind == existing_kind == LinkKind.SPLIT and existing.to_key != to_key
        if not split:
            return True
    if to_key is not None and existing.to_key == to_key:
        merged = kind == existing_kind == LinkKind.MERGED and existing.from_key != from_key
        if not merged:
            return True
    return False


def remove_link(*, link: ClauseLink, actor, now: datetime) -> bool:
    """Remove a link. A hand link gives its clauses back to the automatic alignment. A wrong
    automatic link is removed for good, so that aligning again does not bring it back: the
    other links of its clauses are kept by hand, and a clause it leaves with no link is
    marked deleted (old side) or new (new side) by hand. Returns whether the link was set
    by hand."""
    revision = db.session.get(Revision, link.revision_id)
    kind, by_hand, from_key, to_key = LinkKind(link.kind), link.by_hand, link.from_key, link.to_key
    if not by_hand and kind in (LinkKind.NEW, LinkKind.DELETED):
        raise Refused(
            _l("A clause marked new or deleted keeps the mark until you link it to a clause.")
        )
    link_id = link.id
    others = [k for k in links_of(revision) if k.id != link_id]
    db.session.delete(link)
    after: dict = {}
    if not by_hand:
        for side, key, mark in (
            ("from_key", from_key, LinkKind.DELETED),
            ("to_key", to_key, LinkKind.NEW),
        ):
            if key is None:
                continue
            sharing = [k for k in others if getattr(k, side) == key]
            for kept in sharing:
                kept.by_hand, kept.set_by_id = True, actor.id
            if not sharing:
                _mark(revision, key, mark, actor, now)
                after["marked_deleted" if mark == LinkKind.DELETED else "marked_new"] = key
    db.session.flush()
    if _withdraw_confirmation(revision):
        after["confirmation_withdrawn"] = True
    align_revision(revision=revision)
    record(
        actor=actor,
        action="lineage.unlink",
        target_type="clause_link",
        target_id=link_id,
        before={
            "from_clause": from_key,
            "to_clause": to_key,
            "link_kind": kind,
            "by_hand": by_hand,
        },
        after=after,
        revision_id=revision.id,
        at=now,
    )
    db.session.flush()
    return by_hand


def _mark(revision, key: str, kind: LinkKind, actor, now) -> None:
    """Mark clause ``key`` deleted (a key of the previous revision) or new, by hand."""
    db.session.add(
        ClauseLink(
            revision_id=revision.id,
            previous_revision_id=previous_revision(revision).id,
            from_key=key if kind == LinkKind.DELETED else None,
            to_key=key if kind == LinkKind.NEW else None,
            kind=kind,
            score=0.0,
            by_hand=True,
            set_by_id=actor.id,
            created_at=now,
        )
    )


def confirm_alignment(*, revision: Revision, actor, now: datetime) -> None:
    """The team vouches for the alignment as it stands."""
    _previous_or_refuse(revision)
    if revision.lineage_confirmed_at is not None:
        raise Refused(_l("The alignment is already confirmed."))
    if not links_of(revision):
        raise Refused(_l("There is no alignment to confirm yet."))
    revision.lineage_confirmed_at = now
    revision.lineage_confirmed_by_id = actor.id
    record(
        actor=actor,
        action="lineage.confirm",
        target_type="revision",
        target_id=revision.id,
        after={"lineage_confirmed_at": now},
        revision_id=revision.id,
        at=now,
    )
    db.session.flush()


def _withdraw_confirmation(revision: Revision) -> bool:
    if revision.lineage_confirmed_at is None:
        return False
    revision.lineage_confirmed_at = None
    revision.lineage_confirmed_by_id = None
    return True


def _described(link: ClauseLink) -> list:
    """A replaced link in the audit row: [old key, new key, kind] (oversight words it)."""
    return [link.from_key, link.to_key, LinkKind(link.kind).value]
