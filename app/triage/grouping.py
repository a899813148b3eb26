"""Grouping (归并): comments that say the same thing, answered together.

Rules every service here keeps:

- a group holds at least two submitted comments of its own revision; a change that would
  leave fewer dissolves it;
- a comment is in at most one group: grouping a comment that is already in another group
  moves it (recorded);
- a published response never disappears silently from a participant's page: a comment
  cannot leave a group whose response is published, and such a group cannot be dissolved
  (the team unpublishes first);
- when a group is dissolved, its unpublished response (draft or approved) is deleted, with
  its full content in the audit row, because it was written for that set of comments;
- a comment that joins a group is answered through it: its own unpublished response is
  deleted (audited); a published one refuses the grouping.

Services flush and never commit; each change writes its audit rows in the same transaction.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.audit.writer import record_change
from app.comments.models import Comment, CommentStatus
from app.core.extensions import db
from app.core.refusal import Refused
from app.measures.models import Revision
from app.triage.models import CommentGroup, Response, ResponseState

TITLE_MAX = 200


def response_snapshot(response: Response) -> dict:
    """Everything of a response, for the audit row that records its removal."""
    return {
        "group_id": response.group_id,
        "comment_id": response.comment_id,
        "disposition": response.disposition,
        "reason": response.reason,
        "reason_en": response.reason_en,
        "state": response.state,
        "author_id": response.author_id,
        "approver_id": response.approver_id,
    }


def _delete_response(response: Response, *, actor, now: datetime, why: str) -> None:
    record_change(
        response,
        actor=actor,
        action="response.delete",
        before=response_snapshot(response),
        after={"why": why},
        at=now,
    )
    db.session.delete(response)
    db.session.flush()


def group_response(group: CommentGroup) -> Response | None:
    return db.session.scalar(select(Response).where(Response.group_id == group.id))


def comment_response(comment: Comment) -> Response | None:
    return db.session.scalar(select(Response).where(Response.comment_id == comment.id))


def members(group: CommentGroup) -> list[Comment]:
    return list(
        db.session.scalars(select(Comment).where(Comment.group_id == group.id).order_by(Comment.id))
    )


def _comments(revision: Revision, comment_ids) -> list[Comment]:
    """The comments, all of ``revision`` and submitted, in id order; refuses otherwise."""
    ids = sorted({int(i) for i in comment_ids})
    found = list(db.session.scalars(select(Comment).where(Comment.id.in_(ids)))) if ids else []
    if len(found) != len(ids) or any(c.revision_id != revision.id for c in found):
        raise Refused(_l("Some of these comments are not comments of this draft."))
    withdrawn = [c.receipt for c in found if c.status != CommentStatus.SUBMITTED]
    if withdrawn:
        raise Refused(
            _l(
                "Withdrawn comments cannot be grouped: %(receipts)s.",
                receipts="、".join(withdrawn),
            )
        )
    return sorted(found, key=lambda c: c.id)


def _refuse_if_published(group: CommentGroup) -> None:
    response = group_response(group)
    if response is not None and response.state == ResponseState.PUBLISHED:
        raise Refused(
            _l(
                "The response of group “%(title)s” is published: unpublish it before changing "
                "its members.",
                title=group_label(group),
            )
        )


def group_label(group: CommentGroup) -> str:
    return group.title or f"#{group.id}"


def _take_in(group: CommentGroup, comments: list[Comment], *, actor, now: datetime) -> dict:
    """Make ``comments`` members of ``group``; returns {comment id: previous group id} of those
    that moved. Old groups left with fewer than two members are dissolved."""
    moved: dict[int, int] = {}
    left_behind: dict[int, CommentGroup] = {}
    for comment in comments:
        if comment.group_id == group.id:
            continue
        if comment.group_id is not None:
            previous = db.session.get(CommentGroup, comment.group_id)
            _refuse_if_published(previous)
            moved[comment.id] = previous.id
            left_behind[previous.id] = previous
        own = comment_response(comment)
        if own is not None:
            if own.state == ResponseState.PUBLISHED:
                raise Refused(
                    _l(
                        "Comment %(receipt)s has a published response of its own: unpublish it "
                        "before grouping the comment.",
                        receipt=comment.receipt,
                    )
                )
            _delete_response(own, actor=actor, now=now, why="comment grouped")
    for comment in comments:
        comment.group_id = group.id
    db.session.flush()
    _refresh_clause(group)
    for previous in left_behind.values():
        if len(members(previous)) < 2:
            _dissolve(previous, actor=actor, now=now, why="fewer than two members")
        else:
            _refresh_clause(previous)
    return moved


def _refresh_clause(group: CommentGroup) -> None:
    """The group's clause: the one every member is on; None once they span clauses. Called
    whenever the members change, so it never goes stale."""
    clause_ids = {comment.clause_id for comment in members(group)}
    group.clause_id = clause_ids.pop() if len(clause_ids) == 1 else None


def _dissolve(group: CommentGroup, *, actor, now: datetime, why: str) -> None:
    _refuse_if_published(group)
    response = group_response(group)
    if response is not None:
        _delete_response(response, actor=actor, now=now, why="group dissolved")
    left = members(group)
    record_change(
        group,
        actor=actor,
        action="group.dissolve",
        before={"title": group.title, "comment_ids": [c.id for c in left]},
        after={"why": why},
        at=now,
    )
    for comment in left:
        comment.group_id = None
    db.session.flush()
    db.session.delete(group)
    db.session.flush()


def _clean_title(title: str) -> str:
    title = (title or "").strip()
    if len(title) > TITLE_MAX:
        raise Refused(_l("A group's title has at most %(n)d characters.", n=TITLE_MAX))
    return title


def group_comments(
    *,
    revision: Revision,
    comment_ids,
    actor,
    now: datetime,
    title: str = "",
    similarity: float | None = None,
) -> CommentGroup:
    """Group (归并) two or more submitted comments of ``revision`` into a new group.

    Comments already in another group move to the new one (recorded in the audit row)."""
    comments = _comments(revision, comment_ids)
    if len(comments) < 2:
        raise Refused(_l("A group needs at least two comments."))
    group = CommentGroup(
        revision_id=revision.id,
        title=_clean_title(title),
        similarity=similarity,
        created_by_id=getattr(actor, "id", None),
        created_at=now,
    )
    db.session.add(group)
    db.session.flush()
    moved = _take_in(group, comments, actor=actor, now=now)
    record_change(
        group,
        actor=actor,
        action="group.create",
        after={
            "title": group.title,
            "comment_ids": [c.id for c in comments],
            "similarity": similarity,
            "moved_from": moved,
        },
        at=now,
    )
    return group


def add_to_group(*, group: CommentGroup, comment_ids, actor, now: datetime) -> CommentGroup:
    """Add comments of the group's revision to ``group`` (moving them from another group)."""
    _refuse_if_published(group)
    before = [c.id for c in members(group)]
    comments = [c for c in _comments(group.revision, comment_ids) if c.group_id != group.id]
    if not comments:
        raise Refused(_l("Choose comments that are not yet in this group."))
    moved = _take_in(group, comments, actor=actor, now=now)
    record_change(
        group,
        actor=actor,
        action="group.add",
        before={"comment_ids": before},
        after={"comment_ids": [c.id for c in members(group)], "moved_from": moved},
        at=now,
    )
    return group


