"""The revision cycle: the next text uploaded unpublished, replaced until it is right, published.

Revision N+1 of a measure is uploaded as an **unpublished** revision (staff only) and aligned
with revision N at once, so the team reviews the alignment before anyone else sees the text.
While unpublished it may be replaced (the alignment is recomputed, hand links kept). Publishing
sets its label and comment period (or none: a text only, such as the 送审稿) and closes the
previous revision's period if it is still open. Only one revision of a measure is unpublished
at a time: the next one is uploaded after this one is published.

Every function checks everything before it stores anything and raises Refused (the view rolls
back); every state change is one audit row. The caller commits.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import PurePath

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.audit.writer import changes, record
from app.core.extensions import db
from app.core.refusal import Refused
from app.legaltext import Document, ParseError, parse, read_docx
from app.legaltext.parsing import decode
from app.lineage.services import align_revision, previous_revision
from app.measures.management import period_bounds
from app.measures.models import Measure, Revision
from app.measures.services import check_translation_keys, import_revision, sha256_hex
from app.revisions.rules import can_change_revisions

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
MAX_DRAFT_BYTES = 10 * 1024 * 1024  # the criminal code is 220 KB as Markdown
PUBLISH_FIELDS = ["label", "opens_at", "closes_at", "short_period_reason", "published_at"]


def _require_team(actor) -> None:
    if not can_change_revisions(actor):
        raise PermissionError("only the project team (or an admin) changes revisions")


def read_draft(data: bytes, filename: str) -> Document:
    """Parse an uploaded draft: Markdown or text (UTF-8), or .docx (checked before it is
    opened, app/legaltext/docx.py). A malformed file is refused with its line and clause."""
    name = PurePath(filename or "").name or "draft"
    suffix = PurePath(name).suffix.lower()
    if not data:
        raise Refused(_l("%(file)s is empty.", file=name), "file")
    if len(data) > MAX_DRAFT_BYTES:
        size, limit = f"{len(data):,}", f"{MAX_DRAFT_BYTES:,}"
        raise Refused(
            _l(
                "%(file)s is too large (%(size)s bytes); a draft may have at most %(limit)s bytes.",
                file=name,
                size=size,
                limit=limit,
            ),
            "file",
        )
    try:
        if suffix == ".docx":
            return parse(read_docx(data))
        if suffix in TEXT_SUFFIXES:
            return parse(decode(data))
    except ParseError as error:
        # str(error) begins "line N: " and names the clause where the numbering goes wrong.
        raise Refused(_l("%(file)s: %(error)s", file=name, error=str(error)), "file") from None
    raise Refused(
        _l("%(file)s: unsupported file type; upload a .md, .txt or .docx draft.", file=name),
        "file",
    )


def unpublished_revision(measure: Measure) -> Revision | None:
    """The measure's revision not yet published, if any (there is at most one)."""
    return db.session.scalar(
        select(Revision).where(Revision.measure_id == measure.id, Revision.published_at.is_(None))
    )


def next_number(measure: Measure) -> int:
    latest = db.session.scalar(
        select(func.max(Revision.number)).where(Revision.measure_id == measure.id)
    )
    return (latest or 0) + 1


def _claim(document: Document, measure: Measure, number: int, field: str, name: str) -> None:
    """The file is revision ``number`` of ``measure``: its front matter says so, or says
    nothing (a .docx has no front matter) and is completed here."""
    meta = document.meta
    slug = (meta.get("measure") or "").strip()
    if slug and slug != measure.slug:
        raise Refused(
            _l(
                "%(file)s is a draft of the measure %(other)s, not of %(slug)s.",
                file=name,
                other=slug,
                slug=measure.slug,
            ),
            field,
        )
    raw = (meta.get("revision") or "").strip()
    if raw and raw != str(number):
        raise Refused(
            _l(
                "%(file)s says it is revision %(given)s; the revision expected here is "
                "revision %(number)s.",
                file=name,
                given=raw,
                number=number,
            ),
            field,
        )
    meta["measure"], meta["revision"] = measure.slug, str(number)


def _english(english: tuple[bytes, str], measure: Measure, number: int) -> Document:
    data, filename = english
    name = PurePath(filename or "").name or "draft"
    try:
        document = read_draft(data, filename)
    except Refused as refused:
        raise Refused(refused.message, "file_en") from None
    if document.language != "en":
        raise Refused(
            _l(
                "%(file)s is not an English text (its language is %(language)s).",
                file=name,
                language=document.language,
            ),
            "file_en",
        )
    _claim(document, measure, number, "file_en", name)
    return document


