"""The summary table as CSV: UTF-8 with a BOM (so Excel reads the Chinese), one line a comment.

A spreadsheet opening the file would run any cell that starts with = + - @ (or a tab or carriage
return) as a formula; such cells get a leading apostrophe, the usual neutralisation, so a
comment reading "=HYPERLINK(...)" stays text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from app.exports.summary_model import Summary

_FORMULA_STARTS = ("=", "+", "-", "@")
_CONTROL_STARTS = ("\t", "\r")
_LEADING_BLANKS = " \u3000\n"  # spreadsheets skip these before looking for a formula


def neutralise_cell(value: object) -> object:
    """``value`` with a leading apostrophe when a spreadsheet would read it as a formula.

    Numbers are left alone: only text can smuggle a formula.
    """
    if not isinstance(value, str):
        return value
    if value.startswith(_CONTROL_STARTS) or value.lstrip(_LEADING_BLANKS).startswith(
        _FORMULA_STARTS + _CONTROL_STARTS
    ):
        return "'" + value
    return value


def write_summary_csv(summary: Summary) -> bytes:
    return write_cumulative_csv([summary])


def write_cumulative_csv(summaries: Sequence[Summary]) -> bytes:
    """The columns' heading line, a line per comment (a block's answer repeated on each of its
    lines), and nothing else: every line has the heading's columns, so CSV readers get a
    rectangle. The figures and totals are in the JSON edition and the XLSX/DOCX footers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise_cell(text) for text in summaries[0].labels.columns])
    for block in (block for summary in summaries for block in summary.blocks):
        for row in block.rows:
            writer.writerow(
                [
                    neutralise_cell(value)
                    for value in (
                        row.number,
                        row.citation,
                        row.revision,
                        row.body,
                        row.proposed,
                        row.unit,
                        block.answer,
                        row.note,
                    )
                ]
            )
    return out.getvalue().encode("utf-8-sig")
