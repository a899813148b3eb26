"""A revision's outputs as files, and the record of each one handed out.

The file is made first and recorded with its SHA-256, so the record proves what was given:
the same data on the same day gives the same bytes (the writers fix every timestamp).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date, datetime

from app.core.extensions import db
from app.core.filetypes import DOCX, XLSX, OutputFile
from app.exports.models import Download
from app.exports.summary import SummaryOptions, build_iso_sheet, build_summary
from app.exports.writers.csv_writer import write_cumulative_csv, write_summary_csv
from app.exports.writers.docx import write_cumulative_docx, write_summary_docx
from app.exports.writers.json_writer import write_cumulative_json, write_summary_json
from app.exports.writers.xlsx import write_cumulative_xlsx, write_iso_xlsx, write_summary_xlsx
from app.measures.models import Revision
from app.measures.queries import visible_revisions

SUMMARY_FORMATS: dict[str, tuple[str, Callable]] = {
    "xlsx": (XLSX, write_summary_xlsx),
    "docx": (DOCX, write_summary_docx),
    "csv": ("text/csv; charset=utf-8", write_summary_csv),
    "json": ("application/json", write_summary_json),
}


CUMULATIVE_WRITERS: dict[str, Callable] = {
    "xlsx": write_cumulative_xlsx,
    "docx": write_cumulative_docx,
    "csv": write_cumulative_csv,
    "json": write_cumulative_json,
}


def _stem(revision: Revision, what: str, options: SummaryOptions) -> str:
    parts = [revision.measure.slug, f"r{revision.number}", what, options.language]
    if options.answered_only:
        parts.append("answered")
    if not options.names:
        parts.append("no-names")
    return "-".join(parts)


@contextmanager
def collector_paused():
    """Pause Python's cycle collector while a table is built and written.

    A table of 10,000 comments creates hundreds of thousands of small objects that all stay
    alive until the file is written; the collector would scan them again and again (a quarter
    of the export's time, measured by bench/export_speed.py) and find no cycle to free.
    Reference counting still frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def summary_file(revision: Revision, options: SummaryOptions, fmt: str, *, today: date):
    """The summary and handling table in ``fmt`` (xlsx, docx, csv, json)."""
    mime, write = SUMMARY_FORMATS[fmt]
    with collector_paused():
        data = write(build_summary(revision, options, today=today))
    filename = f"{_stem(revision, 'summary', options)}.{fmt}"
    return OutputFile(f"summary.{fmt}", filename, mime, data)


def cumulative_revisions(revision: Revision) -> list[Revision]:
    """The published revisions of ``revision``'s measure up to it, in order: what the
    cumulative edition covers (a comment's row stays with the revision it was made on)."""
    return [
        other
        for other in visible_revisions(revision.measure, with_unpublished=False)
        if other.number <= revision.number
    ]


def cumulative_file(revision: Revision, options: SummaryOptions, fmt: str, *, today: date):
    """The cumulative edition in ``fmt``: the summary of every published revision up to
    ``revision`` (one sheet each in XLSX, one table each from a new page in DOCX, one file of
    rows in CSV told apart by the revision column, a list of editions in JSON)."""
    mime, _write = SUMMARY_FORMATS[fmt]
    with collector_paused():
        summaries = [
            build_summary(other, options, today=today) for other in cumulative_revisions(revision)
        ]
        data = CUMULATIVE_WRITERS[fmt](summaries)
    filename = f"{_stem(revision, 'summary-cumulative', options)}.{fmt}"
    return OutputFile(f"summary-cumulative.{fmt}", filename, mime, data)


def iso_file(revision: Revision, options: SummaryOptions, *, today: date) -> OutputFile:
    """The ISO-style comment sheet (XLSX)."""
    with collector_paused():
        data = write_iso_xlsx(build_iso_sheet(revision, options, today=today))
    return OutputFile("iso.xlsx", f"{_stem(revision, 'iso-comments', options)}.xlsx", XLSX, data)


def record_download(
    *, user, revision: Revision, output: OutputFile, options: dict, now: datetime
) -> Download:
    """Record that ``user`` was handed ``output`` (flushed, not committed)."""
    download = Download(
        at=now,
        user_id=user.id,
        revision_id=revision.id,
        kind=output.kind,
        options=options,
        filename=output.filename,
        size=len(output.data),
        sha256=output.sha256,
    )
    db.session.add(download)
    db.session.flush()
    return download
