"""Comment operations: submit, edit, withdraw, "no comments"; counts and public listings.

Each takes an explicit actor and ``now``, checks what it must, flushes, and leaves the commit
to the caller: a receipt exists only once the caller's commit succeeded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, func, select

from app.accounts.models import Role, Unit, UnitCategory
from app.accounts.permissions import can_speak_for_unit
from app.audit.writer import record
from app.comments.attachments import MAX_FILES, PDF, Upload, sniff_attachment
from app.comments.cosignatures import reopen_cosignatures
from app.comments.models import (
    Attachment,
    Comment,
    CommentStatus,
    CommentType,
    CommentVersion,
    Consent,
    RevisionUnit,
    Stance,
    comment_cosigners,
)
from app.comments.quotes import locate_quote, quote_context
from app.comments.receipts import content_sha256, content_sha256_of
from app.comments.rules import can_comment, can_edit_comment
from app.comments.text import clean_text
from app.comments.tokens import check_form_token, issue_form_token  # noqa: F401 (re-exported)
from app.comments.writer import write_comment
from app.core.extensions import db
from app.core.refusal import Refused
from app.measures.models import Clause, CommentVisibility, Revision

__all__ = [
    "CommentInput",
    "Refused",
    "Upload",
    "check_form_token",
    "edit_comment",
    "issue_form_token",
    "locate_quote",
    "record_no_comments",
    "sniff_attachment",
    "submit_comment",
    "withdraw_comment",
]


@dataclass(slots=True)
class CommentInput:
    """What a participant wrote, as plain values (the form's data, or an import's row)."""

    body: str
    type: str = CommentType.GENERAL.value
    stance: str = ""
    proposed: str = ""
    reason: str = ""
    quote_exact: str = ""
    quote_prefix: str = ""
    quote_suffix: str = ""
    consent: str = Consent.PRIVATE.value
    official_position: bool = False
    cosigner_ids: list[int] = field(default_factory=list)
    form_token: str = ""  # the nonce of a checked form token

    @classmethod
    def from_form(cls, form, form_token: str = "") -> CommentInput:
        """What a comment form says: the online form, its edit form, or the team's entry and
        correction forms (a field a form does not have keeps its default here)."""
        given = {}
        for name in ("body", "type", "stance", "proposed", "reason", "consent", *_QUOTE):
            field = getattr(form, name, None)
            if field is not None:
                given[name] = field.data or ""
        official = getattr(form, "official_position", None)
        cosigners = getattr(form, "cosigners", None)
        return cls(
            **given,
            official_position=bool(official and official.data),
            cosigner_ids=list(cosigners and cosigners.data or []),
            form_token=form_token,
        )


_QUOTE = ("quote_exact", "quote_prefix", "quote_suffix")


def submit_comment(
    *,
    revision: Revision,
    clause: Clause | None,
    author,
    data: CommentInput,
    attachments: list[Upload],
    now: datetime,
) -> Comment:
    """Store a participant's comment with its receipt and checksum (flushed, not committed).

    Refuses, with a message for the participant, outside the comment period, for anyone but a
    participant, for a clause of another revision, for empty or over-long texts, a quote not in
    the clause, unit-only options without a unit, and unacceptable files. A later comment of
    a unit that had declared "no comments" clears that declaration.

    The same content from the same author on the same clause within COMMENT_DUPLICATE_WINDOW
    is not stored again: the earlier comment is returned instead, recognisable by its own
    form token (``comment.form_token != data.form_token``).

    Audited ``comment.submit`` (a stored comment only: a refusal or a resubmission records
    nothing), in the same transaction as the comment.
    """
    if not can_comment(author, revision, now):
        if getattr(author, "role", None) != Role.PARTICIPANT:
            raise Refused(_l("Only participants can comment online."))
        raise period_refusal(revision, now)
    if clause is not None and clause.revision_id != revision.id:
        raise Refused(_l("This clause is not part of this revision."))
    if not data.form_token:
        raise Refused(_l("This form has no token; please reload the page."))
    texts = checked_texts(data)
    unit = author.unit
    speaks_for_unit = can_speak_for_unit(author, unit)
    if (data.official_position or data.cosigner_ids) and not speaks_for_unit:
        raise Refused(
            _l(
                "Only a confirmed representative of a unit, with a verified e-mail address, can "
                "give its official position or add co-signing units."
            )
        )
    cosigners = _cosigners(data.cosigner_ids, unit)
    files = _files(attachments, official=data.official_position)

    values = {
        "revision_id": revision.id,
        "clause_id": clause.id if clause is not None else None,
        "author_id": author.id,
        "unit_id": unit.id if unit is not None else None,
        "unit_category": unit.category if unit is not None else UnitCategory.IP,
        "official_position": bool(data.official_position),
        "form_token": data.form_token,
        "created_at": now,
        "updated_at": now,
        **texts,
        **_quote(clause, data),
        **checked_choices(data, revision.measure),
    }
    values["content_sha256"] = content_sha256_of(revision, clause, author.id, values)
    earlier = _recent_duplicate(values, now)
    if earlier is not None:
        return earlier
    cleared = False
    if unit is not None:  # a comment from the unit replaces its "no comments" declaration
        cleared = bool(
            db.session.execute(
                _CLEAR_NO_COMMENTS, {"b_revision_id": revision.id, "b_unit_id": unit.id}
            ).rowcount
        )
    after = {
        "type": values["type"],
        "stance": values["stance"],
        "consent": values["consent"],
        "unit": unit.name if unit is not None else None,
        "official_position": values["official_position"],
        "content_sha256": values["content_sha256"],
    }
    if cosigners:
        after["cosigners"] = [cosigner.name for cosigner in cosigners]
    if files:
        after["attachments"] = [upload.filename for upload, _mime in files]
    if cleared:
        after["no_comments_cleared"] = True
    comment = write_comment(
        revision=revision,
        clause=clause,
        values=values,
        actor=author,
        action="comment.submit",
        after=after,
        now=now,
    )
    if cosigners:
        db.session.execute(
            comment_cosigners.insert(),
            [{"comment_id": comment.id, "unit_id": cosigner.id} for cosigner in cosigners],
        )
    for upload, mime in files:
        db.session.add(
            Attachment(
                comment_id=comment.id,
                filename=upload.filename,
                mime=mime,
                size=len(upload.data),
                sha256=hashlib.sha256(upload.data).hexdigest(),
                stamped=upload.stamped,
                data=upload.data,
                created_at=now,
            )
        )
    if files:
        db.session.flush()
    return comment


def _recent_duplicate(values: dict, now: datetime) -> Comment | None:
    """A submitted comment with the same checksum by the same author on the same clause (or
    the whole draft) of the same revision, stored within the duplicate window.

    The form token cannot catch this: every GET of the form issues a new one, so going back
    and submitting again is a new token with the same text. One query on
    ix_comments_author_content (author_id, content_sha256).

    What it guarantees: resubmissions one after the other (the back button, a second try
    after a slow answer) store one comment. Two truly simultaneous POSTs of the same text
    with two different tokens, served by two workers, can both find nothing and both insert;
    no constraint prevents it (a unique index would refuse the same text written twice on
    purpose after the window). That is rarer than a double click, which the token catches.
    """
    window = timedelta(seconds=current_app.config["COMMENT_DUPLICATE_WINDOW"])
    clause_id = values["clause_id"]
    return db.session.scalar(
        select(Comment)
        .where(
            Comment.author_id == values["author_id"],
            Comment.content_sha256 == values["content_sha256"],
            Comment.revision_id == values["revision_id"],
            Comment.clause_id.is_(None) if clause_id is None else Comment.clause_id == clause_id,
            Comment.status == CommentStatus.SUBMITTED,
            Comment.created_at >= now - window,
        )
        .order_by(Comment.created_at.desc(), Comment.id.desc())
        .limit(1)
    )


_replies = RevisionUnit.__table__
_CLEAR_NO_COMMENTS = (
    _replies.update()
    .where(
        _replies.c.revision_id == bindparam("b_revision_id"),
        _replies.c.unit_id == bindparam("b_unit_id"),
        _replies.c.no_comments_at.is_not(None),
    )
    .values(no_comments_at=None, no_comments_by_id=None)
)


def find_comment_by_token(nonce: str) -> Comment | None:
    """The comment a form token already stored, if any (a resent or double-clicked form)."""
    return db.session.scalar(select(Comment).filter_by(form_token=nonce))


def edit_comment(*, comment: Comment, editor, data: CommentInput, now: datetime) -> bool:
    """Change a comment's text, keeping the text it replaces as a CommentVersion.

    Returns False (and records nothing) when nothing changed. The receipt stays; the
    checksum is recomputed. Audited ``comment.edit``: the receipt, and the before and after
    of each field that changed.
    """
    if not can_edit_comment(editor, comment, now):
        raise edit_refusal(comment, now)
    texts = checked_texts(data)
    new = {
        **texts,
        **_quote(comment.clause, data),
        **checked_choices(data, comment.revision.measure),
    }
    changed = [name for name, value in new.items() if getattr(comment, name) != value]
    if not changed:
        return False
    reworded = any(getattr(comment, name) != new[name] for name in (*texts, "quote_exact"))
    # The quote's context and offsets follow its text; the audit names the text.
    shown = [name for name in changed if name in AUDITED_FIELDS] or changed
    before = {"receipt": comment.receipt, **{name: getattr(comment, name) for name in shown}}
    keep_version(comment, editor=editor, now=now)
    for name, value in new.items():
        setattr(comment, name, value)
    comment.updated_at = now
    comment.content_sha256 = content_sha256(comment)
    record(
        actor=editor,
        action="comment.edit",
        target_type="comment",
        target_id=comment.id,
        before=before,
        after={"receipt": comment.receipt, **{name: new[name] for name in shown}},
        revision_id=comment.revision_id,
        at=now,
    )
    db.session.flush()
    if reworded:  # the co-signers confirmed the earlier text, not this one
        reopen_cosignatures(comment=comment, actor=editor, now=now)
    return True


# What an edit's audit row shows: the texts, the choices and the quoted span.
AUDITED_FIELDS = ("type", "stance", "body", "proposed", "reason", "quote_exact", "consent")


def keep_version(comment: Comment, *, editor, now: datetime) -> None:
    """Keep the comment's current text as a CommentVersion, before an edit replaces it (by
    its author online, or by the team for a comment it entered)."""
    comment.versions.append(
        CommentVersion(
            number=len(comment.versions) + 1,
            type=comment.type,
            stance=comment.stance,
            body=comment.body,
            proposed=comment.proposed,
            reason=comment.reason,
            quote_exact=comment.quote_exact,
            consent=comment.consent,
            content_sha256=comment.content_sha256,
            saved_at=now,
            editor_id=editor.id,
        )
    )


def withdraw_comment(*, comment: Comment, actor, now: datetime) -> None:
    """Withdraw a comment: it is kept, marked withdrawn, and no longer counted or published
    (audited ``comment.withdraw``)."""
    if not can_edit_comment(actor, comment, now):
        raise edit_refusal(comment, now)
    record(
        actor=actor,
        action="comment.withdraw",
        target_type="comment",
        target_id=comment.id,
        before={"receipt": comment.receipt, "status": comment.status},
        after={"receipt": comment.receipt, "status": CommentStatus.WITHDRAWN},
        revision_id=comment.revision_id,
        at=now,
    )
    comment.status = CommentStatus.WITHDRAWN
    comment.updated_at = now
    db.session.flush()


def record_no_comments(*, revision: Revision, unit: Unit | None, actor, now: datetime):
    """Record that ``unit`` has no comments on ``revision`` (无意见), a reply the summary counts
    (audited ``unit.no_comments``).

    Refused for anyone who does not speak for the unit, outside the period, and when the unit
    has already submitted comments on the revision.
    """
    if not can_speak_for_unit(actor, unit):
        raise Refused(
            _l(
                "Only a confirmed representative of a unit, with a verified e-mail address, can "
                "declare that it has no comments."
            )
        )
    if not revision.is_open(now):
        raise period_refusal(revision, now)
    submitted = db.session.scalar(
        select(func.count(Comment.id)).where(
            Comment.revision_id == revision.id,
            Comment.unit_id == unit.id,
            Comment.status == CommentStatus.SUBMITTED,
        )
    )
    if submitted:
        raise Refused(
            _l(
                "Your unit has already submitted comments on this revision, so it cannot "
                "declare that it has no comments."
            )
        )
    reply = db.session.scalar(
        select(RevisionUnit).filter_by(revision_id=revision.id, unit_id=unit.id)
    )
    if reply is None:
        reply = RevisionUnit(revision_id=revision.id, unit_id=unit.id)
        db.session.add(reply)
    before = {"unit": unit.name, "no_comments_at": reply.no_comments_at}
    reply.no_comments_at = now
    reply.no_comments_by_id = actor.id
    record(
        actor=actor,
        action="unit.no_comments",
        target_type="unit",
        target_id=unit.id,
        before=before,
        after={"unit": unit.name, "no_comments_at": now},
        revision_id=revision.id,
        at=now,
    )
    db.session.flush()
    return reply


def no_comments_reply(revision: Revision, unit: Unit | None) -> RevisionUnit | None:
    """The unit's standing "no comments" declaration on the revision, if it made one."""
    if unit is None:
        return None
    return db.session.scalar(
        select(RevisionUnit).where(
            RevisionUnit.revision_id == revision.id,
            RevisionUnit.unit_id == unit.id,
            RevisionUnit.no_comments_at.is_not(None),
        )
    )