def remove_from_group(
    *, group: CommentGroup, comment_ids, actor, now: datetime
) -> CommentGroup | None:
    """Split: take comments out of ``group``. A group left with fewer than two members is
    dissolved (and None returned); its unpublished response is deleted with it."""
    _refuse_if_published(group)
    current = members(group)
    ids = {int(i) for i in comment_ids}
    leaving = [c for c in current if c.id in ids]
    if not leaving or len(leaving) != len(ids):
        raise Refused(_l("Choose members of this group to remove."))
    record_change(
        group,
        actor=actor,
        action="group.remove",
        before={"comment_ids": [c.id for c in current]},
        after={"comment_ids": [c.id for c in current if c.id not in ids]},
        at=now,
    )
    for comment in leaving:
        comment.group_id = None
    db.session.flush()
    if len(current) - len(leaving) < 2:
        _dissolve(group, actor=actor, now=now, why="fewer than two members")
        return None
    _refresh_clause(group)
    return group


def merge_groups(*, groups: list[CommentGroup], actor, now: datetime) -> CommentGroup:
    """Merge ``groups`` into the first one. One response survives: the published one if any
    (two published responses refuse the merge), else the first group's, else the first found;
    the others are deleted (audited)."""
    unique = list({g.id: g for g in groups}.values())
    if len(unique) < 2:
        raise Refused(_l("Choose two different groups to merge."))
    target = unique[0]
    if any(g.revision_id != target.revision_id for g in unique):
        raise Refused(_l("Only groups of the same draft can be merged."))
    responses = [r for r in (group_response(g) for g in unique) if r is not None]
    published = [r for r in responses if r.state == ResponseState.PUBLISHED]
    if len(published) > 1:
        raise Refused(
            _l("Two of these groups have published responses: unpublish one before merging.")
        )
    kept = published[0] if published else next(iter(responses), None)
    before = {g.id: [c.id for c in members(g)] for g in unique}
    for response in responses:
        if response is not kept:
            _delete_response(response, actor=actor, now=now, why="groups merged")
    for other in unique[1:]:
        for comment in members(other):
            comment.group_id = target.id
        db.session.flush()
        if kept is not None and kept.group_id == other.id:
            kept.group_id = target.id
            db.session.flush()
        db.session.delete(other)
        db.session.flush()
    _refresh_clause(target)
    record_change(
        target,
        actor=actor,
        action="group.merge",
        before={"groups": before},
        after={
            "comment_ids": [c.id for c in members(target)],
            "response_id": kept.id if kept is not None else None,
        },
        at=now,
    )
    return target


