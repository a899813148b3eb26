"""Following a clause across revisions through the stored links."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.accounts.models import User
from app.core.extensions import db
from app.lineage.merging import levels
from app.lineage.models import ClauseLink, LinkKind
from app.lineage.services import alignable_clauses, previous_revision
from app.measures.models import Clause, Revision


def successor_links(clause: Clause) -> list[ClauseLink]:
    """The links from ``clause`` into the next revision (several when it was split; one with
    ``to_key`` None when it was deleted; none when the next revision is not aligned)."""
    return list(
        db.session.scalars(
            select(ClauseLink)
            .where(
                ClauseLink.previous_revision_id == clause.revision_id,
                ClauseLink.from_key == clause.key,
            )
            .order_by(ClauseLink.id)
        )
    )


def predecessor_links(clause: Clause) -> list[ClauseLink]:
    """The links into ``clause`` from the previous revision (several when merged; one with
    ``from_key`` None when it is new)."""
    return list(
        db.session.scalars(
            select(ClauseLink)
            .where(ClauseLink.revision_id == clause.revision_id, ClauseLink.to_key == clause.key)
            .order_by(ClauseLink.id)
        )
    )


# ---- the review page: old and new side by side, one row per link --------------------------

SORTS = ("score", "document")
UNALIGNED = "unaligned"  # a clause no link names yet (a row the team should settle)


@dataclass
class ReviewRow:
    """One link (or one clause no link names) with both clauses; ``finer`` holds the rows of
    the paragraphs and items under an article row."""

    link: ClauseLink | None
    kind: str  # a LinkKind value, or UNALIGNED
    old: Clause | None
    new: Clause | None
    level: int
    finer: list[ReviewRow] = field(default_factory=list)

    @property
    def score(self) -> float | None:
        if self.link is None or self.kind in (LinkKind.NEW, LinkKind.DELETED):
            return None
        return self.link.score

    @property
    def html_id(self) -> str:
        return f"link-{self.link.id}" if self.link else f"clause-{(self.old or self.new).key}"


@dataclass
class Review:
    previous: Revision
    rows: list[ReviewRow]  # article rows, filtered and sorted
    counts: dict[str, int]  # rows of every level per kind
    confirmed_by: User | None
    old_choices: list[tuple[str, str]]
    new_choices: list[tuple[str, str]]


def review(
    revision: Revision, *, kind: str = "", sort: str = "score", language: str
) -> Review | None:
    """The alignment of ``revision`` with the one before it, as the review page shows it;
    None for a first revision."""
    previous = previous_revision(revision)
    if previous is None:
        return None
    old, new = _clauses(previous), _clauses(revision)
    old_levels = levels(alignable_clauses(previous))
    new_levels = levels(alignable_clauses(revision))
    links = list(
        db.session.scalars(
            select(ClauseLink)
            .where(ClauseLink.revision_id == revision.id)
            .options(joinedload(ClauseLink.set_by))
            .order_by(ClauseLink.id)
        )
    )
    rows = [
        ReviewRow(
            link,
            LinkKind(link.kind).value,
            old.get(link.from_key),
            new.get(link.to_key),
            old_levels.get(link.from_key, new_levels.get(link.to_key, 0))
            if link.from_key
            else new_levels.get(link.to_key, 0),
        )
        for link in links
    ]
    rows += _unaligned(links, old, new, old_levels, new_levels)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.kind] = counts.get(row.kind, 0) + 1
    top = _nest(rows, old, new, old_levels, new_levels)
    order = _order_key(sort, top)
    top.sort(key=order)
    for row in top:
        row.finer.sort(key=order)
    if kind:
        top = _only(top, kind)
    return Review(
        previous=previous,
        rows=top,
        counts=counts,
        confirmed_by=db.session.get(User, revision.lineage_confirmed_by_id)
        if revision.lineage_confirmed_by_id
        else None,
        old_choices=_choices(old, old_levels, language),
        new_choices=_choices(new, new_levels, language),
    )


def _clauses(revision: Revision) -> dict[str, Clause]:
    found = db.session.scalars(
        select(Clause)
        .where(Clause.revision_id == revision.id, Clause.deleted.is_(False))
        .order_by(Clause.position)
    )
    return {clause.key: clause for clause in found}


def _unaligned(links, old, new, old_levels, new_levels) -> list[ReviewRow]:
    """Clauses no link names, where the aligner would have named them: articles, and the
    children of a clause linked to another (a new or deleted article's children have none)."""
    named_old = {k.from_key for k in links if k.from_key}
    named_new = {k.to_key for k in links if k.to_key}
    paired_old = {k.from_key for k in links if k.from_key and k.to_key}
    paired_new = {k.to_key for k in links if k.from_key and k.to_key}
    rows = []
    for side, clauses, level, named, paired in (
        ("old", old, old_levels, named_old, paired_old),
        ("new", new, new_levels, named_new, paired_new),
    ):
        parent_key = {c.id: c.key for c in clauses.values()}
        for key, at in level.items():
            clause = clauses[key]
            if key in named or (at > 0 and parent_key.get(clause.parent_id) not in paired):
                continue
            old_clause, new_clause = (clause, None) if side == "old" else (None, clause)
            rows.append(ReviewRow(None, UNALIGNED, old_clause, new_clause, at))
    return rows


def _article_of(clause: Clause | None, by_id: dict[int, Clause], level: dict) -> str | None:
    if clause is None:
        return None
    while level.get(clause.key, 0) > 0 and clause.parent_id in by_id:
        clause = by_id[clause.parent_id]
    return clause.key


def _nest(rows, old, new, old_levels, new_levels) -> list[ReviewRow]:
    """Article rows, each with the finer rows under it (by the articles their clauses are in);
    a finer row no article row holds is shown as a row of its own."""
    top = [row for row in rows if row.level == 0]
    by_pair, by_old, by_new = {}, {}, {}
    for row in top:
        key_old, key_new = row.old.key if row.old else None, row.new.key if row.new else None
        by_pair.setdefault((key_old, key_new), row)
        if key_old:
            by_old.setdefault(key_old, row)
        if key_new:
            by_new.setdefault(key_new, row)
    loose = []
    old_by_id = {c.id: c for c in old.values()}
    new_by_id = {c.id: c for c in new.values()}
    for row in rows:
        if row.level == 0:
            continue
        article_old = _article_of(row.old, old_by_id, old_levels)
        article_new = _article_of(row.new, new_by_id, new_levels)
        holder = (
            by_pair.get((article_old, article_new))
            or by_old.get(article_old)
            or by_new.get(article_new)
        )
        if holder is None:
            loose.append(row)
        else:
            holder.finer.append(row)
    return top + loose


def _order_key(sort: str, top: list[ReviewRow]):
    """Low scores first (clauses to settle, then new and deleted, then by score), or the new
    text's order with each deleted clause after what its predecessor became."""

    def position(row: ReviewRow) -> tuple:
        if row.new is not None:
            return (row.new.position, 0, 0)
        return (-1, row.old.position if row.old else 0, 1)

    if sort == "document":
        return position

    def weakest(row: ReviewRow) -> tuple:
        if row.kind == UNALIGNED:
            return (0, 0.0, position(row))
        if row.score is None:  # new, deleted
            return (1, 0.0, position(row))
        return (2, row.score, position(row))

    return weakest


def _only(top: list[ReviewRow], kind: str) -> list[ReviewRow]:
    """The article rows of ``kind``, or holding a finer row of it (shown open, with only
    those finer rows)."""
    kept = []
    for row in top:
        finer = [f for f in row.finer if f.kind == kind]
        if row.kind == kind or finer:
            row.finer = finer
            kept.append(row)
    return kept


def _choices(clauses: dict[str, Clause], level: dict, language: str) -> list[tuple[str, str]]:
    """The clauses a link may name, in document order, as (key, citation and opening words)."""
    out = []
    for key, clause in clauses.items():
        if key not in level:
            continue
        words = " ".join(clause.text_in(language).split())
        opening = words[:28] + ("…" if len(words) > 28 else "")
        out.append((key, f"{clause.citation_in(language) or key} {opening}".strip()))
    return out
