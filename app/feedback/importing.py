"""Returned feedback forms into comments: upload, preview every row, commit all at once.

The uploaded file is kept (FormImport) so the preview and the commit read the same bytes; its
SHA-256 is unique per revision, so the same file cannot be imported twice. The commit is all
or nothing: every row not skipped must name a clause of the revision (or the whole draft) and
say something, or nothing is stored and the refusal lists each row at fault.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.accounts.models import Unit
from app.audit.writer import record
from app.comments.models import Channel, Comment
from app.comments.services import CommentInput
from app.core.extensions import db
from app.core.refusal import Refused
from app.feedback.citation_messages import citation_message
from app.feedback.files.form_reading import ReturnedForm, content_sha256, read_form
from app.feedback.files.model import FormRow
from app.feedback.files.safety import FormRefused
from app.feedback.models import FormImport, FormImportState
from app.legaltext.citation_reading import Resolution
from app.measures.citing import citation_index
from app.measures.models import Revision
from app.triage.entry import EntryInput, NewUnit, enter_comment, sending_unit

IMPORTABLE = ("matched", "general")


@dataclass(frozen=True, slots=True)
class PreviewRow:
    row: FormRow
    resolution: Resolution
    citation: str  # the resolved clause's citation ('' unless matched)
    problem: str  # why the row cannot be imported as it stands ('' when it can)
    note: str = ""  # how the clause reads, in the interface language (ambiguous, unknown)

    @property
    def status(self) -> str:
        return "empty" if not self.row.body.strip() else self.resolution.status

    @property
    def importable(self) -> bool:
        return not self.problem


@dataclass(frozen=True, slots=True)
class Preview:
    form: ReturnedForm
    rows: list[PreviewRow]

    @property
    def counts(self) -> Counter:
        return Counter(row.status for row in self.rows)


class ClauseReader:
    """The revision's clauses, indexed once, read from citations as people write them."""

    def __init__(self, revision: Revision) -> None:
        self.index = citation_index(revision)
        self.citations = {clause.key: clause.citation for clause in self.index.clauses}

    def read(self, text: str) -> Resolution:
        return self.index.read(text or "")


def preview_rows(reader: ClauseReader, rows: list[FormRow], overrides: dict[int, str]) -> list:
    """Each row with how its clause reads (the team's correction, where given, instead)."""
    previews = []
    for row in rows:
        text = overrides.get(row.line, row.citation)
        resolution = reader.read(text)
        note = citation_message(resolution.problem)
        problem = ""
        if not row.body.strip():
            problem = str(_l("The row has no comment."))
        elif resolution.status not in IMPORTABLE:
            problem = note or str(_l("The clause could not be read."))
        citation = reader.citations.get(resolution.key, "") if resolution.key else ""
        previews.append(PreviewRow(row, resolution, citation, problem, note))
    return previews


def preview_returned(revision: Revision, form: ReturnedForm, overrides: dict[int, str]) -> list:
    """The rows of a kept form as the preview page shows them."""
    return preview_rows(ClauseReader(revision), form.rows, overrides)


def read_returned_form(data: bytes, filename: str, *, max_bytes: int) -> ReturnedForm:
    try:
        return read_form(data, filename, max_bytes=max_bytes)
    except FormRefused as refused:
        raise Refused(str(refused)) from None


def preview_file(revision: Revision, data: bytes, filename: str, *, max_bytes: int) -> Preview:
    """What importing this file would do, changing nothing (the preview page and the CLI)."""
    form = read_returned_form(data, filename, max_bytes=max_bytes)
    return Preview(form, preview_rows(ClauseReader(revision), form.rows, {}))


def _already_imported(revision: Revision, sha256: str) -> FormImport | None:
    return db.session.scalar(
        select(FormImport).where(FormImport.revision_id == revision.id, FormImport.sha256 == sha256)
    )


def upload_form(
    *, revision: Revision, filename: str, data: bytes, actor, now: datetime, max_bytes: int
) -> FormImport:
    """Keep an uploaded form for its preview. The same file again: its earlier preview, or a
    refusal once it has been imported. A file that cannot be read is refused, and not kept."""
    sha256 = content_sha256(data)
    earlier = _already_imported(revision, sha256)
    if earlier is not None and earlier.state == FormImportState.COMMITTED:
        raise Refused(
            _l(
                "This file was already imported on %(date)s (%(count)d comments): the same "
                "file is never imported twice.",
                date=earlier.committed_at.date().isoformat(),
                count=earlier.created,
            )
        )
    read_returned_form(data, filename, max_bytes=max_bytes)  # refuse before keeping it
    if earlier is not None:
        return earlier
    form_import = FormImport(
        revision_id=revision.id,
        sha256=sha256,
        filename=(filename or "form")[:200],
        size=len(data),
        data=data,
        uploaded_by_id=actor.id,
        uploaded_at=now,
    )
    db.session.add(form_import)
    db.session.flush()
    record(
        actor=actor,
        action="form.upload",
        target_type="form_import",
        target_id=form_import.id,
        after={"filename": form_import.filename, "sha256": sha256, "size": len(data)},
        revision_id=revision.id,
        at=now,
    )
    return form_import