def rename_group(*, group: CommentGroup, title: str, actor, now: datetime) -> CommentGroup:
    before, title = {"title": group.title}, _clean_title(title)
    if title != group.title:
        group.title = title
        record_change(
            group, actor=actor, action="group.rename", before=before, after={"title": title}, at=now
        )
    db.session.flush()
    return group


def dissolve_group(*, group: CommentGroup, actor, now: datetime) -> None:
    """Ungroup every member and delete the group (and its unpublished response)."""
    _dissolve(group, actor=actor, now=now, why="dissolved by the team")


# Suggestions: computed by the similarity engine from the ungrouped comments, cached per
# process while those comments do not change (the key sees additions, edits and grouping).
_CACHE: OrderedDict = OrderedDict()
_CACHE_SIZE = 16


def _ungrouped(revision: Revision):
    return (
        Comment.revision_id == revision.id,
        Comment.status == CommentStatus.SUBMITTED,
        Comment.group_id.is_(None),
    )


def suggestions(
    revision: Revision, *, scope: str = "clause", tiers: tuple[str, ...] = ("copies", "same_point")
) -> list:
    """Clusters of ungrouped comments (``Suggestion``s of the similarity engine): copies, then
    comments making the same point, per clause (``scope="clause"``) or across the draft
    (``"draft"``); ``tiers`` picks either."""
    from app.measures.models import Clause
    from app.triage.similarity import Item, suggest_groups

    count, latest, id_sum = db.session.execute(
        select(func.count(Comment.id), func.max(Comment.updated_at), func.sum(Comment.id)).where(
            *_ungrouped(revision)
        )
    ).one()
    key = (revision.id, scope, tiers, count, latest, id_sum)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    rows = db.session.execute(
        select(Comment.id, Clause.key, Comment.body, Comment.proposed)
        .outerjoin(Clause, Clause.id == Comment.clause_id)
        .where(*_ungrouped(revision))
        .order_by(Comment.id)
    ).all()
    items = [
        Item(id=row.id, clause=row.key, text="\n".join(t for t in (row.body, row.proposed) if t))
        for row in rows
    ]
    found = suggest_groups(items, scope=scope, tiers=tiers)
    _CACHE[key] = found
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return found
