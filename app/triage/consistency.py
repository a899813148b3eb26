"""The consistency check of a revision pair (N-1, N): do the answers given on revision N-1 agree
with the text of revision N?

Three lists, each for the team to look at (none is an error by itself):

- adopted but unchanged: an answer 采纳 / 部分采纳 that names no clause of N where its change
  landed (unless its clause was deleted: the deletion is the change), or whose landing clauses
  are all unchanged (``same``) from N-1: the answer promises a change the text does not make;
- changed but rejected: an answer 未采纳 whose clause was modified, split, merged or deleted:
  the text changed where the team said it would not;
- unexplained changes: a changed clause of N (modified, split, merged, new, deleted) that no
  landing and no adopted answer's clause covers; only the outermost such clause is listed
  (an article, not also each of its paragraphs).

A clause that is not aligned itself (a sentence, a sub-item) is judged by the nearest clause
around it that is. Every list is built from a fixed number of queries, whatever the size.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from app.comments.models import Comment, CommentStatus
from app.core.extensions import db
from app.lineage.models import CHANGED_KINDS, ClauseLink, LinkKind
from app.lineage.services import previous_revision
from app.measures.models import Clause, Revision
from app.triage.landings import ADOPTING
from app.triage.models import Disposition, Response, ResponseLanding

NO_LANDING = "no_landing"  # adopted, and no clause of the next revision named
UNCHANGED = "unchanged"  # adopted, and every clause named is unchanged
REJECTED_CHANGED = "rejected_changed"


@dataclass
class Item:
    """One answer the check points at: what it answers, its clauses in the previous revision,
    where it landed in this one, and the relation lineage gives."""

    response: Response
    why: str
    comments: list[Comment]
    clauses: list[Clause]  # of the previous revision (what was commented on)
    landings: list[Clause]  # of this revision
    kind: LinkKind | None  # of the commented clause, when it has one


@dataclass
class Change:
    """A changed clause no answer explains: the link, and the clause on each side."""

    link: ClauseLink
    old: Clause | None
    new: Clause | None


@dataclass
class Report:
    previous: Revision
    revision: Revision
    adopted_unchanged: list[Item] = field(default_factory=list)
    rejected_changed: list[Item] = field(default_factory=list)
    unexplained: list[Change] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.adopted_unchanged) + len(self.rejected_changed) + len(self.unexplained)


def _around(key: str):
    """The key, then the keys of the clauses around it: art3.p1.i6, art3.p1, art3."""
    parts = key.split(".")
    for end in range(len(parts), 0, -1):
        yield ".".join(parts[:end])


def _inside(key: str, outer: str) -> bool:
    return key == outer or key.startswith(outer + ".")


def _nearest(key: str, links: dict[str, list[ClauseLink]]) -> list[ClauseLink]:
    for candidate in _around(key):
        if links.get(candidate):
            return links[candidate]
    return []


def _kind(key: str, by_from: dict[str, list[ClauseLink]]) -> LinkKind | None:
    """What became of old clause ``key``: the first changed kind among its links, else same."""
    kinds = [LinkKind(link.kind) for link in _nearest(key, by_from)]
    changed = [kind for kind in kinds if kind in CHANGED_KINDS]
    return changed[0] if changed else (kinds[0] if kinds else None)


def _unchanged(key: str, by_to: dict[str, list[ClauseLink]]) -> bool:
    """Clause ``key`` of the new revision is the old text (every link to it is ``same``)."""
    links = _nearest(key, by_to)
    return bool(links) and all(LinkKind(link.kind) == LinkKind.SAME for link in links)


def check(*, revision: Revision) -> Report | None:
    """The check of the pair (revision before ``revision``, ``revision``); None for a first
    revision."""
    previous = previous_revision(revision)
    if previous is None:
        return None
    report = Report(previous, revision)
    links = list(
        db.session.scalars(
            select(ClauseLink).where(ClauseLink.revision_id == revision.id).order_by(ClauseLink.id)
        )
    )
    by_from, by_to = defaultdict(list), defaultdict(list)
    for link in links:
        if link.from_key is not None:
            by_from[link.from_key].append(link)
        if link.to_key is not None:
            by_to[link.to_key].append(link)

    answers = list(
        db.session.scalars(
            select(Response)
            .where(
                Response.revision_id == previous.id,
                Response.disposition.in_([*ADOPTING, Disposition.NOT_ADOPTED]),
            )
            .order_by(Response.id)
        )
    )
    comments = _answered_comments(answers)
    landed = _landings(answers, revision)
    old_clauses = _clauses(previous, {k for link in links if (k := link.from_key)})
    new_clauses = _clauses(revision, {k for link in links if (k := link.to_key)})

    for response in answers:
        answered = comments.get(response.id, [])
        clauses = _distinct_clauses(answered)
        kinds = [_kind(clause.key, by_from) for clause in clauses]
        landings = landed.get(response.id, [])
        kind = next((k for k in kinds if k in CHANGED_KINDS), kinds[0] if kinds else None)
        item = Item(response, "", answered, clauses, landings, kind)
        if response.disposition in ADOPTING:
            deleted = bool(kinds) and all(k == LinkKind.DELETED for k in kinds)
            if not landings and not deleted:
                item.why = NO_LANDING
            elif landings and all(_unchanged(c.key, by_to) for c in landings):
                item.why = UNCHANGED
            if item.why:
                report.adopted_unchanged.append(item)
        elif kind in CHANGED_KINDS:
            item.why = REJECTED_CHANGED
            report.rejected_changed.append(item)

    report.unexplained = _unexplained(
        links,
        landing_keys={c.key for clauses in landed.values() for c in clauses},
        adopted_keys={
            clause.key
            for response in answers
            if response.disposition in ADOPTING
            for clause in _distinct_clauses(comments.get(response.id, []))
        },
        old_clauses=old_clauses,
        new_clauses=new_clauses,
    )
    return report


def _answered_comments(answers: list[Response]) -> dict[int, list[Comment]]:
    """{response id: its submitted comments (the group's members, or the one comment)}, with
    their clauses, in one query."""
    if not answers:
        return {}
    by_group = {r.group_id: r.id for r in answers if r.group_id is not None}
    by_comment = {r.comment_id: r.id for r in answers if r.comment_id is not None}
    query = (
        select(Comment)
        .outerjoin(Comment.clause)
        .options(contains_eager(Comment.clause))
        .where(Comment.status == CommentStatus.SUBMITTED)
        .where(Comment.group_id.in_(by_group) | Comment.id.in_(by_comment))
        .order_by(Comment.id)
    )
    found = defaultdict(list)
    for comment in db.session.scalars(query):
        owner = by_group.get(comment.group_id) if comment.group_id else by_comment.get(comment.id)
        if owner is not None:
            found[owner].append(comment)
    return found


def _distinct_clauses(comments: list[Comment]) -> list[Clause]:
    seen = {}
    for comment in comments:
        if comment.clause is not None:
            seen.setdefault(comment.clause.id, comment.clause)
    return sorted(seen.values(), key=lambda clause: clause.position)


def _landings(answers: list[Response], revision: Revision) -> dict[int, list[Clause]]:
    if not answers:
        return {}
    rows = db.session.execute(
        select(ResponseLanding.response_id, Clause)
        .join(
            Clause,
            (Clause.revision_id == ResponseLanding.revision_id)
            & (Clause.key == ResponseLanding.clause_key),
        )
        .where(
            ResponseLanding.revision_id == revision.id,
            ResponseLanding.response_id.in_([r.id for r in answers]),
        )
        .order_by(ResponseLanding.response_id, Clause.position)
    )
    found = defaultdict(list)
    for response_id, clause in rows:
        found[response_id].append(clause)
    return found


def _clauses(revision: Revision, keys: set[str]) -> dict[str, Clause]:
    if not keys:
        return {}
    return {
        clause.key: clause
        for clause in db.session.scalars(
            select(Clause).where(Clause.revision_id == revision.id, Clause.key.in_(keys))
        )
    }


def _unexplained(
    links: list[ClauseLink],
    *,
    landing_keys: set[str],
    adopted_keys: set[str],
    old_clauses: dict[str, Clause],
    new_clauses: dict[str, Clause],
) -> list[Change]:
    """The changed links no landing (inside the new clause, or around it) and no adopted
    answer's clause (for a deletion) covers; the outermost of them only."""

    def covered(keys: set[str], key: str) -> bool:
        return any(_inside(k, key) or _inside(key, k) for k in keys)

    open_links = []
    for link in links:
        if LinkKind(link.kind) not in CHANGED_KINDS:
            continue
        if link.to_key is not None and covered(landing_keys, link.to_key):
            continue
        if link.to_key is None and covered(adopted_keys, link.from_key):
            continue
        open_links.append(link)
    listed_to = {link.to_key for link in open_links if link.to_key}
    listed_from = {link.from_key for link in open_links if link.to_key is None}
    changes = []
    for link in open_links:
        key, listed = (link.to_key, listed_to) if link.to_key else (link.from_key, listed_from)
        if any(outer in listed for outer in list(_around(key))[1:]):
            continue  # its article (or paragraph) is listed already
        changes.append(
            Change(link, old_clauses.get(link.from_key or ""), new_clauses.get(link.to_key or ""))
        )
    order = {key: clause.position for key, clause in new_clauses.items()}
    old_order = {key: clause.position for key, clause in old_clauses.items()}
    changes.sort(
        key=lambda c: (
            order.get(c.link.to_key or "", -1),
            old_order.get(c.link.from_key or "", -1),
        )
    )
    return changes


def counts(report: Report | None) -> dict[str, int] | None:
    """The figures the dashboard shows."""
    if report is None:
        return None
    return {
        "adopted_unchanged": len(report.adopted_unchanged),
        "rejected_changed": len(report.rejected_changed),
        "unexplained": len(report.unexplained),
    }