def checked_texts(data: CommentInput) -> dict[str, str]:
    """The comment's texts, cleaned and within the limits (shared by online and team entry)."""
    limit = current_app.config["COMMENT_MAX_CHARS"]
    names = {"body": _l("Comment"), "proposed": _l("Proposed change"), "reason": _l("Reason")}
    texts = {}
    for name, label in names.items():
        value = clean_text(getattr(data, name))
        if len(value) > limit:
            raise Refused(
                _l(
                    "%(field)s is too long: %(count)d characters, at most %(max)d are accepted.",
                    field=label,
                    count=len(value),
                    max=limit,
                )
            )
        texts[name] = value
    if not texts["body"]:
        raise Refused(_l("Please write your comment."))
    return texts


def checked_choices(data: CommentInput, measure=None) -> dict:
    """Type, stance and consent as enums; an unknown value is refused.

    A ``measure`` whose comments are never published offers no consent choice (the form
    hides it), so whatever was sent is stored as the not-published default: a consent to a
    publication that cannot happen would mislead the team and the exports.
    """
    never = measure is not None and measure.comments_public == CommentVisibility.NEVER
    try:
        return {
            "type": CommentType(data.type),
            "stance": Stance(data.stance) if data.stance else None,
            "consent": Consent.PRIVATE if never else Consent(data.consent),
        }
    except ValueError:
        raise Refused(
            _l("Please choose the type of comment and how it may be published.")
        ) from None


