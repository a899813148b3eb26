"""The one writer of a comment row, for a participant's online comment and for one the team
enters on someone's behalf (seminar, letter, e-mail, a returned form).

Three Core statements — INSERT … RETURNING id, the receipt made from that id, the audit row —
rather than the unit of work: a comment POST is the busiest write, and flushing an object graph
cost it more than all its own checks (measured by bench/comment_load.py). The comment then
joins the session as if it had been loaded, so callers use it like any other.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam
from sqlalchemy.orm import make_transient_to_detached

from app.audit.writer import record_now
from app.comments.models import Comment
from app.comments.receipts import receipt_number
from app.core.extensions import db
from app.measures.models import Clause, Revision

_comments = Comment.__table__
_INSERT_COMMENT = _comments.insert().returning(_comments.c.id)
_SET_RECEIPT = (
    _comments.update()
    .where(_comments.c.id == bindparam("comment_id"))
    .values(receipt=bindparam("receipt"))
)


def write_comment(
    *,
    revision: Revision,
    clause: Clause | None,
    values: dict,
    actor,
    action: str,
    after: dict,
    now: datetime,
) -> Comment:
    """Insert a checked comment (``values``: its columns, checksum included), give it its
    receipt, and audit ``action`` (``comment.submit``, ``comment.enter``) with the receipt, the
    clause and ``after``, all in the caller's transaction (flushed, not committed).

    Returns the comment as a persistent object of the session. A form token already stored
    raises IntegrityError (the unique ``form_token``): the caller finds the earlier comment.
    """
    db.session.flush()  # what the caller added first (a new unit) is written before the comment
    comment_id = db.session.execute(_INSERT_COMMENT, values).scalar_one()
    receipt = receipt_number(revision, comment_id)
    db.session.execute(_SET_RECEIPT, {"comment_id": comment_id, "receipt": receipt})
    comment = Comment(id=comment_id, receipt=receipt, **values)
    make_transient_to_detached(comment)  # its attributes count as loaded, none as changed
    db.session.add(comment)
    # The audit row by one Core INSERT too: an ORM object would cost a flush at commit.
    record_now(
        actor=actor,
        action=action,
        target_type="comment",
        target_id=comment_id,
        after={"receipt": receipt, "clause": clause.key if clause is not None else None, **after},
        revision_id=revision.id,
        at=now,
    )
    return comment
