"""The consistency check's page: the answers of the previous revision against this text."""

from __future__ import annotations

from flask import render_template

from app.lineage.models import LINK_KIND_LABELS
from app.triage.consistency import NO_LANDING, check
from app.triage.grouping import group_label
from app.triage.loaders import staff_any_revision
from app.triage.responses_views import answer_page


def consistency(slug: str, number: int):
    revision = staff_any_revision(slug, number)
    return render_template(
        "triage/consistency.html",
        revision=revision,
        measure=revision.measure,
        **consistency_context(check(revision=revision)),
    )


def consistency_context(report) -> dict:
    """What triage/_consistency_report.html reads: the report (or None), and how to name and
    link its answers; for the check's page and for the adoption report's staff edition."""
    return {
        "consistency": report,
        "answer_page": answer_page,
        "answer_name": lambda r: group_label(r.group) if r.group_id else r.comment.receipt,
        "link_kind_labels": LINK_KIND_LABELS,
        "no_landing": NO_LANDING,
    }
