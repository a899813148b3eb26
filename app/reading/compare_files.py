"""The comparison of two revisions as a file (DOCX, XLSX): the writers' plain model built
from the comparison, in the texts' language; the staff's edition has the answers' column."""

from __future__ import annotations

from datetime import date

from flask_babel import force_locale
from flask_babel import gettext as _

from app.core.filetypes import OutputFile
from app.exports.writers.comparison import (
    CompareLine,
    CompareSheet,
    write_compare_docx,
    write_compare_xlsx,
)
from app.measures.models import Measure
from app.reading.comparison import ROW_KIND_LABELS, Comparison
from app.triage.models import DISPOSITION_LABELS, Response

FORMATS = {
    "docx": (
        write_compare_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        write_compare_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


def revision_name(revision, language: str) -> str:
    return revision.label_in(language) or _("Revision %(number)s", number=revision.number)


def compare_sheet(
    measure: Measure,
    comparison: Comparison,
    *,
    answers: dict[int, list[Response]] | None,
    today: date,
) -> CompareSheet:
    """``answers`` ({row index: answers}) for the staff's edition; None for the public one."""
    language = comparison.language
    with force_locale("en" if language == "en" else "zh"):
        columns = [_("Change"), _("Before"), _("After")]
        if answers is not None:
            columns.append(_("Answers that explain the change"))
        counts = comparison.counts
        summary = ("; " if language == "en" else "；").join(
            f"{ROW_KIND_LABELS[kind]} {number}" for kind, number in counts.items() if number
        )
        lines = [
            CompareLine(
                str(ROW_KIND_LABELS[row.kind]),
                row.before,
                row.after,
                [_answer_line(r, language) for r in (answers or {}).get(row.index, [])],
            )
            for row in comparison.rows
        ]
        subtitle = _(
            "Comparison of %(old)s and %(new)s",
            old=revision_name(comparison.old, language),
            new=revision_name(comparison.new, language),
        )
        title = measure.title_in(language)
        footer = _("Page {page} of {pages}")
    return CompareSheet(
        title=title,
        subtitle=subtitle,
        language=language,
        columns=columns,
        lines=lines,
        day=today.isoformat(),
        summary=summary,
        page_footer=footer,
    )


def _answer_line(response: Response, language: str) -> str:
    reason = response.reason_en if language == "en" and response.reason_en else response.reason
    target = (
        response.group.title
        if response.group
        else (response.comment.receipt if response.comment else "")
    )
    label = DISPOSITION_LABELS[response.disposition]
    if language == "en":
        return f"{label} ({target}): {reason}"
    return f"{label}（{target}）：{reason}"


def compare_file(
    measure: Measure, comparison: Comparison, fmt: str, *, answers, today: date
) -> OutputFile:
    write, mime = FORMATS[fmt]
    data = write(compare_sheet(measure, comparison, answers=answers, today=today))
    edition = "staff" if answers is not None else "public"
    name = f"{measure.slug}-compare-{comparison.old.number}-{comparison.new.number}-{edition}.{fmt}"
    return OutputFile(kind=f"compare.{fmt}", filename=name, mime=mime, data=data)
