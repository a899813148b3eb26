"""The reading pages' queries: which revisions the home page lists, the revisions a measure's
page lists, how many comments a clause page does not show, and the answers shown under
published comments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.comments.models import Comment, CommentStatus
from app.comments.publication import comment_counts
from app.core.extensions import db
from app.measures.models import Clause, Revision
from app.measures.reading import Node
from app.triage.published_answers import published_responses


def home_revisions(now: datetime) -> tuple[list[Revision], list[Revision], list[Revision]]:
    """The newest published revision of each measure, as the home page lists them: open now
    (closing first), closed (the 20 last closed), and upcoming (opening first)."""
    revisions = db.session.scalars(
        select(Revision).where(Revision.published_at.is_not(None)).order_by(Revision.id)
    ).all()
    latest: dict[int, Revision] = {}
    for revision in revisions:  # the newest revision of each measure stands for it
        latest[revision.measure_id] = revision
    current = list(latest.values())
    open_now = sorted((r for r in current if r.is_open(now)), key=lambda r: r.closes_at)
    closed = sorted(
        (r for r in current if r.has_closed(now)), key=lambda r: r.closes_at, reverse=True
    )
    upcoming = sorted(
        (r for r in current if not r.is_open(now) and not r.has_closed(now)),
        key=lambda r: (r.opens_at is None, r.opens_at or now),
    )
    return open_now, closed[:20], upcoming


def subtree_count(revision: Revision, node: Node) -> int:
    """Comments on ``node`` and the clauses under it, published or not: the article's badge
    counts them all, so its clause page says how many it does not show."""
    counts = comment_counts(revision)
    total, stack = 0, [node]
    while stack:
        current = stack.pop()
        total += counts.get(current.clause.id, 0)
        stack.extend(current.children)
    return total


def answers_shown_once(comments) -> dict:
    """{comment id: (its published response, whether this comment shows it)} for a list of
    comments shown together: a group's answer is shown once, under the first of its comments
    in the list; the group's other comments point to it. One query, as published_responses."""
    comments = list(comments)
    found = published_responses(comments)
    shown: set[int] = set()
    answers = {}
    for comment in comments:
        response = found.get(comment.id)
        if response is not None:
            answers[comment.id] = (response, response.id not in shown)
            shown.add(response.id)
    return answers


@dataclass(frozen=True)
class RevisionRow:
    """A revision as the measure's page lists it: its articles and the comments received."""

    revision: Revision
    articles: int
    comments: int


def revision_rows(revisions: list[Revision]) -> list[RevisionRow]:
    """The measure page's rows, in two grouped queries whatever the number of revisions.
    Comments count as the revision page's badges count them: submitted, not withdrawn."""
    ids = [r.id for r in revisions]
    if not ids:
        return []
    articles = dict(
        db.session.execute(
            select(Clause.revision_id, func.count(Clause.id))
            .where(Clause.revision_id.in_(ids), Clause.kind == "article", Clause.deleted.is_(False))
            .group_by(Clause.revision_id)
        ).all()
    )
    comments = dict(
        db.session.execute(
            select(Comment.revision_id, func.count(Comment.id))
            .where(Comment.revision_id.in_(ids), Comment.status == CommentStatus.SUBMITTED)
            .group_by(Comment.revision_id)
        ).all()
    )
    return [RevisionRow(r, articles.get(r.id, 0), comments.get(r.id, 0)) for r in revisions]
