"""The team's search box: a comment's words (the Whoosh index), its receipt number, its
author's name and its unit's name, in one list that says why each comment matched.

Names and receipts are read from the database, not indexed: a person or a unit renamed (or
two units merged) changes no comment's updated_at, which is what keeps the index current, so
an indexed name would go stale. The tables read here are small (users, units), or read by
their unique index (receipts), once per search; the queue's statements then filter by ids.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app import search
from app.accounts.models import Unit, User
from app.comments.models import Comment
from app.comments.rules import can_read_all_comments
from app.core.extensions import db

# CP-R1-000404, cp-r1-000404, 000404, CP-R1-0004: letters, digits and hyphens with a digit.
RECEIPT_LIKE = re.compile(r"[A-Za-z0-9-]{3,32}")


class Reason(enum.StrEnum):
    """Why a comment is in the results."""

    TEXT = "text"
    RECEIPT = "receipt"
    AUTHOR = "author"
    UNIT = "unit"


REASON_LABELS = {
    Reason.TEXT: _l("Comment text"),
    Reason.RECEIPT: _l("Receipt number"),
    Reason.AUTHOR: _l("Author's name"),
    Reason.UNIT: _l("Unit's name"),
}


@dataclass(frozen=True)
class TeamSearch:
    """What one query matched in a revision, by reason (comment ids; people's and units' ids)."""

    text: str
    receipts_searched: bool  # the query looks like a receipt and the viewer may see receipts
    by_text: frozenset[int]
    by_receipt: frozenset[int]
    by_author_name: frozenset[int]  # comments whose recorded author name matched
    author_ids: frozenset[int]
    unit_ids: frozenset[int]
    by_person: frozenset[int]  # comments of those people or units

    @property
    def ids_condition(self):
        """The SQL condition selecting every matched comment: one IN list, as the words' alone
        was (an OR of conditions over other columns makes each facet scan the comments)."""
        ids = self.by_text | self.by_receipt | self.by_author_name | self.by_person
        return Comment.id.in_(ids or [-1])

    @property
    def first(self):
        """An ORDER BY term listing receipt matches before the rest."""
        return Comment.id.not_in(self.by_receipt) if self.by_receipt else None

    def reasons(self, comment: Comment) -> list[Reason]:
        """Why ``comment`` matched, in the order the page names them."""
        found = []
        if comment.id in self.by_text:
            found.append(Reason.TEXT)
        if comment.id in self.by_receipt:
            found.append(Reason.RECEIPT)
        if comment.author_id in self.author_ids or comment.id in self.by_author_name:
            found.append(Reason.AUTHOR)
        if comment.unit_id in self.unit_ids:
            found.append(Reason.UNIT)
        return found


def looks_like_receipt(text: str) -> bool:
    return bool(RECEIPT_LIKE.fullmatch(text)) and any(char.isdigit() for char in text)


def search_comments(text: str, *, revision_id: int, viewer) -> TeamSearch:
    """Comments of the revision matching ``text`` by words, receipt (whole, or its start or
    end: "000404", "cp-r1-0004"), author's name or unit's name (any part: "认证认可协会").

    Names and receipts are matched only for ``viewer``s who read every comment (team,
    reviewers, officials, admins): anyone else matches words alone."""
    text = text.strip()
    by_text = frozenset(search.query(text, revision_id=revision_id))
    if not can_read_all_comments(viewer):
        nothing: frozenset[int] = frozenset()
        return TeamSearch(text, False, by_text, nothing, nothing, nothing, nothing, nothing)
    in_revision = Comment.revision_id == revision_id
    by_receipt: frozenset[int] = frozenset()
    receipts_searched = looks_like_receipt(text)
    if receipts_searched:
        wanted = text.upper()  # receipts are upper case (the measure's prefix is stored so)
        by_receipt = frozenset(
            db.session.scalars(
                select(Comment.id).where(
                    in_revision,
                    Comment.receipt.startswith(wanted, autoescape=True)
                    | Comment.receipt.endswith(wanted, autoescape=True),
                )
            )
        )
    author_ids = frozenset(
        db.session.scalars(select(User.id).where(User.name.icontains(text, autoescape=True)))
    )
    unit_ids = frozenset(
        db.session.scalars(select(Unit.id).where(Unit.name.icontains(text, autoescape=True)))
    )
    # A letter's or a seminar's author, recorded by name by the team (no account).
    by_author_name = frozenset(
        db.session.scalars(
            select(Comment.id).where(
                in_revision,
                Comment.author_id.is_(None),
                Comment.author_name.icontains(text, autoescape=True),
            )
        )
    )
    by_person = frozenset()
    if author_ids or unit_ids:
        by_person = frozenset(
            db.session.scalars(
                select(Comment.id).where(
                    in_revision,
                    Comment.author_id.in_(author_ids or [-1])
                    | Comment.unit_id.in_(unit_ids or [-1]),
                )
            )
        )
    return TeamSearch(
        text,
        receipts_searched,
        by_text,
        by_receipt,
        by_author_name,
        author_ids,
        unit_ids,
        by_person,
    )


def named_comment(found: TeamSearch, *, revision_id: int) -> Comment | None:
    """The comment the query names by its receipt, for the team to go straight to: the whole
    receipt (any case, in any published revision), or a start or end ("000404") that matched
    one comment of this revision and nothing else did."""
    if not found.receipts_searched:
        return None
    exact = db.session.scalar(select(Comment).where(Comment.receipt == found.text.upper()))
    if exact is not None and exact.revision.published_at is not None:
        return exact
    if len(found.by_receipt) != 1:
        return None
    matched = db.session.scalars(
        select(Comment).where(Comment.revision_id == revision_id, found.ids_condition).limit(2)
    ).all()
    return matched[0] if [c.id for c in matched] == list(found.by_receipt) else None