def upload_revision(
    *,
    measure: Measure,
    data: bytes,
    filename: str,
    english: tuple[bytes, str] | None = None,
    actor,
    tz,
) -> Revision:
    """Store ``data`` (and the English text ``english``, as (bytes, filename)) as revision
    N+1 of ``measure``, unpublished, aligned with revision N. Refused while another revision
    is unpublished, for a file that names another measure or another number, or a file that
    cannot be read (the message says the line and the clause)."""
    _require_team(actor)
    waiting = unpublished_revision(measure)
    if waiting is not None:
        raise Refused(
            _l(
                "Revision %(number)s is uploaded and not published yet: replace its text, or "
                "publish it before uploading the next one.",
                number=waiting.number,
            )
        )
    number = next_number(measure)
    name = PurePath(filename or "").name or "draft"
    document = read_draft(data, filename)
    if document.language == "en":
        raise Refused(
            _l(
                "%(file)s is the English text: upload the Chinese text as the draft, and the "
                "English one beside it.",
                file=name,
            ),
            "file",
        )
    _claim(document, measure, number, "file", name)
    translation = _english(english, measure, number) if english else None
    if translation is not None:
        # Before anything is stored: the English text must have the Chinese text's clauses.
        _refused_as(
            lambda: check_translation_keys(document.by_key(), translation.by_key()), "file_en"
        )

    outcome = _refused_as(
        lambda: import_revision(
            document=document, source_sha256=sha256_hex(data), tz=tz, published=False
        ),
        "file",
    )
    revision = outcome.revision
    if translation is not None:
        _refused_as(
            lambda: import_revision(
                document=translation, source_sha256=sha256_hex(english[0]), tz=tz
            ),
            "file_en",
        )
    links = align_revision(revision=revision)
    record(
        actor=actor,
        action="revision.upload",
        target_type="revision",
        target_id=revision.id,
        after={
            "number": revision.number,
            "filename": name,
            "source_sha256": revision.source_sha256,
            "filename_en": PurePath(english[1] or "").name if english else None,
            "clauses": len(document.clauses),
            "links": len(links),
        },
        revision_id=revision.id,
    )
    db.session.flush()
    return revision


def replace_revision(*, revision: Revision, data: bytes, filename: str, actor, tz) -> Revision:
    """Replace the text of unpublished ``revision`` by ``data``: the Chinese text (its clauses
    stored afresh, the alignment recomputed with hand links kept, the English text dropped
    with the old clauses) or, for a file in English, the English text alone."""
    _require_team(actor)
    if revision.is_published:
        raise Refused(
            _l(
                "Revision %(number)s is published: its text is not replaced; upload the new "
                "text as the next revision.",
                number=revision.number,
            )
        )
    name = PurePath(filename or "").name or "draft"
    document = read_draft(data, filename)
    _claim(document, revision.measure, revision.number, "file", name)
    english = document.language == "en"
    before = {
        "source_en_sha256" if english else "source_sha256": (
            revision.source_en_sha256 if english else revision.source_sha256
        )
    }
    outcome = _refused_as(
        lambda: import_revision(
            document=document,
            source_sha256=sha256_hex(data),
            tz=tz,
            published=False,
            replacing=revision,
        ),
        "file",
    )
    if outcome.unchanged:
        raise Refused(
            _l("%(file)s is the text already stored: nothing changed.", file=name), "file"
        )
    after = {"filename": name, "language": outcome.language, "clauses": len(document.clauses)}
    if english:
        after["source_en_sha256"] = revision.source_en_sha256
    else:
        after["source_sha256"] = revision.source_sha256
        after["links"] = len(align_revision(revision=revision))
    record(
        actor=actor,
        action="revision.replace",
        target_type="revision",
        target_id=revision.id,
        before=before,
        after=after,
        revision_id=revision.id,
    )
    db.session.flush()
    return revision


def publish_revision(
    *,
    revision: Revision,
    label: str,
    opens_on: date | None,
    closes_on: date | None,
    short_period_reason: str = "",
    no_period: bool = False,
    actor,
    now: datetime,
    tz,
) -> Revision:
    """Publish unpublished ``revision`` under ``label`` with the comment period from
    ``opens_on`` to ``closes_on`` (the 30-day floor unless a reason is given), or with none
    (``no_period``: a text only). The previous revision's period, if still open, closes at
    ``now``."""
    _require_team(actor)
    if revision.is_published:
        raise Refused(_l("Revision %(number)s is already published.", number=revision.number))
    label = (label or "").strip()
    if not label:
        raise Refused(_l("Give the revision's label (第二稿, 送审稿 …)."), "label")
    if no_period:
        opens_at = closes_at = None
        reason = ""
    else:
        if opens_on is None:
            raise Refused(_l("Give the day the comment period opens."), "opens_on")
        if closes_on is None:
            raise Refused(_l("Give the last day of the comment period."), "closes_on")
        opens_at, closes_at, reason = period_bounds(
            opens_on=opens_on, closes_on=closes_on, tz=tz, short_period_reason=short_period_reason
        )

    previous = previous_revision(revision)
    if previous is not None and previous.is_open(now):
        previous.closes_at = now
        before, after = changes(previous, ["closes_at"])
        record(
            actor=actor,
            action="revision.close",
            target_type="revision",
            target_id=previous.id,
            before=before,
            after={**after, "because": f"revision {revision.number} published"},
            revision_id=previous.id,
            at=now,
        )

    revision.label = label
    revision.opens_at, revision.closes_at = opens_at, closes_at
    revision.short_period_reason = reason
    revision.published_at = now
    before, after = changes(revision, PUBLISH_FIELDS)
    record(
        actor=actor,
        action="revision.publish",
        target_type="revision",
        target_id=revision.id,
        before=before,
        after={**after, "label": label},
        revision_id=revision.id,
        at=now,
    )
    db.session.flush()
    return revision


def _refused_as(action, field: str):
    """``action()``, with a refusal of the importer shown beside ``field``."""
    try:
        return action()
    except Refused as refused:
        raise Refused(refused.message, refused.field or field) from None