def _quote(clause: Clause | None, data: CommentInput) -> dict:
    exact = clean_text(data.quote_exact)
    if not exact:
        return {
            "quote_exact": "",
            "quote_prefix": "",
            "quote_suffix": "",
            "quote_start": None,
            "quote_end": None,
        }
    if clause is None or not clause.text:
        raise Refused(_l("A quote can only be taken from the text of a clause."))
    start, end = locate_quote(clause.text, exact, data.quote_prefix, data.quote_suffix)
    exact, prefix, suffix = quote_context(clause.text, start, end)
    return {
        "quote_exact": exact,
        "quote_prefix": prefix,
        "quote_suffix": suffix,
        "quote_start": start,
        "quote_end": end,
    }


def _cosigners(ids: list[int], own: Unit | None) -> list[Unit]:
    wanted = {i for i in ids if own is None or i != own.id}
    if not wanted:
        return []
    units = list(db.session.scalars(select(Unit).where(Unit.id.in_(wanted)).order_by(Unit.id)))
    if len(units) != len(wanted):
        raise Refused(_l("One of the co-signing units does not exist."))
    return units


def _files(attachments: list[Upload], *, official: bool) -> list[tuple[Upload, str]]:
    limit = current_app.config["ATTACHMENT_MAX_BYTES"]
    plain = [upload for upload in attachments if not upload.stamped]
    stamped = [upload for upload in attachments if upload.stamped]
    if len(plain) > MAX_FILES:
        raise Refused(_l("At most %(max)d files can be attached.", max=MAX_FILES))
    if len(stamped) > 1:
        raise Refused(_l("Only one stamped PDF can be attached."))
    if stamped and not official:
        raise Refused(_l("A stamped PDF goes with the unit's official position; please tick it."))
    checked = []
    for upload in attachments:
        if len(upload.data) > limit:
            raise Refused(
                _l(
                    "The file %(name)s is larger than the limit of %(size)s.",
                    name=upload.filename,
                    size=_size(limit),
                )
            )
        mime = sniff_attachment(upload.filename, upload.data)
        if upload.stamped and mime != PDF:
            raise Refused(_l("The stamped copy must be a PDF file."))
        checked.append((upload, mime))
    return checked


def _size(count: int) -> str:
    if count >= 1024 * 1024 and count % (1024 * 1024) == 0:
        return f"{count // (1024 * 1024)} MB"
    return f"{count // 1024} KB"


def period_refusal(revision: Revision, now: datetime) -> Refused:
    if revision.has_closed(now):
        return Refused(_l("The comment period has closed; comments are no longer accepted online."))
    if revision.opens_at is None:
        return Refused(_l("No comment period has been set for this revision."))
    return Refused(_l("The comment period has not opened yet."))


def edit_refusal(comment: Comment, now: datetime) -> Refused:
    if comment.status == CommentStatus.WITHDRAWN:
        return Refused(_l("This comment has been withdrawn."))
    if not comment.revision.is_open(now):
        return Refused(_l("The comment period has closed; this comment can no longer be changed."))
    return Refused(_l("Only the author can change this comment."))
