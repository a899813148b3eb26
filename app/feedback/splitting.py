"""A unit's letter (意见函) split into comments, one per point, each on the clause it cites.

The letter is a comment's attachment ("见附件"): the team previews the points the splitter
finds (app/feedback/papers), corrects their clauses, merges, splits or skips them, and
commits. The commit is all or nothing: every point becomes a comment recorded on behalf of
the letter's sender (channel letter, received when the letter was), linked to the file itself
(split_source, whose comment is the one that carried the letter). The letter's
own comment stays as it was, as the record of what came in; it is known to be split by the
comments pointing at it, and a letter is split once.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.audit.writer import record
from app.comments.models import Attachment, Channel, Comment
from app.comments.services import CommentInput
from app.core.extensions import db
from app.core.refusal import Refused
from app.core.timeutil import to_local
from app.feedback.papers import PaperRefused, Segment, split_paper
from app.measures.citing import citation_index
from app.measures.models import Revision
from app.triage.entry import EntryInput, enter_comment

SPLIT_LINE = "---"  # a line of its own in a point's text: cut the point there
MAX_SEGMENTS = 500


def split_letter(revision: Revision, data: bytes, filename: str, *, max_bytes: int) -> list:
    """The points of a letter against this revision's clauses; Refused when unreadable."""
    try:
        segments = split_paper(
            data, filename, citation_index(revision), title=revision.measure.title,
            max_bytes=max_bytes,
        )  # fmt: skip
    except PaperRefused as refused:
        raise Refused(str(refused)) from None
    return segments[:MAX_SEGMENTS]


def split_into(attachment: Attachment) -> int:
    """How many comments were cut from this file (0: not split)."""
    return db.session.scalar(
        select(func.count(Comment.id)).where(Comment.split_source_id == attachment.id)
    )


@dataclass(frozen=True, slots=True)
class PostedSegment:
    """One point as the team left it on the preview page."""

    index: int
    text: str
    clause: str  # a clause key, or '' for the whole draft
    merge: bool = False  # into the point before
    skip: bool = False


def _chosen(posted: list[PostedSegment], found: int, keys: set[str]) -> list[tuple[str, str]]:
    """The comments the page asks for: (clause key, text), after merges, splits and skips."""
    indices = [p.index for p in posted]
    if sorted(indices) != list(range(found)):
        wrong = sorted(set(indices) - set(range(found)))
        raise Refused(
            _l(
                "Nothing was split: the page does not match the letter (it has %(count)d "
                "points; the page sent %(sent)s). Open the letter's preview again.",
                count=found,
                sent=", ".join(str(i + 1) for i in wrong) or len(indices),
            )
        )
    out: list[list[str]] = []
    for point in sorted(posted, key=lambda p: p.index):
        if point.clause and point.clause not in keys:
            raise Refused(
                _l(
                    "Nothing was split: point %(number)d names the clause “%(clause)s”, "
                    "which this revision does not have.",
                    number=point.index + 1,
                    clause=point.clause[:50],
                )
            )
        if point.skip:
            continue
        parts = [p.strip() for p in re.split(rf"(?m)^\s*{re.escape(SPLIT_LINE)}\s*$", point.text)]
        parts = [p for p in parts if p]
        if not parts:
            continue
        if point.merge and out:
            out[-1][1] += "\n" + parts[0]
            parts = parts[1:]
        out.extend([point.clause, part] for part in parts)
    if not out:
        raise Refused(_l("Every point is skipped: there is nothing to split."))
    return [(clause, text) for clause, text in out]


def commit_split(
    *,
    attachment: Attachment,
    posted: list[PostedSegment],
    actor,
    tz,
    now: datetime,
    max_bytes: int,
) -> list[Comment]:
    """Store the letter's points as comments, all or nothing (audited ``comment.split``)."""
    letter = attachment.comment
    revision = letter.revision
    if split_into(attachment):
        raise Refused(_l("This letter has already been split: a letter is split once."))
    segments = split_letter(revision, attachment.data, attachment.filename, max_bytes=max_bytes)
    keys = {clause.key for clause in citation_index(revision).clauses}
    chosen = _chosen(posted, len(segments), keys)
    received = letter.received_at or letter.created_at
    comments = []
    for number, (clause, text) in enumerate(chosen, start=1):
        comment, _new = enter_comment(
            revision=revision,
            actor=actor,
            data=EntryInput(
                author_name=letter.author_label or (letter.unit.name if letter.unit else ""),
                channel=Channel.LETTER.value,
                received_on=to_local(received, tz).date(),
                text=CommentInput(body=text),
                clause=clause,
                unit_id=letter.unit_id,
                form_token=f"split-{attachment.id}-{number}",
            ),
            tz=tz,
            now=now,
        )
        comment.split_source_id = attachment.id
        comments.append(comment)
    db.session.flush()
    record(
        actor=actor,
        action="comment.split",
        target_type="comment",
        target_id=letter.id,
        after={
            "attachment": attachment.filename,
            "sha256": attachment.sha256,
            "comments": [c.receipt for c in comments],
            "skipped": sorted(p.index + 1 for p in posted if p.skip),
            "merged": sorted(p.index + 1 for p in posted if p.merge),
        },
        revision_id=revision.id,
        at=now,
    )
    return comments


def preview_segments(segments: list[Segment]) -> list[dict]:
    return [s.as_json() | {"where": s.where, "citation": s.citation} for s in segments]


@dataclass(frozen=True, slots=True)
class LetterInput:
    """A letter the team records for its sender, to split it."""

    filename: str
    data: bytes
    author_name: str
    received_on: object  # a date
    unit_id: int | None = None
    new_unit: object = None  # a triage.entry.NewUnit


def record_letter(*, revision: Revision, letter: LetterInput, actor, tz, now: datetime) -> Comment:
    """The letter as it came in: a comment "见附件" on the whole draft, on behalf of its sender
    (channel letter), carrying the file. Audited ``comment.enter`` (the comment) and
    ``letter.record`` (the file); the split is a second step, from its preview."""
    from app.comments.attachments import safe_filename, sniff_attachment

    filename = safe_filename(letter.filename)
    mime = sniff_attachment(filename, letter.data)
    if not splittable_name(filename):
        raise Refused(_l("A letter to split is a DOCX or PDF file."))
    segments = split_letter(revision, letter.data, filename, max_bytes=len(letter.data) + 1)
    if not segments:
        raise Refused(_l("No point was found in %(name)s.", name=filename))
    comment, _new = enter_comment(
        revision=revision,
        actor=actor,
        data=EntryInput(
            author_name=letter.author_name,
            channel=Channel.LETTER.value,
            received_on=letter.received_on,
            text=CommentInput(body=f"见附件：{filename}"),
            unit_id=letter.unit_id,
            new_unit=letter.new_unit,
        ),
        tz=tz,
        now=now,
    )
    attachment = Attachment(
        comment=comment,
        filename=filename,
        mime=mime,
        size=len(letter.data),
        sha256=hashlib.sha256(letter.data).hexdigest(),
        data=letter.data,
        created_at=now,
    )
    db.session.add(attachment)
    db.session.flush()
    record(
        actor=actor,
        action="letter.record",
        target_type="comment",
        target_id=comment.id,
        after={"attachment": filename, "sha256": attachment.sha256, "size": attachment.size},
        revision_id=revision.id,
        at=now,
    )
    return comment


def splittable_name(filename: str) -> bool:
    return filename.lower().endswith((".docx", ".pdf", ".txt"))
