"""Storing a parsed draft as a revision: all of it in one transaction, or nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, select

from app.core.extensions import db
from app.core.refusal import Refused
from app.core.timeutil import local_day_end, local_day_start, utcnow
from app.legaltext import Document
from app.measures.models import Clause, CommentVisibility, Measure, Revision

MIN_PERIOD_DAYS = 30  # 规章制定程序条例 Art. 15; 重大行政决策程序暂行条例 Art. 15
MEASURE_FIELDS = (
    "title",
    "title_en",
    "drafting_unit",
    "drafting_unit_en",
    "person_in_charge",
    "phone",
)


class ImportRefused(Refused):
    """The draft cannot be stored as it is; the message says what and where."""


@dataclass
class ImportOutcome:
    revision: Revision
    language: str
    counts: dict[str, int]
    unchanged: bool = False
    notes: list[str] = field(default_factory=list)


def set_publication(*, measure: Measure, comments_public: str, names_public: bool, actor) -> None:
    """Set whether a measure's comments are published (never / after the period / at once)
    and whether authors' names are shown; each comment's own consent still applies."""
    from app.accounts.permissions import can_manage_users

    if not can_manage_users(actor):
        raise PermissionError("only an administrator changes a measure's publication settings")
    from app.audit.writer import changes, record

    measure.comments_public = CommentVisibility(comments_public)
    measure.names_public = bool(names_public)
    before, after = changes(measure, ["comments_public", "names_public"])
    if before or after:
        record(
            actor=actor,
            action="measure.publication",
            target_type="measure",
            target_id=measure.id,
            before=before,
            after=after,
        )
    db.session.flush()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def import_revision(
    *,
    document: Document,
    source_sha256: str,
    tz,
    published: bool = True,
    replacing: Revision | None = None,
) -> ImportOutcome:
    """Store ``document`` as a revision of its measure, or add its English text to one.

    The front matter names the measure (slug) and the revision number. A Chinese (or any
    primary-language) file creates the revision and its clauses; an English file
    (``language: en``) fills the English text of the clauses with the same keys. Importing
    the same file again changes nothing and says so. The caller commits; on ImportRefused
    nothing has been added to the session.

    ``published=False`` stores the revision unpublished (staff only, app/revisions); it then
    leaves the measure's details as they are, since the public still reads them.
    ``replacing`` (an unpublished revision, with the number the file names) stores the
    file's clauses in place of that revision's: its English text goes with the old clauses.
    """
    slug, number = _identity(document)
    if document.language == "en":
        return _import_translation(document, slug, number, source_sha256)
    if replacing is not None:
        return _replace_primary(replacing, document, slug, number, source_sha256, tz)
    return _import_primary(document, slug, number, source_sha256, tz, published=published)


def receipt_prefix_for(slug: str) -> str:
    """CP for certified-personnel: the initials of the slug's words, at most six."""
    return "".join(word[0] for word in slug.split("-") if word)[:6].upper() or "ZQ"


def _identity(document: Document) -> tuple[str, int]:
    meta = document.meta
    slug = (meta.get("measure") or "").strip()
    if not slug:
        raise ImportRefused("front matter: 'measure' (the measure's slug) is missing")
    if not slug.replace("-", "").isalnum() or slug != slug.lower() or not slug.isascii():
        raise ImportRefused(f"front matter: measure slug {slug!r} must be lower-case a-z, 0-9, -")
    raw = (meta.get("revision") or "").strip()
    if not raw.isdigit() or int(raw) < 1:
        raise ImportRefused(f"front matter: 'revision' must be a whole number >= 1, not {raw!r}")
    return slug, int(raw)


def _import_primary(document, slug, number, source_sha256, tz, *, published) -> ImportOutcome:
    measure = db.session.scalar(select(Measure).filter_by(slug=slug))
    existing = None
    if measure is not None:
        existing = db.session.scalar(select(Revision).filter_by(measure=measure, number=number))
    if existing is not None:
        if existing.source_sha256 == source_sha256:
            return ImportOutcome(existing, "zh", document.counts(), unchanged=True)
        if not existing.is_published:
            raise ImportRefused(
                f"revision {number} of {slug!r} is stored unpublished from a different file: "
                f"replace its text on the revision's page"
            )
        raise ImportRefused(
            f"revision {number} of {slug!r} is already stored from a different file; a "
            f"revision's text is not replaced once published: import the new text as "
            f"revision {number + 1}"
        )
    opens_at, closes_at, reason = _period(document.meta, tz)
    if measure is None and not document.meta.get("title", "").strip():
        # A later revision keeps the measure's title; a new measure needs one.
        raise ImportRefused("front matter: 'title' is missing")

    if measure is None:
        measure = Measure(slug=slug)
        db.session.add(measure)
        published_details = True
    else:
        published_details = published
    if published_details:
        _take_details(measure, document.meta)

    revision = Revision(
        measure=measure,
        number=number,
        label=document.meta.get("label", "").strip(),
        family=document.family,
        opens_at=opens_at,
        closes_at=closes_at,
        short_period_reason=reason,
        source_sha256=source_sha256,
        published_at=utcnow() if published else None,
    )
    db.session.add(revision)
    _add_clauses(revision, document)
    db.session.flush()
    return ImportOutcome(revision, "zh", document.counts())


def _take_details(measure: Measure, meta: dict[str, str]) -> None:
    """The measure's details as the front matter gives them (those it leaves out stay)."""
    for name in MEASURE_FIELDS:
        value = meta.get(name, "").strip()
        if value:
            setattr(measure, name, value)
    measure.receipt_prefix = (
        meta.get("receipt_prefix", "").strip().upper()[:10]
        or measure.receipt_prefix
        or receipt_prefix_for(measure.slug)
    )