def discard_upload(*, form_import: FormImport, actor, now: datetime) -> None:
    if form_import.state != FormImportState.PREVIEW:
        raise Refused(_l("An imported form is kept: it cannot be discarded."))
    record(
        actor=actor,
        action="form.discard",
        target_type="form_import",
        target_id=form_import.id,
        before={"filename": form_import.filename, "sha256": form_import.sha256},
        revision_id=form_import.revision_id,
        at=now,
    )
    db.session.delete(form_import)
    db.session.flush()


@dataclass(frozen=True, slots=True)
class CommitChoices:
    """What the team decided on the preview page."""

    author_name: str  # the name typed ('' to record the unit's, or the form's contact's)
    received_on: date
    unit_id: int | None = None
    new_unit: NewUnit | None = None
    overrides: dict[int, str] | None = None  # line → the clause as corrected
    skipped: frozenset[int] = frozenset()  # lines left out


def sender_name(choices: CommitChoices, form: ReturnedForm) -> str:
    """Who the comments are recorded for: the name typed, else the unit (typed, picked or on
    the form); empty when nothing names anyone, which the import refuses with its reason."""
    picked = db.session.get(Unit, choices.unit_id) if choices.unit_id else None
    for name in (
        choices.author_name,
        choices.new_unit.name if choices.new_unit else "",
        picked.name if picked else "",
        form.contact,
        form.unit,
    ):
        if name and name.strip():
            return name.strip()
    return ""


def commit_import(
    *, form_import: FormImport, choices: CommitChoices, actor, tz, now: datetime, max_bytes: int
) -> list[Comment]:
    """Store every row not skipped as a comment (channel "form import"), all or nothing."""
    if form_import.state != FormImportState.PREVIEW:
        raise Refused(_l("This form has already been imported."))
    revision = form_import.revision
    form = read_returned_form(form_import.data, form_import.filename, max_bytes=max_bytes)
    previews = preview_rows(ClauseReader(revision), form.rows, choices.overrides or {})
    chosen = [p for p in previews if p.row.line not in choices.skipped]
    faults = [p for p in chosen if not p.importable]
    if faults:
        raise Refused(
            _l(
                "Nothing was imported. Correct or skip these rows: %(rows)s",
                rows="; ".join(f"{p.row.where or p.row.line}: {p.problem}" for p in faults),
            )
        )
    if not chosen:
        raise Refused(_l("Every row is skipped: there is nothing to import."))
    author_name = sender_name(choices, form)
    unit = sending_unit(
        choices.unit_id, choices.new_unit, actor=actor, revision=revision, now=now
    )  # once for the whole form: every row comes from the same sender
    comments = []
    for preview in chosen:
        row = preview.row
        comment, _new = enter_comment(
            revision=revision,
            actor=actor,
            data=EntryInput(
                author_name=author_name,
                channel=Channel.FORM.value,
                received_on=choices.received_on,
                text=CommentInput(
                    body=row.body,
                    type=row.comment_type or "ge",
                    proposed=row.proposed,
                    reason=row.reason,
                ),
                clause=preview.resolution.key or "",
                unit_id=unit.id if unit is not None else None,
                form_token=f"form-{form_import.id}-{row.line}",
            ),
            tz=tz,
            now=now,
            channels=(Channel.FORM,),
        )
        comments.append(comment)
    form_import.state = FormImportState.COMMITTED
    form_import.unit_id = unit.id if unit is not None else None
    form_import.committed_by_id = actor.id
    form_import.committed_at = now
    form_import.created = len(comments)
    form_import.skipped = len(previews) - len(chosen)
    db.session.flush()
    record(
        actor=actor,
        action="form.import",
        target_type="form_import",
        target_id=form_import.id,
        after={
            "filename": form_import.filename,
            "sha256": form_import.sha256,
            "comments": [c.receipt for c in comments],
            "skipped": sorted(choices.skipped),
        },
        revision_id=revision.id,
        at=now,
    )
    return comments
