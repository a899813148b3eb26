"""A clause's history across the revisions of its measure, for its clause page.

The clause is followed through the stored lineage (app/lineage) both ways from the revision
shown: back through its predecessors, forward through its successors; a split or a merge
brings every clause it touched. Each revision's step carries the clause's text there, the
change from the step before (diff marks), the comments the viewer may see that it received
there (published ones, and the viewer's own) and their published answers.

A handful of queries whatever the number of revisions: the links of the measure, the clauses
of the chain, the comments (a recursive query over the chain's subtrees), their counts, the
published answers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from app.comments.models import Comment, CommentStatus
from app.comments.publication import PUBLISHABLE, comments_are_public
from app.core.extensions import db
from app.legaltext.diffing import diff
from app.lineage.models import LinkKind
from app.measures.models import Clause, Revision
from app.reading.chain import chain_links
from app.triage.published_answers import published_responses

# How a step is described when its links are of several kinds: the most telling first.
_KIND_ORDER = (
    LinkKind.SPLIT,
    LinkKind.MERGED,
    LinkKind.MODIFIED,
    LinkKind.SAME,
    LinkKind.NEW,
    LinkKind.DELETED,
)


@dataclass
class HistoryStep:
    """The clause in one revision."""

    revision: Revision
    clauses: list[Clause]  # several after a split (or before a merge); none once deleted
    kind: LinkKind | None = None  # how it came from the step before; None for the first
    renumbered_from: list[Clause] = field(default_factory=list)  # its number the step before
    split_also: list[Clause] = field(default_factory=list)  # the split's other parts here
    merged_with: list[Clause] = field(default_factory=list)  # merged with these in the next
    changes: list[tuple[str, str]] = field(default_factory=list)  # diff from the step before
    comments: list[Comment] = field(default_factory=list)  # what everyone may read
    own: list[Comment] = field(default_factory=list)  # the viewer's own, not among those
    received: int = 0  # submitted comments there, as the revision page's badges count them
    current: bool = False

    @property
    def deleted(self) -> bool:
        return not self.clauses


@dataclass
class ClauseHistory:
    steps: list[HistoryStep]
    answers: dict  # {comment id: (published response, whether shown under this comment)}

    def __bool__(self) -> bool:
        """Whether there is a history to show: another revision, or the clause is new."""
        return any(step.kind is not None for step in self.steps)

    def after(self, step: HistoryStep) -> list[HistoryStep]:
        """The steps that follow ``step``: what became of the clause."""
        return self.steps[self.steps.index(step) + 1 :]

    def commented_before(self) -> list[HistoryStep]:
        """The steps where the viewer commented and that later revisions followed."""
        return [step for step in self.steps[:-1] if step.own]


def clause_history(
    revisions: list[Revision], shown: Revision, clause: Clause, *, viewer, now: datetime
) -> ClauseHistory:
    """The history of ``clause`` (of revision ``shown``) over ``revisions``: the measure's
    revisions the viewer may see, in order. Empty (falsy) when no link leads anywhere."""
    order = [r for r in revisions if r.measure_id == shown.measure_id]
    if len(order) < 2:
        return ClauseHistory([], {})  # one revision: no query, nothing to follow
    position = next(i for i, r in enumerate(order) if r.id == shown.id)
    links = chain_links(order)
    keys: dict[int, set[str]] = {position: {clause.key}}
    step_links: dict[int, list[tuple]] = {}
    for j in range(position, 0, -1):  # back through the predecessors
        found = [link for link in links[order[j].id] if link.to_key in keys[j]]
        step_links[j] = found
        earlier = {link.from_key for link in found if link.from_key}
        if not earlier:
            break
        keys[j - 1] = earlier
    for j in range(position + 1, len(order)):  # forward through the successors
        found = [link for link in links[order[j].id] if link.from_key in keys[j - 1]]
        if not found:
            break  # not aligned yet
        step_links[j] = found
        later = {link.to_key for link in found if link.to_key}
        keys[j] = later
        if not later:
            break  # deleted
    steps = _steps(order, keys, step_links, links, shown)
    _fill_comments(steps, viewer=viewer, now=now)
    visible = [c for step in steps for c in step.comments + step.own]
    return ClauseHistory(steps, _answers_by_step(steps, published_responses(visible)))


def _steps(order, keys, step_links, links, shown) -> list[HistoryStep]:
    first = min(keys)
    span = range(first, max([*keys, *step_links]) + 1)
    # Named beside a step: the other parts of a split (followed back from one part), the
    # other sources of a merge (followed forward from one source).
    split_also: dict[int, set[str]] = defaultdict(set)
    merged_with: dict[int, set[str]] = defaultdict(set)
    for j in span[1:]:
        came_from, went_to = keys.get(j - 1, set()), keys.get(j, set())
        for link in links[order[j].id]:
            if link.from_key in came_from and link.to_key and link.to_key not in went_to:
                split_also[j].add(link.to_key)
            if link.to_key in went_to and link.from_key and link.from_key not in came_from:
                merged_with[j - 1].add(link.from_key)
    wanted = {
        (order[j].id, key)
        for j in span
        for key in keys.get(j, set()) | split_also[j] | merged_with[j]
    }
    clauses = _clauses(wanted)

    def stored(j: int, chosen) -> list[Clause]:
        found = (clauses.get((order[j].id, key)) for key in chosen)
        return sorted((c for c in found if c is not None), key=lambda c: c.position)

    steps = []
    for j in span:
        revision = order[j]
        mine = stored(j, keys.get(j, ()))
        step = HistoryStep(revision, mine, current=revision.id == shown.id)
        step.split_also, step.merged_with = stored(j, split_also[j]), stored(j, merged_with[j])
        step.kind = _kind({link.kind for link in step_links.get(j, ())})
        if j > first:
            before = steps[-1]
            step.changes = _changes(before, step)
            one_to_one = step.kind in (LinkKind.SAME, LinkKind.MODIFIED)
            if one_to_one and [c.citation for c in before.clauses] != [c.citation for c in mine]:
                step.renumbered_from = before.clauses
        steps.append(step)
    return steps


def _clauses(wanted: set[tuple[int, str]]) -> dict[tuple[int, str], Clause]:
    if not wanted:
        return {}
    revision_ids = {revision_id for revision_id, _key in wanted}
    keys = {key for _revision_id, key in wanted}
    found = db.session.scalars(
        select(Clause).where(Clause.revision_id.in_(revision_ids), Clause.key.in_(keys))
    )
    return {(c.revision_id, c.key): c for c in found if (c.revision_id, c.key) in wanted}


def _kind(kinds: set[LinkKind]) -> LinkKind | None:
    return next((kind for kind in _KIND_ORDER if kind in kinds), None)


def _changes(before: HistoryStep, step: HistoryStep) -> list[tuple[str, str]]:
    """The diff from the step before: the texts of the clauses of each, in document order.
    English drafts are compared word by word, Chinese ones (and standards) by character."""
    language = "en" if step.revision.family == "en" else "zh"
    old = "\n".join(c.text for c in before.clauses)
    new = "\n".join(c.text for c in step.clauses)
    return diff(old, new, language)


def _fill_comments(steps: list[HistoryStep], *, viewer, now: datetime) -> None:
    """Each step's comments: the published ones (as the clause page publishes them: the
    measure's setting, the author's consent, none the team hid), the viewer's own, and how
    many were received. The current revision's published comments are the page's own
    section, not repeated."""
    roots = [c.id for step in steps for c in step.clauses]
    if not roots:
        return
    tree = select(Clause.id).where(Clause.id.in_(roots)).cte("history_tree", recursive=True)
    tree = tree.union_all(select(Clause.id).join(tree, Clause.parent_id == tree.c.id))
    under = select(tree.c.id)
    by_revision = {step.revision.id: step for step in steps}
    public_in = [
        step.revision.id
        for step in steps
        if not step.current and comments_are_public(step.revision, now)
    ]
    me = viewer.id if viewer is not None and viewer.is_authenticated else None
    shown = []
    if public_in:
        shown.append(Comment.revision_id.in_(public_in) & PUBLISHABLE)
    if me is not None:
        shown.append(Comment.author_id == me)
    if shown:
        found = db.session.scalars(
            select(Comment)
            .where(Comment.clause_id.in_(under), Comment.status == CommentStatus.SUBMITTED)
            .where(Comment.revision_id.in_(list(by_revision)), or_(*shown))
            .options(
                selectinload(Comment.author),
                selectinload(Comment.unit),
                selectinload(Comment.cosigners),
                selectinload(Comment.clause),
            )
            .order_by(Comment.created_at, Comment.id)
        )
        for comment in found:
            step = by_revision[comment.revision_id]
            if comment.author_id == me:
                step.own.append(comment)
            elif comment.revision_id in public_in:
                step.comments.append(comment)
    counts = db.session.execute(
        select(Comment.revision_id, func.count(Comment.id))
        .where(Comment.clause_id.in_(under), Comment.status == CommentStatus.SUBMITTED)
        .group_by(Comment.revision_id)
    ).all()
    for revision_id, count in counts:
        if revision_id in by_revision:
            by_revision[revision_id].received = count


def _answers_by_step(steps: list[HistoryStep], found: dict) -> dict:
    """A group's answer once per step, under the first of its comments there."""
    answers = {}
    for step in steps:
        shown: set[int] = set()
        for comment in step.own + step.comments:
            response = found.get(comment.id)
            if response is not None:
                answers[comment.id] = (response, response.id not in shown)
                shown.add(response.id)
    return answers