def _replace_primary(revision, document, slug, number, source_sha256, tz) -> ImportOutcome:
    """The clauses of unpublished ``revision`` stored afresh from ``document``. Everything is
    checked before the old clauses go, so a refusal leaves the session as it was."""
    if revision.is_published:
        raise ImportRefused(
            f"revision {revision.number} of {revision.measure.slug!r} is published: its text "
            f"is not replaced; import the new text as revision {revision.number + 1}"
        )
    if (slug, number) != (revision.measure.slug, revision.number):
        raise ImportRefused(
            f"the file is revision {number} of {slug!r}, not revision {revision.number} of "
            f"{revision.measure.slug!r}"
        )
    if revision.source_sha256 == source_sha256:
        return ImportOutcome(revision, "zh", document.counts(), unchanged=True)
    opens_at, closes_at, reason = _period(document.meta, tz)
    db.session.execute(
        delete(Clause)
        .where(Clause.revision_id == revision.id)
        .execution_options(synchronize_session="fetch")
    )
    db.session.expire(revision, ["clauses"])
    revision.family = document.family
    revision.label = document.meta.get("label", "").strip() or revision.label
    if opens_at is not None:
        revision.opens_at, revision.closes_at = opens_at, closes_at
        revision.short_period_reason = reason
    revision.source_sha256 = source_sha256
    revision.source_en_sha256 = None  # the English text was of the old clauses
    _add_clauses(revision, document)
    db.session.flush()
    return ImportOutcome(revision, "zh", document.counts())


def _add_clauses(revision: Revision, document: Document) -> None:
    by_key: dict[str, Clause] = {}
    for item in document.clauses:
        clause = Clause(
            revision=revision,
            parent=by_key[item.parent] if item.parent else None,
            key=item.key,
            kind=item.kind,
            number=item.number,
            suffix=item.suffix,
            position=item.position,
            deleted=item.deleted,
            label=item.label,
            caption=item.caption,
            citation=item.citation,
            text=item.text,
        )
        by_key[item.key] = clause
    db.session.add_all(by_key.values())


def revision_of(slug: str, number: int) -> Revision | None:
    """Revision ``number`` of the measure ``slug``, published or not; None if there is none."""
    return db.session.scalar(
        select(Revision).join(Measure).where(Measure.slug == slug, Revision.number == number)
    )


def _import_translation(document, slug, number, source_sha256) -> ImportOutcome:
    revision = revision_of(slug, number)
    if revision is None:
        raise ImportRefused(
            f"English text of revision {number} of {slug!r}: import the Chinese text first"
        )
    if revision.source_en_sha256 == source_sha256:
        return ImportOutcome(revision, "en", document.counts(), unchanged=True)

    stored = {clause.key: clause for clause in revision.clauses}
    incoming = {clause.key: clause for clause in document.clauses}
    check_translation_keys(stored, incoming)
    for key, clause in stored.items():
        source = incoming[key]
        clause.label_en = source.label
        clause.caption_en = source.caption
        clause.citation_en = source.citation
        clause.text_en = source.text
    revision.source_en_sha256 = source_sha256
    title_en = document.meta.get("title_en") or document.meta.get("title") or ""
    if title_en.strip():
        revision.measure.title_en = title_en.strip()
    db.session.flush()
    return ImportOutcome(revision, "en", document.counts())


def check_translation_keys(stored: dict, incoming: dict) -> None:
    """Refuse an English text whose clause keys (``incoming``) are not those of the Chinese
    (``stored``: stored clauses or parsed ones, by key)."""
    only_en = [key for key in incoming if key not in stored]
    only_zh = [key for key in stored if key not in incoming]
    if only_en or only_zh:
        raise ImportRefused(
            "the English text does not align with the Chinese clause by clause: "
            + _key_list("only in the English file", only_en, incoming)
            + _key_list("only in the Chinese text", only_zh, stored)
        )


def _key_list(what: str, keys: list[str], clauses: dict) -> str:
    if not keys:
        return ""
    shown = ", ".join(f"{key} (line {getattr(clauses[key], 'line', '?')})" for key in keys[:10])
    more = f" and {len(keys) - 10} more" if len(keys) > 10 else ""
    return f"[{what}: {shown}{more}] "


def _period(meta: dict[str, str], tz) -> tuple:
    opens, closes = meta.get("opens", "").strip(), meta.get("closes", "").strip()
    if not opens and not closes:
        return None, None, ""
    if not (opens and closes):
        raise ImportRefused("front matter: give both 'opens' and 'closes', or neither")
    try:
        opens_day, closes_day = date.fromisoformat(opens), date.fromisoformat(closes)
    except ValueError as error:
        raise ImportRefused(f"front matter: dates must be YYYY-MM-DD ({error})") from None
    if closes_day < opens_day:
        raise ImportRefused(f"front matter: the period closes ({closes}) before it opens ({opens})")
    days = (closes_day - opens_day).days + 1
    reason = meta.get("short_period_reason", "").strip()
    if days < MIN_PERIOD_DAYS and not reason:
        raise ImportRefused(
            f"front matter: the comment period {opens} to {closes} is {days} days; a period "
            f"shorter than {MIN_PERIOD_DAYS} days needs a 'short_period_reason'"
        )
    return local_day_start(opens_day, tz), local_day_end(closes_day, tz), reason
