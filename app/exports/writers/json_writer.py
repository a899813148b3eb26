"""The summary table as a stable JSON document: sorted keys, UTF-8, the same data the same bytes.

``read_summary_json`` turns the document back into a Summary, so a download can be checked or
rewritten in another format.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict

from app.exports.summary_model import (
    Summary,
    SummaryBlock,
    SummaryHeader,
    SummaryLabels,
    SummaryRow,
)

FORMAT = "zhengqiu.summary/3"  # 2: each row names the revision commented on; 3: its status
# Documents this reader still reads: a /2 document's rows are all standing comments.
READABLE = (FORMAT, "zhengqiu.summary/2")


def summary_document(summary: Summary) -> dict:
    """The summary as plain JSON-ready data."""
    return {
        "format": FORMAT,
        "language": summary.language,
        "header": asdict(summary.header),
        "labels": {**asdict(summary.labels), "columns": list(summary.labels.columns)},
        "blocks": [
            {
                "answer": block.answer,
                "disposition": block.disposition,
                "group_title": block.group_title,
                "rows": [asdict(row) for row in block.rows],
            }
            for block in summary.blocks
        ],
        "figures": [{"caption": caption, "figure": figure} for caption, figure in summary.figures],
        "totals": [{"caption": caption, "figure": figure} for caption, figure in summary.totals],
        "options": summary.options,
    }


CUMULATIVE_FORMAT = "zhengqiu.summary-cumulative/1"


def write_summary_json(summary: Summary) -> bytes:
    return _dumps(summary_document(summary))


def write_cumulative_json(summaries: Sequence[Summary]) -> bytes:
    """The cumulative edition: each revision's summary document, in order."""
    return _dumps(
        {
            "format": CUMULATIVE_FORMAT,
            "editions": [summary_document(summary) for summary in summaries],
        }
    )


def _dumps(document: dict) -> bytes:
    text = json.dumps(
        document,
        ensure_ascii=False,
        sort_keys=True,
        indent=2,
        default=str,  # an option such as a date is written as its ISO text
    )
    return (text + "\n").encode("utf-8")


def read_summary_json(data: bytes | str) -> Summary:
    """A Summary from a document of ``write_summary_json``; ValueError says what is wrong."""
    try:
        document = json.loads(data)
        if document.get("format") not in READABLE:
            raise ValueError(f"not a summary document (format {document.get('format')!r})")
        labels = dict(document["labels"])
        labels["columns"] = tuple(labels["columns"])
        return Summary(
            language=document["language"],
            header=SummaryHeader(**document["header"]),
            labels=SummaryLabels(**labels),
            blocks=tuple(
                SummaryBlock(
                    rows=tuple(SummaryRow(**row) for row in block["rows"]),
                    answer=block["answer"],
                    disposition=block["disposition"],
                    group_title=block["group_title"],
                )
                for block in document["blocks"]
            ),
            figures=tuple((item["caption"], item["figure"]) for item in document["figures"]),
            totals=tuple((item["caption"], item["figure"]) for item in document["totals"]),
            options=dict(document["options"]),
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"summary JSON is incomplete or malformed: {error!r}") from error
