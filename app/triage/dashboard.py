"""A revision's figures for the team's dashboard, counted by the database.

Every figure comes from a GROUP BY: the number of statements is the same for ten comments and
for ten thousand. Only submitted comments count; withdrawn ones are reported apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import aliased

from app.accounts.models import UnitCategory
from app.comments.models import Channel, Comment, CommentStatus
from app.extensions import db
from app.measures.models import Revision
from app.measures.reading import STRUCTURAL, Node, Tree, load_tree
from app.triage.models import Disposition, Response, ResponseState


@dataclass(slots=True)
class HeatRow:
    """A line of the table of contents: a structural heading, or an article cell."""

    node: Node
    count: int  # comments on this clause and everything under it
    depth: int


@dataclass(slots=True)
class Statistics:
    total: int = 0  # submitted comments
    withdrawn: int = 0
    late: int = 0
    general: int = 0  # on the draft as a whole (no clause)
    unanswered: int = 0  # no published response, directly or through the group
    by_clause: dict[str, int] = field(default_factory=dict)  # key -> count with sub-clauses
    by_category: dict[UnitCategory, int] = field(default_factory=dict)
    by_channel: dict[Channel, int] = field(default_factory=dict)
    # disposition -> state -> count; the disposition of the response that answers a comment
    by_disposition: dict[Disposition, dict[ResponseState, int]] = field(default_factory=dict)
    no_response: int = 0  # comments no response (in any state) answers yet
    heat_rows: list[HeatRow] = field(default_factory=list)
    heat_maximum: int = 0  # the busiest article, for the shading's scale

    def disposition_total(self, disposition: Disposition) -> int:
        return sum(self.by_disposition.get(disposition, {}).values())

    def state_total(self, state: ResponseState) -> int:
        return sum(per_state.get(state, 0) for per_state in self.by_disposition.values())


def revision_statistics(revision: Revision) -> Statistics:
    """The dashboard's figures for ``revision`` in six statements, whatever its size."""
    stats = Statistics()
    submitted = and_(Comment.revision_id == revision.id, Comment.status == CommentStatus.SUBMITTED)

    for status, late, count in db.session.execute(
        select(Comment.status, Comment.late, func.count())
        .where(Comment.revision_id == revision.id)
        .group_by(Comment.status, Comment.late)
    ):
        if status == CommentStatus.SUBMITTED:
            stats.total += count
            stats.late += count if late else 0
        else:
            stats.withdrawn += count

    stats.by_category = dict(
        db.session.execute(
            select(Comment.unit_category, func.count())
            .where(submitted)
            .group_by(Comment.unit_category)
        ).all()
    )
    stats.by_channel = dict(
        db.session.execute(
            select(Comment.channel, func.count()).where(submitted).group_by(Comment.channel)
        ).all()
    )
    _count_dispositions(stats, submitted)

    per_clause = dict(
        db.session.execute(
            select(Comment.clause_id, func.count()).where(submitted).group_by(Comment.clause_id)
        ).all()
    )
    stats.general = per_clause.pop(None, 0)
    _fill_heat_map(stats, load_tree(revision), per_clause)
    return stats


def _count_dispositions(stats: Statistics, submitted) -> None:
    """A comment is answered by its own response if it has one, else by its group's."""
    own = aliased(Response)
    grouped = aliased(Response)
    disposition = func.coalesce(own.disposition, grouped.disposition)
    state = func.coalesce(own.state, grouped.state)
    published = case(
        (
            or_(own.state == ResponseState.PUBLISHED, grouped.state == ResponseState.PUBLISHED),
            1,
        ),
        else_=0,
    )
    rows = db.session.execute(
        select(disposition, state, published, func.count())
        .select_from(Comment)
        .outerjoin(own, own.comment_id == Comment.id)
        .outerjoin(
            grouped, and_(Comment.group_id.is_not(None), grouped.group_id == Comment.group_id)
        )
        .where(submitted)
        .group_by(disposition, state, published)
    )
    for disposition_value, state_value, is_published, count in rows:
        if not is_published:
            stats.unanswered += count
        if disposition_value is None:
            stats.no_response += count
            continue
        per_state = stats.by_disposition.setdefault(Disposition(disposition_value), {})
        key = ResponseState(state_value)
        per_state[key] = per_state.get(key, 0) + count


def _fill_heat_map(stats: Statistics, tree: Tree, per_clause: dict[int, int]) -> None:
    """Roll each clause's count up to every ancestor (art12.p2.i3 counts for art12 and its
    chapter), then keep the table of contents: structural headings and articles."""
    totals: dict[int, int] = {}
    for clause_id, count in per_clause.items():
        node = tree.by_id.get(clause_id)
        while node is not None:
            totals[node.clause.id] = totals.get(node.clause.id, 0) + count
            parent_id = node.clause.parent_id
            node = tree.by_id.get(parent_id) if parent_id else None

    def walk(nodes: list[Node], depth: int) -> None:
        for node in nodes:
            kind = node.clause.kind
            if kind not in STRUCTURAL and kind != "article":
                continue  # paragraphs and items are counted in their article
            count = totals.get(node.clause.id, 0)
            stats.heat_rows.append(HeatRow(node, count, depth))
            stats.by_clause[node.clause.key] = count
            if kind == "article":
                stats.heat_maximum = max(stats.heat_maximum, count)
            else:
                walk(node.children, depth + 1)

    walk(tree.roots, 0)
