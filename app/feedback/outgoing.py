"""The feedback form of a revision (意见反馈表) as a file: blank, or with the unit's details
filled in for the participant who downloads it (or for the unit the team names)."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.permissions import is_participant
from app.core.extensions import db
from app.core.filetypes import DOCX, XLSX, OutputFile
from app.feedback.files.form_writing import FormSpec, write_form_docx, write_form_xlsx
from app.measures.models import Clause, Revision

FORM_FORMATS = {"docx": (DOCX, write_form_docx), "xlsx": (XLSX, write_form_xlsx)}
# What commenters cite: articles and what is inside them, annexes, a standard's clauses;
# parts, chapters and sections are headings, not provisions.
HEADINGS = ("part", "chapter", "section")


def form_identifier(revision: Revision) -> str:
    return f"{revision.measure.slug}/r{revision.number}"


def revision_citations(revision: Revision, language: str) -> list[str]:
    """The revision's citations in document order, each once (an article with one paragraph
    shares its citation with that paragraph)."""
    rows = db.session.execute(
        select(Clause.citation, Clause.citation_en)
        .where(
            Clause.revision_id == revision.id,
            Clause.deleted.is_(False),
            Clause.kind.not_in(HEADINGS),
        )
        .order_by(Clause.position)
    )
    seen: dict[str, None] = {}
    for citation, citation_en in rows:
        chosen = (citation_en if language == "en" else "") or citation
        if chosen:
            seen.setdefault(chosen, None)
    return list(seen)


def form_file(
    revision: Revision,
    fmt: str,
    *,
    language: str,
    unit: str = "",
    contact: str = "",
    email: str = "",
) -> OutputFile:
    mime, write = FORM_FORMATS[fmt]
    spec = FormSpec(
        title=revision.measure.title_in(language),
        revision_label=revision.label,
        language=language,
        identifier=form_identifier(revision),
        citations=revision_citations(revision, language),
        unit=unit,
        contact=contact,
        email=email,
    )
    stem = f"{revision.measure.slug}-r{revision.number}-feedback-form-{language}"
    return OutputFile(f"form.{fmt}", f"{stem}.{fmt}", mime, write(spec))


def filled_in_for(user, unit=None) -> dict[str, str]:
    """What the form has filled in for ``user``: a participant's own unit, name and e-mail;
    the unit the team names (``unit``, see app.feedback.loaders.addressed_unit); else nothing."""
    if is_participant(user):
        return {
            "unit": user.unit.name if user.unit else "",
            "contact": user.name,
            "email": user.email,
        }
    return {"unit": unit.name} if unit is not None else {}
