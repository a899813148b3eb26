"""A revision's figures for the team's dashboard, counted by the database.

Every figure comes from a GROUP BY: the number of statements is the same for ten comments and
for ten thousand. Only submitted comments count; withdrawn ones are reported apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, func, select

from app.accounts.models import UnitCategory
from app.comments.models import Channel, Comment, CommentStatus
from app.core.extensions import db
from app.measures.models import Revision
from app.measures.reading import STRUCTURAL, Node, Tree, load_tree
from app.triage.figures import AnswerFigures, answer_figures


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
    by_clause: dict[str, int] = field(default_factory=dict)  # key -> count with sub-clauses
    by_category: dict[UnitCategory, int] = field(default_factory=dict)
    by_channel: dict[Channel, int] = field(default_factory=dict)
    # answered, unanswered, per disposition and state: defined once in triage.figures
    answers: AnswerFigures = field(default_factory=AnswerFigures)
    heat_rows: list[HeatRow] = field(default_factory=list)
    heat_maximum: int = 0  # the busiest article, for the shading's scale


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
    stats.answers = answer_figures(revision)

    per_clause = dict(
        db.session.execute(
            select(Comment.clause_id, func.count()).where(submitted).group_by(Comment.clause_id)
        ).all()
    )
    stats.general = per_clause.pop(None, 0)
    _fill_heat_map(stats, load_tree(revision), per_clause)
    return stats


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
